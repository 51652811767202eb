/**
 * What the 诉求办理单 says: the matter's particulars as label/value rows, the
 * full timeline (time, who, action, status change, note and the facts the
 * event recorded) and the follow-ups. Pure; labels come from the shared
 * zh-CN tables so the printout and the screens never disagree.
 */
import type { ComplaintDetail, ComplaintEvent } from '../../shared/api/complaints'
import type { IntakeOptions } from '../../shared/api/intakeSettings'
import {
  answerKindLabels,
  complaintKindLabels,
  complaintStatusLabels,
  satisfactionLabels,
  urgencyLabels,
  type AnswerKind,
  type ComplaintStatus,
  type Satisfaction,
} from '../../shared/intake/labels'
import { complaintEventLabels, type ComplaintEventKind } from '../../shared/complaints/workflow'
import { printedDate, printedDateTime, printedTime, todayIso } from './printDates'

export interface RecordField {
  label: string
  value: string
  /** Long text: the row spans the whole width. */
  wide?: boolean
}

export interface RecordEvent {
  index: number
  date: string
  time: string
  staff: string
  action: string
  /** 已受理→已交办, or '' when the status stayed. */
  status: string
  /** Note and recorded facts, one line each. */
  lines: string[]
}

export interface RecordFollowUp {
  date: string
  caller: string
  satisfaction: string
  comment: string
}

export interface PrintedRecord {
  officeName: string
  number: string
  printedOn: string
  status: string
  fields: RecordField[]
  events: RecordEvent[]
  followUps: RecordFollowUp[]
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)
const date = (v: unknown): string | null => {
  const s = text(v)
  return s ? printedDate(s) : null
}

function join(parts: (string | null)[]): string | null {
  const kept = parts.filter((p): p is string => p !== null)
  return kept.length ? kept.join('；') : null
}

function labelled(label: string, value: string | null): string | null {
  return value === null ? null : `${label}：${value}`
}

/** The facts an event recorded besides its note, in words. */
function detailLine(action: string, d: Record<string, unknown>): string | null {
  switch (action as ComplaintEventKind) {
    case 'accept':
      return labelled('办理期限', date(d.handleDue))
    case 'assign':
      return join([
        labelled('承办单位', text(d.unit)),
        labelled('承办人', text(d.assignee)),
        labelled('原承办单位', text(d.previousUnit)),
      ])
    case 'return':
      return labelled('退单单位', text(d.unit))
    case 'extend':
      return join([
        typeof d.days === 'number' ? `延期${d.days}日` : null,
        labelled('原期限', date(d.from)),
        labelled('新期限', date(d.to)),
        labelled('批准人', text(d.approver)),
      ])
    case 'escalate_mediation':
      return labelled('转交', text(d.unit))
    case 'consult':
      return join([labelled('议事日期', date(d.meetingDate)), labelled('参加人员', text(d.participants))])
    case 'resolve':
      return labelled('答复意见', answerKindLabels[d.answer as AnswerKind] ?? null)
    case 'follow_up':
      return join([
        labelled('回访日期', date(d.date)),
        labelled('回访人', text(d.caller)),
        labelled('满意度', satisfactionLabels[d.satisfaction as Satisfaction] ?? null),
      ])
    case 'merge':
      return labelled('合并到', text(d.into))
    case 'merged_in':
      return labelled('并入诉求', text(d.from))
    case 'link':
      return labelled('关联诉求', text(d.other))
    default:
      return null
  }
}

/** 已受理→已交办; empty when the event did not change the status (延期, 登记, 关联…). */
function statusChange(from: ComplaintStatus | null, to: ComplaintStatus | null): string {
  return from && to && from !== to ? `${complaintStatusLabels[from]}→${complaintStatusLabels[to]}` : ''
}

export function recordEvents(c: ComplaintDetail): RecordEvent[] {
  return c.timeline.map((e: ComplaintEvent, i) => {
    const lines: string[] = []
    if (e.complaintNumber !== c.number) lines.push(`（原诉求${e.complaintNumber}的记录）`)
    if (e.note) lines.push(e.note)
    const detail = detailLine(e.action, e.detail)
    if (detail) lines.push(detail)
    return {
      index: i + 1,
      date: printedDate(e.at),
      time: printedTime(e.at),
      staff: e.staffName,
      action: complaintEventLabels[e.action as ComplaintEventKind] ?? e.action,
      status: statusChange(e.fromStatus, e.toStatus),
      lines,
    }
  })
}

