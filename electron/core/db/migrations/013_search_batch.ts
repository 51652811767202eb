/**
 * 013: a batch writer indexes its own rows (see search/batchIndex.ts).
 *
 * FTS5 writes a new segment whenever a document's rowid is lower than the
 * one before it in the transaction, and a document's rowid falls as record
 * ids grow (009: newest first). A statement inserting many rows fired the
 * AFTER INSERT trigger once per row in id order, so every row of a batch
 * became a segment of its own, merged again and again: 4 times the cost of
 * the row itself at a million 诉求.
 *
 * search_batch holds a row only inside a batch writer's transaction, while
 * it inserts; the six AFTER INSERT triggers stand aside then, and the writer
 * indexes the new id range in one statement per table, in rowid order, before
 * the transaction goes on. Every other writer (a service saving one record,
 * a restore, a tool on its own connection) finds the table empty and is
 * indexed by the triggers as before.
 */
import type { Knex } from 'knex'
import { insertTriggers } from './009_search'

export const name = '013_search_batch'

/** Where the search triggers stand aside (also 014's update triggers). */
export const batchCondition = 'NOT EXISTS (SELECT 1 FROM search_batch)'

export async function up(db: Knex): Promise<void> {
  // One row at most: a second batch writer inside the first would be a mistake to refuse, not to nest.
  await db.raw('CREATE TABLE search_batch (id INTEGER PRIMARY KEY CHECK (id = 1))')
  for (const t of insertTriggers(batchCondition)) {
    await db.raw(`DROP TRIGGER ${t.name}`)
    await db.raw(t.sql)
  }
}

export async function down(db: Knex): Promise<void> {
  for (const t of insertTriggers()) {
    await db.raw(`DROP TRIGGER ${t.name}`)
    await db.raw(t.sql)
  }
  await db.raw('DROP TABLE search_batch')
}
