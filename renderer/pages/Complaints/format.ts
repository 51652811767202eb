/** Dates and times as the desk writes them: 2026-03-01 14:05, in the desk's own time zone. */
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
