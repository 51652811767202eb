/**
 * How the statistics read, on screen and on the printed 月报 alike: counts
 * with Chinese digit grouping, rates as percents with one decimal, days with
 * one decimal, '—' where a figure has no denominator, and 环比 as the change
 * against the period before (percent for counts, 百分点 for rates).
 */
const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

export const NONE = '—'

export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? NONE : grouped.format(n)
}

/** 0.8765 → 87.7% (one decimal, as leaders read it). */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? NONE : `${oneDecimal.format(rate * 100)}%`
}

export function days(n: number | null | undefined): string {
  return n === null || n === undefined ? NONE : `${oneDecimal.format(n)}天`
}

export type FigureKind = 'count' | 'rate' | 'days'

export function figure(kind: FigureKind, value: number | null | undefined): string {
  if (kind === 'rate') return percent(value)
  if (kind === 'days') return days(value)
  return count(value)
}

/** Which way a change is good news: more 办结 is, more 超期 is not, more 登记 is neither. */
export type Better = 'up' | 'down' | 'none'

export interface Change {
  /** 环比 ↑12.5%, 环比 ↓3.0个百分点, 环比 持平, 环比 — */
  text: string
  /** good / bad / neutral, for the colour. */
  tone: 'good' | 'bad' | 'neutral'
}

function tone(delta: number, better: Better): Change['tone'] {
  if (delta === 0 || better === 'none') return 'neutral'
  return delta > 0 === (better === 'up') ? 'good' : 'bad'
}

/**
 * 环比 of one figure. Counts change by percent of last period (none when last
 * period had none: 上期为0); rates by percentage points; days by days.
 */
export function change(kind: FigureKind, current: number | null, previous: number | null, better: Better): Change {
  if (current === null || previous === null) return { text: `环比 ${NONE}`, tone: 'neutral' }
  const delta = current - previous
  if (Math.abs(delta) < 1e-9) return { text: '环比 持平', tone: 'neutral' }
  const arrow = delta > 0 ? '↑' : '↓'
  const t = tone(delta, better)
  if (kind === 'rate') return { text: `环比 ${arrow}${oneDecimal.format(Math.abs(delta) * 100)}个百分点`, tone: t }
  if (kind === 'days') return { text: `环比 ${arrow}${oneDecimal.format(Math.abs(delta))}天`, tone: t }
  if (previous === 0) return { text: `环比 ↑${grouped.format(delta)}（上期为0）`, tone: t }
  return { text: `环比 ${arrow}${oneDecimal.format((Math.abs(delta) / previous) * 100)}%`, tone: t }
}
