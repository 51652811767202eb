/**
 * The filters a search can be narrowed by (dates, community, 未办结), per
 * kind, as SQL joined to each candidate hit. `f.key` is the hit's rowid; the
 * joins reach the record through its id (key minus the kind's base).
 * A kind a filter does not apply to is left out (`excluded`), as the contract
 * says: dates leave out people and conventions, openOnly leaves out visits,
 * people and notices.
 */
import { openStatuses } from '../../../shared/complaints/workflow'
import { addCalendarDays } from '../../../shared/calendar/workCalendar'
import type { SearchKind } from '../../../shared/api/search'
import type { Knex } from 'knex'
import { topOf } from './kinds'

export interface SearchFilters {
  dateFrom?: string | undefined
  dateTo?: string | undefined
  communityId?: number | undefined
  openOnly: boolean
}

export interface FilterSql {
  excluded: boolean
  /** Joins after the match source (CROSS JOIN keeps the match as the outer loop). */
  joins: string
  where: string[]
  bindings: (string | number)[]
}

export function hasFilters(f: SearchFilters): boolean {
  return Boolean(f.dateFrom || f.dateTo || f.communityId !== undefined || f.openOnly)
}

/** Visits are stamped as UTC instants; a local calendar day starts at local midnight. */
function startOfDay(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString()
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')

/** A mediation case's community: its 诉求's compound, else its first party's. */
const caseCommunity = `coalesce(
  (SELECT k.community_id FROM complaints c JOIN compounds k ON k.id = c.compound_id WHERE c.id = r.complaint_id),
  (SELECT k.community_id FROM mediation_parties mp JOIN persons p ON p.id = mp.person_id
     JOIN compounds k ON k.id = p.compound_id WHERE mp.case_id = r.id ORDER BY mp.position LIMIT 1))`

/** The compound ids of a community are listed once per query, not joined per candidate. */
function inCommunity(column: string): string {
  return `${column} IN (SELECT id FROM compounds WHERE community_id = ?)`
}

interface KindRule {
  table: string
  /** Extra joins to reach the place, if any. */
  placeJoin?: string
  /** The condition "in community ?" (one binding). */
  community: string
  /** Date column and whether it holds instants (UTC ISO) rather than local dates. */
  date: { column: string; instant: boolean } | null
  open: string | null
}

const rules: Record<SearchKind, KindRule> = {
  person: {
    table: 'persons',
    community: inCommunity('r.compound_id'),
    date: null,
    open: null,
  },
  visit: {
    table: 'visits',
    placeJoin: 'LEFT JOIN persons vp ON vp.id = r.person_id',
    community: inCommunity('vp.compound_id'),
    date: { column: 'r.visited_at', instant: true },
    open: null,
  },
  complaint: {
    table: 'complaints',
    community: inCommunity('r.compound_id'),
    date: { column: 'r.received_date', instant: false },
    open: `r.status IN (${list(openStatuses)})`,
  },
  mediation: {
    table: 'mediation_cases',
    community: `${caseCommunity} = ?`,
    date: { column: 'r.registered_on', instant: false },
    open: `r.status IN ('registered', 'accepted')`,
  },
  convention: {
    table: 'conventions',
    community: 'r.community_id = ?',
    date: null,
    open: `(r.status = 'drafting' OR r.working_version_id IS NOT NULL)`,
  },
  notice: {
    table: 'notices',
    community: 'r.community_id = ?',
    date: { column: 'r.issued_on', instant: false },
    open: null,
  },
}

export function tableOf(kind: SearchKind): string {
  return rules[kind].table
}

/** `code` is the rowid range the candidates come from (a mediation case's restricted part has its own). */
export function filterSql(kind: SearchKind, code: number, f: SearchFilters, alwaysJoin = false): FilterSql {
  const rule = rules[kind]
  const out: FilterSql = { excluded: false, joins: '', where: [], bindings: [] }
  const dated = Boolean(f.dateFrom || f.dateTo)
  if ((dated && !rule.date) || (f.openOnly && !rule.open)) return { ...out, excluded: true }
  if (!hasFilters(f) && !alwaysJoin) return out
  out.joins = `CROSS JOIN ${rule.table} r ON r.id = ${topOf(code)} - f.key`
  if (f.communityId !== undefined) {
    if (rule.placeJoin) out.joins += ` ${rule.placeJoin}`
    out.where.push(rule.community)
    out.bindings.push(f.communityId)
  }
  if (rule.date && f.dateFrom) {
    out.where.push(`${rule.date.column} >= ?`)
    out.bindings.push(rule.date.instant ? startOfDay(f.dateFrom) : f.dateFrom)
  }
  if (rule.date && f.dateTo) {
    out.where.push(rule.date.instant ? `${rule.date.column} < ?` : `${rule.date.column} <= ?`)
    out.bindings.push(rule.date.instant ? startOfDay(addCalendarDays(f.dateTo, 1)) : f.dateTo)
  }
  if (f.openOnly && rule.open) out.where.push(rule.open)
  return out
}

/** Date columns with an index, for idBounds: a date range becomes a range of record ids. */
const indexedDates: Partial<Record<SearchKind, { table: string; column: string; instant: boolean }>> = {
  visit: { table: 'visits', column: 'visited_at', instant: true },
  complaint: { table: 'complaints', column: 'received_date', instant: false },
  mediation: { table: 'mediation_cases', column: 'registered_on', instant: false },
}

/**
 * The lowest and highest id of the records of `kind` dated within the
 * filter, from the date index; null when there is no date filter or no such
 * index, [] when no record is in range. The text search then walks only that
 * stretch of the kind's rowids (本月 at a million rows: one month's matches,
 * not every match), and the exact date condition still applies.
 */
export async function idBounds(db: Knex, kind: SearchKind, f: SearchFilters): Promise<[number, number] | [] | null> {
  const d = indexedDates[kind]
  if (!d || !(f.dateFrom || f.dateTo)) return null
  const q = db(d.table)
  if (f.dateFrom) q.where(d.column, '>=', d.instant ? startOfDay(f.dateFrom) : f.dateFrom)
  if (f.dateTo) {
    if (d.instant) q.where(d.column, '<', startOfDay(addCalendarDays(f.dateTo, 1)))
    else q.where(d.column, '<=', f.dateTo)
  }
  const row = (await q.min({ lo: 'id' }).max({ hi: 'id' }).first()) as { lo: number | null; hi: number | null }
  return row.lo === null || row.hi === null ? [] : [Number(row.lo), Number(row.hi)]
}
