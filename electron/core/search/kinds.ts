/**
 * Where each kind of document lives in the index: a document's rowid is
 * ((code + 1) << 40) - 1 - the record's id (see migration 009), so every kind
 * is one rowid range, newest record first in ascending order. Code 5 is a mediation case's restricted part (parties' names,
 * the dispute), matched only for callers with full access to that case.
 */
import type { SearchKind } from '../../../shared/api/search'

export const kindCodes: Record<SearchKind, number> = {
  person: 1,
  visit: 2,
  complaint: 3,
  mediation: 4,
  convention: 6,
  notice: 7,
}
export const restrictedCode = 5

const span = 2 ** 40

/** The first and last rowid of a kind code's range. */
export function rangeOf(code: number): [number, number] {
  return [code * span, (code + 1) * span - 1]
}

/** The highest rowid of a code's range: a record's rowid is this minus its id. */
export function topOf(code: number): number {
  return (code + 1) * span - 1
}

export function refOf(key: number): number {
  return topOf(codeOf(key)) - key
}

export function codeOf(key: number): number {
  return Math.floor(key / span)
}

export function keyOf(code: number, ref: number): number {
  return topOf(code) - ref
}
