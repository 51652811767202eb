/**
 * How a batch writer (dataTransfer/bulk.ts) keeps the search index: while it
 * inserts many rows of a table that holds documents, the per-row triggers
 * stand aside (013) and the writer indexes the new id range itself, in
 * rowid order, in the same transaction. One segment per batch instead of one
 * per row; the index is never behind the records.
 */
import { fillStatements, ownKinds } from '../db/migrations/009_search'

/** Makes the AFTER INSERT search triggers stand aside (013's condition). */
export const holdTriggers = 'INSERT INTO search_batch (id) VALUES (1)'
export const releaseTriggers = 'DELETE FROM search_batch'

/**
 * The statements that index rows lo..hi of `table` (each bound [lo, hi]),
 * or null when its rows are not documents of their own.
 */
export function rangeIndexStatements(table: string): string[] | null {
  const kinds = ownKinds[table]
  return kinds ? kinds.flatMap((k) => fillStatements(k)) : null
}
