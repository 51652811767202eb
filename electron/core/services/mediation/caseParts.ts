/**
 * Reading the parts of one case: parties with their person records,
 * sessions with attendees, terms, extensions, follow-ups and manual 卷宗
 * papers. Each loader returns contract shapes; access is decided by the caller.
 */
import type { Knex } from 'knex'
import type { CaseFollowUp, CaseParty, CaseSession } from '../../../../shared/api/mediation'
import type { z } from '../../../../shared/api/zod'
import type { agreementTerm, caseExtension } from '../../../../shared/api/mediation'
import type { ManualFileItemKind, NoticeWay, PartyRole, PerformanceState } from '../../../../shared/mediation/labels'
import type { Satisfaction } from '../../../../shared/intake/labels'
import { localDate } from '../../../../shared/calendar/workCalendar'
import { selectPersons, toSummary, type PersonRow } from '../intake/personRows'

interface PartyRow {
  id: number
  position: number
  role: PartyRole
  person_id: number
  occupation: string | null
  agent_for_party_id: number | null
  authorization: string | null
  identity_note: string | null
}

/** Parties in order; `phone` is the full number only when `withPhone` (full access). */
export async function partiesOf(
  db: Knex | Knex.Transaction,
  caseId: number,
  today: string,
  withPhone: boolean,
): Promise<CaseParty[]> {
  const rows = (await db('mediation_parties').where({ case_id: caseId }).orderBy('position')) as PartyRow[]
  const people = (await selectPersons(db).whereIn(
    'persons.id',
    rows.map((r) => r.person_id),
  )) as PersonRow[]
  const byId = new Map(people.map((p) => [p.id, p]))
  return rows.map((r) => {
    const person = byId.get(r.person_id)!
    return {
      id: r.id,
      position: r.position,
      role: r.role,
      person: toSummary(person, today),
      ethnicity: person.ethnicity,
      birthDate: person.birth_date,
      occupation: r.occupation,
      phone: withPhone ? person.phone : null,
      agentForPartyId: r.agent_for_party_id,
      authorization: r.authorization,
      identityNote: r.identity_note,
    }
  })
}

interface SessionRow {
  id: number
  seq: number
  held_at: string
  place: string
  presiding_staff_id: number
  presiding_name: string
  recorder: string
  open: number
  closed_reason: string | null
  record: string
  next_steps: string | null
  created_at: string
  version: number
}

interface AttendeeRow {
  session_id: number
  party_id: number | null
  name: string
  capacity: string
  signed: number
}

export async function sessionsOf(db: Knex | Knex.Transaction, caseId: number): Promise<CaseSession[]> {
  const rows = (await db('mediation_sessions')
    .join('staff', 'staff.id', 'mediation_sessions.presiding_staff_id')
    .where('mediation_sessions.case_id', caseId)
    .orderBy('mediation_sessions.seq')
    .select('mediation_sessions.*', 'staff.name as presiding_name')) as SessionRow[]
  const attendees = (await db('mediation_session_attendees')
    .whereIn(
      'session_id',
      rows.map((r) => r.id),
    )
    .orderBy(['session_id', 'position'])) as AttendeeRow[]
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    heldAt: r.held_at,
    place: r.place,
    presidingStaffId: r.presiding_staff_id,
    presidingName: r.presiding_name,
    recorder: r.recorder,
    open: r.open === 1,
    closedReason: r.closed_reason,
    attendees: attendees
      .filter((a) => a.session_id === r.id)
      .map((a) => ({ partyId: a.party_id, name: a.name, capacity: a.capacity, signed: a.signed === 1 })),
    record: r.record,
    nextSteps: r.next_steps,
    createdAt: r.created_at,
    version: r.version,
  }))
}

/** The calendar day a session was held on, in the desk's time zone. */
export function sessionDate(heldAt: string): string {
  return localDate(new Date(heldAt))
}

export async function termsOf(db: Knex | Knex.Transaction, caseId: number): Promise<z.infer<typeof agreementTerm>[]> {
  const rows = (await db('mediation_agreement_terms').where({ case_id: caseId }).orderBy('position')) as {
    content: string
    way: string
    place: string | null
    deadline: string
  }[]
  return rows.map((r) => ({ content: r.content, way: r.way, place: r.place, deadline: r.deadline }))
}

export async function extensionsOf(
  db: Knex | Knex.Transaction,
  caseId: number,
): Promise<z.infer<typeof caseExtension>[]> {
  const rows = (await db('mediation_extensions')
    .join('staff', 'staff.id', 'mediation_extensions.staff_id')
    .where('mediation_extensions.case_id', caseId)
    .orderBy('mediation_extensions.id')
    .select('mediation_extensions.*', 'staff.name as staff_name')) as {
    consented_on: string
    way: NoticeWay
    from_due: string
    to_due: string
    note: string | null
    staff_name: string
  }[]
  return rows.map((r) => ({
    consentedOn: r.consented_on,
    way: r.way,
    fromDue: r.from_due,
    toDue: r.to_due,
    note: r.note,
    staffName: r.staff_name,
  }))
}

export interface FollowUpRow {
  id: number
  case_id: number
  due_on: string
  called_on: string | null
  caller: string | null
  performance: PerformanceState | null
  satisfaction: Satisfaction | null
  lawsuit: number | null
  lawsuit_note: string | null
  risk: string | null
  measures: string | null
}

export function toFollowUp(r: FollowUpRow): CaseFollowUp {
  return {
    id: r.id,
    dueOn: r.due_on,
    calledOn: r.called_on,
    caller: r.caller,
    performance: r.performance,
    satisfaction: r.satisfaction,
    lawsuit: r.lawsuit === null ? null : r.lawsuit === 1,
    lawsuitNote: r.lawsuit_note,
    risk: r.risk,
    measures: r.measures,
  }
}

/** Made follow-ups first by the day they were made, then the scheduled ones by due day. */
export async function followUpsOf(db: Knex | Knex.Transaction, caseId: number): Promise<CaseFollowUp[]> {
  const rows = (await db('mediation_followups')
    .where({ case_id: caseId })
    .orderByRaw('called_on IS NULL')
    .orderByRaw('coalesce(called_on, due_on)')
    .orderBy('id')) as FollowUpRow[]
  return rows.map(toFollowUp)
}

export interface ManualItem {
  id: number
  kind: ManualFileItemKind
  title: string
  date: string | null
  pages: number
}

export async function manualItemsOf(db: Knex | Knex.Transaction, caseId: number): Promise<ManualItem[]> {
  return (await db('mediation_file_items')
    .where({ case_id: caseId })
    .orderBy('id')
    .select('id', 'kind', 'title', 'date', 'pages')) as ManualItem[]
}
