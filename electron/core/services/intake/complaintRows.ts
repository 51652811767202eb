/** Reading 诉求 rows: one select with everything a list shows, and the mapping to the API shape. */
import type { Knex } from 'knex'
import type { Complaint } from '../../../../shared/api/complaints'
import type {
  AnswerKind,
  ComplaintKind,
  ComplaintStatus,
  Satisfaction,
  Urgency,
} from '../../../../shared/intake/labels'
import { clockStateOf } from '../../../../shared/complaints/clocks'
import type { Category } from '../../../../shared/api/intakeSettings'
import { toSummary, type PersonRow } from './personRows'

/** Days either side within which the same compound and category count as a possible duplicate. */
export const duplicateWindowDays = 30

export interface ComplaintRow {
  id: number
  number: string
  visit_id: number | null
  visit_number: string | null
  lookup_code: string | null
  person_id: number | null
  kind: ComplaintKind
  category_id: number
  urgency: Urgency
  compound_id: number | null
  compound_name: string | null
  community_id: number | null
  community_name: string | null
  location_detail: string | null
  request: string
  facts: string | null
  reasons: string | null
  status: ComplaintStatus
  unit_id: number | null
  unit_name: string | null
  assignee: string | null
  received_at: string
  received_date: string
  accept_due: string
  accepted_at: string | null
  handle_due: string | null
  extension_days: number | null
  extension_reason: string | null
  extension_approver: string | null
  resolved_at: string | null
  resolved_on_time: number | null
  result: string | null
  answer: AnswerKind | null
  reject_reason: string | null
  merged_into: number | null
  merged_into_number: string | null
  due_date: string | null
  satisfaction: Satisfaction | null
  has_duplicate: number
  owner_id: number
  owner_name: string
  created_at: string
  updated_at: string
  version: number
  // person columns, prefixed
  p_name: string | null
  p_sex: PersonRow['sex']
  p_birth_date: string | null
  p_age: number | null
  p_age_recorded_on: string | null
  p_phone: string | null
  p_id_number: string | null
  p_compound_name: string | null
  p_building: string | null
  p_unit: string | null
  p_room: string | null
  p_address_text: string | null
}

/**
 * SQL: does another live 诉求 share this one's compound and category within
 * the window, not already linked? Written as a date range so the
 * (compound_id, category_id, received_date) index answers it: a difference
 * of julian days would read every 诉求 of that compound and category.
 */
export const duplicateExists = `EXISTS (
  SELECT 1 FROM complaints d
  WHERE d.id <> complaints.id
    AND d.compound_id = complaints.compound_id
    AND d.category_id = complaints.category_id
    AND d.status <> 'merged'
    AND complaints.status <> 'merged'
    AND d.received_date BETWEEN date(complaints.received_date, '-${duplicateWindowDays} days')
      AND date(complaints.received_date, '+${duplicateWindowDays} days')
    AND NOT EXISTS (SELECT 1 FROM complaint_links l
      WHERE (l.a_id = d.id AND l.b_id = complaints.id) OR (l.a_id = complaints.id AND l.b_id = d.id))
)`

/** Where each field of a ComplaintRow comes from: one list for both ways of reading rows below. */
const rowColumns = {
  id: 'complaints.id',
  number: 'complaints.number',
  visit_id: 'complaints.visit_id',
  visit_number: 'visits.number',
  lookup_code: 'visits.lookup_code',
  person_id: 'complaints.person_id',
  kind: 'complaints.kind',
  category_id: 'complaints.category_id',
  urgency: 'complaints.urgency',
  compound_id: 'complaints.compound_id',
  compound_name: 'compounds.name',
  community_id: 'communities.id',
  community_name: 'communities.name',
  location_detail: 'complaints.location_detail',
  request: 'complaints.request',
  facts: 'complaints.facts',
  reasons: 'complaints.reasons',
  status: 'complaints.status',
  unit_id: 'complaints.unit_id',
  unit_name: 'units.name',
  assignee: 'complaints.assignee',
  received_at: 'complaints.received_at',
  received_date: 'complaints.received_date',
  accept_due: 'complaints.accept_due',
  accepted_at: 'complaints.accepted_at',
  handle_due: 'complaints.handle_due',
  extension_days: 'complaints.extension_days',
  extension_reason: 'complaints.extension_reason',
  extension_approver: 'complaints.extension_approver',
  resolved_at: 'complaints.resolved_at',
  resolved_on_time: 'complaints.resolved_on_time',
  result: 'complaints.result',
  answer: 'complaints.answer',
  reject_reason: 'complaints.reject_reason',
  merged_into: 'complaints.merged_into',
  merged_into_number: 'target.number',
  due_date: 'complaints.due_date',
  satisfaction: 'complaints.satisfaction',
  has_duplicate: duplicateExists,
  owner_id: 'complaints.owner_id',
  owner_name: 'owner.name',
  created_at: 'complaints.created_at',
  updated_at: 'complaints.updated_at',
  version: 'complaints.version',
  p_name: 'persons.name',
  p_sex: 'persons.sex',
  p_birth_date: 'persons.birth_date',
  p_age: 'persons.age',
  p_age_recorded_on: 'persons.age_recorded_on',
  p_phone: 'persons.phone',
  p_id_number: 'persons.id_number',
  p_compound_name: 'pc.name',
  p_building: 'persons.building',
  p_unit: 'persons.unit',
  p_room: 'persons.room',
  p_address_text: 'persons.address_text',
} satisfies Record<keyof ComplaintRow, string>

