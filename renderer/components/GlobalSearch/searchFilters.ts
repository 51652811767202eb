/**
 * The chips under the search box (本月, a community, 未办结) and how they
 * become the contract's dateFrom/dateTo/communityId/openOnly.
 */
import type { SearchInput } from '../../../shared/api/search'

export interface SearchChips {
  thisMonth: boolean
  communityId: number | undefined
  openOnly: boolean
}

export const noChips = (): SearchChips => ({ thisMonth: false, communityId: undefined, openOnly: false })

const pad = (n: number) => String(n).padStart(2, '0')

/** The calendar month containing `now`, as local YYYY-MM-DD (the desk's month, not UTC's). */
export function monthRange(now = new Date()): { dateFrom: string; dateTo: string } {
  const y = now.getFullYear()
  const m = now.getMonth()
  const lastDay = new Date(y, m + 1, 0).getDate()
  return { dateFrom: `${y}-${pad(m + 1)}-01`, dateTo: `${y}-${pad(m + 1)}-${pad(lastDay)}` }
}

export function chipsToInput(
  chips: SearchChips,
): Pick<SearchInput, 'dateFrom' | 'dateTo' | 'communityId' | 'openOnly'> {
  return {
    ...(chips.thisMonth ? monthRange() : {}),
    ...(chips.communityId ? { communityId: chips.communityId } : {}),
    openOnly: chips.openOnly,
  }
}

export function anyChip(chips: SearchChips): boolean {
  return chips.thisMonth || chips.communityId !== undefined || chips.openOnly
}
