/**
 * The mediation clock (人民调解工作若干规定: generally concluded within one
 * month of acceptance; longer only with both parties' consent). Dates are
 * calendar dates, YYYY-MM-DD; one month is the same day of the next month,
 * or its last day when that month is shorter (1月31日 → 2月28日).
 */
import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns'
import type { ClockState } from '../intake/labels'

export const mediationClock = {
  /** Cases due within this many days show 即将到期 and reach the 工作台. */
  dueSoonDays: 7,
  /** Default days after an agreement takes effect to apply for 司法确认 (setting). */
  judicialConfirmDays: 30,
  /** A 未履行 follow-up schedules the next one this many days later unless told otherwise. */
  nextFollowUpDays: 15,
} as const

export function mediationDueDate(acceptedOn: string): string {
  return format(addMonths(parseISO(acceptedOn), 1), 'yyyy-MM-dd')
}

export function plusDays(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd')
}

export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from))
}

/** The clock of a case still in mediation; null once an outcome is recorded. */
export function mediationClockState(dueDate: string | null, today: string, running: boolean): ClockState | null {
  if (!running || !dueDate) return null
  const left = daysBetween(today, dueDate)
  if (left < 0) return 'overdue'
  if (left <= mediationClock.dueSoonDays) return 'due_soon'
  return 'ok'
}
