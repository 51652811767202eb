/**
 * Dates and times on printouts, in the form official documents use: Arabic
 * numerals without leading zeros (2026年3月1日), per GB/T 9704. Plain dates
 * ('2026-03-01') print as they are; instants are shown in the desk's own
 * time zone, as the clerk saw them on screen.
 */
import { officialDate } from '../../shared/print/placeholders'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

function local(value: string): Date {
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) throw new Error(`日期“${value}”无法识别`)
  return d
}

export function printedDate(value: string): string {
  if (DATE_ONLY.test(value)) return officialDate(value)
  const d = local(value)
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** 9:05 — minutes padded, as on a clock. */
export function printedTime(value: string): string {
  const d = local(value)
  return `${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`
}

/** 2026年3月1日 9:05 */
export function printedDateTime(value: string): string {
  if (DATE_ONLY.test(value)) return officialDate(value)
  return `${printedDate(value)} ${printedTime(value)}`
}

/** Today as a plain date, for 打印日期. */
export function todayIso(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
