/**
 * How a batch writer (dataTransfer/bulk.ts) keeps the search index: while it
 * inserts or fills in many rows of a table that holds documents, the per-row
 * triggers stand aside (013, 014) and the writer indexes those rows itself,
 * in rowid order, in the same transaction. One segment per batch instead of
 * one per row; the index is never behind the records.
 */
import { fillStatements, ownKinds, refreshStatements } from '../db/migrations/009_search'

/** Makes the AFTER INSERT and AFTER UPDATE search triggers stand aside (013's condition). */
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

/**
 * The statements that rewrite the documents of the updated rows of `table`
 * (each bound with the ids as one JSON array), or null as above.
 */
export function rowIndexStatements(table: string): string[] | null {
  const kinds = ownKinds[table]
  return kinds ? kinds.flatMap((k) => refreshStatements(k)) : null
}
