/**
 * Everything SQLite-specific lives here (pragmas, triggers), so the rest of
 * core speaks portable knex and a shared PostgreSQL server could take over.
 */
import type { Knex } from 'knex'

/**
 * Applied to every new connection: durability first, then integrity, then
 * speed. The page cache: SQLite's default (2 MB) holds little of a database of
 * a million 诉求 (~2 GB) and its indexes, so list pages, counts and batch
 * inserts re-read the same index pages over and over; 64 MB (allocated only as
 * pages are read) made the 诉求 list 2–4 times faster at 200,000 rows.
 */
export const connectionPragmas = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = FULL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA cache_size = -65536',
]

interface RawSqliteConnection {
  exec(sql: string, cb: (err: Error | null) => void): void
}

export function applyPragmas(conn: RawSqliteConnection, done: (err: Error | null, conn: unknown) => void): void {
  conn.exec(connectionPragmas.join(';\n') + ';', (err) => done(err, conn))
}

export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && /SQLITE_CONSTRAINT: UNIQUE/.test(err.message)
}

/** Whether the file already holds app tables (anything worth backing up). */
export async function hasUserTables(db: Knex): Promise<boolean> {
  const rows = (await db.raw(
    "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'knex_%'",
  )) as { n: number }[]
  return (rows[0]?.n ?? 0) > 0
}

/** Triggers that make a table append-only: rows can be added, never changed or removed. */
export function appendOnlyTriggers(table: string): string[] {
  return ['UPDATE', 'DELETE'].map(
    (op) =>
      `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} ` +
      `BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  )
}
