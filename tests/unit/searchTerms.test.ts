/** Reading the search box: which paths answer a query, and the FTS5 expressions they use. */
import { describe, expect, it } from 'vitest'
import { parseQuery, phrase } from '../../electron/core/search/terms'
import { anyOfSpec, sourceOf, textSpec } from '../../electron/core/search/match'
import { snippetOf, titleShows } from '../../electron/core/search/snippet'
import { codeOf, keyOf, rangeOf, refOf } from '../../electron/core/search/kinds'

describe('parseQuery', () => {
  it('sends 3+ characters to the trigram table as a phrase, 1–2 to the pair table as a token', () => {
    expect(parseQuery('占道经营')).toMatchObject({ long: ['"占道经营"'], short: [] })
    expect(parseQuery('调解')).toMatchObject({ long: [], short: ['"调解"'] })
    expect(parseQuery('张')).toMatchObject({ long: [], short: ['"张" *'] })
    expect(parseQuery('  漏水  求助 小吃街 ')).toMatchObject({
      text: '漏水  求助 小吃街',
      long: ['"小吃街"'],
      short: ['"漏水"', '"求助"'],
      words: ['漏水', '求助', '小吃街'],
    })
  })

  it('drops punctuation from short terms (the pair tokenizer does) and quotes what FTS5 would parse', () => {
    expect(parseQuery('张，').short).toEqual(['"张" *'])
    expect(parseQuery('，').short).toEqual([])
    expect(parseQuery('a"b"c').long).toEqual(['"a""b""c"'])
    expect(phrase('x"y')).toBe('"x""y"')
  })

  it('recognises pinyin and numbers', () => {
    expect(parseQuery('ZhangSan').pinyin).toBe('zhangsan')
    expect(parseQuery('zs').pinyin).toBe('zs')
    expect(parseQuery('张s').pinyin).toBeNull()
    expect(parseQuery('138 1234-5678').digits).toBe('13812345678')
    expect(parseQuery('+8613812345678').digits).toBe('13812345678')
    expect(parseQuery('123x').digits).toBe('123X')
    expect(parseQuery('2026-000123').digits).toBe('2026000123')
    expect(parseQuery('12a').digits).toBeNull()
  })
})

describe('match SQL', () => {
  it('ANDs the terms, joining the two tables when a query has both kinds of term', () => {
    const spec = textSpec(parseQuery('漏水 小吃街'))!
    expect(spec).toEqual({ tri: '"小吃街"', bi: '"漏水"', mode: 'and' })
    const src = sourceOf(spec, 10, 20)
    expect(src.sql).toContain('search_tri(?)')
    expect(src.sql).toContain('rowid IN (SELECT rowid AS key FROM search_bi(?)')
    expect(src.sql.match(/rowid BETWEEN 10 AND 20/g)).toHaveLength(2)
    expect(src.bindings).toEqual(['"小吃街"', '"漏水"'])
    expect(textSpec(parseQuery('，。'))).toBeNull()
  })

  it('ORs compound names found by pinyin', () => {
    expect(anyOfSpec(['花香园', '幸福里', '红苑'])).toEqual({ tri: '"花香园" OR "幸福里"', bi: '"红苑"', mode: 'or' })
    expect(sourceOf(anyOfSpec(['花香园', '红苑'])!, 1, 2).sql).toContain(' UNION ')
  })
})

describe('rowid keys', () => {
  it('keeps each kind in its own range', () => {
    const key = keyOf(3, 12345)
    expect(codeOf(key)).toBe(3)
    expect(refOf(key)).toBe(12345)
    const [lo, hi] = rangeOf(3)
    expect(key).toBeGreaterThanOrEqual(lo)
    expect(key).toBeLessThanOrEqual(hi)
    expect(rangeOf(4)[0]).toBe(hi + 1)
  })
})

describe('snippets', () => {
  const text =
    '2026-000001 张三 幸福小区 3栋楼下 居民反映小吃街每天晚上占道经营，油烟和噪音影响休息，希望城管部门在夜间加强巡查并规范摊点，另外建议在路口增设垃圾桶和照明设施。'
  it('cuts about 60 characters around the first match, marking the cuts', () => {
    const s = snippetOf(text, ['油烟'])
    expect(s).toContain('油烟')
    expect(s.startsWith('…')).toBe(true)
    expect(s.endsWith('…')).toBe(true)
    expect(s.length).toBeLessThanOrEqual(64)
    expect(snippetOf(text, ['没有的词'])).toBe('')
  })

  it('matches case-insensitively and knows when the title already shows the match', () => {
    expect(snippetOf('Room A WiFi broken', ['wifi'])).toContain('WiFi')
    expect(titleShows('2026-000001 小吃街占道', ['占道'])).toBe(true)
    expect(titleShows('2026-000001 小吃街占道', ['油烟'])).toBe(false)
  })
})
