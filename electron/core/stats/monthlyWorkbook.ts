/**
 * The 月报 (季报, 年报) as an .xlsx workbook: a summary with 环比, one sheet
 * per breakdown, the trend, mediation and convention coverage. Rates are
 * written as percentages in words (85.71%), the way the report reads.
 */
import type {
  ComplaintBreakdownRow,
  ComplaintDimension,
  ComplaintFigures,
  StatsDashboard,
} from '../../../shared/api/stats'
import { complaintDimensionLabels, complaintDimensions } from '../../../shared/api/stats'
import { xlsxWorkbook, type XlsxColumn } from '../xlsx'
import type { CoverageRows } from './conventionFigures'

export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 10000) / 100).toFixed(2)}%`
}

/** 环比 of a count: the change as a share of the previous period. */
export function countChange(now: number, before: number): string {
  if (before === 0) return now === 0 ? '持平' : '—'
  const pct = Math.round(((now - before) / before) * 10000) / 100
  return pct === 0 ? '持平' : `${pct > 0 ? '+' : ''}${pct.toFixed(2)}%`
}

/** 环比 of a rate: the change in percentage points. */
export function rateChange(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—'
  const points = Math.round((now - before) * 10000) / 100
  return points === 0 ? '持平' : `${points > 0 ? '+' : ''}${points.toFixed(2)}个百分点`
}

function daysChange(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—'
  const d = Math.round((now - before) * 10) / 10
  return d === 0 ? '持平' : `${d > 0 ? '+' : ''}${d.toFixed(1)}天`
}

const counts = [
  ['received', '登记量（件）'],
  ['accepted', '受理量（件）'],
  ['resolved', '办结量（件）'],
] as const
const rates = [
  ['resolvedRate', '办结率'],
  ['onTimeRate', '按期办结率'],
  ['satisfactionRate', '满意率'],
] as const

function summaryRows(d: StatsDashboard, scopeName: string, previousLabel: string) {
  const now: ComplaintFigures = d.complaints
  const before = d.previous
  return [
    { item: '统计周期', now: d.periodLabel, before: previousLabel, change: '' },
    { item: '日期范围', now: `${d.dateFrom} 至 ${d.dateTo}`, before: '', change: '' },
    { item: '统计范围', now: scopeName, before: '', change: '' },
    ...counts.map(([k, item]) => ({ item, now: now[k], before: before[k], change: countChange(now[k], before[k]) })),
    ...rates.map(([k, item]) => ({
      item,
      now: percentText(now[k]),
      before: percentText(before[k]),
      change: rateChange(now[k], before[k]),
    })),
    {
      item: '平均办理天数（天）',
      now: now.avgDaysToResolve ?? '—',
      before: before.avgDaysToResolve ?? '—',
      change: daysChange(now.avgDaysToResolve, before.avgDaysToResolve),
    },
    // 超期 is counted today for both periods, so it is compared too.
    {
      item: '超期未办结（件）',
      now: now.overdue,
      before: before.overdue,
      change: countChange(now.overdue, before.overdue),
    },
    { item: '来访量（人次）', now: d.complaints.visits, before: '', change: '' },
    { item: '重复来访（人次）', now: d.complaints.repeatVisits, before: '', change: '' },
  ]
}

const figureColumns: XlsxColumn[] = [
  { header: '登记量', key: 'received', width: 10 },
  { header: '受理量', key: 'accepted', width: 10 },
  { header: '办结量', key: 'resolved', width: 10 },
  { header: '办结率', key: 'resolvedRate', width: 10 },
  { header: '按期办结率', key: 'onTimeRate', width: 12 },
  { header: '满意率', key: 'satisfactionRate', width: 10 },
  { header: '平均办理天数', key: 'avgDays', width: 14 },
  { header: '超期', key: 'overdue', width: 8 },
]

const dimensionHeaders: Record<ComplaintDimension, string> = {
  kind: '类型',
  category: '分类',
  community: '社区',
  compound: '小区',
  unit: '承办单位',
}

function figureCells(f: ComplaintFigures) {
  return {
    received: f.received,
    accepted: f.accepted,
    resolved: f.resolved,
    resolvedRate: percentText(f.resolvedRate),
    onTimeRate: percentText(f.onTimeRate),
    satisfactionRate: percentText(f.satisfactionRate),
    avgDays: f.avgDaysToResolve ?? '—',
    overdue: f.overdue,
  }
}

function breakdownRows(rows: ComplaintBreakdownRow[], total: ComplaintFigures) {
  return [...rows.map((r) => ({ name: r.label, ...figureCells(r) })), { name: '合计', ...figureCells(total) }]
}

export interface MonthlyReport {
  dashboard: StatsDashboard
  coverage: CoverageRows
  /** 全中心 or the community's name. */
  scopeName: string
  previousLabel: string
  created: Date
}

export async function monthlyWorkbook(r: MonthlyReport): Promise<Buffer> {
  const d = r.dashboard
  const book = await xlsxWorkbook(r.created)
  book.addSheet(
    '概况',
    [
      { header: '项目', key: 'item', width: 20 },
      { header: '本期', key: 'now', width: 26 },
      { header: '上期', key: 'before', width: 16 },
      { header: '环比', key: 'change', width: 16 },
    ],
    summaryRows(d, r.scopeName, r.previousLabel),
  )
  for (const dim of complaintDimensions) {
    book.addSheet(
      complaintDimensionLabels[dim],
      [{ header: dimensionHeaders[dim], key: 'name', width: 18 }, ...figureColumns],
      breakdownRows(d.byDimension[dim], d.complaints),
    )
  }
  book.addSheet(
    '趋势',
    [
      { header: d.trend.length > 12 ? '日期' : '月份', key: 'label', width: 12 },
      { header: '登记量', key: 'received', width: 10 },
      { header: '办结量', key: 'resolved', width: 10 },
    ],
    d.trend.map((t) => ({
      label: t.dateFrom === t.dateTo ? t.dateFrom : t.label,
      received: t.received,
      resolved: t.resolved,
    })),
  )
  const m = d.mediation
  book.addSheet(
    '人民调解',
    [
      { header: '项目', key: 'item', width: 22 },
      { header: '数值', key: 'value', width: 12 },
    ],
    [
      { item: '受理登记案件（件）', value: m.cases },
      { item: '调解结束（件）', value: m.concluded },
      { item: '调解成功（件）', value: m.succeeded },
      { item: '调解成功率', value: percentText(m.successRate) },
      { item: '已回访的协议（件）', value: m.agreementsFollowedUp },
      { item: '已履行（件）', value: m.agreementsPerformed },
      { item: '协议履行率', value: percentText(m.performanceRate) },
    ],
  )
  book.addSheet(
    '纠纷类型',
    [
      { header: '纠纷类型', key: 'label', width: 14 },
      { header: '案件数', key: 'cases', width: 10 },
      { header: '调解成功', key: 'succeeded', width: 10 },
    ],
    [...m.byDisputeType, { label: '合计', cases: m.cases, succeeded: m.succeeded }],
  )
  const c = d.conventions
  book.addSheet(
    '公约覆盖',
    [
      { header: '社区', key: 'community', width: 14 },
      { header: '社区居民公约', key: 'own', width: 14 },
      { header: '小区数', key: 'compounds', width: 10 },
      { header: '有公约的小区', key: 'covered', width: 14 },
      { header: '覆盖率', key: 'rate', width: 10 },
      { header: '尚无公约的小区', key: 'uncovered', width: 40 },
    ],
    [
      ...r.coverage.map((row) => ({
        community: row.communityName,
        own: row.communityConvention ? '施行中' : '无',
        compounds: row.compounds,
        covered: row.covered,
        rate: percentText(row.compounds === 0 ? null : row.covered / row.compounds),
        uncovered: row.uncovered.map((u) => u.name).join('、'),
      })),
      {
        community: '合计',
        own: `${c.communitiesCovered}/${c.communities}个社区`,
        compounds: c.compounds,
        covered: c.compoundsCovered,
        rate: percentText(c.coverageRate),
        uncovered: '',
      },
    ],
  )
  return book.finish()
}
