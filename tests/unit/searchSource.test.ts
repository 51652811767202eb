/**
 * The SQL the text path hands to FTS5: the rowid range is written as integer
 * literals, never bound (node-sqlite3 binds a number beyond 32 bits as a
 * REAL, and FTS5 then walks every match instead of the range).
 */
import { describe, expect, it } from 'vitest'
import { sourceOf } from '../../electron/core/search/match'
import { rangeOf } from '../../electron/core/search/kinds'

describe('sourceOf', () => {
  it('writes the rowid range of a kind as integer literals and binds only the match expression', () => {
    const [lo, hi] = rangeOf(3)
    expect(lo).toBeGreaterThan(2 ** 32)
    const one = sourceOf({ tri: '"小吃街"', bi: null, mode: 'and' }, lo, hi)
    expect(one.sql).toContain(`rowid BETWEEN ${lo} AND ${hi}`)
    expect(one.bindings).toEqual(['"小吃街"'])
    const both = sourceOf({ tri: '"小吃街"', bi: '"噪音"', mode: 'or' }, lo, hi)
    expect(both.sql.match(new RegExp(`BETWEEN ${lo} AND ${hi}`, 'g'))).toHaveLength(2)
    expect(both.bindings).toEqual(['"小吃街"', '"噪音"'])
  })

  it('refuses a bound that is not an integer rather than write it into SQL', () => {
    expect(() => sourceOf({ tri: '"小吃街"', bi: null, mode: 'and' }, 1.5, 2)).toThrow(/not an integer/)
  })
})
