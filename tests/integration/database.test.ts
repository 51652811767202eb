/** The SQLite file core opens: durable pragmas, enforced foreign keys, data that survives a restart. */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { DATABASE_FILE } from '../../electron/core/app'
import { migrations } from '../../electron/core/db/migrations'
import { call, ctx, openTestCore, tempDir } from '../fixtures/core'

const open: Core[] = []

async function openCore(dataDir: string): Promise<Core> {
  const core = await openTestCore(dataDir)
  open.push(core)
  return core
}

async function pragma(core: Core, name: string): Promise<unknown> {
  const rows = (await core.db.raw(`PRAGMA ${name}`)) as Record<string, unknown>[]
  return rows[0] ? Object.values(rows[0])[0] : undefined
}

afterEach(async () => {
  for (const core of open.splice(0)) await core.close()
})

describe('the database connection', () => {
  it('runs in WAL mode with full sync, foreign keys and a busy timeout', async () => {
    const dataDir = tempDir()
    const core = await openCore(dataDir)
    expect(core.paths.databaseFile).toBe(path.join(path.resolve(dataDir), DATABASE_FILE))
    expect(fs.existsSync(core.paths.databaseFile)).toBe(true)
    expect(await pragma(core, 'journal_mode')).toBe('wal')
    expect(await pragma(core, 'foreign_keys')).toBe(1)
    expect(await pragma(core, 'synchronous')).toBe(2)
    expect(await pragma(core, 'busy_timeout')).toBe(5000)
  })

  it('enforces foreign keys on raw inserts', async () => {
    const core = await openCore(tempDir())
    const row = {
      community_id: 999,
      name: '无主小区',
      kind: 'old',
      management: 'none',
      created_at: 'x',
      updated_at: 'x',
      created_by: 1,
      updated_by: 1,
    }
    await expect(core.db('compounds').insert(row)).rejects.toThrow(/FOREIGN KEY/)
    expect(await core.db('compounds').count({ n: '*' }).first()).toEqual({ n: 0 })
  })

  it('keeps saved data across close and reopen, without migrating again', async () => {
    const dataDir = tempDir()
    const first = await openCore(dataDir)
    expect(first.migration.applied).toEqual(migrations.map((m) => m.name))
    const saved = await call(first, 'places.saveCommunity', { name: '迎春社区', phone: '13812345678' })
    await first.close()
    open.splice(open.indexOf(first), 1)

    const second = await openCore(dataDir)
    expect(second.migration.applied).toEqual([])
    expect(second.migration.backupFile).toBeNull()
    expect(await second.call(ctx, 'places.getCommunity', { id: saved.id })).toEqual(saved)
  })
})
