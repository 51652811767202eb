/**
 * 统计报表: the figures leaders ask for, by month, quarter or year, and the
 * printable/exportable 月报.
 *
 * Definitions (one place, so screen, 月报, .xlsx and tests agree). The 诉求
 * figures count the cohort of 诉求 registered (received_date) in the period,
 * merged ones (已合并) left out:
 * - 登记量 received: the cohort.
 * - 受理量 accepted: the cohort minus 不予受理 and minus those still 登记
 *   (not yet decided).
 * - 办结量 resolved: of the cohort, those with a result (办结 and later).
 * - 办结率 resolvedRate = 办结量 / 受理量.
 * - 按期办结率 onTimeRate = resolved on or before their due date / 办结量.
 * - 满意率 satisfactionRate = (满意 + 基本满意) / 回访 with an answer.
 * - 平均办理天数 avgDaysToResolve: calendar days from receipt to 办结, mean
 *   over 办结量, one decimal.
 * - 超期 overdue: of the cohort, open today and past their due date.
 * - 重复来访 repeatVisits: visits in the period by a person who had visited
 *   before (any earlier visit).
 * Rates are 0–1 with 4 decimals, null when the denominator is 0.
 * Mediation counts cases registered in the period: 成功率 successRate =
 * written or oral agreement / cases concluded (达成协议 + 调解不成 + 终止);
 * 履行率 = agreements followed up as 已履行 / agreements followed up.
 * Conventions: coverage today (communities and compounds with a convention
 * in force).
 */
import { z } from './zod'
import { id } from './fields'

export const statsPeriodKinds = ['month', 'quarter', 'year'] as const
export type StatsPeriodKind = (typeof statsPeriodKinds)[number]
export const statsPeriodKindLabels: Record<StatsPeriodKind, string> = { month: '月度', quarter: '季度', year: '年度' }

export const statsPeriod = z
  .object({
    kind: z.enum(statsPeriodKinds, { error: '请选择统计周期（月、季、年）' }),
    year: z.number({ error: '请选择年份' }).int().min(2000, '年份应在2000年以后').max(2100, '年份不能晚于2100年'),
    /** Month 1–12 or quarter 1–4; ignored for a year. */
    number: z.number().int().min(1).max(12).default(1),
  })
  .refine((p) => p.kind !== 'quarter' || p.number <= 4, { message: '季度应为1至4', path: ['number'] })
export type StatsPeriod = z.input<typeof statsPeriod>

/** Breakdowns of the 诉求 figures. */
export const complaintDimensions = ['kind', 'category', 'community', 'compound', 'unit'] as const
export type ComplaintDimension = (typeof complaintDimensions)[number]
export const complaintDimensionLabels: Record<ComplaintDimension, string> = {
  kind: '按类型',
  category: '按分类',
  community: '按社区',
  compound: '按小区',
  unit: '按承办单位',
}

const rate = z.number().nullable()

export const complaintFigures = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  resolved: z.number().int(),
  resolvedRate: rate,
  onTimeRate: rate,
  satisfactionRate: rate,
  avgDaysToResolve: z.number().nullable(),
  overdue: z.number().int(),
})
export type ComplaintFigures = z.infer<typeof complaintFigures>

/**
 * One bar: `key` is what the list filter takes (kind code, category id,
 * community id, compound id, unit id; null = 未填/未交办).
 */
export const complaintBreakdownRow = complaintFigures.extend({
  key: z.union([z.string(), z.number().int()]).nullable(),
  label: z.string(),
})
export type ComplaintBreakdownRow = z.infer<typeof complaintBreakdownRow>

export const statsInput = z.object({
  period: statsPeriod,
  /** One community only (its compounds, its cases); absent = the whole center. */
  communityId: id.optional(),
})
export type StatsInput = z.input<typeof statsInput>

export const statsDashboard = z.object({
  /** The period in words: 2026年11月, 2026年第四季度, 2026年. */
  periodLabel: z.string(),
  /** First and last day of the period (ISO dates) — the list links use them as dateFrom/dateTo. */
  dateFrom: z.string(),
  dateTo: z.string(),
  complaints: complaintFigures.extend({ repeatVisits: z.number().int(), visits: z.number().int() }),
  /** The same figures for the period before (previous month/quarter/year), for 环比. */
  previous: complaintFigures,
  byDimension: z.record(z.enum(complaintDimensions), z.array(complaintBreakdownRow)),
  /** 登记量 and 办结量 per day (a month) or per month (quarter, year). */
  trend: z.array(
    z.object({
      label: z.string(),
      dateFrom: z.string(),
      dateTo: z.string(),
      received: z.number().int(),
      resolved: z.number().int(),
    }),
  ),
  mediation: z.object({
    cases: z.number().int(),
    concluded: z.number().int(),
    succeeded: z.number().int(),
    successRate: rate,
    byDisputeType: z.array(
      z.object({ key: z.string(), label: z.string(), cases: z.number().int(), succeeded: z.number().int() }),
    ),
    agreementsFollowedUp: z.number().int(),
    agreementsPerformed: z.number().int(),
    performanceRate: rate,
  }),
  conventions: z.object({
    communities: z.number().int(),
    communitiesCovered: z.number().int(),
    compounds: z.number().int(),
    compoundsCovered: z.number().int(),
    /** compoundsCovered / compounds, 0–1. */
    coverageRate: rate,
  }),
})
export type StatsDashboard = z.infer<typeof statsDashboard>

export const statsMethods = {
  'stats.dashboard': {
    summary: '统计报表：诉求、调解、公约的月度/季度/年度统计与分项',
    permission: 'stats.read',
    input: statsInput,
    output: statsDashboard,
  },
  'stats.exportMonthly': {
    summary: '导出月报（.xlsx）',
    permission: 'stats.read',
    input: statsInput,
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
} as const
