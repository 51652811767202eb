/**
 * Opens core for one data folder: the database file, the migration backup,
 * the handlers and the single `call` both transports use.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import { openDatabase } from './db/connection'
import { migrateWithBackup, type MigrateResult } from './db/migrate'
import { createApi, createHandlers, type ApiCaller } from './api'
import type { RunMode } from '../../shared/labels'
import type { PrinterPort } from './print/port'
import { contextForToken } from './auth/sessions'
import { systemClock, type Clock, type Ctx } from './context'

export interface CoreOptions {
  dataDir: string
  mode: RunMode
  appVersion: string
  acquireTimeoutMs?: number
  /** Electron's printer; absent in browser mode. */
  printer?: PrinterPort
  log?: (err: unknown) => void
}

export interface Core {
  db: Knex
  call: ApiCaller
  /** Who is calling, from the session token the transport holds (none: signed out). */
  contextFor(token: string | undefined, clock?: Clock): Promise<Ctx>
  migration: MigrateResult
  paths: { dataDir: string; databaseFile: string; backupsDir: string }
  close(): Promise<void>
}

export const DATABASE_FILE = 'community-desk.sqlite'

export async function openCore(options: CoreOptions): Promise<Core> {
  const dataDir = path.resolve(options.dataDir)
  const databaseFile = path.join(dataDir, DATABASE_FILE)
  const backupsDir = path.join(dataDir, 'backups')
  fs.mkdirSync(dataDir, { recursive: true })
  const db = openDatabase(databaseFile, { acquireTimeoutMs: options.acquireTimeoutMs })
  try {
    const migration = await migrateWithBackup(db, { backupsDir })
    const handlers = createHandlers(
      db,
      {
        appVersion: options.appVersion,
        mode: options.mode,
        dataDir,
        databaseFile,
        backupsDir,
        schemaVersion: migration.schemaVersion,
      },
      options.printer ?? null,
    )
    return {
      db,
      call: createApi(handlers, options.log),
      contextFor: (token, clock = systemClock) => contextForToken(db, token, clock),
      migration,
      paths: { dataDir, databaseFile, backupsDir },
      close: () => db.destroy(),
    }
  } catch (err) {
    await db.destroy()
    throw err
  }
}
