/**
 * Bring the schema up to date, but first take a backup whenever there is
 * something to migrate and something to lose. If a migration goes wrong, the
 * backup is the way back. The backup itself is the caller's (core routes it
 * through electron/core/backup, so it is verified and listed like any other).
 */
import type { Knex } from 'knex'
import { StaticMigrationSource, migrations, type Migration } from './migrations'
import { hasUserTables } from './sqlite'

export interface MigrateResult {
  applied: string[]
  /** The 升级前 backup taken before migrating (null: nothing was pending, or the database was new). */
  backupFile: string | null
  schemaVersion: string
}

export interface MigrateOptions {
  /** Writes a backup of the database as it is now and returns its file; throwing stops the migration. */
  takeBackup: (fromVersion: string) => Promise<string>
  list?: readonly Migration[]
}

export async function migrateWithBackup(db: Knex, options: MigrateOptions): Promise<MigrateResult> {
  const config = { migrationSource: new StaticMigrationSource(options.list ?? migrations) }
  const [, pending] = (await db.migrate.list(config)) as [unknown[], Migration[]]
  let backupFile: string | null = null
  if (pending.length > 0 && (await hasUserTables(db))) {
    backupFile = await options.takeBackup(await db.migrate.currentVersion(config))
  }
  const [, applied] = (await db.migrate.latest(config)) as [number, string[]]
  const schemaVersion = await db.migrate.currentVersion(config)
  return { applied, backupFile, schemaVersion }
}
