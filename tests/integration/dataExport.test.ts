/**
 * Exports read back with exceljs: a list with its page's filters (numbers
 * masked as lists show them), and 全部导出 with one sheet per record type,
 * numbers masked unless an administrator asks for them in full, which the
 * audit trail records either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Ctx } from '../../electron/core/context'
import { exportListService } from '../../electron/core/dataTransfer/exportLists'
import { exportEverything } from '../../electron/core/dataTransfer/exportEverything'
import { exportEverythingInput, exportListInput, type ExportListInput } from '../../shared/api/dataTransfer'
import { apiErrorOf, call, ctx, openTestCore } from '../fixtures/core'
import { seedPlaces, type Places } from '../fixtures/notices'
import { idNumber, readWorkbook } from '../fixtures/dataImport'

let core: Core
let places: Places
const zhangId = idNumber('1949-12-31', 2)

beforeAll(async () => {
  core = await openTestCore()
  places = await seedPlaces(core)
  await call(core, 'places.saveCompound', {
    communityId: places.yingchun,
    name: '阳光花园',
    kind: 'commercial',
    management: 'property_company',
    propertyCompany: '阳光物业',
    leaders: [{ building: '1栋', name: '刘楼长', phone: '13911112222' }],
  })
  await call(core, 'visits.create', {
    person: { name: '张三', phone: '13812345678', idNumber: zhangId, compoundId: places.xingfu, room: '301' },
    visitedAt: '2026-02-10T02:00:00.000Z',
    channel: 'phone',
    subject: '咨询养老补贴',
    outcome: 'on_spot',
    answer: '已告知办理条件',
    representatives: [],
  })
  await call(core, 'visits.create', {
    person: { name: '李四', phone: '13987654321' },
    visitedAt: '2026-01-05T02:00:00.000Z',
    subject: '反映楼道堆物',
    outcome: 'on_spot',
    answer: '已通知物业清理',
  })
})
afterAll(async () => {
  await core.close()
})

function exportList(input: ExportListInput, as: Ctx = ctx) {
  return exportListService(core.db).exportList(as, exportListInput.parse(input))
}

describe('a list export', () => {
  it('writes the 小区 list with its filters', async () => {
    const file = await exportList({ list: 'compounds', filters: { kind: 'commercial' } })
    expect(file.fileName).toMatch(/^小区名单-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(file.rows).toBe(1)
    const sheet = (await readWorkbook(file.base64)).get('小区名单')!
    expect(sheet[0]).toEqual([
      '所属社区',
      '小区名称',
      '小区地址',
      '小区类型',
      '管理方式',
      '物业公司名称',
      '户数',
      '楼栋数',
      '楼栋长',
      '备注',
      '状态',
    ])
    expect(sheet[1]!.slice(0, 6)).toEqual(['迎春社区', '阳光花园', '', '商品房', '物业公司', '阳光物业'])
    expect(sheet[1]![8]).toBe('1栋 刘楼长 139****2222')
    const all = await exportList({ list: 'compounds' })
    expect(all.rows).toBe(4)
  })

  it('writes people and visits with numbers masked as the lists show them', async () => {
    const people = await readWorkbook((await exportList({ list: 'people' })).base64)
    const rows = people.get('来访人名单')!
    expect(rows[0]).toContain('身份证号')
    const zhang = rows.find((r) => r[0] === '张三')!
    expect(zhang).toContain('138****5678')
    expect(zhang).toContain('110105********002X')
    expect(zhang.join('|')).not.toContain('13812345678')
    expect(zhang.join('|')).toContain('幸福小区')

    const filtered = await exportList({ list: 'people', filters: { query: 'ls' } })
    expect(filtered.rows).toBe(1)

    const visits = await readWorkbook(
      (await exportList({ list: 'visits', filters: { dateFrom: '2026-02-01', channel: 'phone' } })).base64,
    )
    const sheet = visits.get('来访记录')!
    expect(sheet).toHaveLength(2)
    expect(sheet[1]).toEqual(expect.arrayContaining(['张三', '来电', '138****5678', '咨询养老补贴', '当场办结']))
  })

  it('writes communities and notices, and records each export in the audit trail', async () => {
    const communities = await exportList({ list: 'communities' })
    expect(communities.rows).toBe(2)
    const notices = await exportList({ list: 'notices' })
    expect(notices.rows).toBe(0)
    expect((await readWorkbook(notices.base64)).get('通知公告')![0]).toContain('文号')
    const events = (await core.db('audit_events').where({ action: 'export' }).select('entity', 'detail')) as {
      entity: string
      detail: string
    }[]
    expect(events.map((e) => e.entity)).toEqual(
      expect.arrayContaining(['compound', 'person', 'visit', 'community', 'notice']),
    )
    expect(JSON.parse(events.find((e) => e.entity === 'community')!.detail)).toEqual({ list: 'communities', rows: 2 })
  })

  it('refuses a bad filter with a Chinese message', () => {
    const parsed = exportListInput.safeParse({
      list: 'visits',
      filters: { dateFrom: '2026-03-01', dateTo: '2026-01-01' },
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues[0]!.message).toBe('结束日期不能早于开始日期')
  })
})

describe('全部导出', () => {
  it('writes one sheet per record type with numbers masked', async () => {
    const file = await exportEverything(core.db, ctx, exportEverythingInput.parse({}))
    expect(file.unmasked).toBe(false)
    const book = await readWorkbook(file.base64)
    expect([...book.keys()]).toEqual(file.sheets.map((s) => s.name))
    expect([...book.keys()]).toEqual(
      expect.arrayContaining([
        '社区',
        '小区',
        '楼栋长',
        '来访人',
        '来访登记',
        '诉求',
        '通知公告',
        '调解案件',
        '居民公约',
        '账号',
        '审计日志',
      ]),
    )
    const people = book.get('来访人')!
    expect(people[0]!.slice(0, 3)).toEqual(['编号', '姓名', '性别'])
    const zhang = people.find((r) => r[1] === '张三')!
    expect(zhang).toContain('138****5678')
    expect(zhang).toContain('110105********002X')
    expect(book.get('楼栋长')![1]).toContain('139****2222')
    const visits = book.get('来访登记')!
    expect(visits[0]).toContain('来访人编号')
    expect(visits.find((r) => r.includes('咨询养老补贴'))).toEqual(expect.arrayContaining(['张三', '来电', '当场办结']))
    // No password hashes in the handover.
    expect(book.get('账号')![0]).not.toContain('password_hash')
    const event = (await core
      .db('audit_events')
      .where({ action: 'export', entity: 'data' })
      .orderBy('id', 'desc')
      .first()) as {
      detail: string
    }
    expect(JSON.parse(event.detail)).toMatchObject({ unmasked: false, sheets: file.sheets.length })
  })

  it('writes the full numbers only for an administrator who asks, and records that', async () => {
    const file = await exportEverything(core.db, ctx, exportEverythingInput.parse({ unmask: true }))
    expect(file.unmasked).toBe(true)
    expect(file.fileName).toContain('含完整号码')
    const people = (await readWorkbook(file.base64)).get('来访人')!
    const zhang = people.find((r) => r[1] === '张三')!
    expect(zhang).toContain('13812345678')
    expect(zhang).toContain(zhangId)
    const event = (await core
      .db('audit_events')
      .where({ action: 'export', entity: 'data' })
      .orderBy('id', 'desc')
      .first()) as {
      staff_id: number
      detail: string
    }
    expect(event.staff_id).toBe(ctx.staff!.id)
    expect(JSON.parse(event.detail)).toMatchObject({ unmasked: true, sheets: file.sheets.length })
    expect(event.detail).not.toContain('13812345678')

    const frontDesk: Ctx = { ...ctx, staff: { id: 1, name: '前台', role: 'front_desk' } }
    const err = await apiErrorOf(() =>
      exportEverything(core.db, frontDesk, exportEverythingInput.parse({ unmask: true })),
    )
    expect(err.code).toBe('FORBIDDEN')
  })
})
