/**
 * The 诉求 list on a real database: every filter, sorting by due date,
 * server-side pages with totals, and the .xlsx export of the filtered list
 * (read back with exceljs; phones masked only).
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { ComplaintContentInput, ComplaintDetail } from '../../shared/api/complaints'
import type { MethodInput } from '../../shared/api/contract'
import { complaintFilter } from '../../shared/api/complaints'
import { localContext } from '../../electron/core/context'
import { countOf, filteredComplaints, sorted } from '../../electron/core/services/intake/complaintQueries'
import { rowOfArray, selectComplaintArrays, selectComplaints } from '../../electron/core/services/intake/complaintRows'
import { apiErrorOf, call, openTestCore } from '../fixtures/core'
import { act, at, complaintInput, createVisit, personInput, seedIntake, type IntakeRefs } from '../fixtures/intake'

let core: Core
let refs: IntakeRefs
let elevator: number
const c: Record<string, ComplaintDetail> = {}

type Key = 'k1' | 'k2' | 'k3' | 'k4' | 'k5' | 'k6'

async function logged(
  key: Key,
  date: string,
  person: { name: string; phone: string },
  content: Partial<ComplaintContentInput>,
): Promise<ComplaintDetail> {
  const when = at(`${date}T10:00:00+08:00`)
  const visit = await createVisit(core, refs, [complaintInput(refs, content)], { person: personInput(person) }, when)
  c[key] = await call(core, 'complaints.get', { id: visit.complaints[0]!.id }, when)
  return c[key]
}

beforeAll(async () => {
  core = await openTestCore()
  refs = await seedIntake(core)
  elevator = (await call(core, 'intake.saveCategory', { name: '电梯', parentId: refs.categories['物业服务'] })).id
  const { xingfu, shangyeju, hongguangYuan } = refs.places
  const cat = refs.categories

  await logged(
    'k1',
    '2026-02-10',
    { name: '张三', phone: '13812345671' },
    {
      kind: 'complaint',
      categoryId: cat['环境卫生'],
      compoundId: xingfu,
      request: '楼道堆满杂物',
    },
  )

  const k2 = await logged(
    'k2',
    '2026-02-20',
    { name: '李四', phone: '13812345672' },
    {
      kind: 'help',
      categoryId: cat['物业服务'],
      compoundId: shangyeju,
      request: '家中水管漏水求助',
    },
  )
  c.k2 = await act(core, refs, k2, 'accept', {}, at('2026-02-20T11:00:00+08:00'))

  let k3 = await logged(
    'k3',
    '2026-02-25',
    { name: '王五', phone: '13812345673' },
    {
      kind: 'inquiry',
      categoryId: elevator,
      compoundId: hongguangYuan,
      request: '电梯加装补贴如何申请',
    },
  )
  k3 = await act(core, refs, k3, 'accept', {}, at('2026-02-25T11:00:00+08:00'))
  c.k3 = await act(core, refs, k3, 'assign', { unitId: refs.units['物业公司'] })

  let k4 = await logged(
    'k4',
    '2026-03-01',
    { name: '赵六', phone: '13812345674' },
    {
      kind: 'suggestion',
      categoryId: cat['停车充电'],
      compoundId: xingfu,
      request: '建议增设充电桩',
    },
  )
  k4 = await act(core, refs, k4, 'accept')
  k4 = await call(core, 'complaints.act', {
    action: 'assign',
    id: k4.id,
    version: k4.version,
    unitId: refs.units['社区居委会']!,
    assignee: '赵主任',
  })
  c.k4 = await act(core, refs, k4, 'start')

  let k5 = await logged(
    'k5',
    '2026-03-01',
    { name: '孙七', phone: '13812345675' },
    {
      kind: 'complaint',
      categoryId: elevator,
      compoundId: xingfu,
      request: '电梯经常停运',
    },
  )
  for (const action of ['accept', 'assign', 'start', 'resolve'] as const) k5 = await act(core, refs, k5, action)
  c.k5 = k5

  await logged(
    'k6',
    '2026-02-27',
    { name: '周八', phone: '13812345676' },
    {
      kind: 'complaint',
      categoryId: cat['环境卫生'],
      compoundId: hongguangYuan,
      request: '垃圾桶满溢',
    },
  )
})
afterAll(async () => {
  await core.close()
})

type Filter = MethodInput<'complaints.list'>

async function keysOf(filter: Filter): Promise<string[]> {
  const page = await call(core, 'complaints.list', { pageSize: 100, ...filter })
  expect(page.total).toBe(page.items.length)
  const byId = new Map(Object.entries(c).map(([k, v]) => [v.id, k]))
  return page.items.map((i) => byId.get(i.id)!).sort()
}

describe('filters', () => {
  it('by status', async () => {
    expect(await keysOf({ status: ['registered'] })).toEqual(['k1', 'k6'])
    expect(await keysOf({ status: ['assigned', 'in_progress'] })).toEqual(['k3', 'k4'])
    expect(await keysOf({ status: [] })).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6'])
  })

  it('by kind', async () => {
    expect(await keysOf({ kind: 'complaint' })).toEqual(['k1', 'k5', 'k6'])
    expect(await keysOf({ kind: 'inquiry' })).toEqual(['k3'])
  })

  it('by category, a parent including its children', async () => {
    expect(await keysOf({ categoryId: refs.categories['物业服务'] })).toEqual(['k2', 'k3', 'k5'])
    expect(await keysOf({ categoryId: elevator })).toEqual(['k3', 'k5'])
    expect(await keysOf({ categoryId: refs.categories['家庭矛盾'] })).toEqual([])
    expect(c.k3!.categoryName).toBe('物业服务/电梯')
  })

  it('by community and by compound', async () => {
    expect(await keysOf({ communityId: refs.places.hongguang })).toEqual(['k3', 'k6'])
    expect(await keysOf({ communityId: refs.places.yingchun })).toEqual(['k1', 'k2', 'k4', 'k5'])
    expect(await keysOf({ compoundId: refs.places.xingfu })).toEqual(['k1', 'k4', 'k5'])
    expect(c.k6).toMatchObject({ compoundName: '红光苑', communityName: '红光社区' })
  })

  it('by unit and by assignee', async () => {
    expect(await keysOf({ unitId: refs.units['物业公司'] })).toEqual(['k3', 'k5'])
    expect(await keysOf({ unitId: refs.units['社区居委会'] })).toEqual(['k4'])
    expect(await keysOf({ assignee: '王' })).toEqual(['k3', 'k5'])
    expect(await keysOf({ assignee: '赵主任' })).toEqual(['k4'])
  })

  it('by date of receipt, both ends included', async () => {
    expect(await keysOf({ dateFrom: '2026-02-20', dateTo: '2026-02-27' })).toEqual(['k2', 'k3', 'k6'])
    expect(await keysOf({ dateFrom: '2026-03-01' })).toEqual(['k4', 'k5'])
    expect(await keysOf({ dateTo: '2026-02-10' })).toEqual(['k1'])
  })

  it('by clock state', async () => {
    expect(await keysOf({ clock: 'overdue' })).toEqual(['k1'])
    expect(await keysOf({ clock: 'ok' })).toEqual(['k2', 'k3', 'k4', 'k6'])
    expect(await keysOf({ clock: 'due_soon' })).toEqual([])
  })

  it('by text: number, name, request, lookup code', async () => {
    expect(await keysOf({ query: c.k4!.number })).toEqual(['k4'])
    expect(await keysOf({ query: '李四' })).toEqual(['k2'])
    expect(await keysOf({ query: '电梯' })).toEqual(['k3', 'k5'])
    expect(await keysOf({ query: c.k6!.lookupCode!.toLowerCase() })).toEqual(['k6'])
    expect(await keysOf({ query: '100%' })).toEqual([])
  })

  it('combined', async () => {
    expect(await keysOf({ kind: 'complaint', compoundId: refs.places.xingfu })).toEqual(['k1', 'k5'])
    expect(await keysOf({ kind: 'complaint', status: ['resolved'], categoryId: refs.categories['物业服务'] })).toEqual([
      'k5',
    ])
  })

  it('refuses a bad date with a Chinese message', async () => {
    const err = await apiErrorOf(() => call(core, 'complaints.list', { dateFrom: '2026-02-30' }))
    expect(err).toMatchObject({
      code: 'VALIDATION',
      field: 'dateFrom',
      message: '开始日期应为有效日期（如 2026-03-01）',
    })
  })
})

describe('sorting and pages', () => {
  const order = async (filter: Filter) => {
    const byId = new Map(Object.entries(c).map(([k, v]) => [v.id, k]))
    return (await call(core, 'complaints.list', { pageSize: 100, ...filter })).items.map((i) => byId.get(i.id))
  }

  it('sorts by due date, those without a running clock last either way', async () => {
    expect(c.k1!.dueDate).toBe('2026-02-25')
    expect(c.k6!.dueDate).toBe('2026-03-14')
    expect(c.k2!.dueDate).toBe('2026-04-21')
    expect(c.k3!.dueDate).toBe('2026-04-26')
    expect(c.k4!.dueDate).toBe('2026-04-30')
    expect(c.k5!.dueDate).toBeNull()
    expect(await order({ sort: 'dueDate', order: 'asc' })).toEqual(['k1', 'k6', 'k2', 'k3', 'k4', 'k5'])
    expect(await order({ sort: 'dueDate', order: 'desc' })).toEqual(['k4', 'k3', 'k2', 'k6', 'k1', 'k5'])
  })

  it('sorts by due date across several statuses page by page, as one sorted list', async () => {
    // Several statuses take another path (each status read in index order, then merged): its pages
    // must be the slices of the one order, no row twice or missing at a page's edge.
    const statuses = [...new Set(Object.values(c).map((x) => x!.status))]
    expect(statuses.length).toBeGreaterThan(2)
    for (const direction of ['asc', 'desc'] as const) {
      const whole = await order({ sort: 'dueDate', order: direction })
      const paged: (string | undefined)[] = []
      for (let page = 1; page <= whole.length; page++) {
        paged.push(...(await order({ status: statuses, sort: 'dueDate', order: direction, pageSize: 1, page })))
      }
      expect(paged).toEqual(whole)
      const open = whole.filter((k) => ['registered', 'accepted', 'in_progress'].includes(c[k!]!.status))
      expect(
        await order({ status: ['registered', 'accepted', 'in_progress'], sort: 'dueDate', order: direction }),
      ).toEqual(open)
    }
  })

  it('reads the same rows as JSON arrays (the list) as column by column (one 诉求)', async () => {
    const plain = (await selectComplaints(core.db).orderBy('complaints.id')) as unknown[]
    const arrays = ((await selectComplaintArrays(core.db).orderBy('complaints.id')) as { r: string }[]).map((x) =>
      rowOfArray(x.r),
    )
    expect(plain).toHaveLength(Object.keys(c).length)
    expect(arrays).toEqual(plain)
  })

  it('shows a renamed category at once (the category tree is kept between calls)', async () => {
    const nameIn = async () =>
      (await call(core, 'complaints.list', { pageSize: 100 })).items.find((i) => i.id === c.k6!.id)!.categoryName
    expect(await nameIn()).toBe('环境卫生')
    const category = (await call(core, 'intake.listCategories', {})).find((x) => x.id === c.k6!.categoryId)!
    const save = (name: string) =>
      call(core, 'intake.saveCategory', { id: category.id, name, parentId: null, position: category.position })
    await save('环境与卫生')
    expect(await nameIn()).toBe('环境与卫生')
    await save('环境卫生')
    expect(await nameIn()).toBe('环境卫生')
  })

  it('reads one status in 期限 order from an index, either direction, without sorting its matches', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const f = complaintFilter.parse({ status: ['accepted'], sort: 'dueDate', order: direction })
      const { q } = await filteredComplaints(core.db, localContext(), f)
      const { sql, bindings } = sorted(q.select('complaints.id'), f).limit(50).toSQL()
      const plan = ((await core.db.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings)) as { detail: string }[])
        .map((p) => p.detail)
        .join('\n')
      expect(plan).toContain(direction === 'asc' ? 'complaints_status_due_last' : 'complaints_status_due_date_index')
      expect(plan).not.toContain('TEMP B-TREE')
    }
  })

  it('pages in number order within a date range (walking the number index) as one sorted list', async () => {
    const within = { dateFrom: '2026-02-01', dateTo: '2026-12-31', sort: 'number', order: 'desc' } as const
    const whole = await order(within)
    expect(whole.length).toBeGreaterThan(2)
    expect(whole).toEqual(['k6', 'k5', 'k4', 'k3', 'k2', 'k1'].filter((k) => whole.includes(k)))
    const paged: (string | undefined)[] = []
    for (let page = 1; page <= 3; page++) paged.push(...(await order({ ...within, pageSize: 2, page })))
    expect(paged).toEqual(whole)
  })

  it('sorts by number and, by default, newest received first', async () => {
    expect(await order({ sort: 'number', order: 'asc' })).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6'])
    const newest = await order({})
    expect(newest.slice(0, 2).sort()).toEqual(['k4', 'k5'])
    expect(newest.slice(2)).toEqual(['k6', 'k3', 'k2', 'k1'])
  })

  it('pages on the server with the total of the whole filtered list', async () => {
    const pageOf = (page: number) => call(core, 'complaints.list', { sort: 'number', order: 'asc', pageSize: 4, page })
    const first = await pageOf(1)
    const second = await pageOf(2)
    const third = await pageOf(3)
    expect(first).toMatchObject({ total: 6, totalCapped: false, page: 1, pageSize: 4 })
    expect(first.items.map((i) => i.number)).toEqual([c.k1, c.k2, c.k3, c.k4].map((x) => x!.number))
    expect(second.items.map((i) => i.number)).toEqual([c.k5, c.k6].map((x) => x!.number))
    expect(third).toMatchObject({ total: 6, items: [] })
    const filtered = await call(core, 'complaints.list', { kind: 'complaint', pageSize: 2, page: 2 })
    expect(filtered.total).toBe(3)
    expect(filtered.items).toHaveLength(1)
    const tooBig = await apiErrorOf(() => call(core, 'complaints.list', { pageSize: 101 }))
    expect(tooBig).toMatchObject({ code: 'VALIDATION', field: 'pageSize', message: '每页最多100条' })
  })

  it('counts matches only up to the cap, and says when it stopped there', async () => {
    const all = (await filteredComplaints(core.db, localContext(), complaintFilter.parse({}))).q
    expect(await countOf(core.db, all, 10)).toEqual({ total: 6, capped: false })
    expect(await countOf(core.db, all, 6)).toEqual({ total: 6, capped: false })
    expect(await countOf(core.db, all, 5)).toEqual({ total: 5, capped: true })
    const kind = (await filteredComplaints(core.db, localContext(), complaintFilter.parse({ kind: 'complaint' }))).q
    expect(await countOf(core.db, kind, 2)).toEqual({ total: 2, capped: true })
    expect(await countOf(core.db, kind, 3)).toEqual({ total: 3, capped: false })
  })

  it('never shows a full phone number', async () => {
    const json = JSON.stringify(await call(core, 'complaints.list', { pageSize: 100 }))
    expect(json).toContain('138****5671')
    expect(json).not.toMatch(/1381234567\d/)
  })
})

describe('xlsx export', () => {
  async function workbookOf(base64: string) {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
    return book
  }

  it('exports the filtered list with a header row, masked phones only', async () => {
    const file = await call(core, 'complaints.exportXlsx', { kind: 'complaint', sort: 'number', order: 'asc' })
    expect(file.fileName).toBe('诉求列表-2026-03-01.xlsx')
    expect(file.rows).toBe(3)
    const book = await workbookOf(file.base64)
    const sheet = book.getWorksheet('诉求列表')!
    expect(sheet).toBeDefined()
    expect(sheet.rowCount).toBe(4)
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header.slice(0, 6)).toEqual(['编号', '登记时间', '来访人', '联系电话', '类型', '类别'])
    expect(header).toEqual(expect.arrayContaining(['状态', '承办单位', '期限', '时限状态', '满意度']))
    const col = (name: string) => header.indexOf(name) + 1

    const first = sheet.getRow(2)
    expect(first.getCell(col('编号')).value).toBe(c.k1!.number)
    expect(first.getCell(col('来访人')).value).toBe('张三')
    expect(first.getCell(col('联系电话')).value).toBe('138****5671')
    expect(first.getCell(col('类型')).value).toBe('投诉')
    expect(first.getCell(col('类别')).value).toBe('环境卫生')
    expect(first.getCell(col('小区')).value).toBe('幸福小区')
    expect(first.getCell(col('状态')).value).toBe('登记')
    expect(first.getCell(col('期限')).value).toBe('2026-02-25')
    expect(first.getCell(col('时限状态')).value).toBe('已超期')
    const resolved = sheet.getRow(3)
    expect(resolved.getCell(col('编号')).value).toBe(c.k5!.number)
    expect(resolved.getCell(col('状态')).value).toBe('已办结')
    expect(resolved.getCell(col('承办单位')).value).toBe('物业公司')
    expect(resolved.getCell(col('答复意见')).value).toBe('支持')
    expect(resolved.getCell(col('按期办结')).value).toBe('是')
    expect(sheet.getRow(4).getCell(col('编号')).value).toBe(c.k6!.number)

    // Nowhere in the workbook is a full phone number.
    const texts: string[] = []
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))))
    expect(texts.join('\n')).not.toMatch(/1381234567\d/)

    const audit = await core.db('audit_events').where({ action: 'export', entity: 'complaint' })
    expect(audit.map((a: { detail: string }) => JSON.parse(a.detail))).toContainEqual({ rows: 3 })
  })

  it('exports an empty list as just the header', async () => {
    const file = await call(core, 'complaints.exportXlsx', { categoryId: refs.categories['家庭矛盾'] })
    expect(file.rows).toBe(0)
    const sheet = (await workbookOf(file.base64)).getWorksheet('诉求列表')!
    expect(sheet.rowCount).toBe(1)
  })
})
