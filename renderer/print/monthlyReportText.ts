/**
 * The 月报's text, built from the dashboard the screen shows: every figure
 * formatted the same way (renderer/pages/Stats/format.ts), the 环比 column,
 * one table per breakdown, 人民调解 and 居民公约, and the 说明 that gives the
 * definitions a reader of the paper needs.
 */
import { complaintDimensionLabels, complaintDimensions, type StatsDashboard } from '../../shared/api/stats'
import { change, count, figure, percent } from '../pages/Stats/format'
import { figureSpecs } from '../pages/Stats/figures'

export interface PrintedTable {
  title: string
  head: string[]
  rows: string[][]
  /** Shown instead of the rows when there are none. */
  empty: string
}

export interface PrintedMonthlyReport {
  office: string
  title: string
  periodLine: string
  scope: string
  madeOn: string
  figures: PrintedTable
  visits: string
  breakdowns: PrintedTable[]
  mediation: PrintedTable
  disputeTypes: PrintedTable
  conventions: string
  notes: string[]
}

export interface MonthlyReportSource {
  dashboard: StatsDashboard
  officeName: string
  /** The community the report is limited to; absent = the whole center. */
  communityName?: string
  /** 制表日期, already in print form (2026年11月26日). */
  madeOn: string
}

export const breakdownHead = ['项目', '登记', '受理', '办结', '办结率', '按期办结率', '满意率', '平均天数', '超期']

export function printedMonthlyReport(s: MonthlyReportSource): PrintedMonthlyReport {
  const d = s.dashboard
  const figures: PrintedTable = {
    title: '诉求办理情况',
    head: ['指标', '本月', '上月', '环比'],
    rows: figureSpecs.map((f) => [
      f.label,
      figure(f.kind, d.complaints[f.key]),
      figure(f.kind, d.previous[f.key]),
      change(f.kind, d.complaints[f.key], d.previous[f.key], f.better).text.replace(/^环比 /, ''),
    ]),
    empty: '',
  }
  const breakdowns = complaintDimensions.map<PrintedTable>((dim) => ({
    title: complaintDimensionLabels[dim],
    head: breakdownHead,
    rows: [...(d.byDimension[dim] ?? [])]
      .sort((a, b) => b.received - a.received)
      .map((r) => [r.label, ...figureSpecs.map((f) => figure(f.kind, r[f.key]))]),
    empty: '本月没有诉求',
  }))
  const m = d.mediation
  const c = d.conventions
  return {
    office: s.officeName,
    title: '统计月报',
    periodLine: `${d.periodLabel}（${d.dateFrom}至${d.dateTo}）`,
    scope: s.communityName ?? '全部社区',
    madeOn: s.madeOn,
    figures,
    visits: `本月来访${count(d.complaints.visits)}人次，其中重复来访${count(d.complaints.repeatVisits)}人次。`,
    breakdowns,
    mediation: {
      title: '人民调解',
      head: ['受理案件', '已结案件', '调解成功', '调解成功率', '已回访协议', '已履行', '履行率'],
      rows: [
        [
          count(m.cases),
          count(m.concluded),
          count(m.succeeded),
          percent(m.successRate),
          count(m.agreementsFollowedUp),
          count(m.agreementsPerformed),
          percent(m.performanceRate),
        ],
      ],
      empty: '',
    },
    disputeTypes: {
      title: '按纠纷类型',
      head: ['纠纷类型', '案件数', '调解成功'],
      // Types without a case this month would only lengthen the paper.
      rows: m.byDisputeType
        .filter((t) => t.cases > 0)
        .sort((a, b) => b.cases - a.cases)
        .map((t) => [t.label, count(t.cases), count(t.succeeded)]),
      empty: '本月没有调解案件',
    },
    conventions:
      `截至制表日，${count(c.communities)}个社区中${count(c.communitiesCovered)}个、` +
      `${count(c.compounds)}个小区中${count(c.compoundsCovered)}个有生效的居民公约，小区覆盖率${percent(c.coverageRate)}。`,
    notes: [
      '诉求按登记日期统计，不含已合并的诉求；受理量为登记量减去不予受理和尚未决定受理的。',
      '办结率＝办结量÷受理量；按期办结率＝期限内办结÷办结量；满意率＝（满意＋基本满意）÷有答复的回访。',
      '平均天数为登记至办结的自然日平均；超期为尚未办结且已过办理期限的。',
      '环比与上月相比，比率的变化以百分点计；“—”表示无可计算的数据。',
    ],
  }
}
