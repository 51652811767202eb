/**
 * One case as the caller may see it: everyone gets the list fields; other
 * 调解员 also the registration (parties, facts, requests); the case's own
 * mediators and administrators everything, with the 卷宗 index and what
 * closing still needs.
 */
import type { Knex } from 'knex'
import type { CaseParty, CaseSession, MediationCaseDetail } from '../../../../shared/api/mediation'
import { plusDays } from '../../../../shared/mediation/clock'
import type { Staff } from '../../context'
import { accessOf } from './access'
import { fetchCaseRow, mediatorsOf, toMediationCase, type CaseRow } from './caseRows'
import {
  extensionsOf,
  followUpsOf,
  manualItemsOf,
  partiesOf,
  sessionDate,
  sessionsOf,
  termsOf,
  type ManualItem,
} from './caseParts'
import { fileIndexOf, missingForClose, type FileSources } from './caseFile'
import { readMediationOptions } from './options'
import type { CaseFollowUp } from '../../../../shared/api/mediation'

async function refOf(
  db: Knex | Knex.Transaction,
  table: 'complaints' | 'visits',
  id: number | null,
): Promise<{ id: number; number: string } | null> {
  if (id === null) return null
  return ((await db(table).where({ id }).first('id', 'number')) as { id: number; number: string } | undefined) ?? null
}

export function fileSourcesOf(
  r: CaseRow,
  parties: readonly CaseParty[],
  sessions: readonly CaseSession[],
  followUps: readonly CaseFollowUp[],
  manual: readonly ManualItem[],
  pages: Readonly<Record<string, number>> = JSON.parse(r.file_pages) as Record<string, number>,
): FileSources {
  return {
    source: r.source,
    registeredOn: r.registered_on,
    rightsNoticeOn: r.rights_notice_on,
    parties: parties.map((p) => ({
      id: p.id,
      name: p.person.name,
      identityNote: p.identityNote,
      authorization: p.authorization,
      isAgent: p.role === 'agent',
    })),
    sessions: sessions.map((s) => ({ id: s.id, seq: s.seq, date: sessionDate(s.heldAt) })),
    outcome: r.outcome,
    concludedOn: r.concluded_on,
    followUps: followUps.flatMap((f) => (f.calledOn ? [{ id: f.id, calledOn: f.calledOn }] : [])),
    judicialApplied: r.judicial_applied === 1,
    judicialAppliedOn: r.judicial_applied_on,
    manual,
    filedOn: r.filed_on,
    pages,
  }
}

/** The 卷宗 sources of a case read fresh (for the close action). */
export async function loadFileSources(
  db: Knex | Knex.Transaction,
  r: CaseRow,
  today: string,
  pages?: Readonly<Record<string, number>>,
): Promise<FileSources> {
  return fileSourcesOf(
    r,
    await partiesOf(db, r.id, today, false),
    await sessionsOf(db, r.id),
    await followUpsOf(db, r.id),
    await manualItemsOf(db, r.id),
    pages,
  )
}

export async function fetchCaseDetail(
  db: Knex | Knex.Transaction,
  staff: Staff | null,
  today: string,
  id: number,
): Promise<MediationCaseDetail> {
  const r = await fetchCaseRow(db, id)
  const mediators = await mediatorsOf(db, [id])
  const access = accessOf(
    staff,
    r.status,
    mediators.map((m) => m.staff_id),
  )
  const full = access === 'full'
  const named = access !== 'summary'
  const parties = named ? await partiesOf(db, id, today, full) : []
  const base = toMediationCase(
    r,
    access,
    today,
    mediators,
    parties.map((p) => ({ role: p.role, name: p.person.name })),
  )
  const sessions = full ? await sessionsOf(db, id) : []
  const followUps = full ? await followUpsOf(db, id) : []
  const manual = full ? await manualItemsOf(db, id) : []
  const sources = fileSourcesOf(r, parties, sessions, followUps, manual)
  const agreed = r.outcome === 'written_agreement' || r.outcome === 'oral_agreement'
  const options = full && agreed ? await readMediationOptions(db) : null
  return {
    ...base,
    complaint: named ? await refOf(db, 'complaints', r.complaint_id) : null,
    visit: named ? await refOf(db, 'visits', r.visit_id) : null,
    registeredByName: r.registered_by_name,
    parties,
    mediators: named ? mediators.map((m) => ({ staffId: m.staff_id, name: m.name, role: m.role })) : [],
    facts: named ? r.facts : null,
    requests: named ? (JSON.parse(r.requests) as string[]) : [],
    rejectedOn: named ? r.rejected_on : null,
    rejectReason: named ? r.reject_reason : null,
    rightsNotice:
      full && r.rights_notice_on && r.rights_notice_way ? { date: r.rights_notice_on, way: r.rights_notice_way } : null,
    originalDueDate: full ? r.original_due_date : null,
    extensions: full ? await extensionsOf(db, id) : [],
    sessions,
    agreement:
      full && agreed && r.agreed_on && r.effective_on
        ? {
            agreedOn: r.agreed_on,
            effectiveOn: r.effective_on,
            place: r.agreement_place,
            terms: await termsOf(db, id),
            copies: r.copies,
            oralContent: r.oral_content,
            performBy: r.perform_by,
            disputePoints: r.dispute_points,
          }
        : null,
    failedAdvice: full ? r.failed_advice : null,
    terminateReason: full ? r.terminate_reason : null,
    followUps,
    judicial:
      full && r.judicial_applied !== null
        ? {
            applied: r.judicial_applied === 1,
            appliedOn: r.judicial_applied_on,
            court: r.judicial_court,
            result: r.judicial_result,
            note: r.judicial_note,
          }
        : null,
    judicialDeadline: options && r.effective_on ? plusDays(r.effective_on, options.judicialConfirmDays) : null,
    file: {
      filer: full ? r.filer : null,
      filedOn: full ? r.filed_on : null,
      retention: full ? r.retention : null,
      index: full ? fileIndexOf(sources) : [],
      missing: full && r.status !== 'rejected' ? missingForClose(sources) : [],
    },
    createdAt: r.created_at,
  }
}
