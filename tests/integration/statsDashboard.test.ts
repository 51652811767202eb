/**
 * 统计报表 on a fixture with known answers, built through the real services
 * with clocks at fixed instants: 诉求 logged, accepted, assigned, resolved
 * (on time and late) and followed up (one unsatisfied, which reopens it);
 * mediation cases taken to each outcome with follow-ups; conventions in
 * force. Every figure, rate, breakdown and trend point is asserted exactly,
 * for a month, a quarter and a year, the whole center and one community;
 * then the 月报 .xlsx is read back. Last, every bar is clicked the way the
 * page does (drillDown → the list's address → its filter → the list API)
 * and the list's total must be the bar's figure.
 *
 * Today is 2026-11-20. The clock mode is 按工作日 (13 working days for
 * 投诉/建议, 3 for 咨询, the same day when 紧急). In November 2026:
 *
 * | 诉求 | visitor | kind / category     | compound | unit      | what happened                                  |
 * | N1  | A 11-02 | 投诉 环境卫生         | 幸福小区  | 物业公司   | resolved 11-05 on time, 满意                     |
 * | N2  | (same)  | 建议 物业服务/电梯     | 商业局小区 | 社区物业   | resolved 11-12 on time, 基本满意                 |
 * | N3  | B 11-03 | 投诉 物业服务, 紧急    | 商业局小区 | 物业公司   | resolved 11-05 late, 不满意 → 办理中, overdue    |
 * | N4  | B 11-10 | 咨询 政策咨询          | 商业局小区 | 网格员     | assigned, due 11-13: overdue                    |
 * | N5  | D 11-11 | 求助 其他             | —        | —         | still 登记 (due 11-26)                           |
 * | N6  | C 11-12 | 投诉 邻里纠纷          | 红光苑    | —         | 不予受理                                         |
 * | N7  | C 11-16 | 投诉 设施维修, 紧急    | 红光苑    | 社区居委会 | resolved 11-17 late                             |
 * | N8  | D 11-18 | 投诉 其他             | —        | —         | merged into N5: not counted                      |
 *
 * October: O1 (A 10-13, resolved 10-15 on time, 满意), O2 (C 10-14, 不予受理).
 * July: J1 (A 07-15, resolved 07-20 on time).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import type { Core } from '../../electron/core/app'
import type { Ctx, Staff } from '../../electron/core/context'
import type { ComplaintContentInput, ComplaintDetail } from '../../shared/api/complaints'
import type { MethodInput } from '../../shared/api/contract'
import type { ConventionActInput, ConventionDetail } from '../../shared/api/conventions'
import type { MediationActInput, MediationCaseDetail, PartyInput } from '../../shared/api/mediation'
import type { PersonInput } from '../../shared/api/people'
import type { ComplaintBreakdownRow, ComplaintFigures, StatsDashboard } from '../../shared/api/stats'
import type { ComplaintAction } from '../../shared/complaints/workflow'
import { apiErrorOf, call, openTestCore } from '../fixtures/core'
import { actInput, at, complaintInput, createVisit, seedIntake, type IntakeRefs } from '../fixtures/intake'
import { staffRow } from './mediationFixtures'

const today = '2026-11-20T10:00:00+08:00'

let core: Core
let refs: IntakeRefs
let mediator: Staff
const n: Record<string, ComplaintDetail> = {}

/** The 诉求 figures with the rates spelled out, in the contract's order. */
function figures(
  received: number,
  accepted: number,
  resolved: number,
  resolvedRate: number | null,
  onTimeRate: number | null,
  satisfactionRate: number | null,
  avgDaysToResolve: number | null,
  overdue: number,
): ComplaintFigures {
  return { received, accepted, resolved, resolvedRate, onTimeRate, satisfactionRate, avgDaysToResolve, overdue }
}

function row(key: string | number | null, label: string, f: ComplaintFigures): ComplaintBreakdownRow {
  return { key, label, ...f }
}

/** A visit at `when` by `person` with these 诉求. */
async function visit(when: string, person: PersonInput, complaints: Partial<ComplaintContentInput>[]) {
  const v = await createVisit(
    core,
    refs,
    complaints.map((c) => complaintInput(refs, c)),
    { person, visitedAt: new Date(when).toISOString() },
    at(when),
  )
  return Promise.all(v.complaints.map((c) => call(core, 'complaints.get', { id: c.id })))
}

/** The stored person again (a returning visitor is picked from the registry). */
async function returning(person: PersonInput, phone: string): Promise<PersonInput> {
  const found = (await core.db('persons').where({ phone }).first('id', 'version')) as { id: number; version: number }
  return { ...person, id: found.id, version: found.version }
}

/** One workflow step at `when` (a follow-up is dated that day). */
async function step(
  c: ComplaintDetail,
  action: ComplaintAction,
  when: string,
  extra: { unit?: string; satisfaction?: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; targetId?: number } = {},
): Promise<ComplaintDetail> {
  const input = actInput(action, c, refs, {
    unitId: extra.unit ? refs.units[extra.unit] : undefined,
    satisfaction: extra.satisfaction,
    targetId: extra.targetId,
  })
  if (input.action === 'follow_up') input.date = when.slice(0, 10)
  return call(core, 'complaints.act', input, at(when))
}

async function resolveOn(c: ComplaintDetail, accepted: string, unit: string, resolved: string) {
  c = await step(c, 'accept', accepted)
  c = await step(c, 'assign', accepted, { unit })
  return step(c, 'resolve', resolved)
}

