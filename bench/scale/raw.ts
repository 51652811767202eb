/**
 * The raw baseline for insert_vs_raw: the same 诉求 rows (and their
 * timeline events) the services wrote, inserted with plain node-sqlite3
 * prepared statements into a copy of the database taken just before the
 * services ran — the same tables, indexes and triggers (the search index
 * included), the same pragmas, the same rows per transaction. Only the
 * inserts are timed, not reading the rows back.
 */
import { performance } from 'node:perf_hooks'
import sqlite3 from 'sqlite3'
import type { Knex } from 'knex'
import { connectionPragmas } from '../../electron/core/db/sqlite'

/**
 * A consistent copy of the database as it is now (VACUUM INTO: every table,
 * index and trigger, the search index's tables included): the twin the raw
 * inserts go into.
 */
export async function snapshotDatabase(db: Knex, to: string): Promise<void> {
  await db.raw('VACUUM INTO ?', [to])
}

function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())))
}

/** Runs every row on the statement (its queue keeps their order) and resolves after the last. */
function runAll(stmt: sqlite3.Statement, rows: readonly unknown[][]): Promise<void> {
  return new Promise((resolve, reject) => {
    if (rows.length === 0) return resolve()
    let failed: Error | null = null
    rows.forEach((r, i) =>
      stmt.run(r, (err: Error | null) => {
        if (err && !failed) failed = err
        if (i === rows.length - 1) {
          if (failed) reject(failed)
          else resolve()
        }
      }),
    )
  })
}

/**
 * One transaction of prepared-statement inserts. Statements run their own
 * queues, so one table's rows are finished before the next table's (events
 * point at their 诉求) start.
 */
async function insertAll(db: sqlite3.Database, parts: readonly [sqlite3.Statement, readonly unknown[][]][]) {
  await exec(db, 'BEGIN')
  try {
    for (const [stmt, rows] of parts) await runAll(stmt, rows)
    await exec(db, 'COMMIT')
  } catch (err) {
    await exec(db, 'ROLLBACK').catch(() => undefined)
    throw err
  }
}

async function columnsOf(db: Knex, table: string): Promise<string[]> {
  const rows = (await db.raw(`PRAGMA table_info(${table})`)) as { name: string }[]
  return rows.map((r) => r.name)
}

export interface RawResult {
  rows: number
  ms: number
}

/**
 * Reads the service-written complaints (ids first..last) and their events
 * from `source` in batches of `batch` and inserts them into `rawFile`.
 */
export async function rawInsert(
  source: Knex,
  rawFile: string,
  firstId: number,
  lastId: number,
  batch: number,
): Promise<RawResult> {
  const raw = new sqlite3.Database(rawFile)
  try {
    await exec(raw, connectionPragmas.join(';\n') + ';')
    const tables = ['complaints', 'complaint_events'] as const
    const columns = {
      complaints: await columnsOf(source, 'complaints'),
      complaint_events: await columnsOf(source, 'complaint_events'),
    }
    const statements = Object.fromEntries(
      tables.map((t) => {
        const cols = columns[t]
        return [
          t,
          raw.prepare(
            `INSERT INTO ${t} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
          ),
        ]
      }),
    ) as Record<(typeof tables)[number], sqlite3.Statement>
    let ms = 0
    let rows = 0
    for (let from = firstId; from <= lastId; from += batch) {
      const to = Math.min(lastId, from + batch - 1)
      const complaints = (await source('complaints').whereBetween('id', [from, to]).orderBy('id')) as Record<
        string,
        unknown
      >[]
      const events = (await source('complaint_events')
        .whereBetween('complaint_id', [from, to])
        .orderBy('id')) as Record<string, unknown>[]
      const values = (t: (typeof tables)[number], rs: Record<string, unknown>[]) =>
        rs.map((r) => columns[t].map((c) => r[c] ?? null))
      const parts: [sqlite3.Statement, unknown[][]][] = [
        [statements.complaints, values('complaints', complaints)],
        [statements.complaint_events, values('complaint_events', events)],
      ]
      const started = performance.now()
      await insertAll(raw, parts)
      ms += performance.now() - started
      rows += complaints.length
    }
    for (const s of Object.values(statements)) await new Promise<void>((resolve) => s.finalize(() => resolve()))
    return { rows, ms }
  } finally {
    await new Promise<void>((resolve) => raw.close(() => resolve()))
  }
}
