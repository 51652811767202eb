/**
 * Where a click on a bar leads: the 诉求 list filtered to exactly that bar
 * (the period's dates plus the bar's kind, category, community, compound or
 * unit), or the 调解 list for a dispute type. The query names are the ones
 * the lists read (Complaints/filterQuery.ts, Mediation/filterQuery.ts).
 */
import type { RouteLocationRaw } from 'vue-router'
import type { ComplaintDimension } from '../../../shared/api/stats'

export interface ComplaintDrill {
  dimension: ComplaintDimension | 'period'
  /** The bar's key (kind code or an id); null = 未填/未交办, which no list filter can select. */
  key: string | number | null
  dateFrom: string
  dateTo: string
  /** The community the figures are limited to, if any. */
  communityId: number | undefined
  /** For a compound bar: the community it belongs to (the list filters a compound within its community). */
  compoundCommunityId?: number
}

const param: Record<Exclude<ComplaintDimension, 'community' | 'compound'>, string> = {
  kind: 'kind',
  category: 'category',
  unit: 'unit',
}

/** Null when the bar cannot be listed (the 未填 bar). */
export function complaintListLocation(d: ComplaintDrill): RouteLocationRaw | null {
  const query: Record<string, string> = { from: d.dateFrom, to: d.dateTo }
  if (d.communityId) query.community = String(d.communityId)
  if (d.dimension === 'period') return { path: '/complaints', query }
  if (d.key === null) return null
  if (d.dimension === 'community') query.community = String(d.key)
  else if (d.dimension === 'compound') {
    const community = d.compoundCommunityId ?? d.communityId
    if (!community) return null
    query.community = String(community)
    query.compound = String(d.key)
  } else query[param[d.dimension]] = String(d.key)
  return { path: '/complaints', query }
}

export function mediationListLocation(disputeType: string, year: number): RouteLocationRaw {
  return { path: '/mediation', query: { type: disputeType, year: String(year) } }
}