async function buildComplaints(): Promise<void> {
  const { xingfu, shangyeju, hongguangYuan } = refs.places
  const cat = refs.categories
  await call(core, 'intake.saveOptions', { ...(await call(core, 'intake.getOptions', {})), clockMode: 'workdays' })
  const lift = await call(core, 'intake.saveCategory', { parentId: cat['物业服务']!, name: '电梯', position: 10 })
  const A: PersonInput = { name: '张三', phone: '13800000001', compoundId: xingfu }
  const B: PersonInput = { name: '李四', phone: '13800000002', compoundId: shangyeju }
  const C: PersonInput = { name: '王五', phone: '13800000003', compoundId: hongguangYuan }
  const D: PersonInput = { name: '赵六', phone: '13800000004' }

  // July: J1.
  const [j1] = await visit('2026-07-15T10:00:00+08:00', A, [{ categoryId: cat['占道经营']!, compoundId: xingfu }])
  await resolveOn(j1!, '2026-07-15T11:00:00+08:00', '物业公司', '2026-07-20T15:00:00+08:00')

  // October: O1 resolved and satisfied, O2 refused.
  const [o1] = await visit('2026-10-13T10:00:00+08:00', await returning(A, A.phone!), [
    { categoryId: cat['环境卫生']!, compoundId: xingfu },
  ])
  const o1Done = await resolveOn(o1!, '2026-10-13T11:00:00+08:00', '物业公司', '2026-10-15T15:00:00+08:00')
  await step(o1Done, 'follow_up', '2026-10-16T10:00:00+08:00', { satisfaction: 'satisfied' })
  const [o2] = await visit('2026-10-14T10:00:00+08:00', C, [
    { kind: 'help', categoryId: cat['设施维修']!, compoundId: hongguangYuan },
  ])
  await step(o2!, 'reject', '2026-10-14T11:00:00+08:00')

  // November.
  const [n1, n2] = await visit('2026-11-02T09:00:00+08:00', await returning(A, A.phone!), [
    { kind: 'complaint', categoryId: cat['环境卫生']!, compoundId: xingfu },
    { kind: 'suggestion', categoryId: lift.id, compoundId: shangyeju },
  ])
  let c = await resolveOn(n1!, '2026-11-02T10:00:00+08:00', '物业公司', '2026-11-05T15:00:00+08:00')
  n.N1 = await step(c, 'follow_up', '2026-11-06T10:00:00+08:00', { satisfaction: 'satisfied' })
  c = await resolveOn(n2!, '2026-11-02T10:00:00+08:00', '社区物业', '2026-11-12T15:00:00+08:00')
  n.N2 = await step(c, 'follow_up', '2026-11-13T10:00:00+08:00', { satisfaction: 'basically_satisfied' })

  const [n3] = await visit('2026-11-03T10:00:00+08:00', B, [
    { kind: 'complaint', categoryId: cat['物业服务']!, compoundId: shangyeju, urgency: 'urgent' },
  ])
  c = await resolveOn(n3!, '2026-11-03T11:00:00+08:00', '物业公司', '2026-11-05T15:00:00+08:00')
  n.N3 = await step(c, 'follow_up', '2026-11-06T10:00:00+08:00', { satisfaction: 'unsatisfied' })

  const [n4] = await visit('2026-11-10T10:00:00+08:00', await returning(B, B.phone!), [
    { kind: 'inquiry', categoryId: cat['政策咨询']!, compoundId: shangyeju },
  ])
  c = await step(n4!, 'accept', '2026-11-10T11:00:00+08:00')
  n.N4 = await step(c, 'assign', '2026-11-10T11:00:00+08:00', { unit: '网格员' })

  const [n5] = await visit('2026-11-11T10:00:00+08:00', D, [
    { kind: 'help', categoryId: cat['其他']!, compoundId: null },
  ])
  n.N5 = n5!

  const [n6] = await visit('2026-11-12T10:00:00+08:00', await returning(C, C.phone!), [
    { kind: 'complaint', categoryId: cat['邻里纠纷']!, compoundId: hongguangYuan },
  ])
  n.N6 = await step(n6!, 'reject', '2026-11-12T11:00:00+08:00')

  const [n7] = await visit('2026-11-16T10:00:00+08:00', await returning(C, C.phone!), [
    { kind: 'complaint', categoryId: cat['设施维修']!, compoundId: hongguangYuan, urgency: 'urgent' },
  ])
  n.N7 = await resolveOn(n7!, '2026-11-16T11:00:00+08:00', '社区居委会', '2026-11-17T15:00:00+08:00')

  const [n8] = await visit('2026-11-18T10:00:00+08:00', await returning(D, D.phone!), [
    { kind: 'complaint', categoryId: cat['其他']!, compoundId: null },
  ])
  n.N8 = await step(n8!, 'merge', '2026-11-18T11:00:00+08:00', { targetId: n5!.id })
}

type MediationStep = MediationActInput extends infer T ? (T extends unknown ? Omit<T, 'id' | 'version'> : never) : never

function mediationParty(name: string, phone: string, role: PartyInput['role'], compoundId?: number): PartyInput {
  return { person: { name, phone, ...(compoundId ? { compoundId } : {}) }, role }
}

/** A case registered on `on` by the mediator, accepted and told its rights the next day, with one session. */
async function mediationCase(
  on: string,
  disputeType: MethodInput<'mediation.register'>['disputeType'],
  parties: PartyInput[],
  stage: 'registered' | 'accepted' | 'session',
): Promise<MediationCaseDetail> {
  const as = at(today, mediator)
  let c = await call(
    core,
    'mediation.register',
    {
      source: 'application',
      disputeType,
      registeredOn: on,
      parties,
      facts: '双方因漏水问题发生纠纷。',
      requests: ['修复漏水'],
    },
    as,
  )
  if (stage === 'registered') return c
  const next = (d: string, k: number) => {
    const date = new Date(`${d}T12:00:00Z`)
    date.setUTCDate(date.getUTCDate() + k)
    return date.toISOString().slice(0, 10)
  }
  c = await mediationAct(c, { action: 'accept', acceptedOn: next(on, 1) })
  c = await mediationAct(c, { action: 'notify_rights', date: next(on, 1), way: 'written' })
  if (stage === 'accepted') return c
  const presiding = c.mediators.find((m) => m.role === 'presiding')!
  return call(
    core,
    'mediation.saveSession',
    {
      caseId: c.id,
      heldAt: `${next(on, 2)}T10:00:00+08:00`,
      place: '社区人民调解室',
      presidingStaffId: presiding.staffId,
      recorder: mediator.name,
      open: true,
      attendees: c.parties.map((p) => ({ partyId: p.id, name: p.person.name, capacity: '当事人', signed: true })),
      record: '双方陈述了经过。',
    },
    as,
  )
}

