/**
 * SQLite files opened directly with the sqlite3 driver, apart from the app's
 * one knex connection: backups are copied through SQLite's online backup API
 * on a separate read-only connection (in WAL mode readers never block the
 * writer, so the app keeps working while a backup runs), and backup copies
 * are checked without ever becoming the app's database.
 */
import sqlite3 from 'sqlite3'

type RawDb = sqlite3.Database

/** The driver's backup handle (node-sqlite3 ships no typings for it). */
interface RawBackup {
  step(pages: number, cb: (err: Error | null) => void): void
  finish(cb?: (err: Error | null) => void): void
  readonly remaining: number
  readonly pageCount: number
  readonly completed: boolean
  readonly failed: boolean
}

export function openRaw(file: string, mode: 'ro' | 'rw'): Promise<RawDb> {
  const flags = mode === 'ro' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE
  return new Promise((resolve, reject) => {
    const db: RawDb = new sqlite3.Database(file, flags, (err) => (err ? reject(err) : resolve(db)))
  })
}

export function closeRaw(db: RawDb): Promise<void> {
  return new Promise((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())))
}

export function allRows<T = Record<string, unknown>>(db: RawDb, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows as T[]))))
}

/** Opens, runs `use`, and always closes. */
export async function withRaw<T>(file: string, mode: 'ro' | 'rw', use: (db: RawDb) => Promise<T>): Promise<T> {
  const db = await openRaw(file, mode)
  try {
    return await use(db)
  } finally {
    await closeRaw(db).catch(() => undefined)
  }
}

/** SQLite error codes that mean the file itself is damaged or not a database. */
export function isDamageError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR'
}

export interface CheckResult {
  ok: boolean
  /** SQLite's own words for the first problems (empty when ok). */
  problems: string[]
}

/** `PRAGMA integrity_check` (or the faster quick_check) on an open connection; at most `limit` problems. */
export async function checkIntegrity(db: RawDb, quick = false, limit = 5): Promise<CheckResult> {
  const rows = await allRows(db, `PRAGMA ${quick ? 'quick_check' : 'integrity_check'}(${limit})`)
  const problems = rows.map((r) => String(Object.values(r)[0]))
  const ok = problems.length === 1 && problems[0] === 'ok'
  return { ok, problems: ok ? [] : problems }
}

/** The migrations recorded in a database (knex's table), oldest first; [] when it has none. */
export async function recordedMigrations(db: RawDb): Promise<string[]> {
  const table = await allRows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'knex_migrations'")
  if (table.length === 0) return []
  const rows = await allRows<{ name: string }>(db, 'SELECT name FROM knex_migrations ORDER BY id')
  return rows.map((r) => r.name)
}

/** The schema version as knex reports it: the largest number before the first `_` of a migration's name. */
export function schemaVersionOf(migrationNames: readonly string[]): string {
  let best = 'none'
  let bestNumber = -1
  for (const name of migrationNames) {
    const prefix = name.split('_')[0] ?? ''
    const n = Number(prefix)
    if (Number.isFinite(n) && n > bestNumber) {
      bestNumber = n
      best = prefix
    }
  }
  return best
}

function isBusy(err: Error): boolean {
  const code = (err as { code?: unknown }).code
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
}

export interface CopyProgress {
  done: number
  total: number
}

/**
 * Copies `sourceFile` to `destFile` with the online backup API, `pagesPerStep`
 * pages at a time, reporting progress. A write by the app between two steps
 * makes SQLite start the copy again; after a few restarts the rest is copied
 * in one step (still without blocking the app's writer in WAL mode).
 */
export async function onlineCopy(
  sourceFile: string,
  destFile: string,
  onProgress: (p: CopyProgress) => void = () => undefined,
  pagesPerStep = 256,
): Promise<void> {
  await withRaw(sourceFile, 'ro', async (source) => {
    const backup = (source as unknown as { backup(file: string): RawBackup }).backup(destFile)
    let restarts = 0
    let lastRemaining = Number.POSITIVE_INFINITY
    let busyWaits = 0
    try {
      for (;;) {
        const pages = restarts >= 3 ? -1 : pagesPerStep
        const err = await new Promise<Error | null>((resolve) => backup.step(pages, resolve))
        if (err && !backup.failed && isBusy(err) && busyWaits++ < 200) {
          // Another connection holds a lock for a moment (a checkpoint): wait and step again.
          await new Promise((resolve) => setTimeout(resolve, 25))
          continue
        }
        if (err) throw err
        if (backup.failed) throw new Error('SQLite backup failed')
        const total = Math.max(backup.pageCount, 1)
        if (backup.remaining > lastRemaining) restarts++
        lastRemaining = backup.remaining
        onProgress({ done: total - backup.remaining, total })
        if (backup.completed) break
        // Let the app's own queries run between steps.
        await new Promise((resolve) => setImmediate(resolve))
      }
    } finally {
      await new Promise<void>((resolve) => backup.finish(() => resolve()))
    }
  })
}
