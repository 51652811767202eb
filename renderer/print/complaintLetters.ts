/**
 * The four letters a 诉求 sends the person, as words: 受理告知书, 不予受理告知书,
 * 办理答复意见书 and 延期告知书. Each names the person, quotes the matter with
 * its 诉求编号, states what was decided with the dates the law counts from
 * (信访工作条例: 60 days to handle, one extension of at most 30 days,
 * Art. 32; 复查 may be asked within 30 days of the written answer, Art. 35),
 * and ends with the office as issuer, the date and a seal. Pure functions;
 * a letter that does not fit the 诉求's state is refused with a reason.
 */
import type { ComplaintDetail, ComplaintEvent } from '../../shared/api/complaints'
import type { IntakeOptions } from '../../shared/api/intakeSettings'
import { answerKindLabels } from '../../shared/intake/labels'
import { statutory } from '../../shared/complaints/clocks'
import type { ComplaintEventKind } from '../../shared/complaints/workflow'
import { addCalendarDays } from '../../shared/calendar/workCalendar'
import { printedDate } from './printDates'
import { clause, sentence, summary } from './textTools'

export type LetterKind = 'accept' | 'reject' | 'reply' | 'extension'

export interface LetterBlock {
  /** 一、 二、 … for numbered sections, '' for plain paragraphs. */
  label: string
  text: string
}

export interface PrintedLetter {
  title: string
  /** The 诉求编号, printed as the document's reference. */
  reference: string
  addressee: string
  blocks: LetterBlock[]
  /** 特此告知。 — none on the 答复意见书, whose last word is how to ask for 复查. */
  closing: string | null
  issuer: string
  date: string
  contact: string | null
}

/** A letter asked for a 诉求 in a state it does not fit. */
export class LetterNotApplicable extends Error {}

export const letterTitles: Record<LetterKind, string> = {
  accept: '受理告知书',
  reject: '不予受理告知书',
  reply: '办理答复意见书',
  extension: '延期告知书',
}

const QUOTE_MAX = 60
const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** The latest event of a kind on this 诉求 itself (not one merged into it). */
function lastEvent(c: ComplaintDetail, action: ComplaintEventKind): ComplaintEvent | null {
  const events = c.timeline.filter((e) => e.action === action && e.complaintNumber === c.number)
  return events[events.length - 1] ?? null
}

/** When the latest event of a kind happened, e.g. the day the 诉求 was rejected. */
function lastEventAt(c: ComplaintDetail, action: ComplaintEventKind): string | null {
  return lastEvent(c, action)?.at ?? null
}

/**
 * 你于2026年3月1日反映的“……”一事（编号：2026-000123）; without the quote
 * where the letter goes on to state the request in full.
 */
function matter(c: ComplaintDetail, quote = true): string {
  const what = quote ? `“${clause(summary(c.request, QUOTE_MAX))}”一事` : '事项'
  return `你于${printedDate(c.receivedDate)}反映的${what}（编号：${c.number}）`
}

function contactLine(options: IntakeOptions): string | null {
  return options.officePhone ? `联系电话：${options.officePhone}` : null
}

/** How to ask about progress while the matter is open: the 诉求编号 and the 查询码 from the receipt. */
function progressBlock(c: ComplaintDetail): LetterBlock[] {
  return c.lookupCode ? [{ label: '', text: `办理期间如需了解进展，请告知编号和查询码${c.lookupCode}。` }] : []
}

function numbered(texts: string[]): LetterBlock[] {
  return texts.map((text, i) => ({ label: `${numerals[i] ?? String(i + 1)}、`, text }))
}

function acceptBlocks(c: ComplaintDetail): LetterBlock[] {
  if (!c.acceptedAt) throw new LetterNotApplicable('该诉求尚未受理，不能打印受理告知书')
  const unit = c.unitName ? `，并交由${c.unitName}办理` : ''
  // The due date as set on acceptance: a later extension has its own letter and must not rewrite this one.
  const accept = lastEvent(c, 'accept')
  const setOnAccept = typeof accept?.detail.handleDue === 'string' ? accept.detail.handleDue : c.handleDue
  const due = setOnAccept
    ? `我单位将于${printedDate(setOnAccept)}前办结并答复。`
    : `我单位将自受理之日起${statutory.handleDays}日内办结并书面答复。`
  return [
    { label: '', text: `${matter(c)}，经审查，符合受理条件，我单位已于${printedDate(c.acceptedAt)}依法受理${unit}。` },
    { label: '', text: due },
    ...progressBlock(c),
  ]
}

