/**
 * 个人信息保护 on a real database: a person's export holds their data in full
 * and is audited; anonymisation clears identity but keeps every visit, 诉求
 * and count, scrubs numbers out of that person's free text only, hides them
 * from search and cannot be repeated; retention lists exactly the people
 * whose records all closed long enough ago, and bulk anonymisation checks
 * that again.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Ctx } from '../../electron/core/context'
import { verifyAuditTrail } from '../../electron/core/audit/trail'
import { localDate } from '../../shared/calendar/workCalendar'
import type { ComplaintAction } from '../../shared/complaints/workflow'
import type { ComplaintDetail } from '../../shared/api/complaints'
import { scrubbedMark } from '../../shared/validation/sensitiveText'
import { apiErrorOf, call, countRows, openTestCore } from '../fixtures/core'
import {
  actInput,
  at,
  complaintInput,
  createVisit,
  personInput,
  seedIntake,
  withRole,
  type IntakeRefs,
} from '../fixtures/intake'

const zhang = { name: '张三', phone: '13812345678', idNumber: '11010519491231002X' }

let core: Core
let refs: IntakeRefs

beforeAll(async () => {
  core = await openTestCore()
  refs = await seedIntake(core)
})
afterAll(async () => {
  await core.close()
})

/** Takes a 诉求 through `actions` at the instant `when` (follow-ups dated that day). */
async function drive(c: ComplaintDetail, actions: ComplaintAction[], when: Ctx): Promise<ComplaintDetail> {
  let current = c
  for (const action of actions) {
    const input = actInput(action, current, refs)
    if (input.action === 'follow_up') input.date = localDate(when.clock.now())
    current = await call(core, 'complaints.act', input, when)
  }
  return current
}
/** After the fixtures' fixed clock (09:00 UTC), so steps follow registration on the timeline. */
const later = at('2026-03-01T18:00:00+08:00')
const toArchived: ComplaintAction[] = ['accept', 'assign', 'start', 'resolve', 'follow_up', 'archive']

async function complaintOf(visitId: number, index = 0): Promise<ComplaintDetail> {
  const visit = await call(core, 'visits.get', { id: visitId })
  return call(core, 'complaints.get', { id: visit.complaints[index]!.id })
}

async function categoryTotals(): Promise<Record<string, number>> {
  const totals: Record<string, number> = {}
  for (const [name, categoryId] of Object.entries(refs.categories)) {
    totals[name] = (await call(core, 'complaints.list', { categoryId })).total
  }
  return totals
}

