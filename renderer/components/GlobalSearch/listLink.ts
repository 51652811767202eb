/**
 * 显示全部 for a group: the list page with the same search, where a list
 * page can say exactly the same thing (诉求 by text, date and community;
 * 调解案件 by text alone). Otherwise null, and the dialog shows more of the
 * group itself. Pinyin and number matches stay in the dialog: the lists
 * search by plain text, so they would not find the same records.
 */
import type { LocationQueryRaw } from 'vue-router'
import type { SearchGroup } from '../../../shared/api/search'
import { monthRange, type SearchChips } from './searchFilters'

export interface ListTarget {
  path: string
  query: LocationQueryRaw
  /** Where it goes, for the button's accessible name. */
  label: string
}

export function listLink(group: SearchGroup, query: string, chips: SearchChips): ListTarget | null {
  if (group.hits.some((h) => h.matchedBy !== 'text')) return null
  // The lists' 未办结 is a set of statuses of their own; search decides it in core. Stay in the dialog.
  if (chips.openOnly) return null
  if (group.kind === 'complaint') {
    const q: Record<string, string> = { q: query }
    if (chips.thisMonth) {
      const { dateFrom, dateTo } = monthRange()
      q.from = dateFrom
      q.to = dateTo
    }
    if (chips.communityId) q.community = String(chips.communityId)
    return { path: '/complaints', query: q, label: '诉求办理列表' }
  }
  if (group.kind === 'mediation' && !chips.thisMonth && !chips.communityId) {
    return { path: '/mediation', query: { q: query }, label: '调解案件列表' }
  }
  return null
}