function location(c: ComplaintDetail): string | null {
  const parts = [c.communityName, c.compoundName, c.locationDetail].filter((p): p is string => !!p)
  return parts.length ? parts.join(' ') : null
}

function fields(c: ComplaintDetail): RecordField[] {
  const rows: (RecordField | null)[] = [
    { label: '来访人', value: c.person?.name ?? '—' },
    { label: '联系电话', value: c.person?.phoneMasked ?? '未留' },
    c.person?.idNumberMasked ? { label: '身份证号', value: c.person.idNumberMasked } : null,
    c.person?.address ? { label: '住址', value: c.person.address } : null,
    c.visitNumber ? { label: '来访登记', value: c.visitNumber } : null,
    c.lookupCode ? { label: '查询码', value: c.lookupCode } : null,
    { label: '诉求类型', value: complaintKindLabels[c.kind] },
    { label: '诉求类别', value: c.categoryName },
    { label: '紧急程度', value: urgencyLabels[c.urgency] },
    { label: '收到时间', value: printedDateTime(c.receivedAt) },
    { label: '受理期限', value: printedDate(c.acceptDue) },
    c.acceptedAt ? { label: '受理时间', value: printedDateTime(c.acceptedAt) } : null,
    c.handleDue ? { label: '办理期限', value: printedDate(c.handleDue) } : null,
    c.extensionDays
      ? {
          label: '延期',
          value: `${c.extensionDays}日（批准人：${c.extensionApprover ?? '—'}）`,
        }
      : null,
    c.unitName ? { label: '承办单位', value: c.unitName } : null,
    c.assignee ? { label: '承办人', value: c.assignee } : null,
    c.resolvedAt ? { label: '办结时间', value: printedDateTime(c.resolvedAt) } : null,
    c.answer ? { label: '答复意见', value: answerKindLabels[c.answer] } : null,
    c.satisfaction ? { label: '满意度', value: satisfactionLabels[c.satisfaction] } : null,
    { label: '登记人', value: c.ownerName },
  ]
  const wide: (RecordField | null)[] = [
    location(c) ? { label: '地点', value: location(c)!, wide: true } : null,
    { label: '诉求请求', value: c.request, wide: true },
    c.facts ? { label: '事实经过', value: c.facts, wide: true } : null,
    c.reasons ? { label: '理由', value: c.reasons, wide: true } : null,
    c.rejectReason ? { label: '不予受理理由', value: c.rejectReason, wide: true } : null,
    c.extensionReason ? { label: '延期理由', value: c.extensionReason, wide: true } : null,
    c.result ? { label: '办理结果', value: c.result, wide: true } : null,
    c.mergedInto ? { label: '已合并到', value: c.mergedInto.number, wide: true } : null,
    c.mergedIn.length ? { label: '并入的诉求', value: c.mergedIn.map((m) => m.number).join('、'), wide: true } : null,
    c.linked.length ? { label: '相关诉求', value: c.linked.map((m) => m.number).join('、'), wide: true } : null,
  ]
  const short = rows.filter((r): r is RecordField => r !== null)
  // Short fields sit two to a row; an odd one out gets an empty partner so the ruled grid stays whole.
  if (short.length % 2 === 1) short.push({ label: '', value: '' })
  return [...short, ...wide.filter((r): r is RecordField => r !== null)]
}

export function printedRecord(c: ComplaintDetail, options: IntakeOptions): PrintedRecord {
  return {
    officeName: options.officeName,
    number: c.number,
    printedOn: printedDate(todayIso()),
    status: complaintStatusLabels[c.status],
    fields: fields(c),
    events: recordEvents(c),
    followUps: c.followUps.map((f) => ({
      date: printedDate(f.date),
      caller: f.caller,
      satisfaction: satisfactionLabels[f.satisfaction],
      comment: f.comment ?? '—',
    })),
  }
}
