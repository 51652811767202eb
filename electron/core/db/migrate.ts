/**
 * Bring the schema up to date, but first copy the database file with
 * VACUUM INTO whenever there is something to migrate and something to lose.
 * If a migration goes wrong, the copy is the way back.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import { StaticMigrationSource, migrations, type Migration } from './migrations'
import { hasUserTables, vacuumInto } from './sqlite'

export interface MigrateResult {
  applied: string[]
  backupFile: string | null
  schemaVersion: string
}

export interface MigrateOptions {
  backupsDir: string
  now?: Date
  list?: readonly Migration[]
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
}

export async function migrateWithBackup(db: Knex, options: MigrateOptions): Promise<MigrateResult> {
  const config = { migrationSource: new StaticMigrationSource(options.list ?? migrations) }
  const [, pending] = (await db.migrate.list(config)) as [unknown[], Migration[]]
  let backupFile: string | null = null
  if (pending.length > 0 && (await hasUserTables(db))) {
    const current = await db.migrate.currentVersion(config)
    fs.mkdirSync(options.backupsDir, { recursive: true })
    const base = path.join(options.backupsDir, `pre-migrate-${stamp(options.now ?? new Date())}-from-${current}`)
    let candidate = `${base}.sqlite`
    for (let n = 2; fs.existsSync(candidate); n++) candidate = `${base}-${n}.sqlite`
    await vacuumInto(db, candidate)
    backupFile = candidate
  }
  const [, applied] = (await db.migrate.latest(config)) as [number, string[]]
  const schemaVersion = await db.migrate.currentVersion(config)
  return { applied, backupFile, schemaVersion }
}
