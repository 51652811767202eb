/** What to print: the route that shows it, the compounds query parameter, and the schema's limits. */
import { describe, expect, it } from 'vitest'
import { parseCompoundIds, printRoute, printTarget } from '../../shared/print/target'

/** The `compounds` query parameter as the router hands it over: already decoded. */
function compoundsParam(route: string): string | null {
  return new URL(route, 'http://desk.invalid').searchParams.get('compounds')
}

describe('printRoute', () => {
  it('names the document, record and layout', () => {
    const route = printRoute({ document: 'notice', id: 7, layout: 'wall' })
    expect(route).toBe('/print/notice/7?layout=wall')
    expect(compoundsParam(route)).toBeNull()
  })

  it('carries the compounds so they parse back to the same ids', () => {
    const route = printRoute({ document: 'notice', id: 7, layout: 'official', compoundIds: [1, 2, 3] })
    expect(route.startsWith('/print/notice/7?')).toBe(true)
    expect(route).toContain('compounds=1%2C2%2C3')
    expect(compoundsParam(route)).toBe('1,2,3')
    expect(parseCompoundIds(compoundsParam(route))).toEqual([1, 2, 3])
  })

  it('leaves out an empty compound list', () => {
    expect(printRoute({ document: 'notice', id: 7, layout: 'official', compoundIds: [] })).toBe(
      '/print/notice/7?layout=official',
    )
  })
})

describe('parseCompoundIds', () => {
  it('keeps only positive integers', () => {
    expect(parseCompoundIds('1,2,3')).toEqual([1, 2, 3])
    expect(parseCompoundIds('1,x,-2,3.5')).toEqual([1])
    expect(parseCompoundIds('0,,4')).toEqual([4])
  })

  it('answers [] for anything that is not a non-empty string', () => {
    expect(parseCompoundIds('')).toEqual([])
    expect(parseCompoundIds(undefined)).toEqual([])
    expect(parseCompoundIds(null)).toEqual([])
    expect(parseCompoundIds(['1', '2'])).toEqual([])
    expect(parseCompoundIds(12)).toEqual([])
  })
})

describe('printTarget schema', () => {
  it('accepts a notice and defaults the compounds to none', () => {
    const parsed = printTarget.parse({ document: 'notice', id: 1, layout: 'official' })
    expect(parsed.compoundIds).toEqual([])
  })

  it('refuses a document kind it does not know', () => {
    const result = printTarget.safeParse({ document: 'invoice', id: 1, layout: 'official' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('不支持打印此类文书')
  })

  it('refuses an unknown layout', () => {
    expect(printTarget.safeParse({ document: 'notice', id: 1, layout: 'poster' }).success).toBe(false)
  })

  it('takes at most 500 compounds', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
    expect(
      printTarget.safeParse({ document: 'notice', id: 1, layout: 'official', compoundIds: ids(500) }).success,
    ).toBe(true)
    const result = printTarget.safeParse({ document: 'notice', id: 1, layout: 'official', compoundIds: ids(501) })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('一次最多批量打印500份')
  })
})
