/** stats.dashboard: every figure of a period, its previous period, breakdowns and trend. */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type { StatsDashboard } from '../../../shared/api/stats'
import type { ParsedInput } from '../../../shared/api/contract'
import { localDate } from '../../../shared/calendar/workCalendar'
import type { Ctx } from '../context'
import { periodLabel, periodOf, periodRange, previousPeriod, trendBuckets, type Period } from './period'
import { figuresOf } from './figures'
import { groupedSums, totalSums, type Scope } from './cohort'
import { breakdowns } from './breakdowns'
import { visitFigures } from './visitFigures'
import { mediationFigures } from './mediationFigures'
import { conventionFigures, coverageRows, type CoverageRows } from './conventionFigures'

type Db = Knex | Knex.Transaction
export type StatsInputParsed = ParsedInput<'stats.dashboard'>

/** The community asked for, by name; a clear message at the field when there is none. */
export async function communityOf(db: Db, communityId: number | undefined): Promise<string | null> {
  if (communityId === undefined) return null
  const row = (await db('communities').where({ id: communityId }).first('name')) as { name: string } | undefined
  if (!row) throw new ApiError('VALIDATION', '所选社区不存在，请重新选择', 'communityId')
  return row.name
}

async function trendOf(db: Db, period: Period, scope: Scope): Promise<StatsDashboard['trend']> {
  const key = period.kind === 'month' ? 'c.received_date' : 'substr(c.received_date, 1, 7)'
  const found = new Map((await groupedSums(db, scope, [key])).map((g) => [g.keys[0], g.sums]))
  return trendBuckets(period).map((b) => ({
    label: b.label,
    dateFrom: b.dateFrom,
    dateTo: b.dateTo,
    received: found.get(b.key)?.received ?? 0,
    resolved: found.get(b.key)?.resolved ?? 0,
  }))
}

/** The dashboard and the per-community coverage it was counted from (the 月报 lists that too). */
export async function buildDashboard(
  db: Db,
  ctx: Ctx,
  input: StatsInputParsed,
): Promise<{ dashboard: StatsDashboard; coverage: CoverageRows; communityName: string | null }> {
  const communityName = await communityOf(db, input.communityId)
  const period = periodOf(input.period)
  const range = periodRange(period)
  const today = localDate(ctx.clock.now())
  const scope: Scope = { range, communityId: input.communityId, today }
  const previousScope: Scope = { ...scope, range: periodRange(previousPeriod(period)) }
  const { total, byDimension } = await breakdowns(db, scope)
  const visits = await visitFigures(db, range, input.communityId)
  const coverage = await coverageRows(db, input.communityId)
  return {
    communityName,
    coverage,
    dashboard: {
      periodLabel: periodLabel(period),
      dateFrom: range.dateFrom,
      dateTo: range.dateTo,
      complaints: { ...figuresOf(total), ...visits },
      previous: figuresOf(await totalSums(db, previousScope)),
      byDimension,
      trend: await trendOf(db, period, scope),
      mediation: await mediationFigures(db, range, input.communityId),
      conventions: conventionFigures(coverage),
    },
  }
}
