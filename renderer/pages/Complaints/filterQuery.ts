/**
 * The list's filter in the address bar (#/complaints?clock=overdue&status=…),
 * so the 工作台 and the 统计报表 can link to a ready-made view and 返回 from a
 * 诉求 lands on the same page. compound=none / unit=none ask for 诉求 without
 * one; merged=exclude leaves out 已合并 as the statistics do; resolved=1
 * keeps those with a result (the statistics' 办结量). Anything that does not parse is dropped, never guessed.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { clockStates, complaintKinds, complaintStatuses } from '../../../shared/intake/labels'
import { isIsoDate } from '../../../shared/calendar/workCalendar'
import { defaultFilters, type ComplaintFilters, type ComplaintSort } from '../../stores/complaintFilters'

const sorts: readonly ComplaintSort[] = ['receivedAt', 'dueDate', 'number']

/** The value of `compound` / `unit` that asks for 诉求 without one (未填小区, 未交办). */
export const none = 'none'

function one(q: LocationQuery, key: string): string | undefined {
  const v = q[key]
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s !== '' ? s : undefined
}

function positiveInt(s: string | undefined): number | undefined {
  const n = Number(s)
  return s !== undefined && Number.isInteger(n) && n > 0 ? n : undefined
}

function oneOf<T extends string>(list: readonly T[], s: string | undefined): T | undefined {
  return s !== undefined && (list as readonly string[]).includes(s) ? (s as T) : undefined
}

export function hasFilterQuery(q: LocationQuery): boolean {
  return Object.keys(q).length > 0
}

export function filtersFromQuery(q: LocationQuery): { filters: ComplaintFilters; page: number } {
  const f = defaultFilters()
  f.query = one(q, 'q') ?? ''
  f.status = (one(q, 'status') ?? '')
    .split(',')
    .map((s) => oneOf(complaintStatuses, s))
    .filter((s) => s !== undefined)
  f.kind = oneOf(complaintKinds, one(q, 'kind'))
  f.categoryId = positiveInt(one(q, 'category'))
  f.communityId = positiveInt(one(q, 'community'))
  f.compoundId = f.communityId ? positiveInt(one(q, 'compound')) : undefined
  // compound=none: 诉求 with no compound, which belong to no community either.
  f.compoundMissing = !f.communityId && one(q, 'compound') === none
  f.unitId = positiveInt(one(q, 'unit'))
  f.unitMissing = one(q, 'unit') === none
  f.excludeMerged = one(q, 'merged') === 'exclude'
  if (f.excludeMerged) f.status = f.status.filter((s) => s !== 'merged')
  f.resolved = one(q, 'resolved') === '1'
  f.assignee = one(q, 'assignee') ?? ''
  const from = one(q, 'from')
  const to = one(q, 'to')
  f.dateFrom = from && isIsoDate(from) ? from : undefined
  f.dateTo = to && isIsoDate(to) ? to : undefined
  f.clock = oneOf(clockStates, one(q, 'clock'))
  f.sort = oneOf(sorts, one(q, 'sort')) ?? f.sort
  f.order = oneOf(['asc', 'desc'] as const, one(q, 'order')) ?? f.order
  return { filters: f, page: positiveInt(one(q, 'page')) ?? 1 }
}

export function queryFromFilters(f: ComplaintFilters, page: number): LocationQueryRaw {
  const d = defaultFilters()
  const q: Record<string, string> = {}
  if (f.query.trim()) q.q = f.query.trim()
  if (f.status.length) q.status = f.status.join(',')
  if (f.kind) q.kind = f.kind
  if (f.categoryId) q.category = String(f.categoryId)
  if (f.communityId) q.community = String(f.communityId)
  if (f.compoundId) q.compound = String(f.compoundId)
  if (f.compoundMissing && !f.communityId) q.compound = none
  if (f.unitId) q.unit = String(f.unitId)
  if (f.unitMissing && !f.unitId) q.unit = none
  if (f.excludeMerged) q.merged = 'exclude'
  if (f.resolved) q.resolved = '1'
  if (f.assignee.trim()) q.assignee = f.assignee.trim()
  if (f.dateFrom) q.from = f.dateFrom
  if (f.dateTo) q.to = f.dateTo
  if (f.clock) q.clock = f.clock
  if (f.sort !== d.sort) q.sort = f.sort
  if (f.order !== d.order) q.order = f.order
  if (page > 1) q.page = String(page)
  return q
}
