/**
 * Backups and restores on real SQLite files: a backup holds exactly the rows
 * of its moment and a restore brings exactly those back; a damaged, changed
 * or too-new backup is refused with nothing changed; an older-schema backup
 * is migrated after restoring; everyone signs in again; only administrators
 * restore; calls in flight are not cut off by the swap.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { DATABASE_FILE } from '../../electron/core/app'
import { createSession, contextForToken } from '../../electron/core/auth/sessions'
import { openDatabase } from '../../electron/core/db/connection'
import { migrateWithBackup } from '../../electron/core/db/migrate'
import { migrations } from '../../electron/core/db/migrations'
import { writeBackup } from '../../electron/core/backup/writer'
import { manifestName } from '../../electron/core/backup/names'
import { allRows, withRaw } from '../../electron/core/backup/sqliteFile'
import { verifyAuditTrail } from '../../electron/core/audit/trail'
import { apiErrorOf, call, ctx, fixedNow } from '../fixtures/core'
import { as, corruptPages, dump, freshDataDir, integrity, openBackupCore } from '../fixtures/backup'

const tables = ['communities', 'compounds', 'persons', 'visits', 'complaints']

const open: Core[] = []
async function start(dataDir = freshDataDir()): Promise<Core> {
  const core = await openBackupCore(dataDir)
  open.push(core)
  return core
}
afterEach(async () => {
  for (const core of open.splice(0)) await core.close()
})

async function seed(core: Core, tag: string): Promise<void> {
  const community = await call(core, 'places.saveCommunity', { name: `${tag}社区` })
  await call(core, 'places.saveCompound', {
    communityId: community.id,
    name: `${tag}花园`,
    kind: 'commercial',
    management: 'none',
  })
  await call(core, 'visits.create', {
    person: { name: '张三', phone: '13812345678' },
    subject: `${tag}：咨询养老补贴`,
    outcome: 'on_spot',
    answer: '已告知办理条件',
  })
}

interface AuditRow {
  action: string
  detail: string
}
function stageOf(e: AuditRow): [string, string | undefined] {
  const detail = JSON.parse(e.detail) as { stage?: string; kind?: string }
  return [e.action, detail.stage ?? detail.kind]
}

function backupFile(core: Core, id: string): string {
  return path.join(core.paths.backupsDir, id)
}

describe('backup → verify → restore', () => {
  it('brings back exactly the rows the backup held, and keeps the replaced data as a 恢复前 backup', async () => {
    const core = await start()
    await seed(core, '迎春')
    const before = await dump(core.db, tables)
    const entry = await call(core, 'backup.create', {})
    expect(entry).toMatchObject({
      kind: 'manual',
      kindLabel: '手动',
      verified: true,
      newerSchema: false,
      problem: null,
    })
    expect(entry.sizeBytes).toBeGreaterThan(0)
    expect(path.dirname(backupFile(core, entry.id))).toBe(path.join(path.dirname(core.paths.dataDir), 'data-backups'))
    expect(await call(core, 'backup.verify', { id: entry.id })).toMatchObject({ ok: true, message: '备份完好' })

    await seed(core, '春风')
    const changed = await dump(core.db, tables)
    expect(changed).not.toEqual(before)

    const result = await call(core, 'backup.restore', { id: entry.id })
    expect(result).toMatchObject({ restoredFrom: entry.id, migrated: false, signInAgain: true })
    expect(result.message).toMatch(/所有人需要重新登录/)
    expect(await dump(core.db, tables)).toEqual(before)
    expect(await integrity(core.db)).toBe('ok')

    // The data the restore replaced is itself a verified backup, holding the later rows.
    const list = await call(core, 'backup.list', {})
    const pre = list.find((b) => b.id === result.savedCurrentAs)
    expect(pre).toMatchObject({ kind: 'pre_restore', kindLabel: '恢复前', verified: true })
    const preRows = await withRaw(backupFile(core, pre?.id ?? ''), 'ro', (db) =>
      allRows(db, 'SELECT name FROM communities ORDER BY id'),
    )
    expect(preRows).toEqual([{ name: '迎春社区' }, { name: '春风社区' }])

    // Audited: the restored database records the restore; the 恢复前 copy records the backup and the request
    // that replaced it (it was taken after the request). The hash chain stays whole in both.
    const events = (await core.db('audit_events').where({ entity: 'backup' }).orderBy('id')) as AuditRow[]
    expect(events.map(stageOf)).toEqual([['restore', 'restored']])
    expect(JSON.parse(events[0]?.detail ?? '{}')).toMatchObject({ restoredFrom: entry.id, preRestoreBackup: pre?.id })
    expect((await verifyAuditTrail(core.db)).ok).toBe(true)
    const preEvents = await withRaw(backupFile(core, pre?.id ?? ''), 'ro', (db) =>
      allRows<AuditRow>(db, "SELECT action, detail FROM audit_events WHERE entity = 'backup' ORDER BY id"),
    )
    expect(preEvents.map(stageOf)).toEqual([
      ['backup', 'manual'],
      ['restore', 'requested'],
    ])
  })

  it('ends every session, so everyone signs in again', async () => {
    const core = await start()
    await seed(core, '迎春')
    const token = await createSession(core.db, 1, fixedNow)
    const clock = { now: () => fixedNow }
    expect((await contextForToken(core.db, token, clock)).staff?.id).toBe(1)
    const entry = await call(core, 'backup.create', {})
    await call(core, 'backup.restore', { id: entry.id })
    expect((await core.contextFor(token, clock)).staff).toBeNull()
  })

  it('restores a backup of an older schema and brings it up to date', async () => {
    const core = await start()
    // An older version's database: only the first three migrations, with a community in it.
    const oldDir = path.join(path.dirname(core.paths.dataDir), 'old')
    fs.mkdirSync(oldDir)
    const oldFile = path.join(oldDir, DATABASE_FILE)
    const old = openDatabase(oldFile)
    try {
      await migrateWithBackup(old, {
        takeBackup: () => Promise.reject(new Error('fresh')),
        list: migrations.slice(0, 3),
      })
      const at = fixedNow.toISOString()
      await old('communities').insert({
        name: '旧版社区',
        created_at: at,
        updated_at: at,
        created_by: 1,
        updated_by: 1,
      })
    } finally {
      await old.destroy()
    }
    fs.mkdirSync(core.paths.backupsDir, { recursive: true })
    const written = await writeBackup({
      databaseFile: oldFile,
      folder: core.paths.backupsDir,
      kind: 'manual',
      at: fixedNow,
      appVersion: '0.0.1',
    })
    expect(written.manifest.schemaVersion).toBe('003')

    await seed(core, '迎春')
    const result = await call(core, 'backup.restore', { id: written.name })
    expect(result.migrated).toBe(true)
    expect(result.schemaVersion).toBe(core.migration.schemaVersion)
    expect(result.message).toMatch(/已自动升级/)
    expect(await core.db('communities').pluck('name')).toEqual(['旧版社区'])
    expect(await core.db.schema.hasTable('sessions')).toBe(true)
    expect(core.migration.applied).toEqual(migrations.slice(3).map((m) => m.name))
    // Migrating the restored database took its own 升级前 backup first.
    const kinds = (await call(core, 'backup.list', {})).map((b) => b.kind)
    expect(kinds).toContain('pre_migrate')
    expect(kinds).toContain('pre_restore')
  })

  it('lets calls in flight finish and makes new ones wait for the new database', async () => {
    const core = await start()
    await seed(core, '迎春')
    const entry = await call(core, 'backup.create', {})
    await seed(core, '春风')
    const reads: Promise<number>[] = []
    const restoring = call(core, 'backup.restore', { id: entry.id })
    for (let i = 0; i < 40; i++) {
      reads.push(call(core, 'places.listCommunities', {}).then((list) => list.length))
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    await restoring
    const counts = await Promise.all(reads)
    // Every read answered (none hit a closed database), each from one database or the other.
    expect(counts.every((n) => n === 1 || n === 2)).toBe(true)
    expect(await call(core, 'places.listCommunities', {})).toHaveLength(1)
  })
})

describe('a backup that cannot be trusted', () => {
  it('is refused when its bytes changed after writing, and nothing changes', async () => {
    const core = await start()
    await seed(core, '迎春')
    const entry = await call(core, 'backup.create', {})
    await seed(core, '春风')
    const current = await dump(core.db, tables)
    corruptPages(backupFile(core, entry.id))

    const err = await apiErrorOf(() => call(core, 'backup.restore', { id: entry.id }))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toMatch(/不能用来恢复.*校验码不一致.*当前数据没有任何改动/)
    expect(await dump(core.db, tables)).toEqual(current)
    const list = await call(core, 'backup.list', {})
    expect(list.map((b) => b.kind)).toEqual(['manual'])
    expect(list[0]).toMatchObject({ verified: false })
    expect(list[0]?.problem).toMatch(/校验码不一致/)
    expect(
      await core.db('audit_events').where({ entity: 'backup', action: 'restore' }).count({ n: '*' }).first(),
    ).toEqual({ n: 0 })
  })

  it('is refused by integrity_check when there is no checksum to compare', async () => {
    const core = await start()
    await seed(core, '迎春')
    const entry = await call(core, 'backup.create', {})
    fs.rmSync(backupFile(core, entry.id) + '.json')
    expect((await call(core, 'backup.list', {}))[0]).toMatchObject({ id: entry.id, verified: null })
    corruptPages(backupFile(core, entry.id))

    const verified = await call(core, 'backup.verify', { id: entry.id })
    expect(verified.ok).toBe(false)
    expect(verified.message).toMatch(/^备份文件已损坏/)
    const err = await apiErrorOf(() => call(core, 'backup.restore', { id: entry.id }))
    expect(err.message).toMatch(/不能用来恢复：备份文件已损坏/)
    expect(await core.db('communities').orderBy('id').pluck('name')).toEqual(['迎春社区'])
  })

  it('is refused when it comes from a newer version of the app', async () => {
    const core = await start()
    await seed(core, '迎春')
    const entry = await call(core, 'backup.create', {})
    const file = backupFile(core, entry.id)
    await withRaw(
      file,
      'rw',
      (db) =>
        new Promise<void>((resolve, reject) =>
          db.run("INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('999_future', 9, 0)", (err) =>
            err ? reject(err) : resolve(),
          ),
        ),
    )
    fs.rmSync(path.join(path.dirname(file), manifestName(entry.id)))
    expect((await call(core, 'backup.list', {}))[0]).toMatchObject({ newerSchema: true, schemaVersion: '999' })
    const err = await apiErrorOf(() => call(core, 'backup.restore', { id: entry.id }))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toMatch(/更新版本的社区服务台（数据版本 999）.*请先升级/)
    expect(await core.db('communities').orderBy('id').pluck('name')).toEqual(['迎春社区'])
  })

  it('cannot be named by a path: ids are file names looked up in the backup folders', async () => {
    const core = await start()
    const bad = await apiErrorOf(() => core.call(ctx, 'backup.restore', { id: '../data/community-desk.sqlite' }))
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'id' })
    const missing = await apiErrorOf(() => call(core, 'backup.restore', { id: 'cd-20260101-000000-manual.sqlite' }))
    expect(missing.code).toBe('NOT_FOUND')
  })
})

describe('who may back up and restore', () => {
  it('is the administrator only; others are refused before anything happens', async () => {
    const core = await start()
    await seed(core, '迎春')
    const entry = await call(core, 'backup.create', {})
    for (const role of ['front_desk', 'mediator', 'viewer'] as const) {
      expect((await apiErrorOf(() => core.call(as(role), 'backup.restore', { id: entry.id }))).code).toBe('FORBIDDEN')
      expect((await apiErrorOf(() => core.call(as(role), 'backup.create', {}))).code).toBe('FORBIDDEN')
      expect((await apiErrorOf(() => core.call(as(role), 'backup.list', {}))).code).toBe('FORBIDDEN')
    }
    expect((await apiErrorOf(() => core.call(as('signed_out'), 'backup.restore', { id: entry.id }))).code).toBe(
      'UNAUTHENTICATED',
    )
    expect((await call(core, 'backup.list', {})).map((b) => b.kind)).toEqual(['manual'])
  })
})
