/**
 * The 诉求 list's filter as the screen holds it and as the API takes it.
 * No store, no API client: the address-bar parser (Complaints/filterQuery.ts)
 * and the statistics drill-down tests use it without a window.
 */
import type { ClockState, ComplaintKind, ComplaintStatus } from '../../shared/intake/labels'

export type ComplaintSort = 'receivedAt' | 'dueDate' | 'number'
export type SortOrder = 'asc' | 'desc'

export interface ComplaintFilters {
  query: string
  status: ComplaintStatus[]
  kind: ComplaintKind | undefined
  categoryId: number | undefined
  communityId: number | undefined
  compoundId: number | undefined
  /** 诉求 with no compound (未填小区); never together with a community. */
  compoundMissing: boolean
  unitId: number | undefined
  /** 诉求 not handed to a unit (未交办). */
  unitMissing: boolean
  /** Leave out 已合并, as the statistics do. */
  excludeMerged: boolean
  /** Only those with a result (the statistics' 办结量). */
  resolved: boolean
  assignee: string
  dateFrom: string | undefined
  dateTo: string | undefined
  clock: ClockState | undefined
  sort: ComplaintSort
  order: SortOrder
}

export function defaultFilters(): ComplaintFilters {
  return {
    query: '',
    status: [],
    kind: undefined,
    categoryId: undefined,
    communityId: undefined,
    compoundId: undefined,
    compoundMissing: false,
    unitId: undefined,
    unitMissing: false,
    excludeMerged: false,
    resolved: false,
    assignee: '',
    dateFrom: undefined,
    dateTo: undefined,
    clock: undefined,
    sort: 'receivedAt',
    order: 'desc',
  }
}

/** The filter as the API takes it: empty texts left out so they do not filter. */
export function filterInput(f: ComplaintFilters) {
  return {
    query: f.query.trim() || undefined,
    status: [...f.status],
    kind: f.kind,
    categoryId: f.categoryId,
    communityId: f.communityId,
    compoundId: f.compoundId,
    compoundMissing: f.compoundMissing || undefined,
    unitId: f.unitId,
    unitMissing: f.unitMissing || undefined,
    excludeMerged: f.excludeMerged || undefined,
    resolved: f.resolved || undefined,
    assignee: f.assignee.trim() || undefined,
    dateFrom: f.dateFrom,
    dateTo: f.dateTo,
    clock: f.clock,
    sort: f.sort,
    order: f.order,
  }
}