const rowFields = Object.keys(rowColumns) as (keyof ComplaintRow)[]

function joined(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return db('complaints')
    .leftJoin('visits', 'visits.id', 'complaints.visit_id')
    .leftJoin('persons', 'persons.id', 'complaints.person_id')
    .leftJoin('compounds as pc', 'pc.id', 'persons.compound_id')
    .leftJoin('compounds', 'compounds.id', 'complaints.compound_id')
    .leftJoin('communities', 'communities.id', 'compounds.community_id')
    .leftJoin('units', 'units.id', 'complaints.unit_id')
    .leftJoin('complaints as target', 'target.id', 'complaints.merged_into')
    .join('staff as owner', 'owner.id', 'complaints.owner_id')
}

/** 诉求 rows with everything a list shows, one column per field. */
export function selectComplaints(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return joined(db).select(rowFields.map((f) => db.raw(`${rowColumns[f]} AS ${f}`)))
}

/**
 * The same rows, each as one JSON array (column `r`; read with rowOfArray).
 * node-sqlite3 builds a JS object property by property, about 1 µs per
 * value: a 50-row page of 56 fields spent 2 ms there. One string per row
 * and JSON.parse take under half of that.
 */
export function selectComplaintArrays(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return joined(db).select(db.raw(`json_array(${rowFields.map((f) => rowColumns[f]).join(', ')}) AS r`))
}

export function rowOfArray(json: string): ComplaintRow {
  const values = JSON.parse(json) as unknown[]
  const row: Record<string, unknown> = {}
  rowFields.forEach((f, i) => (row[f] = values[i]))
  return row as unknown as ComplaintRow
}

function personOf(r: ComplaintRow, today: string): Complaint['person'] {
  if (r.person_id === null || r.p_name === null) return null
  return toSummary(
    {
      id: r.person_id,
      name: r.p_name,
      sex: r.p_sex,
      birth_date: r.p_birth_date,
      age: r.p_age,
      age_recorded_on: r.p_age_recorded_on,
      ethnicity: null,
      phone: r.p_phone,
      id_number: r.p_id_number,
      compound_id: null,
      compound_name: r.p_compound_name,
      building: r.p_building,
      unit: r.p_unit,
      room: r.p_room,
      address_text: r.p_address_text,
      notes: null,
      created_at: '',
      updated_at: '',
      version: 0,
    },
    today,
  )
}

export function toComplaint(r: ComplaintRow, categories: Map<number, Category>, today: string): Complaint {
  return {
    id: r.id,
    number: r.number,
    visitId: r.visit_id,
    visitNumber: r.visit_number,
    lookupCode: r.lookup_code,
    person: personOf(r, today),
    kind: r.kind,
    categoryId: r.category_id,
    categoryName: categories.get(r.category_id)?.path ?? '',
    urgency: r.urgency,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    communityId: r.community_id,
    communityName: r.community_name,
    locationDetail: r.location_detail,
    request: r.request,
    facts: r.facts,
    reasons: r.reasons,
    status: r.status,
    unitId: r.unit_id,
    unitName: r.unit_name,
    assignee: r.assignee,
    receivedAt: r.received_at,
    receivedDate: r.received_date,
    acceptDue: r.accept_due,
    acceptedAt: r.accepted_at,
    handleDue: r.handle_due,
    extensionDays: r.extension_days,
    extensionReason: r.extension_reason,
    extensionApprover: r.extension_approver,
    resolvedAt: r.resolved_at,
    resolvedOnTime: r.resolved_on_time === null ? null : r.resolved_on_time === 1,
    result: r.result,
    answer: r.answer,
    rejectReason: r.reject_reason,
    mergedInto:
      r.merged_into !== null && r.merged_into_number ? { id: r.merged_into, number: r.merged_into_number } : null,
    dueDate: r.due_date,
    clockState: clockStateOf(r.due_date, today),
    satisfaction: r.satisfaction,
    hasPossibleDuplicate: r.has_duplicate === 1,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }
}
