/**
 * Reading person rows: masking, address text, age, pinyin keys. Phone and ID
 * numbers never leave core unmasked except through `people.reveal`.
 */
import type { Knex } from 'knex'
import { pinyin } from 'pinyin-pro'
import type { Person, PersonSummary } from '../../../../shared/api/people'
import type { Sex } from '../../../../shared/intake/labels'
import { maskIdNumber } from '../../../../shared/validation/idNumber'
import { maskPhone } from '../../../../shared/validation/phone'
import { daysBetween } from '../../../../shared/calendar/workCalendar'

export interface PersonRow {
  id: number
  name: string
  sex: Sex | null
  birth_date: string | null
  age: number | null
  age_recorded_on: string | null
  ethnicity: Person['ethnicity']
  phone: string | null
  id_number: string | null
  compound_id: number | null
  compound_name: string | null
  building: string | null
  unit: string | null
  room: string | null
  address_text: string | null
  notes: string | null
  created_at: string
  updated_at: string
  version: number
}

/** Full pinyin and initials, surnames read as surnames (单 shan, 曾 zeng). */
export function pinyinKeys(name: string): { name_pinyin: string; name_initials: string } {
  const options = { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' } as const
  const full = pinyin(name, options).join('')
  const initials = pinyin(name, { ...options, pattern: 'first' }).join('')
  return {
    name_pinyin: full.toLowerCase().replace(/[^a-z]/g, ''),
    name_initials: initials.toLowerCase().replace(/[^a-z]/g, ''),
  }
}

function withSuffix(value: string | null, suffix: string): string {
  if (!value) return ''
  return /^\d+$/.test(value) ? `${value}${suffix}` : value
}

export function addressOf(r: Pick<PersonRow, 'compound_name' | 'building' | 'unit' | 'room' | 'address_text'>): string {
  const inCompound = `${withSuffix(r.building, '栋')}${withSuffix(r.unit, '单元')}${withSuffix(r.room, '室')}`
  const parts = [r.compound_name ? `${r.compound_name}${inCompound}` : inCompound, r.address_text ?? '']
  return parts.filter(Boolean).join(' ')
}

export function ageOf(r: Pick<PersonRow, 'birth_date' | 'age' | 'age_recorded_on'>, today: string): number | null {
  if (r.birth_date) {
    const [y, m, d] = r.birth_date.split('-').map(Number) as [number, number, number]
    const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
    return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0)
  }
  if (r.age !== null && r.age_recorded_on) return r.age + Math.floor(daysBetween(r.age_recorded_on, today) / 365.25)
  return r.age
}

export function toSummary(r: PersonRow, today: string): PersonSummary {
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    age: ageOf(r, today),
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
    address: addressOf(r),
  }
}

export function toPerson(r: PersonRow, today: string): Person {
  return {
    ...toSummary(r, today),
    birthDate: r.birth_date,
    ethnicity: r.ethnicity,
    hasPhone: r.phone !== null,
    hasIdNumber: r.id_number !== null,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    building: r.building,
    unit: r.unit,
    room: r.room,
    addressText: r.address_text,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }
}

export function selectPersons(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return db('persons')
    .leftJoin('compounds', 'compounds.id', 'persons.compound_id')
    .select('persons.*', 'compounds.name as compound_name')
}
