/**
 * The text path as SQL: a source `(…) f` of the rowids (column `key`) within
 * one kind's rowid range whose documents match. FTS5 walks only that range,
 * newest (highest rowid) first, so "the newest 8" stops after 8 and a total
 * per kind is a count of rowids, no row read.
 */
import type { ParsedQuery } from './terms'
import { phrase } from './terms'

export interface MatchSpec {
  /** FTS5 expression for the trigram table, if any. */
  tri: string | null
  /** FTS5 expression for the pair table, if any. */
  bi: string | null
  /** 'and': a document must match both; 'or': either. */
  mode: 'and' | 'or'
}

export interface Source {
  sql: string
  bindings: (string | number)[]
}

/** Every term of the query (AND). Null when nothing searchable is left (punctuation only). */
export function textSpec(p: ParsedQuery): MatchSpec | null {
  if (p.long.length === 0 && p.short.length === 0) return null
  return {
    tri: p.long.length > 0 ? p.long.join(' AND ') : null,
    bi: p.short.length > 0 ? p.short.join(' AND ') : null,
    mode: 'and',
  }
}

/** Any of these names (OR): used for compounds found by pinyin. */
export function anyOfSpec(names: readonly string[]): MatchSpec | null {
  const long = names.filter((n) => [...n].length >= 3).map(phrase)
  const short = names
    .map((n) => n.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((n) => n && [...n].length <= 2)
    .map((n) => ([...n].length === 1 ? `${phrase(n)} *` : phrase(n)))
  if (long.length === 0 && short.length === 0) return null
  return {
    tri: long.length > 0 ? long.join(' OR ') : null,
    bi: short.length > 0 ? short.join(' OR ') : null,
    mode: 'or',
  }
}

/**
 * A rowid bound written into the SQL, not bound: node-sqlite3 binds a JS
 * number beyond 32 bits as a REAL, and FTS5 then walks every match and
 * leaves SQLite to compare each rowid (measured at 1M: 65 ms against 0.9 ms
 * for the capped counts of a 6-character phrase). The bounds are computed
 * integers (kinds.ts), never input.
 */
function rowidLiteral(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`search: rowid bound ${n} is not an integer`)
  return String(n)
}

export function sourceOf(spec: MatchSpec, lo: number, hi: number): Source {
  const one = (table: string, expr: string): Source => ({
    sql: `SELECT rowid AS key FROM ${table}(?) WHERE rowid BETWEEN ${rowidLiteral(lo)} AND ${rowidLiteral(hi)}`,
    bindings: [expr],
  })
  if (spec.tri && spec.bi) {
    const a = one('search_tri', spec.tri)
    const b = one('search_bi', spec.bi)
    if (spec.mode === 'and') {
      return { sql: `${a.sql} AND rowid IN (${b.sql})`, bindings: [...a.bindings, ...b.bindings] }
    }
    return { sql: `${a.sql} UNION ${b.sql}`, bindings: [...a.bindings, ...b.bindings] }
  }
  return spec.tri ? one('search_tri', spec.tri) : one('search_bi', spec.bi as string)
}
