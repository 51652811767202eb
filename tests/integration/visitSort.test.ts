/**
 * The visit list is sorted by the server, then paged: by 来访时间 (the newest
 * first unless asked) or by 编号, either way, with pages that follow on from
 * each other; an unknown sort is refused at the field. The list export uses
 * the same order.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { apiErrorOf, call } from '../fixtures/core'
import { personInput, useIntakeCore, visitInput } from '../fixtures/intake'

const env = useIntakeCore()
/** Registered in this order (so numbered 1, 2, 3), but visited at other times. */
const visits: { number: string; subject: string }[] = []

beforeAll(async () => {
  for (const [subject, visitedAt] of [
    ['上午十点来访', '2026-02-20T02:00:00Z'],
    ['上午八点来访', '2026-02-20T00:00:00Z'],
    ['中午十二点来访', '2026-02-20T04:00:00Z'],
  ] as const) {
    const v = await call(
      env.core,
      'visits.create',
      visitInput(env.refs, [], {
        outcome: 'on_spot',
        answer: '已当场答复',
        subject,
        visitedAt,
        person: personInput({ name: '排序测试' }),
      }),
    )
    visits.push({ number: v.number, subject })
  }
})

const subjects = async (input: Record<string, unknown>) =>
  (await call(env.core, 'visits.list', { query: '排序测试', ...input })).items.map((v) => v.subject)

describe('visits.list sorting', () => {
  it('puts the newest visit first by default', async () => {
    expect(await subjects({})).toEqual(['中午十二点来访', '上午十点来访', '上午八点来访'])
  })

  it('sorts by 来访时间 or 编号, ascending or descending', async () => {
    expect(await subjects({ sort: 'visitedAt', order: 'asc' })).toEqual([
      '上午八点来访',
      '上午十点来访',
      '中午十二点来访',
    ])
    expect(await subjects({ sort: 'number', order: 'asc' })).toEqual(['上午十点来访', '上午八点来访', '中午十二点来访'])
    expect(await subjects({ sort: 'number', order: 'desc' })).toEqual([
      '中午十二点来访',
      '上午八点来访',
      '上午十点来访',
    ])
  })

  it('sorts before paging: page 2 continues the order of page 1', async () => {
    const first = await subjects({ sort: 'number', order: 'asc', pageSize: 2, page: 1 })
    const second = await subjects({ sort: 'number', order: 'asc', pageSize: 2, page: 2 })
    expect([...first, ...second]).toEqual(['上午十点来访', '上午八点来访', '中午十二点来访'])
  })

  it('refuses an unknown sort at the field', async () => {
    const err = await apiErrorOf(() =>
      call(env.core, 'visits.list', { sort: 'subject' } as unknown as Record<string, never>),
    )
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'sort', message: '排序方式无效' })
  })

  it('exports in the order asked for', async () => {
    const file = await call(env.core, 'export.list', {
      list: 'visits',
      filters: { query: '排序测试', sort: 'visitedAt', order: 'asc' },
    })
    expect(file.rows).toBe(3)
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]!
    const heading = (sheet.getRow(1).values as unknown[]).map(String)
    const col = heading.indexOf('事由')
    const shown = [2, 3, 4].map((r) => String(sheet.getRow(r).getCell(col).value))
    expect(shown).toEqual(['上午八点来访', '上午十点来访', '中午十二点来访'])
  })
})
