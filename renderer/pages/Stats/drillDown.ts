/**
 * Where a click on a bar leads: the list filtered to exactly what the bar
 * counts. For 诉求: the period's dates, 不含已合并 (every figure leaves merged
 * 诉求 out, see shared/api/stats.ts) and the bar's kind, category,
 * community, compound or unit; the 未填 bars by compound or community open
 * 诉求 with no compound, the 未交办 bar those with no unit; a 办结量 bar only
 * those with a result. For 调解: the dispute type and the period's 登记日期,
 * in the community if one is chosen; a 调解成功 bar only the cases that
 * reached an agreement.
 * The query names are the ones the lists read (Complaints/filterQuery.ts,
 * Mediation/filterQuery.ts).
 */
import type { RouteLocationRaw } from 'vue-router'
import type { ComplaintDimension } from '../../../shared/api/stats'
import { openStatuses } from '../../../shared/complaints/workflow'
import { none } from '../Complaints/filterQuery'

/**
 * Which figure was clicked: 登记量 (the cohort), 办结量 (those of it with a
 * result) or 超期 (those of it open and past their due date; the 超期 card).
 */
export type DrillFigure = 'received' | 'resolved' | 'overdue'

export interface ComplaintDrill {
  dimension: ComplaintDimension | 'period'
  /** The bar's key (kind code or an id); null = 未填 (compound, community) or 未交办 (unit). */
  key: string | number | null
  dateFrom: string
  dateTo: string
  /** The community the figures are limited to, if any. */
  communityId: number | undefined
  /** For a compound bar: the community it belongs to (the list filters a compound within its community). */
  compoundCommunityId?: number
  /** 办结量 adds resolved=1, 超期 the open statuses and clock=overdue; 登记量 (the default) lists the whole bar. */
  figure?: DrillFigure
}

const param: Record<Exclude<ComplaintDimension, 'community' | 'compound'>, string> = {
  kind: 'kind',
  category: 'category',
  unit: 'unit',
}

/** Null when no list filter selects the bar (a kind or category without a key, which the data never has). */
export function complaintListLocation(d: ComplaintDrill): RouteLocationRaw | null {
  const query: Record<string, string> = { from: d.dateFrom, to: d.dateTo, merged: 'exclude' }
  if (d.figure === 'resolved') query.resolved = '1'
  if (d.figure === 'overdue') {
    query.status = openStatuses.join(',')
    query.clock = 'overdue'
  }
  if (d.communityId) query.community = String(d.communityId)
  if (d.dimension === 'period') return { path: '/complaints', query }
  if (d.key === null) {
    if (d.dimension === 'compound' || d.dimension === 'community') {
      // No compound means no community either: the list refuses both at once.
      delete query.community
      query.compound = none
    } else if (d.dimension === 'unit') query.unit = none
    else return null
    return { path: '/complaints', query }
  }
  if (d.dimension === 'community') query.community = String(d.key)
  else if (d.dimension === 'compound') {
    const community = d.compoundCommunityId ?? d.communityId
    if (!community) return null
    query.community = String(community)
    query.compound = String(d.key)
  } else query[param[d.dimension]] = String(d.key)
  return { path: '/complaints', query }
}

export interface MediationDrill {
  /** Absent: every type (a figure card rather than a bar). */
  disputeType?: string
  dateFrom: string
  dateTo: string
  communityId: number | undefined
  /** 调解成功: only the cases that ended in a written or oral agreement; 已结案件: any outcome. */
  only?: 'succeeded' | 'concluded'
}

/** The outcomes of the statistics' 调解成功 and 已结案件. */
const outcomesOf = {
  succeeded: ['written_agreement', 'oral_agreement'],
  concluded: ['written_agreement', 'oral_agreement', 'failed', 'terminated'],
} as const

/** The cases (of one dispute type) registered in the period, as the statistics count them. */
export function mediationListLocation(d: MediationDrill): RouteLocationRaw {
  const query: Record<string, string> = { from: d.dateFrom, to: d.dateTo }
  if (d.disputeType) query.type = d.disputeType
  if (d.only) query.outcome = outcomesOf[d.only].join(',')
  if (d.communityId) query.community = String(d.communityId)
  return { path: '/mediation', query }
}