function mediationAct(c: MediationCaseDetail, s: MediationStep): Promise<MediationCaseDetail> {
  return call(core, 'mediation.act', { ...s, id: c.id, version: c.version } as MediationActInput, at(today, mediator))
}

function followUp(c: MediationCaseDetail, calledOn: string, performance: 'performed' | 'partly' | 'not_performed') {
  return call(
    core,
    'mediation.recordFollowUp',
    {
      caseId: c.id,
      calledOn,
      caller: mediator.name,
      performance,
      satisfaction: 'satisfied',
      lawsuit: false,
      nextDueOn: performance === 'performed' ? null : '2026-12-15',
    },
    at(today, mediator),
  )
}

/**
 * November: M1 written agreement, performed (迎春); M2 oral agreement, 已履行
 * at first and 未履行 at the latest follow-up (红光); M3 调解不成 (迎春); M4
 * 终止; M5 still 待受理; M6 调解中 (红光). October: M7, an agreement.
 */
async function buildMediation(): Promise<void> {
  const { xingfu, shangyeju, hongguangYuan } = refs.places
  let m1 = await mediationCase(
    '2026-11-02',
    'neighbour',
    [mediationParty('钱一', '13900000001', 'applicant', xingfu), mediationParty('钱二', '13900000002', 'respondent')],
    'session',
  )
  m1 = await mediationAct(m1, {
    action: 'conclude_written',
    agreedOn: '2026-11-05',
    effectiveOn: '2026-11-05',
    disputePoints: '漏水系防水层老化所致。',
    terms: [{ content: '修复防水。', way: '自行修复', deadline: '2026-11-10' }],
  })
  await followUp(m1, '2026-11-11', 'performed')

  let m2 = await mediationCase(
    '2026-11-04',
    'neighbour',
    [
      mediationParty('孙一', '13900000003', 'applicant', hongguangYuan),
      mediationParty('孙二', '13900000004', 'respondent'),
    ],
    'session',
  )
  m2 = await mediationAct(m2, {
    action: 'conclude_oral',
    agreedOn: '2026-11-06',
    content: '孙二当日清理杂物。',
    performBy: '2026-11-08',
  })
  m2 = await followUp(m2, '2026-11-09', 'performed')
  await followUp(m2, '2026-11-19', 'not_performed')

  const m3 = await mediationCase(
    '2026-11-05',
    'contract',
    [
      mediationParty('周一', '13900000005', 'applicant', shangyeju),
      mediationParty('周二', '13900000006', 'respondent'),
    ],
    'session',
  )
  await mediationAct(m3, { action: 'conclude_failed', date: '2026-11-09', advice: '可向人民法院起诉。' })

  const m4 = await mediationCase(
    '2026-11-06',
    'property_management',
    [mediationParty('吴一', '13900000007', 'applicant'), mediationParty('吴二', '13900000008', 'respondent')],
    'accepted',
  )
  await mediationAct(m4, { action: 'terminate', date: '2026-11-09', reason: '申请人撤回申请。' })

  await mediationCase(
    '2026-11-10',
    'other',
    [mediationParty('郑一', '13900000009', 'applicant'), mediationParty('郑二', '13900000010', 'respondent')],
    'registered',
  )
  await mediationCase(
    '2026-11-12',
    'neighbour',
    [
      mediationParty('冯一', '13900000011', 'applicant', hongguangYuan),
      mediationParty('冯二', '13900000012', 'respondent'),
    ],
    'accepted',
  )

  const m7 = await mediationCase(
    '2026-10-20',
    'neighbour',
    [mediationParty('陈一', '13900000013', 'applicant', xingfu), mediationParty('陈二', '13900000014', 'respondent')],
    'session',
  )
  await mediationAct(m7, {
    action: 'conclude_oral',
    agreedOn: '2026-10-24',
    content: '陈二道歉。',
    performBy: '2026-10-25',
  })
}

type ConventionStep = ConventionActInput extends infer T
  ? T extends unknown
    ? Omit<T, 'id' | 'version'>
    : never
  : never

/** A convention taken to 施行中: drafted, reviewed, voted. */
async function adopt(communityId: number, compoundId: number | null, title: string): Promise<void> {
  const act = (d: ConventionDetail, s: ConventionStep) =>
    call(core, 'conventions.act', { ...s, id: d.id, version: d.version } as MethodInput<'conventions.act'>, at(today))
  let d = await call(
    core,
    'conventions.create',
    { scope: compoundId === null ? 'community' : 'compound', communityId, compoundId, title },
    at(today),
  )
  d = await call(
    core,
    'conventions.saveArticles',
    { id: d.id, version: d.version, articles: [{ chapter: null, text: '爱护公共设施。' }] },
    at(today),
  )
  d = await act(d, { action: 'start_draft' })
  d = await act(d, { action: 'submit_review' })
  d = await act(d, { action: 'review', unit: '桂溪街道', reviewedOn: '2026-10-01', opinion: '同意', result: 'passed' })
  await act(d, {
    action: 'vote',
    meetingKind: 'residents',
    heldOn: '2026-10-10',
    place: '活动室',
    entitled: 100,
    present: 80,
    womenPresent: 40,
    inFavour: 70,
    against: 5,
    abstain: 5,
  })
}

function dashboard(input: MethodInput<'stats.dashboard'>): Promise<StatsDashboard> {
  return call(core, 'stats.dashboard', input, at(today))
}

const november = { kind: 'month', year: 2026, number: 11 } as const

