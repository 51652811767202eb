/**
 * The rows a batch of 诉求 becomes, computed the way the one-by-one path
 * computes them (registerComplaint, then complaints.act for a history row's
 * 受理 / 办结 / 回访), and written in chunks by statements prepared once on the
 * transaction's connection. Numbers come from number_sequences, taken once
 * per year for the whole batch, so they stay gapless after existing ones and
 * a rollback gives them back.
 *
 * A history row's steps happened in the past: 受理 is taken as the day of
 * receipt (old registers do not record it; the handling clock starts there),
 * 办结 on its 办结日期. Its timeline gets the same events, at the time of the
 * batch (when they were recorded), as the buttons would have written, with a
 * version counting them, so such a row cannot be told from one entered by hand.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { AnswerKind, ComplaintStatus, Satisfaction } from '../../../../shared/intake/labels'
import { answerKinds, complaintKinds, satisfactions, urgencies } from '../../../../shared/intake/labels'
import { acceptDueOf, handleDueOf } from '../../../../shared/complaints/clocks'
import { formatNumber } from '../../../../shared/complaints/numbering'
import { localDate, type WorkCalendar } from '../../../../shared/calendar/workCalendar'
import type { Ctx } from '../../context'
import type { BulkWriter } from '../../dataTransfer/bulk'
import { BATCH_ROWS } from '../../dataTransfer/bulk'
import { changeStamp, createStamp, nowIso, staffId } from '../rows'
import type { ComplaintContent } from './complaintRecords'
import { clockSettingsOf, loadWorkCalendar, readOptions } from './options'
import { takeInSequence } from './sequences'

/** The statuses an old register's row may have reached (登记 / 受理 / 办结). */
export const historyStatuses = ['registered', 'accepted', 'resolved'] as const
export type HistoryStatus = (typeof historyStatuses)[number]

export interface ComplaintHistory {
  status: HistoryStatus
  /** ISO instant of 办结 ('resolved' only, required there). */
  resolvedAt?: string | null
  result?: string | null
  answer?: AnswerKind | null
  /** The 回访's answer ('resolved' only); 不满意 reopens the matter as a follow-up would. */
  satisfaction?: Satisfaction | null
}

/** A 诉求 ready to write: its person already registered (or none). */
export interface ResolvedComplaint {
  /** For messages: the spreadsheet row or the draft's position (from 1). */
  row: number
  personId: number | null
  content: ComplaintContent
  /** ISO instant of receipt (登记时间). */
  receivedAt: string
  history?: ComplaintHistory | null
}

/** Who called back is not in old registers; the 回访 row says so rather than naming someone. */
export const historyFollowUpCaller = '未记录（历史登记）'

/** Allowed slack for a clock a little ahead of the server's (as the visit form allows). */
const FUTURE_SLACK_MS = 5 * 60_000

function refused(row: number, message: string, field: string): ApiError {
  return new ApiError('VALIDATION', `第${row}条诉求：${message}`, field)
}

export interface ComplaintRefs {
  /** Category id → archived or not. */
  categories: Map<number, boolean>
  compounds: Set<number>
}

export async function loadComplaintRefs(db: Knex | Knex.Transaction): Promise<ComplaintRefs> {
  const categories = (await db('complaint_categories').select('id', 'archived_at')) as {
    id: number
    archived_at: string | null
  }[]
  const compounds = (await db('compounds').select('id')) as { id: number }[]
  return {
    categories: new Map(categories.map((c) => [c.id, c.archived_at !== null])),
    compounds: new Set(compounds.map((c) => c.id)),
  }
}

/**
 * What the forms and the workflow would refuse, checked before anything is
 * written (the messages name the draft). `now` is the batch's clock.
 */
