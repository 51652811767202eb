/**
 * Gapless per-year sequences for 诉求 and visit numbers. The counter row is
 * bumped inside the caller's transaction, so a failed save rolls its number
 * back, and saves are serialised by SQLite's single writer: two clerks saving
 * at once get consecutive numbers, never the same one and never a hole.
 */
import type { Knex } from 'knex'

export async function nextInSequence(trx: Knex.Transaction, scope: string): Promise<number> {
  return takeInSequence(trx, scope, 1)
}

/**
 * Takes `count` consecutive numbers at once (a batch registration, an
 * import) and returns the first: the counter moves once by the whole count.
 */
export async function takeInSequence(trx: Knex.Transaction, scope: string, count: number): Promise<number> {
  const rows = (await trx.raw(
    `INSERT INTO number_sequences (scope, last) VALUES (?, ?)
     ON CONFLICT(scope) DO UPDATE SET last = last + excluded.last RETURNING last`,
    [scope, count],
  )) as { last: number }[]
  return rows[0]!.last - count + 1
}
