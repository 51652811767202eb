/**
 * The admin's audit viewer: filters by who, what, which record and when,
 * newest first and paged, in Chinese words; the same filter as .xlsx (the
 * export itself audited); verification through the API finds a changed row.
 * Only the administrator may read the trail.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { apiErrorOf, call, openTestCore } from '../fixtures/core'
import {
  at,
  createComplaint,
  createVisit,
  complaintInput,
  personInput,
  secondClerk,
  seedIntake,
  withRole,
} from '../fixtures/intake'
import type { Staff } from '../../electron/core/context'

let core: Core
let clerk: Staff
let complaint: { id: number; number: string }

beforeAll(async () => {
  core = await openTestCore()
  const refs = await seedIntake(core)
  clerk = await secondClerk(core)
  // Two days: the admin's places and a visit on 02-27, the clerk's visit on 03-01.
  await createVisit(
    core,
    refs,
    [complaintInput(refs)],
    { person: personInput({ name: '王五' }) },
    at('2026-02-27T10:00:00+08:00'),
  )
  const c = await createComplaint(core, refs, {}, at('2026-03-01T10:00:00+08:00', clerk))
  complaint = { id: c.id, number: c.number }
  await call(
    core,
    'complaints.act',
    { action: 'accept', id: c.id, version: c.version },
    at('2026-03-01T11:00:00+08:00', clerk),
  )
})
afterAll(async () => {
  await core.close()
})

describe('audit.list', () => {
  it('lists newest first, with staff names and Chinese labels', async () => {
    const page = await call(core, 'audit.list', { pageSize: 100 })
    expect(page.total).toBe(page.items.length)
    const ids = page.items.map((r) => r.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    const newest = page.items[0]!
    expect(newest).toMatchObject({
      staffName: '李前台',
      action: 'transition',
      actionLabel: '办理',
      entity: 'complaint',
      entityLabel: '诉求',
      entityId: complaint.id,
      record: complaint.number,
      detailText: '操作：受理；原状态：登记；新状态：已受理',
    })
    expect(page.items.some((r) => r.entity === 'community' && r.record === '迎春社区')).toBe(true)
  })

  it('filters by staff, action, entity and record', async () => {
    const byClerk = await call(core, 'audit.list', { staffId: clerk.id })
    expect(byClerk.items.length).toBeGreaterThan(0)
    expect(byClerk.items.every((r) => r.staffId === clerk.id)).toBe(true)
    const creates = await call(core, 'audit.list', { action: 'create', entity: 'visit' })
    expect(creates.total).toBe(2)
    expect(creates.items.every((r) => r.action === 'create' && r.entity === 'visit')).toBe(true)
    const one = await call(core, 'audit.list', { entity: 'complaint', entityId: complaint.id })
    // Newest first: the acceptance, then the registration the visit wrote for this 诉求.
    expect(one.items.map((r) => r.action)).toEqual(['transition', 'create'])
  })

  it('filters by local calendar day, both ends included', async () => {
    const first = await call(core, 'audit.list', { entity: 'visit', dateFrom: '2026-02-27', dateTo: '2026-02-27' })
    expect(first.items).toHaveLength(1)
    expect(first.items[0]!.staffName).toBe('本机管理员')
    const second = await call(core, 'audit.list', { entity: 'visit', dateFrom: '2026-02-28' })
    expect(second.items).toHaveLength(1)
    expect(second.items[0]!.staffName).toBe('李前台')
    const none = await call(core, 'audit.list', { dateTo: '2020-01-01' })
    expect(none).toMatchObject({ total: 0, items: [] })
  })

  it('pages', async () => {
    const all = await call(core, 'audit.list', { pageSize: 100 })
    const p2 = await call(core, 'audit.list', { page: 2, pageSize: 3 })
    expect(p2.total).toBe(all.total)
    expect(p2.items.map((r) => r.id)).toEqual(all.items.slice(3, 6).map((r) => r.id))
  })

  it('refuses a reversed date range at the field', async () => {
    const err = await apiErrorOf(() => call(core, 'audit.list', { dateFrom: '2026-03-02', dateTo: '2026-03-01' }))
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'dateTo', message: '结束日期不能早于开始日期' })
  })

  it('is for the administrator only', async () => {
    for (const role of ['front_desk', 'mediator', 'viewer'] as const) {
      for (const method of ['audit.list', 'audit.exportXlsx', 'audit.verify'] as const) {
        expect((await apiErrorOf(() => call(core, method, {}, withRole(role)))).code).toBe('FORBIDDEN')
      }
    }
  })
})

describe('audit.exportXlsx', () => {
  it('writes the filtered rows with readable columns, and records the export', async () => {
    const filter = { entity: 'visit' as const }
    const listed = await call(core, 'audit.list', filter)
    const file = await call(core, 'audit.exportXlsx', filter)
    expect(file.rows).toBe(listed.total)
    expect(file.fileName).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('审计日志')!
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '时间', '操作人', '操作', '对象类型', '对象', '详情'])
    expect(sheet.rowCount).toBe(1 + listed.total)
    expect(sheet.getRow(2).getCell(3).value).toBe('李前台')
    expect(sheet.getRow(2).getCell(4).value).toBe('新建')
    expect(sheet.getRow(2).getCell(5).value).toBe('来访登记')
    const exported = await call(core, 'audit.list', { action: 'export' })
    expect(exported.items[0]).toMatchObject({
      entity: 'audit_trail',
      entityLabel: '审计日志',
      detail: { rows: listed.total },
    })
  })
})

describe('audit.verify', () => {
  it('says intact, then finds a row changed behind the app', async () => {
    const ok = await call(core, 'audit.verify', {})
    expect(ok).toMatchObject({ ok: true, brokenAt: null, reason: null })
    expect(ok.checked).toBeGreaterThan(5)

    await core.db.raw('DROP TRIGGER audit_events_no_update')
    const target = (await core.db('audit_events').where({ action: 'transition' }).first('id')) as { id: number }
    await core.db('audit_events').where({ id: target.id }).update({ staff_id: 1 })
    const broken = await call(core, 'audit.verify', {})
    expect(broken).toMatchObject({ ok: false, brokenAt: target.id, checked: target.id - 1 })
    expect(broken.reason).toContain(`第${target.id}条记录的内容被改动`)
  })
})
