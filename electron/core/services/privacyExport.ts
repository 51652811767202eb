/**
 * Everything held about one person (个人信息保护法 Art 45), for the resident
 * who asks: their record with phone and ID number in full, every visit, every
 * 诉求 with its whole timeline and follow-ups. As JSON (complete, for any
 * program) or as an .xlsx workbook a person can read, one sheet per kind.
 */
import type { Knex } from 'knex'
import { xlsxWorkbook } from '../xlsx'
import { format } from 'date-fns'
import { ApiError } from '../../../shared/api/errors'
import type { ComplaintDetail } from '../../../shared/api/complaints'
import type { Visit } from '../../../shared/api/visits'
import { complaintEventLabels, type ComplaintEventKind } from '../../../shared/complaints/workflow'
import {
  answerKindLabels,
  complaintKindLabels,
  complaintStatusLabels,
  satisfactionLabels,
  sexLabels,
  urgencyLabels,
  visitChannelLabels,
  visitOutcomeLabels,
  type AnswerKind,
  type Satisfaction,
} from '../../../shared/intake/labels'
import { localDate } from '../../../shared/calendar/workCalendar'
import type { Ctx } from '../context'
import { selectPersons, toPerson, type PersonRow } from './intake/personRows'
import { fetchVisit } from './intake/visits'
import { fetchComplaintDetail } from './intake/complaintQueries'

type Text = string | null

export interface PersonData {
  exportedAt: string
  exportedBy: string
  person: {
    id: number
    name: string
    sex: Text
    birthDate: Text
    age: number | null
    ethnicity: Text
    phone: Text
    idNumber: Text
    address: string
    notes: Text
    registeredAt: string
    updatedAt: string
    anonymisedAt: Text
  }
  visits: {
    number: string
    visitedAt: string
    channel: string
    visitorCount: number
    involvedCount: number | null
    representatives: { name: string; phoneMasked: Text }[]
    subject: string
    outcome: string
    answer: Text
    notes: Text
    receivedBy: string
    complaints: string[]
  }[]
  complaints: {
    number: string
    visitNumber: Text
    kind: string
    category: string
    urgency: string
    place: string
    request: string
    facts: Text
    reasons: Text
    status: string
    unit: Text
    assignee: Text
    receivedAt: string
    acceptedAt: Text
    handleDue: Text
    extensionDays: number | null
    extensionReason: Text
    resolvedAt: Text
    result: Text
    answer: Text
    rejectReason: Text
    satisfaction: Text
    timeline: { at: string; staff: string; action: string; from: Text; to: Text; note: Text; detail: string }[]
    followUps: { date: string; caller: string; satisfaction: string; comment: Text; at: string }[]
  }[]
}

/** Timeline detail keys worth showing a resident, with their names (as the 诉求 page shows them). */
const eventDetailLabels: Record<string, string> = {
  unit: '承办单位',
  assignee: '承办人',
  handleDue: '办理期限',
  days: '延期天数',
  approver: '批准人',
  to: '延至',
  meetingDate: '议事日期',
  participants: '参加人员',
  decision: '议定事项',
  answer: '答复意见',
  date: '回访日期',
  caller: '回访人',
  satisfaction: '满意度',
  into: '合并到',
  from: '并入诉求',
  other: '关联诉求',
}

function eventDetail(detail: Record<string, unknown>): string {
  return Object.entries(eventDetailLabels)
    .flatMap(([key, label]) => {
      const v = detail[key]
      if (v === null || v === undefined || v === '' || typeof v === 'object') return []
      const s = String(v)
      const text =
        key === 'answer'
          ? (answerKindLabels[s as AnswerKind] ?? s)
          : key === 'satisfaction'
            ? (satisfactionLabels[s as Satisfaction] ?? s)
            : s
      return [`${label}：${text}`]
    })
    .join('；')
}

function visitData(v: Visit, complaintNumbers: string[]): PersonData['visits'][number] {
  return {
    number: v.number,
    visitedAt: v.visitedAt,
    channel: visitChannelLabels[v.channel],
    visitorCount: v.visitorCount,
    involvedCount: v.involvedCount,
    // Representatives are other residents: named, their numbers stay masked.
    representatives: v.representatives,
    subject: v.subject,
    outcome: visitOutcomeLabels[v.outcome],
    answer: v.answer,
    notes: v.notes,
    receivedBy: v.receivedBy,
    complaints: complaintNumbers,
  }
}

