/**
 * The API handlers of 统计报表 (stats.*), for core's handler table
 * (electron/core/api.ts spreads them in). Definitions of every figure:
 * shared/api/stats.ts.
 */
import type { Knex } from 'knex'
import type { MethodOutput } from '../../../shared/api/contract'
import type { Ctx } from '../context'
import { recordAudit, type AuditEntity } from '../audit/trail'
import { buildDashboard, type StatsInputParsed } from './dashboard'
import { monthlyWorkbook } from './monthlyWorkbook'
import { periodLabel, periodOf, previousPeriod, reportName } from './period'

/**
 * 'stats' (统计报表) is the audit entity of the 月报 export; until
 * shared/api/audit.ts lists it the viewer shows the code as is.
 */
const STATS = 'stats' as string as AuditEntity

export function statsHandlers(db: Knex) {
  // One read transaction: every figure comes from the same moment, so the trend adds up to the totals.
  const read = (ctx: Ctx, input: StatsInputParsed) => db.transaction((trx) => buildDashboard(trx, ctx, input))
  return {
    'stats.dashboard': async (ctx: Ctx, input: StatsInputParsed): Promise<MethodOutput<'stats.dashboard'>> =>
      (await read(ctx, input)).dashboard,

    'stats.exportMonthly': async (ctx: Ctx, input: StatsInputParsed): Promise<MethodOutput<'stats.exportMonthly'>> => {
      const { dashboard, coverage, communityName } = await read(ctx, input)
      const period = periodOf(input.period)
      const buffer = await monthlyWorkbook({
        dashboard,
        coverage,
        scopeName: communityName ?? '全中心',
        previousLabel: periodLabel(previousPeriod(period)),
        created: ctx.clock.now(),
      })
      const name = reportName(period)
      await db.transaction((trx) =>
        recordAudit(trx, ctx, {
          action: 'export',
          entity: STATS,
          entityId: null,
          detail: { report: name, period: dashboard.periodLabel, community: communityName },
        }),
      )
      const suffix = communityName ? `-${communityName}` : ''
      return { fileName: `${name}-${dashboard.periodLabel}${suffix}.xlsx`, base64: buffer.toString('base64') }
    },
  }
}