export function checkResolved(c: ResolvedComplaint, refs: ComplaintRefs, now: Date): void {
  const k = c.content
  if (!(complaintKinds as readonly string[]).includes(k.kind)) throw refused(c.row, '诉求类型不正确', 'kind')
  if (!(urgencies as readonly string[]).includes(k.urgency)) throw refused(c.row, '紧急程度不正确', 'urgency')
  if (typeof k.request !== 'string' || k.request.trim() === '') {
    throw refused(c.row, '请填写诉求请求（要求解决什么）', 'request')
  }
  const archived = refs.categories.get(k.categoryId)
  if (archived === undefined) throw refused(c.row, '所选诉求类别不存在', 'categoryId')
  if (archived) throw refused(c.row, '所选诉求类别已停用，请选择其他类别', 'categoryId')
  if (k.compoundId !== null && !refs.compounds.has(k.compoundId)) {
    throw refused(c.row, '所选小区不存在', 'compoundId')
  }
  const received = Date.parse(c.receivedAt)
  if (Number.isNaN(received)) throw refused(c.row, '登记时间不是有效的时间', 'receivedAt')
  if (received > now.getTime() + FUTURE_SLACK_MS) throw refused(c.row, '登记时间不能晚于现在', 'receivedAt')
  const h = c.history
  if (!h || h.status !== 'resolved') {
    if (h && (h.resolvedAt || h.result || h.answer || h.satisfaction)) {
      throw refused(c.row, '只有已办结的诉求才有办结日期、办理结果、答复类型和满意度', 'status')
    }
    return
  }
  if (!h.result || h.result.trim() === '') throw refused(c.row, '已办结的诉求请填写办理结果', 'result')
  if (!h.answer || !(answerKinds as readonly string[]).includes(h.answer)) {
    throw refused(c.row, '已办结的诉求请填写答复类型（支持/解释/不予支持）', 'answer')
  }
  if (h.satisfaction != null && !(satisfactions as readonly string[]).includes(h.satisfaction)) {
    throw refused(c.row, '满意度应为满意、基本满意或不满意', 'satisfaction')
  }
  const resolved = h.resolvedAt ? Date.parse(h.resolvedAt) : NaN
  if (Number.isNaN(resolved)) throw refused(c.row, '已办结的诉求请填写办结日期', 'resolvedAt')
  if (resolved > now.getTime() + FUTURE_SLACK_MS) throw refused(c.row, '办结日期不能晚于现在', 'resolvedAt')
  if (localDate(new Date(resolved)) < localDate(new Date(received))) {
    throw refused(c.row, '办结日期不能早于登记日期', 'resolvedAt')
  }
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += BATCH_ROWS) out.push(items.slice(i, i + BATCH_ROWS))
  return out
}

/** Per year, the first number of the batch: the counter is moved once per year by the whole count. */
async function takeNumbers(trx: Knex.Transaction, perYear: Map<number, number>): Promise<Map<number, number>> {
  const first = new Map<number, number>()
  for (const [year, count] of perYear) first.set(year, await takeInSequence(trx, `complaint:${year}`, count))
  return first
}

interface EventRow {
  action: string
  from: ComplaintStatus | null
  to: ComplaintStatus | null
  note: string | null
  detail: string
}

