/**
 * Start-up on a damaged database: core does not crash, it opens in recovery
 * mode, refuses everything but recovery.* with a Chinese RECOVERY error (also
 * over HTTP), offers the newest good backup, and restoreLatest brings the
 * data back, keeping the damaged file aside. Recovery is for this machine
 * only and does nothing in normal mode.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { createHttpServer } from '../../electron/server/http'
import { buildOpenApi } from '../../electron/server/openapi'
import { apiErrorOf, call, ctx } from '../fixtures/core'
import { as, corruptPages, destroyHeader, dump, freshDataDir, integrity, openBackupCore } from '../fixtures/backup'

const open: Core[] = []
async function start(dataDir: string): Promise<Core> {
  const core = await openBackupCore(dataDir, { automaticBackups: false })
  open.push(core)
  return core
}
afterEach(async () => {
  for (const core of open.splice(0)) await core.close()
})

const remote = { ...ctx, staff: null, local: false }
const local = { ...ctx, staff: null, local: true }

/** A data folder whose database holds two communities and has one good backup of them, then is damaged. */
/** Each table's first page (its b-tree root), to damage one table's data and not the schema. */
type RootPages = Record<string, number>

async function damagedWithBackup(damage: (file: string, roots: RootPages) => void = (f) => corruptPages(f, 2, 6)) {
  const dataDir = freshDataDir()
  const core = await start(dataDir)
  await call(core, 'places.saveCommunity', { name: '迎春社区' })
  await call(core, 'places.saveCommunity', { name: '春风社区' })
  const rows = await dump(core.db, ['communities'])
  const backup = await call(core, 'backup.create', {})
  const tables = (await core.db.raw("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'")) as {
    name: string
    rootpage: number
  }[]
  await core.close()
  open.splice(open.indexOf(core), 1)
  damage(core.paths.databaseFile, Object.fromEntries(tables.map((t) => [t.name, t.rootpage])))
  return { dataDir, rows, backup, databaseFile: core.paths.databaseFile }
}

