/**
 * The 来访人 list for export: there is no paged people list on screen (the
 * desk finds people by search), so its filters are the search's own rule
 * (digits: phone or ID number; letters: pinyin; else the name) plus 社区 and
 * 小区. Anonymised people are left out unless asked for; numbers are masked.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type { PersonSummary } from '../../../shared/api/people'
import type { ExportListParsed } from '../../../shared/api/dataTransfer'
import { localDate } from '../../../shared/calendar/workCalendar'
import type { Ctx } from '../context'
import { likePattern } from '../services/rows'
import { selectPersons, toPerson, type PersonRow } from '../services/intake/personRows'

type Filters = Extract<ExportListParsed, { list: 'people' }>['filters']

export interface ExportedPerson extends PersonSummary {
  birthDate: string | null
  ethnicity: string | null
  notes: string | null
  createdAt: string
  visits: number
  lastVisitAt: string | null
}

function filtered(db: Knex, filters: Filters): Knex.QueryBuilder {
  const q = selectPersons(db)
  if (!filters.includeAnonymised) q.whereNull('persons.anonymised_at')
  if (filters.compoundId) q.where('persons.compound_id', filters.compoundId)
  if (filters.communityId) q.where('compounds.community_id', filters.communityId)
  const text = filters.query
  if (text) {
    const plain = text.replace(/[\s-]/g, '')
    if (/^\+?\d+[xX]?$/.test(plain)) {
      const digits = plain.replace(/^\+86/, '').toUpperCase()
      q.where((w) =>
        w
          .whereRaw(`replace(persons.phone, '-', '') LIKE ? ESCAPE '\\'`, [likePattern(digits)])
          .orWhere('persons.id_number', 'like', `${digits}%`),
      )
    } else if (/^[a-zA-Z]+$/.test(plain)) {
      const letters = plain.toLowerCase()
      q.where((w) =>
        w.where('persons.name_pinyin', 'like', `${letters}%`).orWhere('persons.name_initials', 'like', `${letters}%`),
      )
    } else {
      q.whereRaw(`persons.name LIKE ? ESCAPE '\\'`, [likePattern(text)])
    }
  }
  return q
}

export async function exportPeople(db: Knex, ctx: Ctx, filters: Filters, max: number): Promise<ExportedPerson[]> {
  const counted = (await filtered(db, filters).clearSelect().count({ n: '*' }).first()) as { n: number }
  if (Number(counted.n) > max) {
    throw new ApiError('VALIDATION', `符合条件的来访人有${counted.n}人，超过${max}人，请增加筛选条件后再导出`)
  }
  const rows = (await filtered(db, filters)
    .select(
      db.raw('(SELECT count(*) FROM visits WHERE visits.person_id = persons.id) AS visit_count'),
      db.raw('(SELECT max(visited_at) FROM visits WHERE visits.person_id = persons.id) AS last_visit_at'),
    )
    .orderBy('persons.id')) as (PersonRow & { visit_count: number; last_visit_at: string | null })[]
  const today = localDate(ctx.clock.now())
  return rows.map((r) => {
    const p = toPerson(r, today)
    return {
      id: p.id,
      name: p.name,
      sex: p.sex,
      age: p.age,
      phoneMasked: p.phoneMasked,
      idNumberMasked: p.idNumberMasked,
      address: p.address,
      birthDate: p.birthDate,
      ethnicity: p.ethnicity,
      notes: p.notes,
      createdAt: p.createdAt,
      visits: Number(r.visit_count),
      lastVisitAt: r.last_visit_at,
    }
  })
}
