/**
 * The clocks a 诉求 runs against.
 *
 * 信访工作条例 (2022), calendar days: decide on acceptance within 15 days of
 * receipt; handle within 60 days of acceptance; one extension of at most 30
 * days. The alternative many hotlines use counts working days per kind (e.g.
 * 3 for 咨询/求助, 13 for 投诉/建议; 紧急 the same working day). Acceptance is
 * always the statutory 15 days: the local rules shorten handling, not the
 * legal duty to answer.
 */
import type { ClockMode, ClockState, ComplaintKind, ComplaintStatus, Urgency } from '../intake/labels'
import { addCalendarDays, addWorkdays, daysBetween, type WorkCalendar } from '../calendar/workCalendar'

export const statutory = { acceptDays: 15, handleDays: 60, maxExtensionDays: 30, reviewRequestDays: 30 } as const

/** How close (calendar days, inclusive) a due date must be to count as 即将到期. */
export const dueSoonDays = 3

export interface ClockSettings {
  mode: ClockMode
  /** Working days to handle, per kind, when `mode` is 'workdays'. */
  workdays: Record<ComplaintKind, number>
}

export const defaultClockSettings: ClockSettings = {
  mode: 'statutory',
  workdays: { inquiry: 3, help: 3, complaint: 13, suggestion: 13 },
}

export function acceptDueOf(receivedDate: string): string {
  return addCalendarDays(receivedDate, statutory.acceptDays)
}

export function handleDueOf(
  settings: ClockSettings,
  calendar: WorkCalendar,
  kind: ComplaintKind,
  urgency: Urgency,
  acceptedDate: string,
): string {
  if (settings.mode === 'statutory') return addCalendarDays(acceptedDate, statutory.handleDays)
  return addWorkdays(calendar, acceptedDate, urgency === 'urgent' ? 0 : settings.workdays[kind])
}

/** Which due date is running in a status, if any. */
export function runningClock(status: ComplaintStatus): 'accept' | 'handle' | null {
  if (status === 'registered') return 'accept'
  if (status === 'accepted' || status === 'assigned' || status === 'in_progress') return 'handle'
  return null
}

export function clockStateOf(due: string | null, today: string): ClockState | null {
  if (!due) return null
  const left = daysBetween(today, due)
  if (left < 0) return 'overdue'
  return left <= dueSoonDays ? 'due_soon' : 'ok'
}

/** "还剩3天" / "今天到期" / "已超期2天", for badges and the 工作台. */
export function dueText(due: string, today: string): string {
  const left = daysBetween(today, due)
  if (left > 0) return `还剩${left}天`
  if (left === 0) return '今天到期'
  return `已超期${-left}天`
}