beforeAll(async () => {
  core = await openTestCore()
  refs = await seedIntake(core)
  mediator = await staffRow(core, '王建国', 'wangjianguo', 'mediator')
  await buildComplaints()
  await buildMediation()
  await adopt(refs.places.yingchun, refs.places.xingfu, '幸福小区居民公约')
  await adopt(refs.places.hongguang, null, '红光社区居民公约')
}, 120_000)

afterAll(async () => {
  await core.close()
})

describe('a month, the whole center', () => {
  let d: StatsDashboard
  beforeAll(async () => {
    d = await dashboard({ period: november })
  })

  it('names the period and its dates', () => {
    expect(d.periodLabel).toBe('2026年11月')
    expect([d.dateFrom, d.dateTo]).toEqual(['2026-11-01', '2026-11-30'])
  })

  it('counts the cohort: merged left out, 受理 without 登记 and 不予受理, 办结 with a result', () => {
    // N1–N7 (N8 merged); accepted N1–N4, N7; resolved N1, N2, N7 (N3 reopened by its unsatisfied follow-up).
    // On time N1, N2 of 3; satisfied N1, N2 of 3 answered; days 3 + 10 + 1; overdue N3 (due 11-03), N4 (11-13).
    expect(d.complaints).toEqual({
      ...figures(7, 5, 3, 0.6, 0.6667, 0.6667, 4.7, 2),
      visits: 7,
      repeatVisits: 5,
    })
  })

  it('gives the previous month for 环比', () => {
    expect(d.previous).toEqual(figures(2, 1, 1, 1, 1, 1, 2, 0))
  })

  it('breaks the figures down by kind, in the kinds’ order', () => {
    expect(d.byDimension.kind).toEqual([
      row('complaint', '投诉', figures(4, 3, 2, 0.6667, 0.5, 0.5, 2, 1)),
      row('help', '求助', figures(1, 0, 0, null, null, null, null, 0)),
      row('suggestion', '建议', figures(1, 1, 1, 1, 1, 1, 10, 0)),
      row('inquiry', '咨询', figures(1, 1, 0, 0, null, null, null, 1)),
    ])
  })

  it('counts a sub-category under its top-level category, in the tree’s order', () => {
    const c = refs.categories
    expect(d.byDimension.category).toEqual([
      row(c['环境卫生']!, '环境卫生', figures(1, 1, 1, 1, 1, 1, 3, 0)),
      row(c['物业服务']!, '物业服务', figures(2, 2, 1, 0.5, 1, 0.5, 10, 1)),
      row(c['设施维修']!, '设施维修', figures(1, 1, 1, 1, 0, null, 1, 0)),
      row(c['邻里纠纷']!, '邻里纠纷', figures(1, 0, 0, null, null, null, null, 0)),
      row(c['政策咨询']!, '政策咨询', figures(1, 1, 0, 0, null, null, null, 1)),
      row(c['其他']!, '其他', figures(1, 0, 0, null, null, null, null, 0)),
    ])
  })

  it('breaks down by community and compound, most first, 未填 last', () => {
    const p = refs.places
    expect(d.byDimension.community).toEqual([
      row(p.yingchun, '迎春社区', figures(4, 4, 2, 0.5, 1, 0.6667, 6.5, 2)),
      row(p.hongguang, '红光社区', figures(2, 1, 1, 1, 0, null, 1, 0)),
      row(null, '未填', figures(1, 0, 0, null, null, null, null, 0)),
    ])
    expect(d.byDimension.compound).toEqual([
      row(p.shangyeju, '商业局小区', figures(3, 3, 1, 0.3333, 1, 0.5, 10, 2)),
      row(p.hongguangYuan, '红光苑', figures(2, 1, 1, 1, 0, null, 1, 0)),
      row(p.xingfu, '幸福小区', figures(1, 1, 1, 1, 1, 1, 3, 0)),
      row(null, '未填', figures(1, 0, 0, null, null, null, null, 0)),
    ])
  })

  it('breaks down by unit, 未交办 last', () => {
    const u = refs.units
    expect(d.byDimension.unit).toEqual([
      row(u['物业公司']!, '物业公司', figures(2, 2, 1, 0.5, 1, 0.5, 3, 1)),
      row(u['社区居委会']!, '社区居委会', figures(1, 1, 1, 1, 0, null, 1, 0)),
      row(u['社区物业']!, '社区物业', figures(1, 1, 1, 1, 1, 1, 10, 0)),
      row(u['网格员']!, '网格员', figures(1, 1, 0, 0, null, null, null, 1)),
      row(null, '未交办', figures(2, 0, 0, null, null, null, null, 0)),
    ])
  })

  it('has a trend point per day, the cohort of that day', () => {
    expect(d.trend).toHaveLength(30)
    expect(d.trend[0]).toEqual({ label: '1日', dateFrom: '2026-11-01', dateTo: '2026-11-01', received: 0, resolved: 0 })
    const busy = Object.fromEntries(
      d.trend.filter((t) => t.received > 0 || t.resolved > 0).map((t) => [t.label, [t.received, t.resolved]]),
    )
    expect(busy).toEqual({
      '2日': [2, 2],
      '3日': [1, 0],
      '10日': [1, 0],
      '11日': [1, 0],
      '12日': [1, 0],
      '16日': [1, 1],
    })
    expect(d.trend.reduce((s, t) => s + t.received, 0)).toBe(d.complaints.received)
  })

  it('counts mediation cases registered in the month, success and performance at the latest follow-up', () => {
    expect(d.mediation).toMatchObject({
      cases: 6,
      concluded: 4,
      succeeded: 2,
      successRate: 0.5,
      agreementsFollowedUp: 2,
      agreementsPerformed: 1,
      performanceRate: 0.5,
    })
    expect(d.mediation.byDisputeType.map((t) => t.key)).toEqual([
      'marriage_family',
      'neighbour',
      'housing_land',
      'contract',
      'business',
      'damages',
      'labour',
      'property_management',
      'land_acquisition',
      'other',
    ])
    const used = d.mediation.byDisputeType.filter((t) => t.cases > 0)
    expect(used).toEqual([
      { key: 'neighbour', label: '邻里', cases: 3, succeeded: 2 },
      { key: 'contract', label: '合同', cases: 1, succeeded: 0 },
      { key: 'property_management', label: '物业', cases: 1, succeeded: 0 },
      { key: 'other', label: '其他', cases: 1, succeeded: 0 },
    ])
  })

  it('gives convention coverage today', () => {
    expect(d.conventions).toEqual({
      communities: 2,
      communitiesCovered: 1,
      compounds: 3,
      compoundsCovered: 1,
      coverageRate: 0.3333,
    })
  })
})

