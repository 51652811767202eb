/**
 * Reading case rows: the row type, the mediators and parties of a page of
 * cases, and the list item as each caller may see it.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { MediationAccess, MediationCase } from '../../../../shared/api/mediation'
import type {
  DisputeType,
  JudicialResult,
  MediationOutcome,
  MediationSource,
  MediationStatus,
  MediatorRole,
  NoticeWay,
  PartyRole,
  RetentionPeriod,
} from '../../../../shared/mediation/labels'
import { mediationClockState } from '../../../../shared/mediation/clock'
import type { Staff } from '../../context'
import { accessOf } from './access'
import { partyNamesOf } from '../../../../shared/mediation/partyNames'

export interface CaseRow {
  id: number
  number: string | null
  year: number | null
  seq: number | null
  source: MediationSource
  dispute_type: DisputeType
  status: MediationStatus
  outcome: MediationOutcome | null
  complaint_id: number | null
  visit_id: number | null
  registered_on: string
  registered_by: number
  registered_by_name: string
  accepted_on: string | null
  rejected_on: string | null
  reject_reason: string | null
  due_date: string | null
  original_due_date: string | null
  rights_notice_on: string | null
  rights_notice_way: NoticeWay | null
  facts: string | null
  requests: string
  concluded_on: string | null
  agreed_on: string | null
  effective_on: string | null
  agreement_place: string | null
  dispute_points: string | null
  oral_content: string | null
  perform_by: string | null
  copies: number | null
  failed_advice: string | null
  terminate_reason: string | null
  judicial_applied: number | null
  judicial_applied_on: string | null
  judicial_court: string | null
  judicial_result: JudicialResult | null
  judicial_note: string | null
  filer: string | null
  filed_on: string | null
  retention: RetentionPeriod | null
  file_pages: string
  closed_on: string | null
  created_at: string
  updated_at: string
  version: number
}

export function selectCases(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return db('mediation_cases')
    .join('staff as registrar', 'registrar.id', 'mediation_cases.registered_by')
    .select('mediation_cases.*', 'registrar.name as registered_by_name')
}

export async function fetchCaseRow(db: Knex | Knex.Transaction, id: number): Promise<CaseRow> {
  const row = (await selectCases(db).where('mediation_cases.id', id).first()) as CaseRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该调解案件不存在，请刷新列表')
  return row
}

export interface MediatorRow {
  case_id: number
  staff_id: number
  role: MediatorRole
  name: string
}

export async function mediatorsOf(db: Knex | Knex.Transaction, caseIds: readonly number[]): Promise<MediatorRow[]> {
  if (caseIds.length === 0) return []
  return (await db('mediation_mediators')
    .join('staff', 'staff.id', 'mediation_mediators.staff_id')
    .whereIn('mediation_mediators.case_id', caseIds)
    .orderBy(['mediation_mediators.case_id', 'mediation_mediators.position'])
    .select(
      'mediation_mediators.case_id',
      'mediation_mediators.staff_id',
      'mediation_mediators.role',
      'staff.name',
    )) as MediatorRow[]
}

export interface PartyNameRow {
  case_id: number
  role: PartyRole
  name: string
}

async function partyNameRows(db: Knex | Knex.Transaction, caseIds: readonly number[]): Promise<PartyNameRow[]> {
  if (caseIds.length === 0) return []
  return (await db('mediation_parties')
    .join('persons', 'persons.id', 'mediation_parties.person_id')
    .whereIn('mediation_parties.case_id', caseIds)
    .orderBy(['mediation_parties.case_id', 'mediation_parties.position'])
    .select('mediation_parties.case_id', 'mediation_parties.role', 'persons.name')) as PartyNameRow[]
}

/** What everyone may see of a case, and the rest only at the access the caller has. */
export function toMediationCase(
  r: CaseRow,
  access: MediationAccess,
  today: string,
  mediators: readonly MediatorRow[],
  parties: readonly { role: PartyRole; name: string }[],
): MediationCase {
  const named = access !== 'summary'
  return {
    id: r.id,
    number: r.number,
    year: r.year,
    source: r.source,
    disputeType: r.dispute_type,
    status: r.status,
    outcome: r.outcome,
    registeredOn: r.registered_on,
    acceptedOn: r.accepted_on,
    dueDate: r.due_date,
    clockState: mediationClockState(r.due_date, today, r.status === 'accepted'),
    concludedOn: r.concluded_on,
    closedOn: r.closed_on,
    access,
    partyNames: named ? partyNamesOf(parties) : null,
    presidingName: named ? (mediators.find((m) => m.role === 'presiding')?.name ?? null) : null,
    updatedAt: r.updated_at,
    version: r.version,
  }
}

/** List items for rows already read, each at the caller's access to that case. */
export async function toMediationCases(
  db: Knex | Knex.Transaction,
  staff: Staff | null,
  today: string,
  rows: readonly CaseRow[],
): Promise<MediationCase[]> {
  const ids = rows.map((r) => r.id)
  const mediators = await mediatorsOf(db, ids)
  const parties = await partyNameRows(db, ids)
  return rows.map((r) => {
    const own = mediators.filter((m) => m.case_id === r.id)
    const access = accessOf(
      staff,
      r.status,
      own.map((m) => m.staff_id),
    )
    // Names are not even read into the item below summary access.
    const names = access === 'summary' ? [] : parties.filter((p) => p.case_id === r.id)
    return toMediationCase(r, access, today, own, names)
  })
}
