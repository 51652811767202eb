/**
 * Before a pending migration touches a database with data, a backup is taken
 * (through electron/core/backup: an online copy, verified, with a manifest).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/core/db/connection'
import { migrateWithBackup } from '../../electron/core/db/migrate'
import { migrations, type Migration } from '../../electron/core/db/migrations'
import { writeBackup } from '../../electron/core/backup/writer'
import { readManifest } from '../../electron/core/backup/manifest'
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

/** Backup files only (manifests sit beside them; opening one with our pragmas would add -wal and -shm). */
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

/** What core passes: a verified 升级前 backup of the database file into `folder`. */
function backupInto(databaseFile: string, folder: string, taken: string[]) {
  return async (fromVersion: string) => {
    taken.push(fromVersion)
    fs.mkdirSync(folder, { recursive: true })
    const written = await writeBackup({ databaseFile, folder, kind: 'pre_migrate', at: fixedNow, appVersion: 'test' })
    return written.file
  }
}

describe('migration backups', () => {
  it('are not made for a fresh database: there is nothing to lose', async () => {
    const dataDir = path.join(tempDir(), 'data')
    const core = await openTestCore(dataDir)
    try {
      expect(core.migration.applied).toEqual(migrations.map((m) => m.name))
      expect(core.migration.backupFile).toBeNull()
      expect(await core.backups.list()).toEqual([])
    } finally {
      await core.close()
    }
  })

  it('hold the data as it was before the pending migration ran', async () => {
    const dir = tempDir()
    const backupsDir = path.join(dir, 'backups')
    const file = path.join(dir, 'main.sqlite')
    const db = open(file)
    const taken: string[] = []
    const takeBackup = backupInto(file, backupsDir, taken)

    const initial = await migrateWithBackup(db, { takeBackup, list: [first] })
    expect(initial).toMatchObject({ applied: [first.name], backupFile: null })
    expect(taken).toEqual([])
    await insertCommunity(db, '迎春社区')

    const upgrade = await migrateWithBackup(db, { takeBackup, list: [first, probe] })
    expect(upgrade.applied).toEqual([probe.name])
    expect(taken).toEqual(['001'])
    const backupFile = upgrade.backupFile ?? ''
    expect(path.dirname(backupFile)).toBe(backupsDir)
    expect(path.basename(backupFile)).toBe('cd-20260301-090000-pre-migrate.sqlite')
    expect(readManifest(backupFile)).toMatchObject({ kind: 'pre_migrate', verified: true, schemaVersion: '001' })
    expect(backupsIn(backupsDir)).toEqual([path.basename(backupFile)])

    const backup = open(backupFile)
    expect(await backup('communities').pluck('name')).toEqual(['迎春社区'])
    expect(await backup.schema.hasTable('probe')).toBe(false)
    expect(await db.schema.hasTable('probe')).toBe(true)
    expect(await db('communities').pluck('name')).toEqual(['迎春社区'])

    const again = await migrateWithBackup(db, { takeBackup, list: [first, probe] })
    expect(again).toMatchObject({ applied: [], backupFile: null })
    expect(backupsIn(backupsDir)).toHaveLength(1)

    const next = await migrateWithBackup(db, { takeBackup, list: [first, probe, probe2] })
    expect(next.applied).toEqual([probe2.name])
    expect(taken).toEqual(['001', '999'])
    // Same second, so the second copy gets the next free name; the first is never overwritten.
    expect(path.basename(next.backupFile ?? '')).toBe('cd-20260301-090000-2-pre-migrate.sqlite')
    expect(backupsIn(backupsDir)).toHaveLength(2)
  })

  it('stop the migration when the backup cannot be taken', async () => {
    const dir = tempDir()
    const db = open(path.join(dir, 'main.sqlite'))
    await migrateWithBackup(db, { takeBackup: () => Promise.reject(new Error('unused')), list: [first] })
    await insertCommunity(db, '迎春社区')
    const failing = () => Promise.reject(new Error('备份位置不可用'))
    await expect(migrateWithBackup(db, { takeBackup: failing, list: [first, probe] })).rejects.toThrow('备份位置不可用')
    expect(await db.schema.hasTable('probe')).toBe(false)
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