/** What one complaint row and its timeline hold beyond the content (clock, status, events). */
interface Computed {
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
function localDates(): (d: Date) => string {
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
function memo<T>(fn: (key: string) => T): (key: string) => T {
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

function computeRow(
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
function versionOf(events: readonly EventRow[]): number {
  return 1 + events.filter((e) => e.action !== 'register' && e.action !== 'reopen').length
}

const complaintColumns = [
  'number',
  'year',
  'seq',
  'visit_id',
  'person_id',
  'kind',
  'category_id',
  'urgency',
  'compound_id',
  'location_detail',
  'request',
  'facts',
  'reasons',
  'status',
  'received_at',
  'received_date',
  'accept_due',
  'accepted_at',
  'handle_due',
  'resolved_at',
  'resolved_on_time',
  'result',
  'answer',
  'due_date',
  'satisfaction',
  'owner_id',
  'updated_at',
  'updated_by',
  'created_at',
  'created_by',
  'version',
] as const

const eventColumns = ['complaint_id', 'at', 'staff_id', 'action', 'from_status', 'to_status', 'note', 'detail'] as const

const followUpColumns = ['complaint_id', 'date', 'caller', 'satisfaction', 'comment', 'at', 'staff_id'] as const

export interface WrittenComplaints {
  /** In the order of `items`. */
  ids: number[]
  numbers: string[]
}

/**
 * Writes checked complaints (see checkResolved) with numbers in the order
 * they were received. `progress` gets the count written after each chunk; it
 * may throw to cancel (the caller's transaction then rolls everything back).
 */
export async function insertComplaints(
  trx: Knex.Transaction,
  bulk: BulkWriter,
  ctx: Ctx,
  items: readonly ResolvedComplaint[],
  progress: (n: number) => Promise<void>,
): Promise<WrittenComplaints> {
  const ids: number[] = new Array<number>(items.length)
  const numbers: string[] = new Array<string>(items.length)
  if (items.length === 0) return { ids, numbers }

  const options = await readOptions(trx)
  const settings = clockSettingsOf(options)
  // Only a history row past 登记 runs the handling clock (working days under the workdays rule).
  const handled = items.some((c) => c.history && c.history.status !== 'registered')
  const calendar = handled ? await loadWorkCalendar(trx) : null
  const acceptDue = memo(acceptDueOf)
  const dayOf = localDates()

  // Numbered in the order they were received (the draft order breaks ties), per year of receipt.
  const years = items.map((c) => new Date(c.receivedAt).getFullYear())
  const order = items.map((_, i) => i)
  order.sort((a, b) => {
    const x = items[a]!.receivedAt
    const y = items[b]!.receivedAt
    return x < y ? -1 : x > y ? 1 : a - b
  })
  const perYear = new Map<number, number>()
  for (const y of years) perYear.set(y, (perYear.get(y) ?? 0) + 1)
  const next = await takeNumbers(trx, perYear)

  const owner = staffId(ctx)
  const stamp = { ...changeStamp(ctx), ...createStamp(ctx) }
  const now = nowIso(ctx)
  for (const chunk of batches(order)) {
    const computed = chunk.map((i) => computeRow(items[i]!, settings, calendar, acceptDue, dayOf))
    const rows = chunk.map((i, n) => {
      const c = items[i]!
      const k = c.content
      const r = computed[n]!
      const year = years[i]!
      const seq = next.get(year)!
      next.set(year, seq + 1)
      const number = formatNumber(options.numberPattern, year, seq)
      numbers[i] = number
      return [
        number,
        year,
        seq,
        null,
        c.personId,
        k.kind,
        k.categoryId,
        k.urgency,
        k.compoundId,
        k.locationDetail,
        k.request,
        k.facts,
        k.reasons,
        r.status,
        c.receivedAt,
        r.receivedDate,
        r.acceptDue,
        r.acceptedAt,
        r.handleDue,
        r.resolvedAt,
        r.resolvedOnTime,
        r.result,
        r.answer,
        r.dueDate,
        r.satisfaction,
        owner,
        stamp.updated_at,
        stamp.updated_by,
        stamp.created_at,
        stamp.created_by,
        versionOf(r.events),
      ]
    })
    const written = await bulk.insert('complaints', complaintColumns, rows)
    if (written.length !== chunk.length) throw new Error('complaint batch: the database returned too few ids')
    const events: unknown[][] = []
    const followUps: unknown[][] = []
    chunk.forEach((i, n) => {
      const id = written[n]!
      ids[i] = id
      const r = computed[n]!
      for (const e of r.events) events.push([id, now, owner, e.action, e.from, e.to, e.note, e.detail])
      if (r.followUp) {
        followUps.push([id, r.followUp.date, historyFollowUpCaller, r.followUp.satisfaction, null, now, owner])
      }
    })
    await bulk.insert('complaint_events', eventColumns, events)
    if (followUps.length > 0) await bulk.insert('complaint_followups', followUpColumns, followUps)
    await progress(chunk.length)
  }
  return { ids, numbers }
}
