/**
 * 014: a batch writer also rewrites the documents of the rows it updates
 * (the import filling in matched people's empty fields, see
 * dataTransfer/bulk.ts fillEmpty and search/batchIndex.ts).
 *
 * An UPDATE with triggers visits its rows in ascending id order whatever
 * order the batch gives them, so the AFTER UPDATE trigger rewrote the
 * documents in falling rowid order, one FTS5 segment per row, as 013 found
 * for inserts: 20,000 filled people took 2.4 s and 13 segments, against
 * 0.6 s and one segment when the writer rewrites them itself.
 *
 * The six AFTER UPDATE triggers stand aside while search_batch (013) holds
 * its row, which only a batch writer puts there, inside its transaction.
 */
import type { Knex } from 'knex'
import { updateTriggers } from './009_search'
import { batchCondition } from './013_search_batch'

export const name = '014_search_fill'

export async function up(db: Knex): Promise<void> {
  for (const t of updateTriggers(batchCondition)) {
    await db.raw(`DROP TRIGGER ${t.name}`)
    await db.raw(t.sql)
  }
}

export async function down(db: Knex): Promise<void> {
  for (const t of updateTriggers()) {
    await db.raw(`DROP TRIGGER ${t.name}`)
    await db.raw(t.sql)
  }
}
