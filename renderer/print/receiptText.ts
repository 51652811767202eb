/**
 * What a 来访登记回执 says, derived from the visit and the office settings:
 * the resident's slip and the office stub share these facts. Pure, so the
 * preview, the print window and tests all print the same words.
 */
import type { Visit } from '../../shared/api/visits'
import type { IntakeOptions } from '../../shared/api/intakeSettings'
import { complaintKindLabels, visitChannelLabels } from '../../shared/intake/labels'
import { printedDate, printedDateTime } from './printDates'
import { summary } from './textTools'

/** How much of the 事由 and of each 请求 a slip quotes (the record has the full text). */
export const receiptLimits = { subject: 80, request: 40, stubAnswer: 60 } as const

export interface ReceiptItem {
  /** 1．诉求编号 2026-000123（投诉·环境卫生）：请求…… */
  heading: string
  /** 2026-000123（投诉·环境卫生），受理告知期限：2026年3月16日 — the stub's line. */
  stubLine: string
  number: string
  kind: string
  category: string
  request: string
  /** 我单位将于2026年3月16日前告知您是否受理。 */
  dueLine: string
  acceptDue: string
}

export interface PrintedReceipt {
  officeName: string
  officePhone: string | null
  visitNumber: string
  lookupCode: string
  visitedAt: string
  visitDate: string
  channel: string
  visitorName: string
  phone: string
  idNumber: string | null
  address: string | null
  /** 来访5人，涉及30人；代表：张三、李四 — only for group visits. */
  group: string | null
  subject: string
  onSpot: boolean
  /** The answer given on the spot, in full on the slip (it is what the resident takes home). */
  answer: string | null
  /** The same answer, summarised for the stub. */
  stubAnswer: string | null
  items: ReceiptItem[]
  progress: string
  receivedBy: string
}

function groupLine(visit: Visit): string | null {
  if (visit.visitorCount < 2 && visit.representatives.length === 0) return null
  const parts = [`来访${visit.visitorCount}人`]
  if (visit.involvedCount !== null) parts.push(`涉及${visit.involvedCount}人`)
  const line = parts.join('，')
  const reps = visit.representatives.map((r) => r.name).join('、')
  return reps ? `${line}；代表：${reps}` : line
}

function progressLine(visit: Visit, options: IntakeOptions, onSpot: boolean): string {
  const numbers = onSpot || visit.complaints.length === 0 ? '登记编号' : '登记编号或诉求编号'
  const where = options.officePhone
    ? `请致电${options.officePhone}或到${options.officeName}`
    : `请到${options.officeName}`
  const what = onSpot ? '如需查询本次来访记录' : '查询办理进展'
  return `${what}，${where}，告知${numbers}和查询码${visit.lookupCode}。`
}

export function printedReceipt(visit: Visit, options: IntakeOptions): PrintedReceipt {
  const onSpot = visit.outcome === 'on_spot'
  return {
    officeName: options.officeName,
    officePhone: options.officePhone,
    visitNumber: visit.number,
    lookupCode: visit.lookupCode,
    visitedAt: printedDateTime(visit.visitedAt),
    visitDate: printedDate(visit.visitedAt),
    channel: visitChannelLabels[visit.channel],
    visitorName: visit.person.name,
    phone: visit.person.phoneMasked ?? '未留',
    idNumber: visit.person.idNumberMasked,
    address: visit.person.address.trim() || null,
    group: groupLine(visit),
    subject: summary(visit.subject, receiptLimits.subject),
    onSpot,
    answer: onSpot ? visit.answer : null,
    stubAnswer: onSpot && visit.answer ? summary(visit.answer, receiptLimits.stubAnswer) : null,
    items: visit.complaints.map((c, i) => {
      const what = `${c.number}（${complaintKindLabels[c.kind]}·${c.categoryName}）`
      const request = summary(c.request, receiptLimits.request)
      return {
        heading: `${i + 1}．诉求编号 ${what}：${request}`,
        stubLine: `${what}，受理告知期限：${printedDate(c.acceptDue)}`,
        number: c.number,
        kind: complaintKindLabels[c.kind],
        category: c.categoryName,
        request,
        dueLine: `我单位将于${printedDate(c.acceptDue)}前告知您是否受理。`,
        acceptDue: printedDate(c.acceptDue),
      }
    }),
    progress: progressLine(visit, options, onSpot),
    receivedBy: visit.receivedBy,
  }
}