function complaintData(c: ComplaintDetail): PersonData['complaints'][number] {
  return {
    number: c.number,
    visitNumber: c.visitNumber,
    kind: complaintKindLabels[c.kind],
    category: c.categoryName,
    urgency: urgencyLabels[c.urgency],
    place: [c.communityName, c.compoundName, c.locationDetail].filter(Boolean).join(' '),
    request: c.request,
    facts: c.facts,
    reasons: c.reasons,
    status: complaintStatusLabels[c.status],
    unit: c.unitName,
    assignee: c.assignee,
    receivedAt: c.receivedAt,
    acceptedAt: c.acceptedAt,
    handleDue: c.handleDue,
    extensionDays: c.extensionDays,
    extensionReason: c.extensionReason,
    resolvedAt: c.resolvedAt,
    result: c.result,
    answer: c.answer ? answerKindLabels[c.answer] : null,
    rejectReason: c.rejectReason,
    satisfaction: c.satisfaction ? satisfactionLabels[c.satisfaction] : null,
    timeline: c.timeline.map((e) => ({
      at: e.at,
      staff: e.staffName,
      action: complaintEventLabels[e.action as ComplaintEventKind] ?? e.action,
      from: e.fromStatus ? complaintStatusLabels[e.fromStatus] : null,
      to: e.toStatus ? complaintStatusLabels[e.toStatus] : null,
      note: e.note,
      detail: eventDetail(e.detail),
    })),
    followUps: c.followUps.map((f) => ({
      date: f.date,
      caller: f.caller,
      satisfaction: satisfactionLabels[f.satisfaction],
      comment: f.comment,
      at: f.at,
    })),
  }
}

export async function collectPersonData(db: Knex, ctx: Ctx, id: number): Promise<PersonData> {
  const row = (await selectPersons(db).where('persons.id', id).first()) as
    (PersonRow & { anonymised_at: string | null }) | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该来访人不存在，请重新查找')
  const today = localDate(ctx.clock.now())
  const p = toPerson(row, today)
  const visitIds = (
    (await db('visits').where({ person_id: id }).orderBy('visited_at').select('id')) as { id: number }[]
  ).map((v) => v.id)
  const complaintRows = (await db('complaints')
    .where('person_id', id)
    .orWhereIn('visit_id', visitIds)
    .orderBy('received_at')
    .select('id', 'number', 'visit_id')) as { id: number; number: string; visit_id: number | null }[]
  const visits: PersonData['visits'] = []
  for (const visitId of visitIds) {
    const numbers = complaintRows.filter((c) => c.visit_id === visitId).map((c) => c.number)
    visits.push(visitData(await fetchVisit(db, ctx, visitId), numbers))
  }
  const complaints: PersonData['complaints'] = []
  for (const c of complaintRows) complaints.push(complaintData(await fetchComplaintDetail(db, ctx, c.id)))
  return {
    exportedAt: ctx.clock.now().toISOString(),
    exportedBy: ctx.staff?.name ?? '',
    person: {
      id: p.id,
      name: p.name,
      sex: p.sex ? sexLabels[p.sex] : null,
      birthDate: p.birthDate,
      age: p.age,
      ethnicity: p.ethnicity,
      phone: row.phone,
      idNumber: row.id_number,
      address: p.address,
      notes: p.notes,
      registeredAt: p.createdAt,
      updatedAt: p.updatedAt,
      anonymisedAt: row.anonymised_at,
    },
    visits,
    complaints,
  }
}

function when(iso: Text): string {
  if (!iso) return ''
  return iso.length === 10 ? iso : format(new Date(iso), 'yyyy-MM-dd HH:mm')
}

