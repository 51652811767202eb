/**
 * Opens core for one data folder: the start-up health check, the database
 * (migrated, with a verified 升级前 backup first), the handlers, automatic
 * backups, and the single `call` both transports use.
 *
 * The database can be swapped under a running core (a restore): `call` and
 * `contextFor` go through a gate that lets the swap wait for calls in flight
 * and makes new ones wait until the new database is open. A damaged database
 * does not stop start-up: core opens in recovery mode (`recovery` is set,
 * `db` throws) and answers only recovery.* until a backup is restored.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import { openDatabase } from './db/connection'
import { migrateWithBackup, type MigrateResult } from './db/migrate'
import { migrations } from './db/migrations'
import { hasUserTables } from './db/sqlite'
import { createApi, createHandlers, type ApiCaller } from './api'
import type { RunMode } from '../../shared/labels'
import { ApiError } from '../../shared/api/errors'
import type { PrinterPort } from './print/port'
import { contextForToken } from './auth/sessions'
import { systemClock, type Clock, type Ctx } from './context'
import type { SystemEnvironment } from './services/system'
import { createBackupManager, type BackupManager } from './backup/manager'
import { startBackupScheduler, type BackupScheduler, type Timers } from './backup/scheduler'
import { createSwapGate } from './backup/gate'
import { createRestorer } from './backup/restore'
import { checkDatabaseHealth, damageProblem, fullCheckAtStartBytes } from './backup/startupCheck'
import { isDamageError } from './backup/sqliteFile'
import { auditBackup, type BackupPorts } from './backup/handlers'
import { startSearchTidy } from './search/tidy'
import {
  createRecoveryApi,
  recoveryModeMessage,
  recoveryStatus,
  requireLocal,
  type RecoveryInfo,
} from './backup/recovery'

export interface CoreOptions {
  dataDir: string
  mode: RunMode
  appVersion: string
  acquireTimeoutMs?: number
  /** Electron's printer; absent in browser mode. */
  printer?: PrinterPort
  log?: (err: unknown) => void
  /** The clock automatic backups and their schedule follow (tests move it). */
  clock?: Clock
  /** The hourly backup check's timer (tests drive it by hand). */
  timers?: Timers
  /** false: no automatic backups (command-line tools that open core for a moment). */
  automaticBackups?: boolean
  /** Databases larger than this are quick_checked after opening rather than before (default 64 MB). */
  fullCheckAtStartBytes?: number
  /** Merge the search index's segments in the background after start (default: as automaticBackups). */
  tidySearchIndex?: boolean
}

export interface Core {
  /** The open database; throws a RECOVERY error in recovery mode. */
  readonly db: Knex
  call: ApiCaller
  /** Who is calling, from the session token the transport holds (none: signed out). */
  contextFor(token: string | undefined, clock?: Clock): Promise<Ctx>
  /** The last open's migration (after a restore: the restored database's). */
  readonly migration: MigrateResult
  /** Set while the database is damaged and core answers only recovery.*. */
  readonly recovery: RecoveryInfo | null
  paths: { dataDir: string; databaseFile: string; readonly backupsDir: string }
  backups: BackupManager
  /** The automatic backup schedule (null in recovery mode or when turned off). */
  readonly scheduler: BackupScheduler | null
  /** Settles when the start-up quick_check is done (at once unless it was deferred for a large file). */
  checked(): Promise<void>
  /** Settles when the background merge of the search index is done (at once when not asked for). */
  tidied(): Promise<void>
  close(): Promise<void>
}

export const DATABASE_FILE = 'community-desk.sqlite'

interface Live {
  db: Knex
  call: ApiCaller
  migration: MigrateResult
}

const noMigration: MigrateResult = { applied: [], backupFile: null, schemaVersion: 'none' }

