/**
 * The case list's filter in the address bar (#/mediation?mine=1&clock=overdue),
 * so the 工作台 can link to a ready-made view and 返回 from a case lands on
 * the same page. Anything that does not parse is dropped, never guessed.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { clockStates } from '../../../shared/intake/labels'
import { disputeTypes, mediationSources, mediationStatuses } from '../../../shared/mediation/labels'
import { defaultMediationFilters, type MediationFilters } from '../../stores/mediation'

function one(q: LocationQuery, key: string): string | undefined {
  const v = q[key]
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s !== '' ? s : undefined
}

function oneOf<T extends string>(list: readonly T[], s: string | undefined): T | undefined {
  return s !== undefined && (list as readonly string[]).includes(s) ? (s as T) : undefined
}

function intIn(s: string | undefined, min: number, max: number): number | undefined {
  const n = Number(s)
  return s !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : undefined
}

export function hasFilterQuery(q: LocationQuery): boolean {
  return Object.keys(q).length > 0
}

export function filtersFromQuery(q: LocationQuery): { filters: MediationFilters; page: number } {
  const f = defaultMediationFilters()
  f.query = one(q, 'q') ?? ''
  f.status = (one(q, 'status') ?? '')
    .split(',')
    .map((s) => oneOf(mediationStatuses, s))
    .filter((s) => s !== undefined)
  f.disputeType = oneOf(disputeTypes, one(q, 'type'))
  f.source = oneOf(mediationSources, one(q, 'source'))
  f.year = intIn(one(q, 'year'), 2000, 2100)
  f.mine = one(q, 'mine') === '1'
  f.clock = oneOf(clockStates, one(q, 'clock'))
  return { filters: f, page: intIn(one(q, 'page'), 1, 100000) ?? 1 }
}

export function queryFromFilters(f: MediationFilters, page: number): LocationQueryRaw {
  const q: Record<string, string> = {}
  if (f.query.trim()) q.q = f.query.trim()
  if (f.status.length) q.status = f.status.join(',')
  if (f.disputeType) q.type = f.disputeType
  if (f.source) q.source = f.source
  if (f.year) q.year = String(f.year)
  if (f.mine) q.mine = '1'
  if (f.clock) q.clock = f.clock
  if (page > 1) q.page = String(page)
  return q
}