function rejectBlocks(c: ComplaintDetail): LetterBlock[] {
  if (!c.rejectReason) throw new LetterNotApplicable('该诉求未作不予受理决定，不能打印不予受理告知书')
  return [
    { label: '', text: `${matter(c)}，我单位经审查，决定不予受理。` },
    { label: '', text: `不予受理的理由：${sentence(c.rejectReason)}` },
    {
      label: '',
      text: '你可以依照有关法律、行政法规规定的程序向有关机关、单位提出，或者通过诉讼、仲裁、行政复议等法定途径解决。',
    },
  ]
}

function replyBlocks(c: ComplaintDetail): LetterBlock[] {
  if (!c.resolvedAt || !c.result || !c.answer) {
    throw new LetterNotApplicable('该诉求尚未办结，不能打印办理答复意见书')
  }
  const accepted = c.acceptedAt ? `，我单位已于${printedDate(c.acceptedAt)}受理` : ''
  const unit = c.unitName ? `，由${c.unitName}办理` : ''
  const sections = [`你的请求：${sentence(c.request)}`]
  if (c.facts) sections.push(`反映的事实：${sentence(c.facts)}`)
  if (c.reasons) sections.push(`提出的理由：${sentence(c.reasons)}`)
  sections.push(`办理结果：${sentence(c.result)}`)
  sections.push(`答复意见：${answerKindLabels[c.answer]}。`)
  return [
    { label: '', text: `${matter(c, false)}${accepted}${unit}。现将办理情况答复如下：` },
    ...numbered(sections),
    {
      label: '',
      text: `如对本答复意见不服，可以自收到本意见书之日起${statutory.reviewRequestDays}日内向本单位的上一级机关、单位请求复查。`,
    },
  ]
}

function extensionBlocks(c: ComplaintDetail): LetterBlock[] {
  if (!c.extensionDays || !c.handleDue || !c.extensionReason || !c.extensionApprover) {
    throw new LetterNotApplicable('该诉求没有延期记录，不能打印延期告知书')
  }
  const original = originalDue(c)
  const accepted = c.acceptedAt ? `，我单位已于${printedDate(c.acceptedAt)}受理` : ''
  const was = original ? `，原定于${printedDate(original)}前办结` : ''
  return [
    { label: '', text: `${matter(c)}${accepted}${was}。` },
    { label: '', text: `因情况复杂，需要延长办理期限。延期理由：${sentence(c.extensionReason)}` },
    {
      label: '',
      text: `经${clause(c.extensionApprover)}批准，根据《信访工作条例》第三十二条的规定，办理期限延长${c.extensionDays}日，我单位将于${printedDate(c.handleDue)}前办结并答复。`,
    },
    ...progressBlock(c),
  ]
}

/** The due date before the extension, as recorded on the 延期 event. */
export function originalDue(c: ComplaintDetail): string | null {
  const recorded = lastEvent(c, 'extend')?.detail.from
  if (typeof recorded === 'string') return recorded
  // The extension adds calendar days to the running due date, so the old one is that many days earlier.
  return c.handleDue && c.extensionDays ? addCalendarDays(c.handleDue, -c.extensionDays) : null
}

const builders: Record<LetterKind, (c: ComplaintDetail) => LetterBlock[]> = {
  accept: acceptBlocks,
  reject: rejectBlocks,
  reply: replyBlocks,
  extension: extensionBlocks,
}

/** The date a letter is dated: the day of the decision it tells. */
function letterDate(kind: LetterKind, c: ComplaintDetail): string {
  const at: Record<LetterKind, () => string | null> = {
    accept: () => c.acceptedAt,
    reject: () => lastEventAt(c, 'reject'),
    reply: () => c.resolvedAt,
    extension: () => lastEventAt(c, 'extend'),
  }
  return printedDate(at[kind]() ?? c.updatedAt)
}

export function printedLetter(kind: LetterKind, c: ComplaintDetail, options: IntakeOptions): PrintedLetter {
  return {
    title: letterTitles[kind],
    reference: `编号：${c.number}`,
    addressee: `${c.person?.name ?? '信访人'}：`,
    blocks: builders[kind](c),
    closing: kind === 'reply' ? null : '特此告知。',
    issuer: options.officeName,
    date: letterDate(kind, c),
    contact: contactLine(options),
  }
}
