/**
 * What a batch row holds beyond its content, worked out the way the
 * one-by-one path does it (registerComplaint, then complaints.act for a
 * history row's 受理 / 办结 / 回访): status, clocks and due dates, and the
 * timeline events with the version counting them.
 *
 * A history row's steps happened in the past: 受理 is taken as the day of
 * receipt (old registers do not record it; the handling clock starts there),
 * 办结 on its 办结日期. Its timeline gets the same events as the buttons
 * would have written (stamped by the writer at the time of the batch, when
 * they were recorded), so such a row cannot be told from one entered by hand.
 */
import type { AnswerKind, ComplaintStatus, Satisfaction } from '../../../../shared/intake/labels'
import { handleDueOf } from '../../../../shared/complaints/clocks'
import { localDate, type WorkCalendar } from '../../../../shared/calendar/workCalendar'
import type { ResolvedComplaint } from './complaintBatchCheck'
import type { clockSettingsOf } from './options'

/** Who called back is not in old registers; the 回访 row says so rather than naming someone. */
export const historyFollowUpCaller = '未记录（历史登记）'

export interface EventRow {
  action: string
  from: ComplaintStatus | null
  to: ComplaintStatus | null
  note: string | null
  detail: string
}

/** What one complaint row and its timeline hold beyond the content (clock, status, events). */
export interface Computed {
  status: ComplaintStatus
  receivedDate: string
  acceptDue: string
  acceptedAt: string | null
  handleDue: string | null
  resolvedAt: string | null
  resolvedOnTime: number | null
  result: string | null
  answer: AnswerKind | null
  dueDate: string | null
  satisfaction: Satisfaction | null
  events: EventRow[]
  followUp: { date: string; satisfaction: Satisfaction } | null
}

const REGISTER: EventRow = { action: 'register', from: null, to: 'registered', note: null, detail: '{}' }

/**
 * localDate for many instants: a batch spans few days, and date-fns'
 * format costs about as much as the rest of a row. The day is looked up by
 * its local calendar fields and formatted by localDate once per day.
 */
export function localDates(): (d: Date) => string {
  const cache = new Map<number, string>()
  return (d) => {
    const key = d.getFullYear() * 10_000 + d.getMonth() * 100 + d.getDate()
    let v = cache.get(key)
    if (v === undefined) {
      v = localDate(d)
      cache.set(key, v)
    }
    return v
  }
}

/** Dates repeat a lot in a batch: each distinct one is worked out once. */
export function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>()
  return (key) => {
    let v = cache.get(key)
    if (v === undefined) {
      v = fn(key)
      cache.set(key, v)
    }
    return v
  }
}

/**
 * One row's status, clocks and events. The calendar is needed only past 登记
 * (the handling clock); `acceptDue` and `dayOf` are shared by the whole batch
 * so each distinct date is worked out once.
 */
export function computeRow(
  c: ResolvedComplaint,
  settings: ReturnType<typeof clockSettingsOf>,
  calendar: WorkCalendar | null,
  acceptDue: (date: string) => string,
  dayOf: (d: Date) => string,
): Computed {
  const receivedDate = dayOf(new Date(c.receivedAt))
  const out: Computed = {
    status: 'registered',
    receivedDate,
    acceptDue: acceptDue(receivedDate),
    acceptedAt: null,
    handleDue: null,
    resolvedAt: null,
    resolvedOnTime: null,
    result: null,
    answer: null,
    dueDate: null,
    satisfaction: null,
    events: [REGISTER],
    followUp: null,
  }
  out.dueDate = out.acceptDue
  const h = c.history
  if (!h || h.status === 'registered') return out

  // 受理 on the day of receipt: the handling clock starts there (complaints.act 'accept').
  out.status = 'accepted'
  out.acceptedAt = c.receivedAt
  out.handleDue = handleDueOf(settings, calendar!, c.content.kind, c.content.urgency, receivedDate)
  out.dueDate = out.handleDue
  out.events.push({
    action: 'accept',
    from: 'registered',
    to: 'accepted',
    note: null,
    detail: JSON.stringify({ handleDue: out.handleDue, clockMode: settings.mode }),
  })
  if (h.status === 'accepted') return out

  // 办结 ('resolve'): on time when its day is not after the handling due date.
  const resolvedAt = new Date(h.resolvedAt!).toISOString()
  const resolvedDate = dayOf(new Date(resolvedAt))
  out.status = 'resolved'
  out.resolvedAt = resolvedAt
  out.resolvedOnTime = resolvedDate <= out.handleDue ? 1 : 0
  out.result = h.result!
  out.answer = h.answer!
  out.dueDate = null
  out.events.push({
    action: 'resolve',
    from: 'accepted',
    to: 'resolved',
    note: h.result!,
    detail: JSON.stringify({ answer: h.answer }),
  })
  if (!h.satisfaction) return out

  // 回访 on the day of 办结, as 'follow_up' does: 不满意 sends it back to 办理中 on its handling clock.
  out.followUp = { date: resolvedDate, satisfaction: h.satisfaction }
  out.satisfaction = h.satisfaction
  const detail = JSON.stringify({ date: resolvedDate, caller: historyFollowUpCaller, satisfaction: h.satisfaction })
  if (h.satisfaction === 'unsatisfied') {
    out.status = 'in_progress'
    out.resolvedAt = null
    out.resolvedOnTime = null
    out.dueDate = out.handleDue
    out.events.push({ action: 'follow_up', from: 'resolved', to: 'resolved', note: null, detail })
    out.events.push({
      action: 'reopen',
      from: 'resolved',
      to: 'in_progress',
      note: '回访不满意，重新办理',
      detail: '{}',
    })
  } else {
    out.status = 'followed_up'
    out.events.push({ action: 'follow_up', from: 'resolved', to: 'followed_up', note: null, detail })
  }
  return out
}

/** The version a row has after its steps: one per workflow action (a reopen is part of its follow-up). */
export function versionOf(events: readonly EventRow[]): number {
  return 1 + events.filter((e) => e.action !== 'register' && e.action !== 'reopen').length
}
