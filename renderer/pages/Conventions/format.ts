/** Dates, times and version names as the convention screens write them. */
import { format } from 'date-fns'
import { localDate } from '../../../shared/calendar/workCalendar'

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : format(d, 'yyyy-MM-dd HH:mm')
}

export function today(): string {
  return localDate(new Date())
}

/** 第2版 */
export function versionName(n: number): string {
  return `第${n}版`
}

/**
 * The default title of a new convention, the way the wall copy names it:
 * 《红光小区居民公约》, 《迎春花园小区居民公约》, 《迎春社区居民公约》.
 */
export function defaultTitle(placeName: string | undefined, scope: 'community' | 'compound'): string {
  if (!placeName) return ''
  const named = scope === 'compound' && !/(小区|片区|新村|社区)$/.test(placeName) ? `${placeName}小区` : placeName
  return `《${named}居民公约》`
}
