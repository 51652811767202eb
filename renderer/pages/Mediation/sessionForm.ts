/**
 * The 调解笔录 form. Attendees are every party of the case (ticked if
 * present) followed by anyone else who was there; what is sent lists the
 * present parties first, then the others, and `sentIndex` gives each row's
 * place in that list so an error like attendees.2.name finds its row.
 */
import type { CaseSession, MediationCaseDetail, SessionInput } from '../../../shared/api/mediation'
import { partyRoleLabels } from '../../../shared/mediation/labels'
import { isoFromInput, localInputValue } from './format'

export interface AttendeeRow {
  key: number
  /** A party of the case, or null for someone else present. */
  partyId: number | null
  present: boolean
  name: string
  capacity: string
  signed: boolean
}

export interface SessionForm {
  id: number | undefined
  version: number | undefined
  heldAt: string
  place: string
  presidingStaffId: number | undefined
  recorder: string
  open: boolean | undefined
  closedReason: string
  attendees: AttendeeRow[]
  record: string
  nextSteps: string
}

let nextKey = 1

export function otherAttendee(): AttendeeRow {
  return { key: nextKey++, partyId: null, present: true, name: '', capacity: '', signed: false }
}

function partyRows(d: MediationCaseDetail, s: CaseSession | null): AttendeeRow[] {
  return d.parties.map((p) => {
    const was = s?.attendees.find((a) => a.partyId === p.id)
    return {
      key: nextKey++,
      partyId: p.id,
      present: s ? was !== undefined : true,
      name: p.person.name,
      capacity: was?.capacity ?? partyRoleLabels[p.role],
      signed: was?.signed ?? false,
    }
  })
}

export function sessionFormOf(
  d: MediationCaseDetail,
  s: CaseSession | null,
  defaults: { place: string; recorder: string },
): SessionForm {
  const presiding = d.mediators.find((m) => m.role === 'presiding')
  const others = (s?.attendees ?? [])
    .filter((a) => a.partyId === null)
    .map((a) => ({ ...otherAttendee(), name: a.name, capacity: a.capacity, signed: a.signed }))
  return {
    id: s?.id,
    version: s?.version,
    heldAt: localInputValue(s?.heldAt),
    place: s?.place ?? defaults.place,
    presidingStaffId: s?.presidingStaffId ?? presiding?.staffId,
    recorder: s?.recorder ?? defaults.recorder,
    open: s ? s.open : undefined,
    closedReason: s?.closedReason ?? '',
    attendees: [...partyRows(d, s), ...others],
    record: s?.record ?? '',
    nextSteps: s?.nextSteps ?? '',
  }
}

/** The rows that are sent: present parties, then everyone else listed. */
export function sentRows(rows: AttendeeRow[]): AttendeeRow[] {
  return rows.filter((a) => a.partyId === null || a.present)
}

export function sessionInputOf(caseId: number, f: SessionForm): SessionInput {
  return {
    caseId,
    id: f.id,
    version: f.version,
    heldAt: isoFromInput(f.heldAt),
    place: f.place,
    presidingStaffId: f.presidingStaffId as number,
    recorder: f.recorder,
    open: f.open as boolean,
    closedReason: f.open === false ? f.closedReason : null,
    attendees: sentRows(f.attendees).map((a) => ({
      partyId: a.partyId,
      name: a.name,
      capacity: a.capacity,
      signed: a.signed,
    })),
    record: f.record,
    nextSteps: f.nextSteps,
  }
}