export async function personWorkbook(data: PersonData, created: Date): Promise<Buffer> {
  const book = xlsxWorkbook(created)
  const p = data.person
  const facts: [string, unknown][] = [
    ['姓名', p.name],
    ['性别', p.sex ?? ''],
    ['出生日期', p.birthDate ?? ''],
    ['年龄', p.age ?? ''],
    ['民族', p.ethnicity ?? ''],
    ['联系电话', p.phone ?? ''],
    ['身份证号', p.idNumber ?? ''],
    ['住址', p.address],
    ['备注', p.notes ?? ''],
    ['首次登记', when(p.registeredAt)],
    ['最后修改', when(p.updatedAt)],
    ['导出时间', when(data.exportedAt)],
    ['导出人', data.exportedBy],
  ]
  book.addSheet(
    '个人信息',
    [
      { header: '项目', key: 'item', width: 12 },
      { header: '内容', key: 'value', width: 50 },
    ],
    facts.map(([item, value]) => ({ item, value })),
  )
  book.addSheet(
    '来访记录',
    [
      { header: '编号', key: 'number', width: 16 },
      { header: '来访时间', key: 'at', width: 18 },
      { header: '方式', key: 'channel', width: 10 },
      { header: '人数', key: 'count', width: 6 },
      { header: '事由', key: 'subject', width: 40 },
      { header: '处理方式', key: 'outcome', width: 10 },
      { header: '答复内容', key: 'answer', width: 40 },
      { header: '备注', key: 'notes', width: 24 },
      { header: '接待人', key: 'by', width: 10 },
      { header: '诉求编号', key: 'complaints', width: 20 },
    ],
    data.visits.map((v) => ({
      number: v.number,
      at: when(v.visitedAt),
      channel: v.channel,
      count: v.visitorCount,
      subject: v.subject,
      outcome: v.outcome,
      answer: v.answer ?? '',
      notes: v.notes ?? '',
      by: v.receivedBy,
      complaints: v.complaints.join('、'),
    })),
  )
  book.addSheet(
    '诉求',
    [
      { header: '编号', key: 'number', width: 16 },
      { header: '登记时间', key: 'at', width: 18 },
      { header: '类型', key: 'kind', width: 8 },
      { header: '类别', key: 'category', width: 14 },
      { header: '地点', key: 'place', width: 24 },
      { header: '请求', key: 'request', width: 40 },
      { header: '事实', key: 'facts', width: 40 },
      { header: '理由', key: 'reasons', width: 30 },
      { header: '状态', key: 'status', width: 10 },
      { header: '承办单位', key: 'unit', width: 14 },
      { header: '办理结果', key: 'result', width: 40 },
      { header: '答复意见', key: 'answer', width: 10 },
      { header: '不予受理理由', key: 'reject', width: 30 },
      { header: '满意度', key: 'satisfaction', width: 10 },
    ],
    data.complaints.map((c) => ({
      number: c.number,
      at: when(c.receivedAt),
      kind: c.kind,
      category: c.category,
      place: c.place,
      request: c.request,
      facts: c.facts ?? '',
      reasons: c.reasons ?? '',
      status: c.status,
      unit: c.unit ?? '',
      result: c.result ?? '',
      answer: c.answer ?? '',
      reject: c.rejectReason ?? '',
      satisfaction: c.satisfaction ?? '',
    })),
  )
  book.addSheet(
    '办理过程',
    [
      { header: '诉求编号', key: 'number', width: 16 },
      { header: '时间', key: 'at', width: 18 },
      { header: '办理人', key: 'staff', width: 10 },
      { header: '操作', key: 'action', width: 12 },
      { header: '状态', key: 'status', width: 18 },
      { header: '说明', key: 'note', width: 40 },
      { header: '详情', key: 'detail', width: 40 },
    ],
    data.complaints.flatMap((c) =>
      c.timeline.map((e) => ({
        number: c.number,
        at: when(e.at),
        staff: e.staff,
        action: e.action,
        status: e.from && e.to ? `${e.from} → ${e.to}` : (e.to ?? ''),
        note: e.note ?? '',
        detail: e.detail,
      })),
    ),
  )
  book.addSheet(
    '回访记录',
    [
      { header: '诉求编号', key: 'number', width: 16 },
      { header: '回访日期', key: 'date', width: 12 },
      { header: '回访人', key: 'caller', width: 10 },
      { header: '满意度', key: 'satisfaction', width: 10 },
      { header: '回访意见', key: 'comment', width: 40 },
    ],
    data.complaints.flatMap((c) =>
      c.followUps.map((f) => ({
        number: c.number,
        date: f.date,
        caller: f.caller,
        satisfaction: f.satisfaction,
        comment: f.comment ?? '',
      })),
    ),
  )
  return book.finish()
}