export async function openCore(options: CoreOptions): Promise<Core> {
  const dataDir = path.resolve(options.dataDir)
  const databaseFile = path.join(dataDir, DATABASE_FILE)
  fs.mkdirSync(dataDir, { recursive: true })
  const clock = options.clock ?? systemClock
  const log = options.log ?? console.error
  const automatic = options.automaticBackups ?? true
  const manager = createBackupManager({
    dataDir,
    databaseFile,
    appVersion: options.appVersion,
    knownMigrations: migrations.map((m) => m.name),
    clock,
    log,
  })
  const env: SystemEnvironment = {
    appVersion: options.appVersion,
    mode: options.mode,
    dataDir,
    databaseFile,
    backupsDir: manager.settings().location,
    schemaVersion: 'none',
  }
  const gate = createSwapGate()
  let live: Live | null = null
  let recovery: RecoveryInfo | null = null
  let scheduler: BackupScheduler | null = null

  // Automatic backups are recorded in the audit trail of the database they copied (as the system, no staff).
  const pendingAudit: Parameters<typeof auditBackup>[2][] = []
  manager.onBackup(async (e) => {
    if (e.kind === 'manual' || e.kind === 'pre_restore') return // recorded by their handler, with who did it
    const detail = {
      kind: e.kind,
      ok: e.ok,
      file: e.id,
      sizeBytes: e.sizeBytes,
      place: e.place,
      reason: e.reason,
      removed: e.removed,
    }
    pendingAudit.push({ action: 'backup', detail })
    await flushAudit()
  })
  async function flushAudit(): Promise<void> {
    const db = live?.db
    if (!db) return
    for (const event of pendingAudit.splice(0)) await auditBackup(db, { staff: null, clock }, event)
  }

  function startScheduler(startupCheck: boolean): void {
    if (!automatic) return
    scheduler = startBackupScheduler(manager, { clock, startupCheck, timers: options.timers })
  }

  async function openLive(): Promise<MigrateResult> {
    const db = openDatabase(databaseFile, { acquireTimeoutMs: options.acquireTimeoutMs })
    try {
      const fresh = !(await hasUserTables(db))
      const migration = await migrateWithBackup(db, {
        takeBackup: async () => (await manager.create('pre_migrate')).item.file,
      })
      env.schemaVersion = migration.schemaVersion
      const handlers = createHandlers(db, env, options.printer ?? null, ports)
      live = { db, call: createApi(handlers, log), migration }
      recovery = null
      await flushAudit()
      // A database made just now has nothing to lose yet: its first backup comes with the hourly check.
      startScheduler(!fresh)
      return migration
    } catch (err) {
      await db.destroy().catch(() => undefined)
      throw err
    }
  }

  async function closeLive(): Promise<void> {
    const stopping = scheduler
    scheduler = null
    await stopping?.stop()
    await manager.idle()
    const open = live
    live = null
    await open?.db.destroy()
  }

  const restorer = createRestorer({
    dataDir,
    databaseFile,
    manager,
    gate,
    db: () => live?.db ?? null,
    closeLive,
    openLive,
    log,
  })

  const ports: BackupPorts = {
    manager,
    dataDir,
    nextAutomaticAt: () => scheduler?.nextDueAt() ?? null,
    restore: (ctx, id) => restorer.restore(ctx, id),
    recoveryStatus: (ctx) => recoveryStatus(ctx, recovery, manager, dataDir),
    restoreLatest: (ctx) => {
      requireLocal(ctx)
      if (!recovery) {
        return Promise.reject(
          new ApiError('CONFLICT', '数据库正常，不需要恢复。如需用备份恢复，请由管理员在「数据备份」中操作'),
        )
      }
      return restorer.recoverLatest(ctx)
    },
    settingsSaved: (location) => {
      env.backupsDir = location
    },
  }
  const callInRecovery = createRecoveryApi(
    { 'recovery.status': ports.recoveryStatus, 'recovery.restoreLatest': ports.restoreLatest },
    log,
  )

  function enterRecovery(problem: string, detail: string): void {
    recovery = { problem, detail }
    log(new Error(`Database damaged, starting in recovery mode: ${detail}`))
  }

  /**
   * The full quick_check of a large database, run once the app answers: when
   * it finds damage, core stops using the file and every call (the renderer's
   * next one included) answers RECOVERY, which shows the recovery screen.
   */
  async function checkInBackground(): Promise<void> {
    try {
      const full = await checkDatabaseHealth(databaseFile)
      if (full.ok || !live) return
      await gate.exclusive(async () => {
        await closeLive()
        enterRecovery(full.problem, full.detail)
      })
    } catch (err) {
      log(err instanceof Error ? err : new Error(String(err)))
    }
  }

  let deferredCheck: Promise<void> = Promise.resolve()
  const health = await checkDatabaseHealth(databaseFile, options.fullCheckAtStartBytes ?? fullCheckAtStartBytes)
  if (!health.ok) {
    enterRecovery(health.problem, health.detail)
  } else {
    try {
      await openLive()
      if (health.deferred) deferredCheck = checkInBackground()
    } catch (err) {
      if (!isDamageError(err)) throw err
      enterRecovery(damageProblem(), err instanceof Error ? err.message : String(err))
    }
  }

  const tidy =
    (options.tidySearchIndex ?? automatic)
      ? startSearchTidy(deferredCheck, (run) => gate.shared(async () => (live && !recovery ? run(live.db) : null)), log)
      : null

  // A restore waits for the calls in flight itself, so it is not one of them.
  const swapsDatabase = new Set(['backup.restore', 'recovery.restoreLatest'])

  return {
    get db() {
      if (!live) throw new ApiError('RECOVERY', recoveryModeMessage)
      return live.db
    },
    call: (ctx, method, input) => {
      if (recovery) return callInRecovery(ctx, method, input)
      if (swapsDatabase.has(method) && live) return live.call(ctx, method, input)
      return gate.shared(() => (live ? live.call(ctx, method, input) : callInRecovery(ctx, method, input)))
    },
    contextFor: (token, callClock = systemClock) =>
      gate.shared(async () => (live ? contextForToken(live.db, token, callClock) : { staff: null, clock: callClock })),
    get migration() {
      return live?.migration ?? noMigration
    },
    get recovery() {
      return recovery
    },
    paths: {
      dataDir,
      databaseFile,
      get backupsDir() {
        return manager.settings().location
      },
    },
    backups: manager,
    get scheduler() {
      return scheduler
    },
    checked: () => deferredCheck,
    tidied: async () => {
      await tidy?.done
    },
    close: async () => {
      tidy?.stop()
      await tidy?.done
      await deferredCheck
      await closeLive()
    },
  }
}
