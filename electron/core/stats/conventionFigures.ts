/**
 * 公约覆盖 today, from the conventions' own coverage (one definition: a
 * compound or community is covered when a convention of it is in force).
 */
import type { Knex } from 'knex'
import type { StatsDashboard } from '../../../shared/api/stats'
import type { MethodOutput } from '../../../shared/api/contract'
import { coverage } from '../services/conventions/coverage'
import { rateOf } from './figures'

export type CoverageRows = MethodOutput<'conventions.coverage'>

export function coverageRows(db: Knex | Knex.Transaction, communityId: number | undefined): Promise<CoverageRows> {
  return coverage(db, communityId === undefined ? {} : { communityId })
}

export function conventionFigures(rows: CoverageRows): StatsDashboard['conventions'] {
  const compounds = rows.reduce((n, r) => n + r.compounds, 0)
  const compoundsCovered = rows.reduce((n, r) => n + r.covered, 0)
  return {
    communities: rows.length,
    communitiesCovered: rows.filter((r) => r.communityConvention).length,
    compounds,
    compoundsCovered,
    coverageRate: rateOf(compoundsCovered, compounds),
  }
}
