/** Periods of 统计报表 as dates and words, the rates' rounding, and the 环比 texts of the 月报. */
import { describe, expect, it } from 'vitest'
import {
  periodLabel,
  periodOf,
  periodRange,
  previousPeriod,
  reportName,
  trendBuckets,
  type Period,
} from '../../electron/core/stats/period'
import { figuresOf, rateOf, zeroSums } from '../../electron/core/stats/figures'
import { countChange, percentText, rateChange } from '../../electron/core/stats/monthlyWorkbook'
import { statsInput } from '../../shared/api/stats'

const month = (year: number, number: number): Period => ({ kind: 'month', year, number })
const quarter = (year: number, number: number): Period => ({ kind: 'quarter', year, number })
const year = (y: number): Period => ({ kind: 'year', year: y, number: 1 })

describe('periods', () => {
  it.each([
    [month(2026, 11), '2026年11月', '2026-11-01', '2026-11-30', '月报'],
    [month(2024, 2), '2024年2月', '2024-02-01', '2024-02-29', '月报'],
    [month(2026, 2), '2026年2月', '2026-02-01', '2026-02-28', '月报'],
    [quarter(2026, 1), '2026年第一季度', '2026-01-01', '2026-03-31', '季报'],
    [quarter(2026, 4), '2026年第四季度', '2026-10-01', '2026-12-31', '季报'],
    [year(2026), '2026年', '2026-01-01', '2026-12-31', '年报'],
  ])('%j is %s, %s to %s', (p, label, from, to, report) => {
    expect(periodLabel(p)).toBe(label)
    expect(periodRange(p)).toEqual({ dateFrom: from, dateTo: to })
    expect(reportName(p)).toBe(report)
  })

  it('steps back a month, a quarter or a year, across the year boundary', () => {
    expect(previousPeriod(month(2026, 11))).toEqual(month(2026, 10))
    expect(previousPeriod(month(2026, 1))).toEqual(month(2025, 12))
    expect(previousPeriod(quarter(2026, 3))).toEqual(quarter(2026, 2))
    expect(previousPeriod(quarter(2026, 1))).toEqual(quarter(2025, 4))
    expect(previousPeriod(year(2026))).toEqual(year(2025))
  })

  it('ignores the number of a year', () => {
    expect(periodOf({ kind: 'year', year: 2026, number: 7 })).toEqual(year(2026))
    expect(periodOf(month(2026, 7))).toEqual(month(2026, 7))
  })

  it('has a trend bucket per day of a month and per month of a quarter or year', () => {
    const feb = trendBuckets(month(2024, 2))
    expect(feb).toHaveLength(29)
    expect(feb[28]).toEqual({ key: '2024-02-29', label: '29日', dateFrom: '2024-02-29', dateTo: '2024-02-29' })
    expect(trendBuckets(quarter(2026, 2))).toEqual([
      { key: '2026-04', label: '4月', dateFrom: '2026-04-01', dateTo: '2026-04-30' },
      { key: '2026-05', label: '5月', dateFrom: '2026-05-01', dateTo: '2026-05-31' },
      { key: '2026-06', label: '6月', dateFrom: '2026-06-01', dateTo: '2026-06-30' },
    ])
    const months = trendBuckets(year(2026))
    expect(months.map((b) => b.label)).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}月`))
    expect(months[11]).toMatchObject({ dateFrom: '2026-12-01', dateTo: '2026-12-31' })
  })

  it('refuses a fifth quarter and a missing kind in Chinese, and defaults the number', () => {
    const bad = statsInput.safeParse({ period: { kind: 'quarter', year: 2026, number: 5 } })
    expect(bad.success).toBe(false)
    expect(bad.error!.issues[0]).toMatchObject({ message: '季度应为1至4', path: ['period', 'number'] })
    const noKind = statsInput.safeParse({ period: { year: 2026 } })
    expect(noKind.error!.issues[0]!.message).toBe('请选择统计周期（月、季、年）')
    expect(statsInput.parse({ period: { kind: 'year', year: 2026 } }).period.number).toBe(1)
  })
})

describe('rates', () => {
  it('are 0–1 with four decimals, null without a denominator', () => {
    expect(rateOf(2, 3)).toBe(0.6667)
    expect(rateOf(1, 3)).toBe(0.3333)
    expect(rateOf(5, 7)).toBe(0.7143)
    expect(rateOf(0, 4)).toBe(0)
    expect(rateOf(0, 0)).toBeNull()
  })

  it('derive every figure from the sums, days with one decimal', () => {
    const s = { received: 9, accepted: 6, resolved: 3, onTime: 2, satisfied: 1, answered: 3, days: 14, overdue: 1 }
    expect(figuresOf(s)).toEqual({
      received: 9,
      accepted: 6,
      resolved: 3,
      resolvedRate: 0.5,
      onTimeRate: 0.6667,
      satisfactionRate: 0.3333,
      avgDaysToResolve: 4.7,
      overdue: 1,
    })
    expect(figuresOf(zeroSums())).toEqual({
      received: 0,
      accepted: 0,
      resolved: 0,
      resolvedRate: null,
      onTimeRate: null,
      satisfactionRate: null,
      avgDaysToResolve: null,
      overdue: 0,
    })
  })
})

describe('环比 in the 月报', () => {
  it('writes rates as percentages', () => {
    expect(percentText(0.6667)).toBe('66.67%')
    expect(percentText(1)).toBe('100.00%')
    expect(percentText(null)).toBe('—')
  })

  it('compares counts as a change of the previous figure', () => {
    expect(countChange(7, 2)).toBe('+250.00%')
    expect(countChange(1, 4)).toBe('-75.00%')
    expect(countChange(3, 3)).toBe('持平')
    expect(countChange(0, 0)).toBe('持平')
    expect(countChange(5, 0)).toBe('—')
  })

  it('compares rates in percentage points', () => {
    expect(rateChange(0.6, 1)).toBe('-40.00个百分点')
    expect(rateChange(0.75, 0.5)).toBe('+25.00个百分点')
    expect(rateChange(0.5, 0.5)).toBe('持平')
    expect(rateChange(null, 0.5)).toBe('—')
  })
})
