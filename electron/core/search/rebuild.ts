/**
 * Rebuilding the search index from the records (a maintenance act: after a
 * manual repair of the database, or to compact it). One transaction: empty
 * both FTS5 tables ('delete-all' is how a contentless table is emptied),
 * refill them from the same views the triggers use, then merge the segments.
 */
import type { Knex } from 'knex'
import { fillIndex } from '../db/migrations/009_search'

export async function rebuildIndex(trx: Knex.Transaction): Promise<number> {
  await trx.raw("INSERT INTO search_tri(search_tri) VALUES ('delete-all')")
  await trx.raw("INSERT INTO search_bi(search_bi) VALUES ('delete-all')")
  await fillIndex(trx)
  await trx.raw("INSERT INTO search_tri(search_tri) VALUES ('optimize')")
  await trx.raw("INSERT INTO search_bi(search_bi) VALUES ('optimize')")
  const rows = (await trx.raw('SELECT count(*) AS n FROM search_tri')) as { n: number }[]
  return Number(rows[0]?.n ?? 0)
}