describe('anonymisation', () => {
  it('clears identity, keeps every count, scrubs only that person’s text, and hides them from search', async () => {
    const v1 = await createVisit(
      core,
      refs,
      [
        complaintInput(refs, { request: '请清理垃圾，联系电话13812345678', facts: '张三说楼下堆放垃圾两周' }),
        complaintInput(refs, { categoryId: refs.categories['物业服务']!, request: '物业不回电话' }),
      ],
      {
        person: {
          ...personInput(zhang),
          compoundId: refs.places.xingfu,
          building: '3',
          room: '301',
          notes: '独居老人',
        },
        subject: '张三反映垃圾问题，身份证11010519491231002X',
      },
    )
    await createVisit(core, refs, [], {
      person: {
        ...personInput(zhang),
        compoundId: refs.places.xingfu,
        id: v1.person.id,
        version: (await call(core, 'people.history', { id: v1.person.id })).person.version,
      },
      outcome: 'on_spot',
      subject: '咨询低保政策',
      answer: '已告知，回电0851-8123456可再咨询',
      complaints: [],
    })
    for (let i = 0; i < 2; i++) await drive(await complaintOf(v1.id, i), toArchived, later)
    // Someone else's text with a number stays as it is.
    const other = await createVisit(core, refs, [complaintInput(refs, { request: '请联系我13900001111' })], {
      person: personInput({ name: '李四', phone: '13900001111' }),
    })

    const before = {
      visits: (await call(core, 'visits.list', {})).total,
      complaints: (await call(core, 'complaints.list', {})).total,
      byCategory: await categoryTotals(),
      persons: await countRows(core, 'persons'),
    }
    const done = await call(core, 'privacy.anonymisePerson', { id: v1.person.id, reason: '居民本人申请删除' })
    expect(done.scrubbedFields).toBe(4) // request, facts, visit subject, on-the-spot answer

    expect({
      visits: (await call(core, 'visits.list', {})).total,
      complaints: (await call(core, 'complaints.list', {})).total,
      byCategory: await categoryTotals(),
      persons: await countRows(core, 'persons'),
    }).toEqual(before)

    const row = await core.db('persons').where({ id: v1.person.id }).first()
    expect(row).toMatchObject({
      name: '已匿名化',
      phone: null,
      id_number: null,
      birth_date: null,
      age: null,
      building: null,
      room: null,
      notes: null,
      compound_id: refs.places.xingfu,
      sex: 'female',
    })
    expect(row.anonymised_at).toBe(done.anonymisedAt)
    const dbText = JSON.stringify(await core.db('persons').where({ id: v1.person.id }))
    expect(dbText).not.toContain('张三')

    const c0 = await complaintOf(v1.id, 0)
    expect(c0.request).toBe(`请清理垃圾，联系电话${scrubbedMark}`)
    expect(c0.facts).toBe('〔姓名已删除〕说楼下堆放垃圾两周')
    expect(c0.status).toBe('archived')
    expect(c0.person?.name).toBe('已匿名化')
    expect(c0.person?.phoneMasked).toBeNull()
    expect((await call(core, 'visits.get', { id: v1.id })).subject).toBe(
      `〔姓名已删除〕反映垃圾问题，身份证${scrubbedMark}`,
    )
    expect((await complaintOf(other.id)).request).toBe('请联系我13900001111')

    for (const query of ['张三', 'zhangsan', 'zs', '138123', '110105', '已匿名化']) {
      expect(await call(core, 'people.search', { query }), query).toEqual([])
    }
    expect((await call(core, 'people.search', { query: '李四' })).map((p) => p.name)).toEqual(['李四'])

    const event = await core.db('audit_events').where({ action: 'anonymise' }).orderBy('id', 'desc').first()
    expect(event).toMatchObject({ entity: 'person', entity_id: v1.person.id })
    expect(JSON.parse(event.detail)).toEqual({ reason: '居民本人申请删除', scrubbedFields: 4 })
    expect(JSON.stringify(await core.db('audit_events'))).not.toContain(zhang.phone)
    await expect(verifyAuditTrail(core.db)).resolves.toMatchObject({ ok: true })

    const again = await apiErrorOf(() => call(core, 'privacy.anonymisePerson', { id: v1.person.id, reason: '重复' }))
    expect(again.code).toBe('CONFLICT')
    const edit = await apiErrorOf(() =>
      call(core, 'people.save', { id: v1.person.id, version: row.version, name: '张三' }),
    )
    expect(edit).toMatchObject({ code: 'CONFLICT', field: 'id' })
  })

  it('refuses while a 诉求 of theirs is still being handled, and changes nothing', async () => {
    const v = await createVisit(core, refs, [complaintInput(refs)], {
      person: personInput({ name: '赵六', phone: '13700002222' }),
    })
    const events = await countRows(core, 'audit_events')
    const err = await apiErrorOf(() => call(core, 'privacy.anonymisePerson', { id: v.person.id, reason: '居民申请' }))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain(v.complaints[0]!.number)
    expect(await core.db('persons').where({ id: v.person.id }).first('name', 'phone')).toEqual({
      name: '赵六',
      phone: '13700002222',
    })
    expect(await countRows(core, 'audit_events')).toBe(events)
  })

  it('needs a reason and the administrator', async () => {
    const err = await apiErrorOf(() => call(core, 'privacy.anonymisePerson', { id: 1, reason: '' }))
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'reason', message: '请填写匿名化原因' })
    for (const role of ['front_desk', 'mediator', 'viewer'] as const) {
      const refused = await apiErrorOf(() =>
        call(core, 'privacy.anonymisePerson', { id: 1, reason: '测试' }, withRole(role)),
      )
      expect(refused.code).toBe('FORBIDDEN')
    }
  })
})

