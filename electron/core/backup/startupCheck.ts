/**
 * The start-up health check: `PRAGMA quick_check` on the database file before
 * knex opens it. A file that is not a database, or fails the check, sends
 * core into recovery mode instead of crashing the app into a blank window.
 * Other failures (the file is locked by another program, the folder cannot
 * be read) are not damage: they are reported as before.
 *
 * quick_check reads every page: about a second per 100 MB on a desk PC, half
 * a minute for a database of a million 诉求. A large file therefore gets a
 * cheap check before it opens (the header and the schema must read) and the
 * full quick_check right after, while the app already answers (`deferred`);
 * core switches to recovery mode if that finds damage.
 */
import fs from 'node:fs'
import { checkIntegrity, isDamageError, withRaw } from './sqliteFile'

export type Health = { ok: true; fresh: boolean; deferred: boolean } | { ok: false; problem: string; detail: string }

/** Files up to this size are quick_checked in full before they open. */
export const fullCheckAtStartBytes = 64 * 1024 * 1024

export function damageProblem(): string {
  return '数据库文件已损坏，无法正常打开。为防止数据进一步受损，社区服务台以恢复模式启动。'
}

export async function checkDatabaseHealth(
  databaseFile: string,
  fullUpTo: number = Number.POSITIVE_INFINITY,
): Promise<Health> {
  let size: number
  try {
    size = fs.statSync(databaseFile).size
  } catch {
    return { ok: true, fresh: true, deferred: false }
  }
  // An empty file is what SQLite itself leaves before the first write: a new database.
  if (size === 0) return { ok: true, fresh: true, deferred: false }
  const deferred = size > fullUpTo
  try {
    const check = await withRaw(databaseFile, 'rw', async (db) => {
      await new Promise<void>((resolve, reject) =>
        db.exec('PRAGMA busy_timeout = 5000', (e) => (e ? reject(e) : resolve())),
      )
      if (deferred) {
        // Reading the schema reads the header and the schema pages: a file that is not a database fails here.
        await new Promise<void>((resolve, reject) =>
          db.exec('SELECT count(*) FROM sqlite_master', (e) => (e ? reject(e) : resolve())),
        )
        return { ok: true as const, problems: [] as string[] }
      }
      return checkIntegrity(db, true, 3)
    })
    if (check.ok) return { ok: true, fresh: false, deferred }
    return { ok: false, problem: damageProblem(), detail: check.problems.join('; ') }
  } catch (err) {
    if (!isDamageError(err)) throw err
    return { ok: false, problem: damageProblem(), detail: err instanceof Error ? err.message : String(err) }
  }
}
