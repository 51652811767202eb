/**
 * Gapless per-year sequences for 诉求 and visit numbers. The counter row is
 * bumped inside the caller's transaction, so a failed save rolls its number
 * back, and saves are serialised by SQLite's single writer: two clerks saving
 * at once get consecutive numbers, never the same one and never a hole.
 */
import type { Knex } from 'knex'

export async function nextInSequence(trx: Knex.Transaction, scope: string): Promise<number> {
  await trx.raw(
    `INSERT INTO number_sequences (scope, last) VALUES (?, 1)
     ON CONFLICT(scope) DO UPDATE SET last = last + 1`,
    [scope],
  )
  const row = (await trx('number_sequences').where({ scope }).first('last')) as { last: number }
  return row.last
}
