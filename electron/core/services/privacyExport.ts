/**
 * Everything held about one person (个人信息保护法 Art 45), for the resident
 * who asks: their record with phone and ID number in full, every visit, every
 * 诉求 with its whole timeline and follow-ups. As JSON (complete, for any
 * program) or as an .xlsx workbook a person can read, one sheet per kind.
 */
import type { Knex } from 'knex'
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
import {
  disputeTypeLabels,
  mediationOutcomeLabels,
  mediationStatusLabels,
  partyRoleLabels,
  type DisputeType,
  type MediationOutcome,
  type MediationStatus,
  type PartyRole,
} from '../../../shared/mediation/labels'

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
  /**
   * Mediation cases they are a party to: that the case exists and their part
   * in it. The case notes also hold the other parties' affairs and are not
   * part of one person's export.
   */
  mediationCases: {
    number: Text
    role: string
    disputeType: string
    status: string
    registeredOn: string
    acceptedOn: Text
    concludedOn: Text
    outcome: Text
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
  const mediationCases = await mediationCasesOf(db, id)
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
    mediationCases,
  }
}

async function mediationCasesOf(db: Knex, personId: number): Promise<PersonData['mediationCases']> {
  const rows = (await db('mediation_parties as mp')
    .join('mediation_cases as mc', 'mc.id', 'mp.case_id')
    .where('mp.person_id', personId)
    .orderBy('mc.registered_on')
    .select(
      'mc.number',
      'mp.role',
      'mc.dispute_type',
      'mc.status',
      'mc.registered_on',
      'mc.accepted_on',
      'mc.concluded_on',
      'mc.outcome',
    )) as {
    number: Text
    role: PartyRole
    dispute_type: DisputeType
    status: MediationStatus
    registered_on: string
    accepted_on: Text
    concluded_on: Text
    outcome: MediationOutcome | null
  }[]
  return rows.map((r) => ({
    number: r.number,
    role: partyRoleLabels[r.role],
    disputeType: disputeTypeLabels[r.dispute_type],
    status: mediationStatusLabels[r.status],
    registeredOn: r.registered_on,
    acceptedOn: r.accepted_on,
    concludedOn: r.concluded_on,
    outcome: r.outcome ? mediationOutcomeLabels[r.outcome] : null,
  }))
}