describe('one community', () => {
  it('restricts 诉求, visits, mediation and coverage to its compounds and people', async () => {
    const p = refs.places
    const d = await dashboard({ period: november, communityId: p.yingchun })
    // N1–N4; visits by A (11-02) and B (11-03, 11-10), of which A's and B's second repeat.
    expect(d.complaints).toEqual({ ...figures(4, 4, 2, 0.5, 1, 0.6667, 6.5, 2), visits: 3, repeatVisits: 2 })
    expect(d.previous).toEqual(figures(1, 1, 1, 1, 1, 1, 2, 0))
    expect(d.byDimension.community).toEqual([row(p.yingchun, '迎春社区', figures(4, 4, 2, 0.5, 1, 0.6667, 6.5, 2))])
    expect(d.byDimension.compound.map((r) => [r.label, r.received])).toEqual([
      ['商业局小区', 3],
      ['幸福小区', 1],
    ])
    expect(d.byDimension.kind.map((r) => [r.key, r.received])).toEqual([
      ['complaint', 2],
      ['suggestion', 1],
      ['inquiry', 1],
    ])
    // M1 (agreement, performed) and M3 (调解不成).
    expect(d.mediation).toMatchObject({
      cases: 2,
      concluded: 2,
      succeeded: 1,
      successRate: 0.5,
      agreementsFollowedUp: 1,
      agreementsPerformed: 1,
      performanceRate: 1,
    })
    expect(d.conventions).toEqual({
      communities: 1,
      communitiesCovered: 0,
      compounds: 2,
      compoundsCovered: 1,
      coverageRate: 0.5,
    })
  })

  it('says so at the field when the community does not exist', async () => {
    await expect(dashboard({ period: november, communityId: 99999 })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: '所选社区不存在，请重新选择',
      field: 'communityId',
    })
  })
})

describe('a quarter and a year', () => {
  it('counts the fourth quarter by month, against the third', async () => {
    const d = await dashboard({ period: { kind: 'quarter', year: 2026, number: 4 } })
    expect(d.periodLabel).toBe('2026年第四季度')
    expect([d.dateFrom, d.dateTo]).toEqual(['2026-10-01', '2026-12-31'])
    // O1, O2 and N1–N7: days 2 + 3 + 10 + 1; on time O1, N1, N2; satisfied O1, N1, N2 of 4 answered.
    expect(d.complaints).toEqual({ ...figures(9, 6, 4, 0.6667, 0.75, 0.75, 4, 2), visits: 9, repeatVisits: 6 })
    expect(d.previous).toEqual(figures(1, 1, 1, 1, 1, null, 5, 0))
    expect(d.trend).toEqual([
      { label: '10月', dateFrom: '2026-10-01', dateTo: '2026-10-31', received: 2, resolved: 1 },
      { label: '11月', dateFrom: '2026-11-01', dateTo: '2026-11-30', received: 7, resolved: 3 },
      { label: '12月', dateFrom: '2026-12-01', dateTo: '2026-12-31', received: 0, resolved: 0 },
    ])
    expect(d.mediation).toMatchObject({ cases: 7, concluded: 5, succeeded: 3, successRate: 0.6 })
  })

  it('counts the year by month, against an empty year before', async () => {
    const d = await dashboard({ period: { kind: 'year', year: 2026 } })
    expect(d.periodLabel).toBe('2026年')
    expect([d.dateFrom, d.dateTo]).toEqual(['2026-01-01', '2026-12-31'])
    expect(d.complaints).toEqual({ ...figures(10, 7, 5, 0.7143, 0.8, 0.75, 4.2, 2), visits: 10, repeatVisits: 6 })
    expect(d.previous).toEqual(figures(0, 0, 0, null, null, null, null, 0))
    expect(d.trend.map((t) => t.label)).toEqual([
      '1月',
      '2月',
      '3月',
      '4月',
      '5月',
      '6月',
      '7月',
      '8月',
      '9月',
      '10月',
      '11月',
      '12月',
    ])
    expect(d.trend.map((t) => t.received)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 7, 0])
    expect(d.trend[1]).toMatchObject({ dateFrom: '2026-02-01', dateTo: '2026-02-28' })
  })
})

describe('an empty period', () => {
  it('gives zeros, null rates and a zero trend', async () => {
    const d = await dashboard({ period: { kind: 'month', year: 2026, number: 5 } })
    expect(d.complaints).toEqual({ ...figures(0, 0, 0, null, null, null, null, 0), visits: 0, repeatVisits: 0 })
    expect(d.previous).toEqual(figures(0, 0, 0, null, null, null, null, 0))
    expect(Object.values(d.byDimension).every((rows) => rows.length === 0)).toBe(true)
    expect(d.trend).toHaveLength(31)
    expect(d.trend.every((t) => t.received === 0 && t.resolved === 0)).toBe(true)
    expect(d.mediation).toMatchObject({ cases: 0, successRate: null, performanceRate: null })
    // Coverage is today's, whatever the period.
    expect(d.conventions.compoundsCovered).toBe(1)
  })
})

