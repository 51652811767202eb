/**
 * Matching imported residents to the registry, so an import never doubles a
 * person: the same ID number is the same person; without one, the same phone
 * and name is (unless both carry different ID numbers). A later row for the
 * same person (in the file or already registered) fills fields still empty,
 * and never overwrites one. An ID number held under another name is a
 * problem for the clerk to check, not a guess.
 */
import type { Knex } from 'knex'
import { birthDateOf, sexOf } from '../../../shared/validation/idNumber'
import { fillableColumns, type FillableColumn, type PersonDraft, type PersonValues } from './personDraft'
import type { ProblemList } from './problems'

export interface ExistingPerson extends Record<FillableColumn, string | number | null> {
  id: number
  name: string
  version: number
}

export interface PersonSlot {
  /** The registered person, or null for one this import adds. */
  existing: ExistingPerson | null
  name: string
  /** The row that brought the person in (for messages about later rows). */
  firstRow: number
  /** For a new person: everything to insert. For a registered one: its current values. */
  values: PersonValues
  /** Registered person's columns this import fills (null: none; most people need none). */
  fills: Set<FillableColumn> | null
  /** Set by the writer once a new person is inserted. */
  id: number | null
}

export async function loadExistingPeople(db: Knex | Knex.Transaction): Promise<ExistingPerson[]> {
  // Anonymised people are out of reach on purpose (search does not find them either).
  return (await db('persons')
    .whereNull('anonymised_at')
    .select('id', 'name', 'version', ...fillableColumns)) as ExistingPerson[]
}

function maskedName(name: string): string {
  return `${name.slice(0, 1)}*`
}

function phoneNameKey(phone: string, name: string): string {
  return `${phone}\u0000${name}`
}

export function createPersonMatcher(existing: readonly ExistingPerson[]) {
  const byId = new Map<string, PersonSlot>()
  // Nearly always one person per phone and name: an array only when there are more.
  const byPhoneName = new Map<string, PersonSlot | PersonSlot[]>()
  const created: PersonSlot[] = []
  const matched = new Set<PersonSlot>()

  function addPhoneName(phone: string, slot: PersonSlot): void {
    const key = phoneNameKey(phone, slot.name)
    const known = byPhoneName.get(key)
    if (known === undefined) byPhoneName.set(key, slot)
    else byPhoneName.set(key, Array.isArray(known) ? [...known, slot] : [known, slot])
  }

  function withPhoneName(phone: string, name: string): PersonSlot[] {
    const known = byPhoneName.get(phoneNameKey(phone, name))
    return known === undefined ? [] : Array.isArray(known) ? known : [known]
  }

  function index(slot: PersonSlot): void {
    const id = slot.values.id_number
    if (typeof id === 'string') byId.set(id, slot)
    const phone = slot.values.phone
    if (typeof phone === 'string') addPhoneName(phone, slot)
  }

  for (const p of existing) {
    const values = { notes: null } as PersonValues
    for (const c of fillableColumns) values[c] = p[c]
    index({ existing: p, name: p.name, firstRow: 0, values, fills: null, id: p.id })
  }

  /** Fill what the slot lacks; an ID number that contradicts the stored birth date or sex is a problem. */
  function fill(slot: PersonSlot, draft: PersonDraft, problems: ProblemList, idField: string): boolean {
    const id = draft.values.id_number
    if (typeof id === 'string' && slot.values.id_number === null) {
      const born = slot.values.birth_date
      if (typeof born === 'string' && born !== birthDateOf(id)) {
        problems.add(
          draft.row,
          idField,
          `身份证号中的出生日期（${birthDateOf(id)}）与已登记的出生日期（${born}）不一致，请核对`,
        )
        return false
      }
      const sex = slot.values.sex
      if (sex !== null && sex !== sexOf(id)) {
        problems.add(draft.row, idField, '身份证号表示的性别与已登记的性别不一致，请核对')
        return false
      }
    }
    const before = { phone: slot.values.phone, id: slot.values.id_number }
    for (const c of fillableColumns) {
      const incoming = draft.values[c]
      if (incoming === null || slot.values[c] !== null) continue
      // An age is only worth keeping where no birth date tells it.
      if (c === 'age' && slot.values.birth_date !== null) continue
      slot.values[c] = incoming
      if (slot.existing) (slot.fills ??= new Set()).add(c)
    }
    if (slot.existing === null && slot.values.notes === null) slot.values.notes = draft.values.notes
    if (before.id === null && slot.values.id_number !== null) byId.set(slot.values.id_number as string, slot)
    if (before.phone === null && slot.values.phone !== null) addPhoneName(slot.values.phone as string, slot)
    return true
  }

  function take(slot: PersonSlot, draft: PersonDraft, problems: ProblemList, idField: string): PersonSlot | null {
    if (!fill(slot, draft, problems, idField)) return null
    if (slot.existing) matched.add(slot)
    return slot
  }

  return {
    /** The person a row stands for (registered, added earlier in the file, or new); null on a conflict. */
    resolve(draft: PersonDraft, problems: ProblemList, idField = 'idNumber'): PersonSlot | null {
      if (draft.idNumber) {
        const holder = byId.get(draft.idNumber)
        if (holder) {
          if (holder.name !== draft.name) {
            problems.add(
              draft.row,
              idField,
              holder.existing
                ? `该身份证号已登记在来访人“${maskedName(holder.name)}”名下，与本行姓名不一致，请核对`
                : `与第${holder.firstRow}行的身份证号相同但姓名不同，请核对`,
            )
            return null
          }
          return take(holder, draft, problems, idField)
        }
      }
      if (draft.phone) {
        const candidates = withPhoneName(draft.phone, draft.name)
        // Two different ID numbers are two people, whatever phone they share.
        const same = candidates.find((c) => c.values.id_number === null || draft.idNumber === null)
        if (same) return take(same, draft, problems, idField)
      }
      const slot: PersonSlot = {
        existing: null,
        name: draft.name,
        firstRow: draft.row,
        // A copy: drafts are kept between the dry run and the commit, and fills change the slot.
        values: { ...draft.values },
        fills: null,
        id: null,
      }
      index(slot)
      created.push(slot)
      return slot
    },
    created,
    matched,
  }
}
