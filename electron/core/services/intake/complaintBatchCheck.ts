/**
 * What a batch of 诉求 brings (a draft with its person already registered,
 * and for an old register's row the status it reached), and the checks that
 * refuse a draft the forms and the workflow would refuse — all made before
 * anything is written, with messages naming the draft (第N条诉求：…).
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { AnswerKind, Satisfaction } from '../../../../shared/intake/labels'
import { answerKinds, complaintKinds, satisfactions, urgencies } from '../../../../shared/intake/labels'
import { localDate } from '../../../../shared/calendar/workCalendar'
import type { ComplaintContent } from './complaintRecords'

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
