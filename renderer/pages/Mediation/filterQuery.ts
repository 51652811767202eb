/**
 * The case list's filter in the address bar (#/mediation?mine=1&clock=overdue),
 * so the 工作台 and the 统计报表 (type, outcome, from/to 登记日期, community) can
 * link to a ready-made view and 返回 from a case lands on the same page.
 * Anything that does not parse is dropped, never guessed.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { clockStates } from '../../../shared/intake/labels'
import { isIsoDate } from '../../../shared/calendar/workCalendar'
import { disputeTypes, mediationOutcomes, mediationSources, mediationStatuses } from '../../../shared/mediation/labels'
import { defaultMediationFilters, type MediationFilters } from '../../stores/mediationFilters'

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
  f.outcome = (one(q, 'outcome') ?? '')
    .split(',')
    .map((s) => oneOf(mediationOutcomes, s))
    .filter((s) => s !== undefined)
  const from = one(q, 'from')
  const to = one(q, 'to')
  f.dateFrom = from && isIsoDate(from) ? from : undefined
  f.dateTo = to && isIsoDate(to) ? to : undefined
  f.communityId = intIn(one(q, 'community'), 1, Number.MAX_SAFE_INTEGER)
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
  if (f.outcome.length) q.outcome = f.outcome.join(',')
  if (f.dateFrom) q.from = f.dateFrom
  if (f.dateTo) q.to = f.dateTo
  if (f.communityId) q.community = String(f.communityId)
  if (f.mine) q.mine = '1'
  if (f.clock) q.clock = f.clock
  if (page > 1) q.page = String(page)
  return q
}
