/**
 * Many rows per statement for the import: each batch of rows travels as ONE
 * bound JSON text, unpacked by SQLite itself (`json_each`, `->>`), by a
 * statement prepared once. Binding values one by one costs node-sqlite3
 * about a microsecond each on the main thread (two seconds for 100,000
 * people of 24 columns); knex's raw queries re-scan every binding on top,
 * and its multi-row insert is a UNION ALL select capped at 500 rows.
 *
 * This is the one SQLite-specific corner of the import (PostgreSQL would
 * say json_array_elements); it runs on the transaction's own connection.
 */
import type { Knex } from 'knex'
import { holdTriggers, rangeIndexStatements, releaseTriggers, rowIndexStatements } from '../search/batchIndex'

export const BATCH_ROWS = 2000

type Params = unknown[]

interface RawStatement {
  all(params: Params, done: (err: Error | null, rows: unknown[]) => void): void
  finalize(done?: (err: Error | null) => void): void
}

interface RawConnection {
  prepare(sql: string, done: (err: Error | null) => void): RawStatement
}

/** The batch's row items as SQL: `v.value ->> 0, v.value ->> 1, …`. */
function items(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => `v.value ->> ${from + i}`)
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** Rows as one JSON array of arrays. Callers put null, never undefined, where a value is missing. */
function packed(rows: readonly unknown[][]): string {
  return JSON.stringify(rows)
}

/** Ids are handed out in row order (one statement, AUTOINCREMENT); RETURNING's own order is not promised, so sort. */
function idsOf(returned: unknown[]): number[] {
  return (returned as { id: number }[]).map((r) => r.id).sort((a, b) => a - b)
}

/**
 * Prepared statements on the transaction's connection, kept by SQL text and
 * finalized by `close` (always call it, also after an error).
 */
export async function bulkWriter(trx: Knex.Transaction) {
  // Inside a transaction knex hands out the transaction's one connection.
  const client = trx.client as unknown as { acquireConnection(): Promise<RawConnection> }
  const connection = await client.acquireConnection()
  const statements = new Map<string, RawStatement>()

  async function statement(sql: string): Promise<RawStatement> {
    const known = statements.get(sql)
    if (known) return known
    const prepared = await new Promise<RawStatement>((resolve, reject) => {
      const s = connection.prepare(sql, (err) => (err ? reject(err) : resolve(s)))
    })
    statements.set(sql, prepared)
    return prepared
  }

  async function all(sql: string, params: Params): Promise<unknown[]> {
    const s = await statement(sql)
    return new Promise((resolve, reject) => s.all(params, (err, rows) => (err ? reject(err) : resolve(rows))))
  }

  return {
    /**
     * Inserts rows (arrays in `columns` order); returns the new ids in row
     * order. A column holding one value in every row of the batch (who and
     * when, a 小区, an empty field) is bound once instead of read from each
     * row: unpacking costs about a microsecond per value, the bulk of it.
     */
    async insert(table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<number[]> {
      if (rows.length === 0) return []
      const first = rows[0]!
      const same = columns.map((_, c) => rows.every((r) => r[c] === first[c]))
      const varying = columns.map((_, c) => c).filter((c) => !same[c])
      let at = 0
      const select = columns.map((_, c) => (same[c] ? '?' : `v.value ->> ${at++}`))
      const sql =
        `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) ` +
        `SELECT ${select.join(', ')} FROM json_each(?) AS v ORDER BY v.key RETURNING id`
      const constants = columns.flatMap((_, c) => (same[c] ? [first[c] ?? null] : []))
      const params = [...constants, packed(rows.map((r) => varying.map((c) => r[c])))]
      const indexing = rangeIndexStatements(table)
      if (!indexing) return idsOf(await all(sql, params))
      // Rows that are search documents: indexed here, as one range in rowid order (see search/batchIndex).
      await all(holdTriggers, [])
      try {
        const ids = idsOf(await all(sql, params))
        for (const statement of indexing) await all(statement, [ids[0], ids[ids.length - 1]])
        return ids
      } finally {
        await all(releaseTriggers, [])
      }
    },

    /**
     * Sets `columns` where they are still empty (COALESCE keeps what is
     * there), for rows identified by id (each row: [id, ...values]). `extra`
     * is a SET fragment applied to every updated row (version, who and when);
     * it sees the row's values as `v.value ->> n` (n: position in the row).
     */
    async fillEmpty(
      table: string,
      columns: readonly string[],
      rows: readonly unknown[][],
      extra: { sql: string; params: Params },
    ): Promise<void> {
      if (rows.length === 0) return
      const t = quoted(table)
      const values = items(columns.length, 1)
      const sets = columns.map((c, i) => `${quoted(c)} = COALESCE(${t}.${quoted(c)}, ${values[i]})`)
      const sql =
        `UPDATE ${t} SET ${[...sets, extra.sql].join(', ')} ` + `FROM json_each(?) AS v WHERE ${t}.id = v.value ->> 0`
      // Bound in the order they appear in the text: the SET fragment's, then the batch.
      const params = [...extra.params, packed(rows)]
      const indexing = rowIndexStatements(table)
      if (!indexing) {
        await all(sql, params)
        return
      }
      // Rows that are search documents: rewritten here, in rowid order (see search/batchIndex).
      await all(holdTriggers, [])
      try {
        await all(sql, params)
        const ids = JSON.stringify(rows.map((r) => r[0]))
        for (const statement of indexing) await all(statement, [ids])
      } finally {
        await all(releaseTriggers, [])
      }
    },

    async close(): Promise<void> {
      await Promise.all(
        [...statements.values()].map((s) => new Promise<void>((resolve) => s.finalize(() => resolve()))),
      )
      statements.clear()
    },
  }
}

export type BulkWriter = Awaited<ReturnType<typeof bulkWriter>>