describe('a damaged database at start-up', () => {
  it('opens core in recovery mode instead of failing, and refuses everything else in Chinese', async () => {
    const { dataDir } = await damagedWithBackup()
    const core = await start(dataDir)
    expect(core.recovery?.problem).toMatch(/数据库文件已损坏/)
    expect(() => core.db).toThrow(/恢复模式/)
    for (const [method, input] of [
      ['places.listCommunities', {}],
      ['auth.status', {}],
      ['backup.list', {}],
    ] as const) {
      const err = await apiErrorOf(() => core.call(ctx, method, input))
      expect(err.code, method).toBe('RECOVERY')
      expect(err.message).toMatch(/恢复模式/)
    }
    expect((await apiErrorOf(() => core.call(ctx, 'no.such', {}))).code).toBe('UNKNOWN_METHOD')
    expect((await core.contextFor('any-token')).staff).toBeNull()
  })

  it('says what happened and offers the newest good backup; restoreLatest brings the rows back', async () => {
    const { dataDir, rows, backup, databaseFile } = await damagedWithBackup()
    const core = await start(dataDir)
    const status = await call(core, 'recovery.status', {}, local)
    expect(status).toMatchObject({ active: true, dataDir: path.resolve(dataDir) })
    expect(status.problem).toMatch(/恢复模式/)
    expect(status.detail).not.toBeNull()
    expect(status.latestGood?.id).toBe(backup.id)

    const result = await call(core, 'recovery.restoreLatest', {}, local)
    expect(result).toMatchObject({ restoredFrom: backup.id, signInAgain: true })
    expect(result.savedCurrentAs).toMatch(/^community-desk\.sqlite\.damaged-/)
    expect(result.message).toMatch(/损坏的数据库文件已保留/)
    expect(core.recovery).toBeNull()
    expect(await dump(core.db, ['communities'])).toEqual(rows)
    expect(await integrity(core.db)).toBe('ok')
    // The damaged file is kept for whoever investigates; the app works normally again.
    expect(fs.existsSync(path.join(path.dirname(databaseFile), result.savedCurrentAs ?? ''))).toBe(true)
    expect(await call(core, 'places.saveCommunity', { name: '新社区' })).toMatchObject({ name: '新社区' })
    expect(await call(core, 'recovery.status', {}, local)).toMatchObject({ active: false })
    const audit = (await core.db('audit_events').where({ entity: 'backup', action: 'restore' })) as {
      staff_id: number | null
      detail: string
    }[]
    expect(audit).toHaveLength(1)
    expect(audit[0]?.staff_id).toBeNull()
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ stage: 'recovered', restoredFrom: backup.id })

    // And the next start is a normal one.
    await core.close()
    open.splice(open.indexOf(core), 1)
    const again = await start(dataDir)
    expect(again.recovery).toBeNull()
    expect(await again.db('communities').orderBy('id').pluck('name')).toEqual(['迎春社区', '春风社区', '新社区'])
  })

  it('also starts when the file is not a database at all', async () => {
    const { dataDir, rows } = await damagedWithBackup(destroyHeader)
    const core = await start(dataDir)
    expect(core.recovery).not.toBeNull()
    await call(core, 'recovery.restoreLatest', {}, local)
    expect(await dump(core.db, ['communities'])).toEqual(rows)
  })

  it('passes over a damaged newer backup for the next good one', async () => {
    const dataDir = freshDataDir()
    const core = await start(dataDir)
    await call(core, 'places.saveCommunity', { name: '迎春社区' })
    const good = await call(core, 'backup.create', {})
    await call(core, 'places.saveCommunity', { name: '春风社区' })
    const newer = await call(core, 'backup.create', {})
    await core.close()
    open.splice(open.indexOf(core), 1)
    corruptPages(path.join(core.paths.backupsDir, newer.id))
    corruptPages(core.paths.databaseFile, 2, 6)

    const recovering = await start(dataDir)
    const result = await call(recovering, 'recovery.restoreLatest', {}, local)
    expect(result.restoredFrom).toBe(good.id)
    expect(await recovering.db('communities').orderBy('id').pluck('name')).toEqual(['迎春社区'])
    const list = await call(recovering, 'backup.list', {})
    expect(list.find((b) => b.id === newer.id)).toMatchObject({ verified: false })
  })

  it('prefers the newest copy of the database as it went on over a newer 恢复前 copy', async () => {
    const dataDir = freshDataDir()
    const core = await start(dataDir)
    await call(core, 'places.saveCommunity', { name: '迎春社区' })
    const kept = await call(core, 'backup.create', {})
    await call(core, 'places.saveCommunity', { name: '撤销的社区' })
    // The administrator rolls the mistake back; the 恢复前 copy (newest) holds the data given up.
    const undone = await call(core, 'backup.restore', { id: kept.id })
    await core.close()
    open.splice(open.indexOf(core), 1)
    corruptPages(core.paths.databaseFile, 2, 6)

    const recovering = await start(dataDir)
    const status = await call(recovering, 'recovery.status', {}, local)
    expect(status.backups[0]?.id).toBe(undone.savedCurrentAs)
    expect(status.latestGood?.id).toBe(kept.id)
    expect((await call(recovering, 'recovery.restoreLatest', {}, local)).restoredFrom).toBe(kept.id)
    expect(await recovering.db('communities').orderBy('id').pluck('name')).toEqual(['迎春社区'])
  })

  it('without any good backup, says so and stays in recovery mode with the damaged file untouched', async () => {
    const { dataDir, backup, databaseFile } = await damagedWithBackup()
    const backupsDir = path.join(path.dirname(dataDir), 'data-backups')
    fs.rmSync(path.join(backupsDir, backup.id))
    const damaged = fs.readFileSync(databaseFile)
    const core = await start(dataDir)
    expect((await call(core, 'recovery.status', {}, local)).latestGood).toBeNull()
    const err = await apiErrorOf(() => core.call(local, 'recovery.restoreLatest', {}))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toMatch(/没有找到可用的完好备份/)
    expect(core.recovery).not.toBeNull()
    expect(fs.readFileSync(databaseFile).equals(damaged)).toBe(true)
  })

  it('answers recovery only to this machine', async () => {
    const { dataDir } = await damagedWithBackup()
    const core = await start(dataDir)
    expect(await call(core, 'recovery.status', {}, remote)).toEqual({
      active: false,
      problem: null,
      detail: null,
      dataDir: null,
      latestGood: null,
      backups: [],
    })
    const err = await apiErrorOf(() => core.call(remote, 'recovery.restoreLatest', {}))
    expect(err.code).toBe('FORBIDDEN')
    expect(core.recovery).not.toBeNull()
  })

  it('shows over HTTP as 503 RECOVERY for the app and a working recovery.status', async () => {
    const { dataDir } = await damagedWithBackup()
    const core = await start(dataDir)
    const staticDir = path.join(path.dirname(dataDir), 'static')
    fs.mkdirSync(staticDir)
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>社区服务台</title>')
    const server = createHttpServer({
      call: core.call,
      contextFor: (token) => core.contextFor(token),
      staticDir,
      openapi: () => buildOpenApi('test'),
      log: () => undefined,
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const post = (method: string) =>
      fetch(`http://127.0.0.1:${port}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      })
    try {
      const refused = await post('auth.status')
      expect(refused.status).toBe(503)
      expect(await refused.json()).toMatchObject({ code: 'RECOVERY' })
      const status = await post('recovery.status')
      expect(status.status).toBe(200)
      expect(await status.json()).toMatchObject({ active: true })
      const restored = await post('recovery.restoreLatest')
      expect(restored.status).toBe(200)
      expect((await post('auth.status')).status).toBe(200)
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

describe('recovery methods in normal mode', () => {
  it('report nothing to anyone and refuse to restore', async () => {
    const core = await start(freshDataDir())
    await call(core, 'places.saveCommunity', { name: '迎春社区' })
    await call(core, 'backup.create', {})
    for (const who of [local, as('admin'), as('viewer')]) {
      expect((await call(core, 'recovery.status', {}, who)).active).toBe(false)
      const err = await apiErrorOf(() => core.call(who, 'recovery.restoreLatest', {}))
      expect(err.code).toBe('CONFLICT')
      expect(err.message).toMatch(/数据库正常，不需要恢复/)
    }
    expect(await core.db('communities').orderBy('id').pluck('name')).toEqual(['迎春社区'])
  })
})

describe('a large database (quick_check after opening)', () => {
  it('opens at once, then switches to recovery mode when the deferred check finds damage', async () => {
    const { dataDir } = await damagedWithBackup((file, roots) => {
      // A table nothing reads at start-up (data, not the schema): the file still opens, only a full check sees it.
      // (The file's last pages were used until migration 013 put schema pages there.)
      corruptPages(file, roots['complaint_events']!, 1)
    })
    // Every file counts as large here, so only the cheap check runs before opening.
    const core = await openBackupCore(dataDir, { automaticBackups: false, fullCheckAtStartBytes: 0 })
    open.push(core)
    expect(core.recovery).toBeNull()
    await core.checked()
    expect(core.recovery?.problem).toMatch(/数据库文件已损坏/)
    const err = await apiErrorOf(() => core.call(ctx, 'places.listCommunities', {}))
    expect(err.code).toBe('RECOVERY')
    expect((await call(core, 'recovery.status', {}, local)).active).toBe(true)
  })

  it('stays in normal mode when the deferred check finds nothing', async () => {
    const dataDir = freshDataDir()
    const first = await start(dataDir)
    await call(first, 'places.saveCommunity', { name: '迎春社区' })
    await first.close()
    open.splice(open.indexOf(first), 1)
    const core = await openBackupCore(dataDir, { automaticBackups: false, fullCheckAtStartBytes: 0 })
    open.push(core)
    await core.checked()
    expect(core.recovery).toBeNull()
    expect((await call(core, 'places.listCommunities', {})).map((c) => c.name)).toEqual(['迎春社区'])
  })
})
