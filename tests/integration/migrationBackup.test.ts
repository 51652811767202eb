/** Before a pending migration touches a database with data, a VACUUM INTO copy is made. */
import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/core/db/connection'
import { migrateWithBackup } from '../../electron/core/db/migrate'
import { migrations, type Migration } from '../../electron/core/db/migrations'
import { fixedNow, openTestCore, tempDir } from '../fixtures/core'

const first = migrations[0]
if (!first) throw new Error('no migrations registered')

function probeMigration(table: string): Migration {
  return {
    name: `999_${table}`,
    up: (db) => db.schema.createTable(table, (t) => t.increments('id')),
    down: (db) => db.schema.dropTable(table),
  }
}
const probe = probeMigration('probe')
const probe2 = probeMigration('probe2')

/** Backup files only (opening one with our pragmas adds -wal and -shm beside it). */
function backupsIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite'))
}

const dbs: Knex[] = []
function open(file: string): Knex {
  const db = openDatabase(file, { acquireTimeoutMs: 2000 })
  dbs.push(db)
  return db
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.destroy()
})

async function insertCommunity(db: Knex, name: string): Promise<void> {
  const at = fixedNow.toISOString()
  await db('communities').insert({ name, created_at: at, updated_at: at, created_by: 1, updated_by: 1 })
}

describe('migration backups', () => {
  it('are not made for a fresh database: there is nothing to lose', async () => {
    const dataDir = tempDir()
    const core = await openTestCore(dataDir)
    try {
      expect(core.migration.applied).toEqual(migrations.map((m) => m.name))
      expect(core.migration.backupFile).toBeNull()
      expect(fs.existsSync(core.paths.backupsDir) ? fs.readdirSync(core.paths.backupsDir) : []).toEqual([])
    } finally {
      await core.close()
    }
  })

  it('hold the data as it was before the pending migration ran', async () => {
    const dir = tempDir()
    const backupsDir = path.join(dir, 'backups')
    const db = open(path.join(dir, 'main.sqlite'))

    const initial = await migrateWithBackup(db, { backupsDir, list: [first], now: fixedNow })
    expect(initial).toMatchObject({ applied: [first.name], backupFile: null })
    await insertCommunity(db, '迎春社区')

    const upgrade = await migrateWithBackup(db, { backupsDir, list: [first, probe], now: fixedNow })
    expect(upgrade.applied).toEqual([probe.name])
    expect(upgrade.backupFile).not.toBeNull()
    const backupFile = upgrade.backupFile ?? ''
    expect(path.dirname(backupFile)).toBe(backupsDir)
    expect(path.basename(backupFile)).toBe('pre-migrate-20260301-090000-from-001.sqlite')
    expect(fs.readdirSync(backupsDir)).toEqual([path.basename(backupFile)])

    const backup = open(backupFile)
    expect(await backup('communities').pluck('name')).toEqual(['迎春社区'])
    expect(await backup.schema.hasTable('probe')).toBe(false)
    expect(await db.schema.hasTable('probe')).toBe(true)
    expect(await db('communities').pluck('name')).toEqual(['迎春社区'])

    const again = await migrateWithBackup(db, { backupsDir, list: [first, probe], now: fixedNow })
    expect(again).toMatchObject({ applied: [], backupFile: null })
    expect(backupsIn(backupsDir)).toHaveLength(1)

    const next = await migrateWithBackup(db, { backupsDir, list: [first, probe, probe2], now: fixedNow })
    expect(next.applied).toEqual([probe2.name])
    expect(path.basename(next.backupFile ?? '')).toBe('pre-migrate-20260301-090000-from-999.sqlite')
    expect(backupsIn(backupsDir)).toHaveLength(2)
  })

  it('never overwrite an earlier backup with the same name', async () => {
    const dir = tempDir()
    const backupsDir = path.join(dir, 'backups')
    const db = open(path.join(dir, 'main.sqlite'))
    await migrateWithBackup(db, { backupsDir, list: [first], now: fixedNow })
    await insertCommunity(db, '迎春社区')
    fs.mkdirSync(backupsDir)
    const taken = path.join(backupsDir, 'pre-migrate-20260301-090000-from-001.sqlite')
    fs.writeFileSync(taken, 'an older backup')

    const upgrade = await migrateWithBackup(db, { backupsDir, list: [first, probe], now: fixedNow })
    expect(path.basename(upgrade.backupFile ?? '')).toBe('pre-migrate-20260301-090000-from-001-2.sqlite')
    expect(fs.readFileSync(taken, 'utf8')).toBe('an older backup')
  })
})

describe('migration sources', () => {
  const dir = path.resolve(import.meta.dirname, '../../electron/core/db/migrations')
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))

  function withoutComments(source: string): string {
    return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  }

  it('are all registered, in file-name order', () => {
    const names = files
      .filter((f) => f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort()
    expect(migrations.map((m) => m.name)).toEqual(names)
  })

  it('never alter, drop or rename columns (knex copies the table on SQLite)', () => {
    expect(files.length).toBeGreaterThan(1)
    for (const file of files) {
      const code = withoutComments(fs.readFileSync(path.join(dir, file), 'utf8'))
      expect(code, file).not.toMatch(/\.alter\(|dropColumn|renameColumn/)
    }
  })
})
