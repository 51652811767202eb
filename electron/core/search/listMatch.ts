/**
 * The text filter of record lists (诉求 list: complaints.list and its
 * export), answered from the search index so that a text query composes with
 * the list's other filters and sorting and stays fast on a large table.
 */
import { kindCodes, rangeOf, topOf } from './kinds'
import { sourceOf, textSpec } from './match'
import { parseQuery } from './terms'

export interface IdMatch {
  /** A SELECT of one column: the ids of the matching records. */
  sql: string
  bindings: (string | number)[]
}

/** Ids of 诉求 whose indexed text (number, person, compound, place, request, facts, reasons, result) holds every term. */
export function complaintIdsMatching(text: string): IdMatch | null {
  const spec = textSpec(parseQuery(text))
  if (!spec) return null
  const [lo, hi] = rangeOf(kindCodes.complaint)
  const src = sourceOf(spec, lo, hi)
  return { sql: `SELECT ${topOf(kindCodes.complaint)} - key FROM (${src.sql})`, bindings: src.bindings }
}