describe('export', () => {
  it('holds the person in full with visits, 诉求 timelines and follow-ups, and is audited without the numbers', async () => {
    const person = { name: '钱七', phone: '13600003333', idNumber: '440524188001010014' }
    const v = await createVisit(core, refs, [complaintInput(refs, { request: '请修理路灯' })], {
      person: { ...personInput(person), address: '幸福路8号' },
    })
    await drive(await complaintOf(v.id), ['accept', 'assign', 'start', 'resolve', 'follow_up'], later)

    const file = await call(core, 'privacy.exportPerson', { id: v.person.id })
    expect(file.mime).toBe('application/json')
    expect(file.fileName).toMatch(new RegExp(`^个人信息-来访人${v.person.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`))
    const data = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'))
    expect(data.person).toMatchObject({
      name: '钱七',
      phone: person.phone,
      idNumber: person.idNumber,
      birthDate: '1880-01-01',
    })
    expect(data.person.address).toContain('幸福路8号')
    expect(data.visits).toHaveLength(1)
    expect(data.visits[0]).toMatchObject({ number: v.number, subject: '反映楼下垃圾无人清理', outcome: '转为诉求' })
    expect(data.complaints).toHaveLength(1)
    const c = data.complaints[0]
    expect(c).toMatchObject({ request: '请修理路灯', status: '已回访', satisfaction: '满意' })
    expect(c.timeline.map((e: { action: string }) => e.action)).toEqual([
      '登记',
      '受理',
      '交办',
      '开始办理',
      '办结',
      '回访',
    ])
    expect(c.followUps).toEqual([
      expect.objectContaining({ caller: '李前台', satisfaction: '满意', comment: '居民表示满意' }),
    ])

    const xlsx = await call(core, 'privacy.exportPerson', { id: v.person.id, format: 'xlsx' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer)
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '个人信息',
      '来访记录',
      '诉求',
      '办理过程',
      '回访记录',
      '调解案件',
    ])
    const facts = book.getWorksheet('个人信息')!
    const values = facts
      .getSheetValues()
      .flat()
      .filter((x) => typeof x === 'string')
    expect(values).toEqual(expect.arrayContaining(['钱七', person.phone, person.idNumber]))
    expect(book.getWorksheet('办理过程')!.rowCount).toBe(1 + 6)

    const events = (await core.db('audit_events').where({ action: 'export', entity: 'person' }).orderBy('id')) as {
      entity_id: number
      detail: string
    }[]
    expect(events.map((e) => [e.entity_id, JSON.parse(e.detail)])).toEqual([
      [v.person.id, { format: 'json', visits: 1, complaints: 1 }],
      [v.person.id, { format: 'xlsx', visits: 1, complaints: 1 }],
    ])
    expect(JSON.stringify(events)).not.toContain(person.phone)
  })

  it('is refused to everyone but the administrator', async () => {
    for (const role of ['front_desk', 'viewer'] as const) {
      expect((await apiErrorOf(() => call(core, 'privacy.exportPerson', { id: 1 }, withRole(role)))).code).toBe(
        'FORBIDDEN',
      )
    }
    expect((await apiErrorOf(() => call(core, 'privacy.exportPerson', { id: 99999 }))).code).toBe('NOT_FOUND')
  })
})

