/**
 * The 调解 case list's filter as the screen holds it and as the API takes
 * it. No store, no API client: the address-bar parser
 * (Mediation/filterQuery.ts) and the statistics drill-down tests use it
 * without a window.
 */
import type { ClockState } from '../../shared/intake/labels'
import type { DisputeType, MediationOutcome, MediationSource, MediationStatus } from '../../shared/mediation/labels'

export interface MediationFilters {
  query: string
  status: MediationStatus[]
  disputeType: DisputeType | undefined
  source: MediationSource | undefined
  year: number | undefined
  /** 调解结果, any of these. */
  outcome: MediationOutcome[]
  /** 登记日期 range (ISO dates), inclusive. */
  dateFrom: string | undefined
  dateTo: string | undefined
  communityId: number | undefined
  mine: boolean
  clock: ClockState | undefined
}

export function defaultMediationFilters(): MediationFilters {
  return {
    query: '',
    status: [],
    disputeType: undefined,
    source: undefined,
    year: undefined,
    outcome: [],
    dateFrom: undefined,
    dateTo: undefined,
    communityId: undefined,
    mine: false,
    clock: undefined,
  }
}

/** The filter as the API takes it: an empty search is left out so it does not filter. */
export function mediationFilterInput(f: MediationFilters) {
  return {
    query: f.query.trim() || undefined,
    status: [...f.status],
    disputeType: f.disputeType,
    source: f.source,
    year: f.year,
    outcome: [...f.outcome],
    dateFrom: f.dateFrom,
    dateTo: f.dateTo,
    communityId: f.communityId,
    mine: f.mine,
    clock: f.clock,
  }
}
