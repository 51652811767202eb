/**
 * The start-up health check: `PRAGMA quick_check` on the database file before
 * knex opens it. A file that is not a database, or fails the check, sends
 * core into recovery mode instead of crashing the app into a blank window.
 * Other failures (the file is locked by another program, the folder cannot
 * be read) are not damage: they are reported as before.
 */
import fs from 'node:fs'
import { checkIntegrity, isDamageError, withRaw } from './sqliteFile'

export type Health = { ok: true; fresh: boolean } | { ok: false; problem: string; detail: string }

export function damageProblem(): string {
  return '数据库文件已损坏，无法正常打开。为防止数据进一步受损，社区服务台以恢复模式启动。'
}

export async function checkDatabaseHealth(databaseFile: string): Promise<Health> {
  let size: number
  try {
    size = fs.statSync(databaseFile).size
  } catch {
    return { ok: true, fresh: true }
  }
  // An empty file is what SQLite itself leaves before the first write: a new database.
  if (size === 0) return { ok: true, fresh: true }
  try {
    const check = await withRaw(databaseFile, 'rw', async (db) => {
      await new Promise<void>((resolve, reject) =>
        db.exec('PRAGMA busy_timeout = 5000', (e) => (e ? reject(e) : resolve())),
      )
      return checkIntegrity(db, true, 3)
    })
    if (check.ok) return { ok: true, fresh: false }
    return { ok: false, problem: damageProblem(), detail: check.problems.join('; ') }
  } catch (err) {
    if (!isDamageError(err)) throw err
    return { ok: false, problem: damageProblem(), detail: err instanceof Error ? err.message : String(err) }
  }
}