describe('retention', () => {
  const old = at('2021-05-10T10:00:00+08:00')
  const ids: Record<string, number> = {}

  async function onSpot(key: string, when: Ctx): Promise<void> {
    const v = await createVisit(
      core,
      refs,
      [],
      {
        person: personInput({ name: `留存${key}`, phone: null }),
        visitedAt: when.clock.now().toISOString(),
        outcome: 'on_spot',
        answer: '已当场答复',
        complaints: [],
      },
      when,
    )
    ids[key] = v.person.id
  }

  async function withComplaint(key: string, when: Ctx, actions: ComplaintAction[], closeAt: Ctx = when): Promise<void> {
    const v = await createVisit(
      core,
      refs,
      [complaintInput(refs)],
      {
        person: personInput({ name: `留存${key}`, phone: null }),
        visitedAt: when.clock.now().toISOString(),
      },
      when,
    )
    ids[key] = v.person.id
    await drive(await complaintOf(v.id), actions, closeAt)
  }

  beforeAll(async () => {
    await onSpot('甲', old) // answered on the spot five years ago: past
    await onSpot('乙', at('2024-01-10T10:00:00+08:00')) // two years ago: not yet
    await withComplaint('丙', old, toArchived) // archived five years ago: past
    await withComplaint('丁', old, ['accept']) // still being handled: never
    await withComplaint('戊', old, ['accept', 'assign', 'start', 'resolve']) // resolved, not archived: not closed
    await withComplaint('己', old, toArchived.slice(0, 5), old)
    const late = await complaintOf((await core.db('visits').where({ person_id: ids['己'] }).first('id')).id)
    await drive(late, ['archive'], at('2025-06-10T10:00:00+08:00')) // archived last year: not yet
    await withComplaint('庚', at('2020-04-10T10:00:00+08:00'), ['reject']) // 不予受理 long ago: past
  })

  async function overdueNames(): Promise<string[]> {
    const page = await call(core, 'privacy.listOverdue', { pageSize: 500 })
    return page.items
      .map((p) => p.name)
      .filter((n) => n.startsWith('留存'))
      .sort()
  }

  it('lists only people whose records all closed before the cutoffs', async () => {
    expect(await call(core, 'privacy.getRetention', {})).toEqual({
      closedVisitYears: 3,
      closedComplaintYears: 3,
      inactivePersonYears: 3,
    })
    expect(await overdueNames()).toEqual(['留存丙', '留存庚', '留存甲'].sort())
    const page = await call(core, 'privacy.listOverdue', {})
    expect(page.cutoffs).toEqual({ visits: '2023-03-01', complaints: '2023-03-01', persons: '2023-03-01' })
    const gen = page.items.find((p) => p.name === '留存庚')!
    expect(gen).toMatchObject({ visits: 1, complaints: 1, phoneMasked: null })
    // Oldest activity first.
    expect(page.items[0]!.name).toBe('留存庚')
  })

  it('follows the settings, which are audited', async () => {
    await call(core, 'privacy.saveRetention', { closedVisitYears: 1, closedComplaintYears: 1, inactivePersonYears: 1 })
    expect(await overdueNames()).toEqual(['留存丙', '留存乙', '留存庚', '留存甲'].sort())
    await call(core, 'privacy.saveRetention', { closedVisitYears: 3, closedComplaintYears: 3, inactivePersonYears: 3 })
    const saved = await core.db('audit_events').where({ entity: 'retention_settings' }).orderBy('id')
    expect(saved.map((e: { detail: string }) => JSON.parse(e.detail).closedVisitYears)).toEqual([1, 3])
    const err = await apiErrorOf(() =>
      call(core, 'privacy.saveRetention', { closedVisitYears: 0, closedComplaintYears: 3, inactivePersonYears: 3 }),
    )
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'closedVisitYears', message: '来访记录保存期限至少1年' })
  })

  it('bulk-anonymises the selection, skipping anyone no longer past retention', async () => {
    const result = await call(core, 'privacy.anonymiseMany', {
      ids: [ids['甲']!, ids['乙']!, ids['丙']!],
      reason: '超过保存期限',
    })
    expect(result).toEqual({ anonymised: 2, skipped: [{ id: ids['乙'], name: '留存乙' }] })
    expect(await overdueNames()).toEqual(['留存庚'])
    const rows = await core.db('persons').whereIn('id', [ids['甲']!, ids['丙']!]).pluck('name')
    expect(rows).toEqual(['已匿名化', '已匿名化'])
    const events = await core
      .db('audit_events')
      .where({ action: 'anonymise' })
      .whereIn('entity_id', [ids['甲']!, ids['丙']!])
    expect(events.map((e: { detail: string }) => JSON.parse(e.detail))).toEqual([
      { reason: '超过保存期限', scrubbedFields: 0, bulk: true },
      { reason: '超过保存期限', scrubbedFields: 0, bulk: true },
    ])
  })

  it('takes at most 500 people at a time', async () => {
    const err = await apiErrorOf(() =>
      call(core, 'privacy.anonymiseMany', { ids: Array.from({ length: 501 }, (_, i) => i + 1), reason: '超期' }),
    )
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'ids', message: '一次最多匿名化500人，请分批处理' })
  })
})