describe('bad input', () => {
  it.each([
    [{ kind: 'quarter', year: 2026, number: 5 }, '季度应为1至4', 'period.number'],
    [{ kind: 'month', year: 1999, number: 1 }, '年份应在2000年以后', 'period.year'],
    [{ kind: 'week', year: 2026, number: 1 }, '请选择统计周期（月、季、年）', 'period.kind'],
  ])('refuses %j with a Chinese message at the field', async (period, message, field) => {
    await expect(
      call(core, 'stats.dashboard', { period } as unknown as MethodInput<'stats.dashboard'>, at(today)),
    ).rejects.toMatchObject({ code: 'VALIDATION', message, field })
  })

  it('refuses month 13 in Chinese', async () => {
    const err = await call(
      core,
      'stats.dashboard',
      { period: { kind: 'month', year: 2026, number: 13 } },
      at(today),
    ).catch((e: unknown) => e as { message: string; field: string })
    expect(err).toMatchObject({ field: 'period.number' })
    expect((err as { message: string }).message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('the 月报 .xlsx', () => {
  async function exported(input: MethodInput<'stats.exportMonthly'>, as: Ctx = at(today)) {
    const file = await call(core, 'stats.exportMonthly', input, as)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = (name: string) => {
      const s = book.getWorksheet(name)
      if (!s) throw new Error(`no sheet ${name}`)
      // Empty cells are not written, so a row ends at its last value.
      const rows: unknown[][] = []
      s.eachRow((r) => rows.push((r.values as unknown[]).slice(1)))
      return rows
    }
    return { file, book, sheet }
  }

  it('names the file after the period and writes every sheet with Chinese headings', async () => {
    const { file, book, sheet } = await exported({ period: november })
    expect(file.fileName).toBe('月报-2026年11月.xlsx')
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '概况',
      '按类型',
      '按分类',
      '按社区',
      '按小区',
      '按承办单位',
      '趋势',
      '人民调解',
      '纠纷类型',
      '公约覆盖',
    ])
    expect(sheet('概况')).toEqual([
      ['项目', '本期', '上期', '环比'],
      ['统计周期', '2026年11月', '2026年10月'],
      ['日期范围', '2026-11-01 至 2026-11-30'],
      ['统计范围', '全中心'],
      ['登记量（件）', 7, 2, '+250.00%'],
      ['受理量（件）', 5, 1, '+400.00%'],
      ['办结量（件）', 3, 1, '+200.00%'],
      ['办结率', '60.00%', '100.00%', '-40.00个百分点'],
      ['按期办结率', '66.67%', '100.00%', '-33.33个百分点'],
      ['满意率', '66.67%', '100.00%', '-33.33个百分点'],
      ['平均办理天数（天）', 4.7, 2, '+2.7天'],
      ['超期未办结（件）', 2, 0, '—'],
      ['来访量（人次）', 7],
      ['重复来访（人次）', 5],
    ])
    expect(sheet('按类型')).toEqual([
      ['类型', '登记量', '受理量', '办结量', '办结率', '按期办结率', '满意率', '平均办理天数', '超期'],
      ['投诉', 4, 3, 2, '66.67%', '50.00%', '50.00%', 2, 1],
      ['求助', 1, 0, 0, '—', '—', '—', '—', 0],
      ['建议', 1, 1, 1, '100.00%', '100.00%', '100.00%', 10, 0],
      ['咨询', 1, 1, 0, '0.00%', '—', '—', '—', 1],
      ['合计', 7, 5, 3, '60.00%', '66.67%', '66.67%', 4.7, 2],
    ])
    expect(sheet('按分类')[2]).toEqual(['物业服务', 2, 2, 1, '50.00%', '100.00%', '50.00%', 10, 1])
    expect(sheet('按社区').map((r) => r[0])).toEqual(['社区', '迎春社区', '红光社区', '未填', '合计'])
    expect(sheet('按小区').map((r) => r[0])).toEqual(['小区', '商业局小区', '红光苑', '幸福小区', '未填', '合计'])
    expect(sheet('按承办单位').at(-2)).toEqual(['未交办', 2, 0, 0, '—', '—', '—', '—', 0])
    const trend = sheet('趋势')
    expect(trend[0]).toEqual(['日期', '登记量', '办结量'])
    expect(trend).toHaveLength(31)
    expect(trend[2]).toEqual(['2026-11-02', 2, 2])
    expect(sheet('人民调解')).toEqual([
      ['项目', '数值'],
      ['受理登记案件（件）', 6],
      ['调解结束（件）', 4],
      ['调解成功（件）', 2],
      ['调解成功率', '50.00%'],
      ['已回访的协议（件）', 2],
      ['已履行（件）', 1],
      ['协议履行率', '50.00%'],
    ])
    expect(sheet('纠纷类型').at(-1)).toEqual(['合计', 6, 2])
    expect(sheet('纠纷类型')[2]).toEqual(['邻里', 3, 2])
    expect(sheet('公约覆盖')).toEqual([
      ['社区', '社区居民公约', '小区数', '有公约的小区', '覆盖率', '尚无公约的小区'],
      ['迎春社区', '无', 2, 1, '50.00%', '商业局小区'],
      ['红光社区', '施行中', 1, 0, '0.00%', '红光苑'],
      ['合计', '1/2个社区', 3, 1, '33.33%'],
    ])
  })

  it('names quarter, year and community reports so, and records each export in the audit trail', async () => {
    const before = (
      await core.db('audit_events').where({ action: 'export', entity: 'stats' }).count({ n: '*' })
    )[0] as {
      n: number
    }
    const q = await exported({ period: { kind: 'quarter', year: 2026, number: 4 } })
    expect(q.file.fileName).toBe('季报-2026年第四季度.xlsx')
    expect(q.sheet('趋势')[0]).toEqual(['月份', '登记量', '办结量'])
    expect((await exported({ period: { kind: 'year', year: 2026 } })).file.fileName).toBe('年报-2026年.xlsx')
    const c = await exported({ period: november, communityId: refs.places.yingchun })
    expect(c.file.fileName).toBe('月报-2026年11月-迎春社区.xlsx')
    expect(c.sheet('概况')[3]).toEqual(['统计范围', '迎春社区'])
    const events = (await core
      .db('audit_events')
      .where({ action: 'export', entity: 'stats' })
      .orderBy('id')
      .select('detail', 'staff_id')) as { detail: string; staff_id: number }[]
    expect(events.length - Number(before.n)).toBe(3)
    expect(JSON.parse(events.at(-1)!.detail)).toEqual({ report: '月报', period: '2026年11月', community: '迎春社区' })
    expect(events.at(-1)!.staff_id).toBe(1)
  })

  it('is open to every role that reads statistics, including 领导查询', async () => {
    const viewer = at(today, { id: 1, name: '本机管理员', role: 'viewer' })
    const { file } = await exported({ period: november }, viewer)
    expect(file.fileName).toBe('月报-2026年11月.xlsx')
  })
})

describe('a click on any bar opens a list of exactly the bar’s count', () => {
  type Location = { path: string; query: Record<string, string> }
  let drill: typeof import('../../renderer/pages/Stats/drillDown')
  let complaintQuery: typeof import('../../renderer/pages/Complaints/filterQuery')
  let complaintStore: typeof import('../../renderer/stores/complaintFilters')
  let mediationQuery: typeof import('../../renderer/pages/Mediation/filterQuery')
  let mediationStore: typeof import('../../renderer/stores/mediationFilters')

  beforeAll(async () => {
    drill = await import('../../renderer/pages/Stats/drillDown')
    complaintQuery = await import('../../renderer/pages/Complaints/filterQuery')
    complaintStore = await import('../../renderer/stores/complaintFilters')
    mediationQuery = await import('../../renderer/pages/Mediation/filterQuery')
    mediationStore = await import('../../renderer/stores/mediationFilters')
  })

  /** The total the 诉求 list shows at this address (as ComplaintsPage reads it). */
  async function complaintTotal(to: unknown): Promise<number> {
    const loc = to as Location
    expect(loc.path).toBe('/complaints')
    const { filters } = complaintQuery.filtersFromQuery(loc.query)
    const input = { ...complaintStore.filterInput(filters), page: 1, pageSize: 100 }
    return (await call(core, 'complaints.list', input, at(today))).total
  }

  async function mediationTotal(to: unknown): Promise<number> {
    const loc = to as Location
    expect(loc.path).toBe('/mediation')
    const { filters } = mediationQuery.filtersFromQuery(loc.query)
    const input = { ...mediationStore.mediationFilterInput(filters), page: 1, pageSize: 100 }
    return (await call(core, 'mediation.list', input, at(today))).total
  }

  /** Every bar of every breakdown, the trend and the period itself: [what, list total, figure]. */
  async function complaintBars(d: StatsDashboard, communityId: number | undefined) {
    const out: [string, number, number][] = []
    const base = { dateFrom: d.dateFrom, dateTo: d.dateTo, communityId }
    out.push([
      'period',
      await complaintTotal(drill.complaintListLocation({ ...base, dimension: 'period', key: null })),
      d.complaints.received,
    ])
    out.push([
      'period 超期',
      await complaintTotal(drill.complaintListLocation({ ...base, dimension: 'period', key: null, figure: 'overdue' })),
      d.complaints.overdue,
    ])
    out.push([
      'period 办结',
      await complaintTotal(
        drill.complaintListLocation({ ...base, dimension: 'period', key: null, figure: 'resolved' }),
      ),
      d.complaints.resolved,
    ])
    for (const [dimension, rows] of Object.entries(d.byDimension) as [
      keyof StatsDashboard['byDimension'],
      ComplaintBreakdownRow[],
    ][]) {
      for (const r of rows) {
        const compoundCommunityId =
          dimension === 'compound' && typeof r.key === 'number' && !communityId
            ? (await call(core, 'places.getCompound', { id: r.key })).communityId
            : undefined
        const to = drill.complaintListLocation({ ...base, dimension, key: r.key, compoundCommunityId })
        expect(to, `${dimension} ${r.label}`).not.toBeNull()
        out.push([`${dimension} ${r.label}`, await complaintTotal(to), r.received])
        const resolved = drill.complaintListLocation({
          ...base,
          dimension,
          key: r.key,
          compoundCommunityId,
          figure: 'resolved',
        })
        out.push([`${dimension} ${r.label} 办结`, await complaintTotal(resolved), r.resolved])
      }
    }
    for (const t of d.trend) {
      const to = drill.complaintListLocation({ ...t, communityId, dimension: 'period', key: null })
      out.push([`trend ${t.label}`, await complaintTotal(to), t.received])
      const resolved = drill.complaintListLocation({
        ...t,
        communityId,
        dimension: 'period',
        key: null,
        figure: 'resolved',
      })
      out.push([`trend ${t.label} 办结`, await complaintTotal(resolved), t.resolved])
    }
    return out
  }

  async function mediationBars(d: StatsDashboard, communityId: number | undefined) {
    const out: [string, number, number][] = []
    // The cards: every type.
    const card = { dateFrom: d.dateFrom, dateTo: d.dateTo, communityId }
    out.push(['调解案件', await mediationTotal(drill.mediationListLocation(card)), d.mediation.cases])
    out.push([
      '已结案件',
      await mediationTotal(drill.mediationListLocation({ ...card, only: 'concluded' })),
      d.mediation.concluded,
    ])
    out.push([
      '调解成功',
      await mediationTotal(drill.mediationListLocation({ ...card, only: 'succeeded' })),
      d.mediation.succeeded,
    ])
    for (const t of d.mediation.byDisputeType.filter((r) => r.cases > 0)) {
      const to = drill.mediationListLocation({
        disputeType: t.key,
        dateFrom: d.dateFrom,
        dateTo: d.dateTo,
        communityId,
      })
      out.push([t.label, await mediationTotal(to), t.cases])
      const succeeded = drill.mediationListLocation({
        disputeType: t.key,
        dateFrom: d.dateFrom,
        dateTo: d.dateTo,
        communityId,
        only: 'succeeded',
      })
      out.push([`${t.label} 成功`, await mediationTotal(succeeded), t.succeeded])
    }
    return out
  }

  const matching = (bars: [string, number, number][]) => bars.map(([what, , figure]) => [what, figure, figure])

  it('November, the whole center: 未填 and 未交办 too, merged N8 (no compound, no unit) left out', async () => {
    const d = await dashboard({ period: november })
    const bars = await complaintBars(d, undefined)
    expect(bars).toEqual(matching(bars))
    // The fixture has what the list used to get wrong: a merged 诉求 and bars without a key.
    expect(bars).toContainEqual(['compound 未填', 1, 1])
    expect(bars).toContainEqual(['community 未填', 1, 1])
    expect(bars).toContainEqual(['unit 未交办', 2, 2])
    expect(bars).toContainEqual(['period', 7, 7])
    // N3 was resolved, then reopened by its unsatisfied 回访: not in 办结量, though its status passed 已办结.
    expect(bars).toContainEqual(['period 办结', 3, 3])
    expect(bars).toContainEqual(['period 超期', 2, 2])
    const m = await mediationBars(d, undefined)
    expect(m).toEqual(matching(m))
    expect(m).toContainEqual(['邻里', 3, 3])
    expect(m).toContainEqual(['邻里 成功', 2, 2])
    expect(m.slice(0, 3)).toEqual([
      ['调解案件', 6, 6],
      ['已结案件', 4, 4],
      ['调解成功', 2, 2],
    ])
  })

  it('the year, one community, a quarter: every bar agrees', async () => {
    for (const [period, communityId] of [
      [{ kind: 'year', year: 2026, number: 1 }, undefined],
      [{ kind: 'quarter', year: 2026, number: 4 }, refs.places.yingchun],
      [november, refs.places.hongguang],
    ] as const) {
      const d = await dashboard({ period, communityId })
      const bars = await complaintBars(d, communityId)
      expect(bars).toEqual(matching(bars))
      const m = await mediationBars(d, communityId)
      expect(m.length).toBeGreaterThan(0)
      expect(m).toEqual(matching(m))
    }
  })

  it('a dispute type of one month lists that month’s cases, not the year’s', async () => {
    const d = await dashboard({ period: november })
    const to = drill.mediationListLocation({
      disputeType: 'neighbour',
      dateFrom: d.dateFrom,
      dateTo: d.dateTo,
      communityId: undefined,
    })
    // M1, M2, M6; M7 (October) is the same type and year.
    expect(await mediationTotal(to)).toBe(3)
    const year = await call(
      core,
      'mediation.list',
      { disputeType: 'neighbour', year: 2026, page: 1, pageSize: 100 },
      at(today),
    )
    expect(year.total).toBe(4)
  })

  it('refuses contradictory filters in Chinese, at the field', async () => {
    const list = (input: Partial<MethodInput<'complaints.list'>>) =>
      apiErrorOf(() => call(core, 'complaints.list', input as MethodInput<'complaints.list'>, at(today)))
    expect(await list({ compoundMissing: true, communityId: refs.places.yingchun })).toMatchObject({
      code: 'VALIDATION',
      field: 'compoundMissing',
      message: expect.stringContaining('未填小区'),
    })
    expect(
      await list({ compoundMissing: true, communityId: refs.places.yingchun, compoundId: refs.places.xingfu }),
    ).toMatchObject({ field: 'compoundMissing', message: '“未填小区”与所选小区不能同时筛选' })
    expect(await list({ unitMissing: true, unitId: refs.units['物业公司'] })).toMatchObject({
      field: 'unitMissing',
      message: '“未交办”与所选承办单位不能同时筛选',
    })
    expect(await list({ excludeMerged: true, status: ['merged'] })).toMatchObject({
      field: 'excludeMerged',
      message: '“不含已合并”与状态“已合并”不能同时筛选',
    })
    expect(await list({ dateFrom: '2026-11-30', dateTo: '2026-11-01' })).toMatchObject({ field: 'dateTo' })
    const exported = await apiErrorOf(() =>
      call(
        core,
        'complaints.exportXlsx',
        { unitMissing: true, unitId: refs.units['物业公司'] } as MethodInput<'complaints.exportXlsx'>,
        at(today),
      ),
    )
    expect(exported).toMatchObject({ field: 'unitMissing' })
    const mediation = await apiErrorOf(() =>
      call(
        core,
        'mediation.list',
        { dateFrom: '2026-11-30', dateTo: '2026-11-01', page: 1, pageSize: 20 } as MethodInput<'mediation.list'>,
        at(today),
      ),
    )
    expect(mediation).toMatchObject({ field: 'dateTo', message: '登记日期止不能早于登记日期起' })
  })

  it('exports the same 诉求 the filtered list shows', async () => {
    const filter = {
      compoundMissing: true,
      unitMissing: true,
      excludeMerged: true,
      dateFrom: '2026-11-01',
      dateTo: '2026-11-30',
    }
    const listed = await call(
      core,
      'complaints.list',
      { ...filter, page: 1, pageSize: 100 } as MethodInput<'complaints.list'>,
      at(today),
    )
    expect(listed.items.map((c) => c.number)).toEqual([n.N5!.number])
    const file = await call(core, 'complaints.exportXlsx', filter as MethodInput<'complaints.exportXlsx'>, at(today))
    expect(file.rows).toBe(1)
    const withMerged = await call(
      core,
      'complaints.list',
      { ...filter, excludeMerged: undefined, page: 1, pageSize: 100 } as MethodInput<'complaints.list'>,
      at(today),
    )
    expect(withMerged.items.map((c) => c.number).sort()).toEqual([n.N5!.number, n.N8!.number].sort())
  })
})
