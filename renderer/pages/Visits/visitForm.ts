/**
 * The 来访登记 form's state and its conversion to the API's input. Numbers
 * are kept as typed text so a half-typed value never turns into 0 behind the
 * clerk's back; the contract's schema reports what is wrong with it.
 */
import type { SaveVisitInput } from '../../../shared/api/visits'
import type { Person } from '../../../shared/api/people'
import type { ComplaintKind, Sex, Urgency, VisitChannel, VisitOutcome } from '../../../shared/intake/labels'
import type { ethnicities } from '../../../shared/intake/labels'

export type Ethnicity = (typeof ethnicities)[number]

export interface PersonForm {
  /** Set when the visitor was chosen from the registry. */
  id: number | undefined
  version: number | undefined
  name: string
  sex: Sex | undefined
  birthDate: string
  age: string
  ethnicity: Ethnicity | undefined
  /** Empty for a chosen person means "keep what is stored" (the API only shows it masked). */
  phone: string
  idNumber: string
  compoundId: number | undefined
  building: string
  unit: string
  room: string
  address: string
  /** Not on the desk form, but sent back unchanged so saving a visit never erases it. */
  notes: string | null
}

export interface RepresentativeForm {
  name: string
  phone: string
}

export interface ComplaintForm {
  /** Stable v-for key while blocks are added and removed. */
  key: number
  kind: ComplaintKind | undefined
  categoryId: number | undefined
  urgency: Urgency
  compoundId: number | undefined
  /** False while the location still follows the visitor's own compound. */
  compoundChosen: boolean
  locationDetail: string
  request: string
  facts: string
  reasons: string
}

export interface VisitForm {
  person: PersonForm
  /** `<input type="datetime-local">` value, local time. */
  visitedAt: string
  channel: VisitChannel
  visitorCount: string
  involvedCount: string
  representatives: RepresentativeForm[]
  subject: string
  outcome: VisitOutcome | undefined
  answer: string
  complaints: ComplaintForm[]
  notes: string
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Local date and time as `datetime-local` wants it (minutes precision). */
export function localDateTimeValue(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function emptyPerson(): PersonForm {
  return {
    id: undefined,
    version: undefined,
    name: '',
    sex: undefined,
    birthDate: '',
    age: '',
    ethnicity: undefined,
    phone: '',
    idNumber: '',
    compoundId: undefined,
    building: '',
    unit: '',
    room: '',
    address: '',
    notes: null,
  }
}

let nextKey = 1

export function emptyComplaint(compoundId: number | undefined): ComplaintForm {
  return {
    key: nextKey++,
    kind: undefined,
    categoryId: undefined,
    urgency: 'normal',
    compoundId,
    compoundChosen: false,
    locationDetail: '',
    request: '',
    facts: '',
    reasons: '',
  }
}

export function emptyForm(now = new Date()): VisitForm {
  return {
    person: emptyPerson(),
    visitedAt: localDateTimeValue(now),
    channel: 'walk_in',
    visitorCount: '1',
    involvedCount: '',
    representatives: [],
    subject: '',
    outcome: undefined,
    answer: '',
    complaints: [],
    notes: '',
  }
}

/** Fill the person block from a registry record; phone and ID stay as the clerk typed them. */
export function fillPerson(form: PersonForm, p: Person): void {
  form.id = p.id
  form.version = p.version
  form.name = p.name
  form.sex = p.sex ?? undefined
  form.birthDate = p.birthDate ?? ''
  form.age = p.birthDate || p.age === null ? '' : String(p.age)
  form.ethnicity = p.ethnicity ?? undefined
  form.compoundId = p.compoundId ?? undefined
  form.building = p.building ?? ''
  form.unit = p.unit ?? ''
  form.room = p.room ?? ''
  form.address = p.addressText ?? ''
  form.notes = p.notes
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

function visitedAtIso(value: string): string | undefined {
  if (value === '') return undefined
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? value : d.toISOString()
}

export function inputFromForm(form: VisitForm): SaveVisitInput {
  const p = form.person
  const representatives = form.representatives
    .filter((r) => r.name.trim() !== '' || r.phone.trim() !== '')
    .map((r) => ({ name: r.name, phone: r.phone }))
  return {
    person: {
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
    },
    visitedAt: visitedAtIso(form.visitedAt),
    channel: form.channel,
    visitorCount: numberOrNull(form.visitorCount) ?? undefined,
    involvedCount: numberOrNull(form.involvedCount),
    representatives,
    subject: form.subject,
    // Left undefined so the schema asks the clerk to choose.
    outcome: form.outcome as VisitOutcome,
    answer: form.outcome === 'on_spot' ? form.answer : null,
    complaints:
      form.outcome === 'complaints'
        ? form.complaints.map((c) => ({
            kind: c.kind as ComplaintKind,
            categoryId: c.categoryId as number,
            urgency: c.urgency,
            compoundId: c.compoundId ?? null,
            locationDetail: c.locationDetail,
            request: c.request,
            facts: c.facts,
            reasons: c.reasons,
          }))
        : [],
    notes: form.notes,
  }
}

/** Whether Esc should ask before throwing the form away. */
export function hasContent(form: VisitForm): boolean {
  const p = form.person
  const personTyped = [p.name, p.phone, p.idNumber, p.birthDate, p.age, p.building, p.unit, p.room, p.address].some(
    (s) => s.trim() !== '',
  )
  return (
    personTyped ||
    p.id !== undefined ||
    p.sex !== undefined ||
    p.ethnicity !== undefined ||
    p.compoundId !== undefined ||
    form.subject.trim() !== '' ||
    form.answer.trim() !== '' ||
    form.notes.trim() !== '' ||
    form.involvedCount.trim() !== '' ||
    form.outcome !== undefined ||
    form.representatives.some((r) => r.name.trim() !== '' || r.phone.trim() !== '')
  )
}
