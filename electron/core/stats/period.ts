/**
 * A statistics period (month, quarter, year) as dates: its first and last
 * day, its name in words, the period before it (for 环比) and the buckets of
 * its trend. Dates are the desk's own calendar dates, like received_date.
 */
import { addMonths, endOfMonth, endOfYear, format, getDaysInMonth, startOfMonth } from 'date-fns'
import type { StatsPeriodKind } from '../../../shared/api/stats'

export interface Period {
  kind: StatsPeriodKind
  year: number
  /** Month 1–12 or quarter 1–4; 1 for a year. */
  number: number
}

/** The parsed input's period, its number ignored (1) for a year. */
export function periodOf(p: Period): Period {
  return { kind: p.kind, year: p.year, number: p.kind === 'year' ? 1 : p.number }
}

export interface DateRange {
  dateFrom: string
  dateTo: string
}

export interface TrendBucket extends DateRange {
  label: string
  /** What the trend query groups by: the date (a month's days) or 'yyyy-MM' (a quarter's or year's months). */
  key: string
}

const quarterNames = ['一', '二', '三', '四'] as const

const iso = (d: Date): string => format(d, 'yyyy-MM-dd')

/** The first month (1–12) and how many months the period spans. */
function months(p: Period): { first: number; count: number } {
  if (p.kind === 'month') return { first: p.number, count: 1 }
  if (p.kind === 'quarter') return { first: (p.number - 1) * 3 + 1, count: 3 }
  return { first: 1, count: 12 }
}

export function periodRange(p: Period): DateRange {
  const { first, count } = months(p)
  const start = new Date(p.year, first - 1, 1)
  const end = p.kind === 'year' ? endOfYear(start) : endOfMonth(addMonths(start, count - 1))
  return { dateFrom: iso(start), dateTo: iso(end) }
}

/** 2026年11月, 2026年第四季度, 2026年. */
export function periodLabel(p: Period): string {
  if (p.kind === 'month') return `${p.year}年${p.number}月`
  if (p.kind === 'quarter') return `${p.year}年第${quarterNames[p.number - 1]}季度`
  return `${p.year}年`
}

/** What the report is called: 月报, 季报, 年报. */
export function reportName(p: Period): string {
  return { month: '月报', quarter: '季报', year: '年报' }[p.kind]
}

/** The month, quarter or year before: 2026年1月 → 2025年12月. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'year') return { ...p, year: p.year - 1 }
  const last = p.kind === 'month' ? 12 : 4
  return p.number === 1 ? { ...p, year: p.year - 1, number: last } : { ...p, number: p.number - 1 }
}

/** One bucket per day of a month, per month of a quarter or year. */
export function trendBuckets(p: Period): TrendBucket[] {
  const { first, count } = months(p)
  if (p.kind === 'month') {
    const start = new Date(p.year, first - 1, 1)
    return Array.from({ length: getDaysInMonth(start) }, (_, i) => {
      const day = iso(new Date(p.year, first - 1, i + 1))
      return { key: day, label: `${i + 1}日`, dateFrom: day, dateTo: day }
    })
  }
  return Array.from({ length: count }, (_, i) => {
    const start = startOfMonth(new Date(p.year, first - 1 + i, 1))
    return {
      key: format(start, 'yyyy-MM'),
      label: `${first + i}月`,
      dateFrom: iso(start),
      dateTo: iso(endOfMonth(start)),
    }
  })
}
