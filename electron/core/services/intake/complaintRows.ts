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

export function selectComplaints(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return db('complaints')
    .leftJoin('visits', 'visits.id', 'complaints.visit_id')
    .leftJoin('persons', 'persons.id', 'complaints.person_id')
    .leftJoin('compounds as pc', 'pc.id', 'persons.compound_id')
    .leftJoin('compounds', 'compounds.id', 'complaints.compound_id')
    .leftJoin('communities', 'communities.id', 'compounds.community_id')
    .leftJoin('units', 'units.id', 'complaints.unit_id')
    .leftJoin('complaints as target', 'target.id', 'complaints.merged_into')
    .join('staff as owner', 'owner.id', 'complaints.owner_id')
    .select(
      'complaints.*',
      'visits.number as visit_number',
      'visits.lookup_code as lookup_code',
      'compounds.name as compound_name',
      'communities.id as community_id',
      'communities.name as community_name',
      'units.name as unit_name',
      'target.number as merged_into_number',
      'owner.name as owner_name',
      'persons.name as p_name',
      'persons.sex as p_sex',
      'persons.birth_date as p_birth_date',
      'persons.age as p_age',
      'persons.age_recorded_on as p_age_recorded_on',
      'persons.phone as p_phone',
      'persons.id_number as p_id_number',
      'pc.name as p_compound_name',
      'persons.building as p_building',
      'persons.unit as p_unit',
      'persons.room as p_room',
      'persons.address_text as p_address_text',
    )
    .select(db.raw(`${duplicateExists} as has_duplicate`))
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
