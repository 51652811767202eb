/**
 * The audit trail: every change leaves one event in the same transaction,
 * refused changes leave none, rows cannot be updated or deleted through SQL,
 * and a tampered or removed row is found by the verification (and by
 * `npm run audit:verify`, which exits 1).
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { recordAudit, verifyAuditTrail } from '../../electron/core/audit/trail'
import { scrubbedMark } from '../../shared/validation/sensitiveText'
import { apiErrorOf, call, ctx, openTestCore, tempDir } from '../fixtures/core'
import { FakePrinter, noticeInput, seedPlaces } from '../fixtures/notices'

const open: Core[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()))
})

async function coreWithHistory(dataDir = tempDir()): Promise<Core> {
  const core = await openTestCore(dataDir)
  open.push(core)
  const community = await call(core, 'places.saveCommunity', { name: '迎春社区' })
  const compound = await call(core, 'places.saveCompound', {
    communityId: community.id,
    name: '迎春花园',
    kind: 'commercial',
    management: 'none',
  })
  await call(core, 'places.saveCompound', { ...compound, version: compound.version, name: '迎春花园二期' })
  await call(core, 'places.archiveCompound', { id: compound.id, archived: true })
  return core
}

type Row = { id: number; action: string; entity: string; entity_id: number; detail: string; staff_id: number }

describe('audit trail', () => {
  it('records each change once, with who, what and which record', async () => {
    const core = await coreWithHistory()
    const rows = (await core.db('audit_events').orderBy('id')) as Row[]
    expect(rows.map((r) => `${r.action} ${r.entity}`)).toEqual([
      'create community',
      'create compound',
      'update compound',
      'archive compound',
    ])
    expect(rows.every((r) => r.staff_id === 1)).toBe(true)
    await expect(verifyAuditTrail(core.db)).resolves.toMatchObject({ ok: true, checked: 4 })
  })

  it('records notices published, printed and exported, without the printout itself', async () => {
    const printer = new FakePrinter()
    const core = await openTestCore(tempDir(), printer)
    open.push(core)
    const places = await seedPlaces(core)
    const notice = await call(core, 'notices.save', noticeInput(places.yingchun))
    await call(core, 'notices.publish', { id: notice.id, version: notice.version })
    const target = { document: 'notice' as const, id: notice.id, layout: 'official' as const }
    await call(core, 'print.send', { target, printer: 'HP-前台', copies: 2, paper: 'A4' })
    await call(core, 'print.savePdf', { target, suggestedName: '通知' })
    const rows = (await core.db('audit_events').where({ entity: 'notice' }).orderBy('id')) as Row[]
    expect(rows.map((r) => r.action)).toEqual(['create', 'publish', 'print', 'export'])
    expect(JSON.parse(rows[2]!.detail)).toEqual({
      document: 'notice',
      layout: 'official',
      printer: 'HP-前台',
      copies: 2,
      paper: 'A4',
    })
    await expect(verifyAuditTrail(core.db)).resolves.toMatchObject({ ok: true })
  })

  it('writes nothing for a refused change', async () => {
    const core = await coreWithHistory()
    const before = await core.db('audit_events').count({ n: '*' }).first()
    const err = await apiErrorOf(() => call(core, 'places.saveCommunity', { name: '迎春社区' }))
    expect(err.code).toBe('CONFLICT')
    await expect(core.db('audit_events').count({ n: '*' }).first()).resolves.toEqual(before)
  })

  it('refuses UPDATE and DELETE on audit rows', async () => {
    const core = await coreWithHistory()
    await expect(core.db('audit_events').where({ id: 1 }).update({ action: 'x' })).rejects.toThrow(/append-only/)
    await expect(core.db('audit_events').where({ id: 1 }).delete()).rejects.toThrow(/append-only/)
  })

  it('detects a changed row and a removed row', async () => {
    const core = await coreWithHistory()
    await core.db.raw('DROP TRIGGER audit_events_no_update')
    await core.db.raw('DROP TRIGGER audit_events_no_delete')
    await core.db('audit_events').where({ id: 2 }).update({ detail: '{"forged":true}' })
    await expect(verifyAuditTrail(core.db)).resolves.toMatchObject({ ok: false, brokenAt: 2, checked: 1 })

    const other = await coreWithHistory()
    await other.db.raw('DROP TRIGGER audit_events_no_delete')
    await other.db('audit_events').where({ id: 3 }).delete()
    const result = await verifyAuditTrail(other.db)
    expect(result).toMatchObject({ ok: false, brokenAt: 4 })
    expect(result.reason).toContain('删除或改动')
  })

  it('detects rows removed from the end of the trail, which leave the chain itself intact', async () => {
    const core = await coreWithHistory()
    await expect(verifyAuditTrail(core.db)).resolves.toMatchObject({ ok: true, checked: 4 })
    await core.db.raw('DROP TRIGGER audit_events_no_delete')
    await core.db('audit_events').where('id', '>=', 3).delete()
    const result = await verifyAuditTrail(core.db)
    expect(result).toMatchObject({ ok: false, checked: 2, brokenAt: 3 })
    expect(result.reason).toBe('最后2条记录（第3条起）被删除')
  })

  it('keeps no phone or ID number typed into a reason, and the scrubbed row still verifies', async () => {
    const core = await coreWithHistory()
    const typed = '居民13812345678来电，核对身份证11010519491231002X'
    await core.db.transaction((trx) =>
      recordAudit(trx, ctx, {
        action: 'reveal',
        entity: 'person',
        entityId: 1,
        detail: { field: 'phone', reason: typed },
      }),
    )
    const row = (await core.db('audit_events').orderBy('id', 'desc').first('detail')) as { detail: string }
    expect(JSON.parse(row.detail)).toEqual({
      field: 'phone',
      reason: `居民${scrubbedMark}来电，核对身份证${scrubbedMark}`,
    })
    expect(row.detail).not.toContain('13812345678')
    expect(row.detail).not.toContain('11010519491231002X')
    await expect(verifyAuditTrail(core.db)).resolves.toMatchObject({ ok: true, checked: 5 })
  })

  it('npm run audit:verify exits 0 on an intact trail and 1 on a tampered one', async () => {
    const dataDir = tempDir()
    const core = await coreWithHistory(dataDir)
    await core.close()
    open.splice(open.indexOf(core), 1)
    const root = path.resolve(import.meta.dirname, '../..')
    const run = () =>
      execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['electron/core/audit/verifyCli.ts', '--data', dataDir], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      })
    expect(run()).toContain('审计记录完整：已核验 4 条')

    const again = await openTestCore(dataDir)
    await again.db.raw('DROP TRIGGER audit_events_no_update')
    await again.db('audit_events').where({ id: 1 }).update({ at: '2020-01-01T00:00:00.000Z' })
    await again.close()
    let status = 0
    try {
      run()
    } catch (err) {
      status = (err as { status: number }).status
    }
    expect(status).toBe(1)
  })
})
