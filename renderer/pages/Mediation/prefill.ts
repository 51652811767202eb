/**
 * A new case started from somewhere: /mediation/new?complaint=12 (转人民调解
 * from a 诉求) or ?visit=34 (a walk-in asking for mediation). The person who
 * came becomes the 申请人, already filled from the registry, and the matter's
 * text becomes the starting 纠纷简要情况 and 申请事项, for the mediator to edit.
 */
import type { LocationQuery } from 'vue-router'
import { api } from '../../api/client'
import { partyFromPerson, emptyParty, emptyRequest, type CaseForm } from './caseForm'

export interface Prefilled {
  complaint?: string
  visit?: string
}

function idIn(q: LocationQuery, key: string): number | null {
  const v = q[key]
  const n = Number(Array.isArray(v) ? v[0] : v)
  return Number.isInteger(n) && n > 0 ? n : null
}

export function prefillIds(q: LocationQuery): { complaintId: number | null; visitId: number | null } {
  return { complaintId: idIn(q, 'complaint'), visitId: idIn(q, 'visit') }
}

async function applicant(form: CaseForm, personId: number): Promise<void> {
  const history = await api.people.history({ id: personId })
  form.parties = [partyFromPerson(history.person, 'applicant'), emptyParty('respondent')]
}

/** Fills `form` in place and says where it came from (for the header). Throws an ApiError if it cannot be read. */
export async function prefill(form: CaseForm, q: LocationQuery): Promise<Prefilled> {
  const { complaintId, visitId } = prefillIds(q)
  if (complaintId) {
    const c = await api.complaints.get({ id: complaintId })
    form.source = 'complaint'
    form.complaintId = c.id
    form.facts = c.facts ?? ''
    form.requests = [emptyRequest(c.request)]
    if (c.person) await applicant(form, c.person.id)
    return { complaint: c.number }
  }
  if (visitId) {
    const v = await api.visits.get({ id: visitId })
    form.source = 'application'
    form.visitId = v.id
    form.facts = v.subject
    await applicant(form, v.person.id)
    return { visit: v.number }
  }
  return {}
}
