/**
 * The registration form of a case (new or edited) and its conversion to the
 * contract's `caseContent`. A party's person block is the 来访登记 one
 * (PersonForm), so a person found in the registry fills it the same way and
 * is updated, not duplicated. An agent points at the party it represents by
 * that party's key, so moving parties up and down keeps the link; the
 * position the API wants is worked out only when sending.
 */
import type { CaseContentInput, MediationCaseDetail, PartyInput } from '../../../shared/api/mediation'
import type { Person, PersonInput } from '../../../shared/api/people'
import type { DisputeType, MediationSource, PartyRole } from '../../../shared/mediation/labels'
import { emptyPerson, fillPerson, type PersonForm } from '../Visits/visitForm'

export interface PartyForm {
  /** Stable v-for key while parties are added, moved and removed. */
  key: number
  role: PartyRole | undefined
  person: PersonForm
  occupation: string
  /** For a 代理人: the key of the party represented. */
  agentFor: number | undefined
  authorization: string
  identityNote: string
}

export interface RequestForm {
  key: number
  text: string
}

export interface CaseForm {
  source: MediationSource | undefined
  disputeType: DisputeType | undefined
  complaintId: number | null
  visitId: number | null
  registeredOn: string
  parties: PartyForm[]
  presidingId: number | undefined
  assistingIds: number[]
  facts: string
  requests: RequestForm[]
}

let nextKey = 1

export function emptyParty(role?: PartyRole): PartyForm {
  return {
    key: nextKey++,
    role,
    person: emptyPerson(),
    occupation: '',
    agentFor: undefined,
    authorization: '',
    identityNote: '',
  }
}

export function emptyRequest(text = ''): RequestForm {
  return { key: nextKey++, text }
}

/** A new case starts with the two sides every dispute has and one 申请事项 line. */
export function emptyCaseForm(today: string, presidingId?: number): CaseForm {
  return {
    source: 'application',
    disputeType: undefined,
    complaintId: null,
    visitId: null,
    registeredOn: today,
    parties: [emptyParty('applicant'), emptyParty('respondent')],
    presidingId,
    assistingIds: [],
    facts: '',
    requests: [emptyRequest()],
  }
}

/** A party filled from a registry record (the 来访人 of a visit or 诉求). */
export function partyFromPerson(person: Person, role: PartyRole): PartyForm {
  const party = emptyParty(role)
  fillPerson(party.person, person)
  return party
}

/**
 * The form for editing a registered case. `persons` holds each party's
 * registry record (with its version, so saving updates that record).
 */
export function caseFormOf(d: MediationCaseDetail, persons: Map<number, Person>): CaseForm {
  const keyOfParty = new Map<number, number>()
  const parties = d.parties.map((p) => {
    const party = emptyParty(p.role)
    keyOfParty.set(p.id, party.key)
    const person = persons.get(p.person.id)
    if (person) fillPerson(party.person, person)
    else Object.assign(party.person, { id: p.person.id, name: p.person.name, sex: p.person.sex ?? undefined })
    // The case keeps its own 民族/出生日期 as registered; they win over the registry's current values.
    if (p.ethnicity) party.person.ethnicity = p.ethnicity as PersonForm['ethnicity']
    if (p.birthDate) {
      party.person.birthDate = p.birthDate
      party.person.age = ''
    }
    party.occupation = p.occupation ?? ''
    party.authorization = p.authorization ?? ''
    party.identityNote = p.identityNote ?? ''
    return { party, agentForPartyId: p.agentForPartyId }
  })
  for (const { party, agentForPartyId } of parties) {
    if (agentForPartyId !== null) party.agentFor = keyOfParty.get(agentForPartyId)
  }
  const presiding = d.mediators.find((m) => m.role === 'presiding')
  // A case escalated from a 诉求 knows only who complained: offer the other side to fill in.
  const list = parties.map((p) => p.party)
  if (!list.some((p) => p.role === 'respondent')) list.push(emptyParty('respondent'))
  return {
    source: d.source,
    disputeType: d.disputeType,
    complaintId: d.complaint?.id ?? null,
    visitId: d.visit?.id ?? null,
    registeredOn: d.registeredOn,
    parties: list,
    presidingId: presiding?.staffId,
    assistingIds: d.mediators.filter((m) => m.role === 'assisting').map((m) => m.staffId),
    facts: d.facts ?? '',
    requests: d.requests.length ? d.requests.map((r) => emptyRequest(r)) : [emptyRequest()],
  }
}

/** Text → number for the schema: empty is "not given", anything else is checked there (NaN is refused). */
function numberOrNull(text: string): number | null {
  const t = text.trim()
  return t === '' ? null : Number(t)
}

function textOrUndefined(text: string): string | undefined {
  const t = text.trim()
  return t === '' ? undefined : t
}

export function personInputOf(p: PersonForm): PersonInput {
  return {
    id: p.id,
    version: p.version,
    name: p.name,
    sex: p.sex ?? null,
    birthDate: p.birthDate || null,
    age: p.birthDate ? null : numberOrNull(p.age),
    ethnicity: p.ethnicity ?? null,
    // Left out when empty: for a known person the API then keeps the stored value.
    phone: textOrUndefined(p.phone),
    idNumber: textOrUndefined(p.idNumber),
    compoundId: p.compoundId ?? null,
    building: p.building,
    unit: p.unit,
    room: p.room,
    address: p.address,
    notes: p.notes,
  }
}

export function caseInputOf(form: CaseForm): CaseContentInput {
  const position = new Map(form.parties.map((p, i) => [p.key, i]))
  const parties: PartyInput[] = form.parties.map((p) => ({
    person: personInputOf(p.person),
    occupation: p.occupation,
    // Left undefined so the schema asks the clerk to choose.
    role: p.role as PartyRole,
    agentFor: p.role === 'agent' && p.agentFor !== undefined ? (position.get(p.agentFor) ?? null) : null,
    authorization: p.role === 'agent' ? p.authorization : null,
    identityNote: p.identityNote,
  }))
  const mediators = [
    ...(form.presidingId ? [{ staffId: form.presidingId, role: 'presiding' as const }] : []),
    ...form.assistingIds
      .filter((id) => id !== form.presidingId)
      .map((staffId) => ({ staffId, role: 'assisting' as const })),
  ]
  return {
    source: form.source as MediationSource,
    disputeType: form.disputeType as DisputeType,
    complaintId: form.complaintId,
    visitId: form.visitId,
    registeredOn: form.registeredOn,
    parties,
    mediators,
    facts: form.facts,
    requests: form.requests.map((r) => r.text),
  }
}

/**
 * Checks the contract cannot express: an agent must say whom it represents,
 * and assistants need someone presiding. Keys are the form's error keys.
 */
export function extraProblems(form: CaseForm): Record<string, string> {
  const problems: Record<string, string> = {}
  form.parties.forEach((p, i) => {
    if (p.role !== 'agent') return
    const principal = form.parties.find((o) => o.key === p.agentFor)
    if (!principal || principal.role === 'agent') problems[`parties.${i}.agentFor`] = '请选择被代理的当事人'
  })
  if (form.assistingIds.length > 0 && !form.presidingId) problems.mediators = '请先选择主持调解员'
  return problems
}

/** Whether leaving the page should ask first. */
export function hasTyped(form: CaseForm): boolean {
  return (
    form.facts.trim() !== '' ||
    form.requests.some((r) => r.text.trim() !== '') ||
    form.parties.some((p) => p.person.id !== undefined || p.person.name.trim() !== '' || p.person.phone.trim() !== '')
  )
}
