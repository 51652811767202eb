/**
 * Loads the 月报 for /print/monthly-report/:id?part=: the id is year × 100 +
 * month (202611), `part` one community's id (absent = the whole center).
 * The figures come from the same stats.dashboard the screen shows.
 */
import { api } from '../api/client'
import { printDocumentLabels } from '../../shared/print/target'
import { printedMonthlyReport, type PrintedMonthlyReport } from './monthlyReportText'
import { printedDate, todayIso } from './printDates'

export function monthOfReportId(id: number): { year: number; month: number } {
  const year = Math.floor(id / 100)
  const month = id % 100
  if (!Number.isInteger(id) || year < 2000 || year > 2100 || month < 1 || month > 12) {
    throw new Error('打印地址不正确：月报应为某年某月')
  }
  return { year, month }
}

export async function loadMonthlyReport(
  id: number,
  communityId: number | undefined,
): Promise<{ title: string; report: PrintedMonthlyReport }> {
  const { year, month } = monthOfReportId(id)
  if (communityId !== undefined && (!Number.isInteger(communityId) || communityId <= 0)) {
    throw new Error('打印地址不正确：社区编号无效')
  }
  const [dashboard, options, community] = await Promise.all([
    api.stats.dashboard({ period: { kind: 'month', year, number: month }, communityId }),
    api.intake.getOptions({}),
    communityId ? api.places.getCommunity({ id: communityId }) : Promise.resolve(null),
  ])
  const report = printedMonthlyReport({
    dashboard,
    officeName: options.officeName,
    communityName: community?.name,
    madeOn: printedDate(todayIso()),
  })
  return { title: `${printDocumentLabels['monthly-report']} ${dashboard.periodLabel} ${report.scope}`, report }
}
