/**
 * The mediation figures of a period: cases registered in it, how many were
 * concluded (达成协议, 调解不成 or 终止) and how many ended in an agreement
 * (written or oral), by dispute type; and of those agreements, how many
 * have been followed up and, at the latest follow-up, were 已履行.
 * A case belongs to a community as services/mediation/caseCommunity.ts
 * says (the case list filters by the same rule).
 */
import type { Knex } from 'knex'
import type { StatsDashboard } from '../../../shared/api/stats'
import { disputeTypeLabels, disputeTypes, type DisputeType } from '../../../shared/mediation/labels'
import type { DateRange } from './period'
import { rateOf } from './figures'
import { whereCaseInCommunity } from '../services/mediation/caseCommunity'

type Db = Knex | Knex.Transaction

const agreements = ['written_agreement', 'oral_agreement']
const concludedOutcomes = ['written_agreement', 'oral_agreement', 'failed', 'terminated']

function casesOf(db: Db, range: DateRange, communityId: number | undefined): Knex.QueryBuilder {
  const q = db({ m: 'mediation_cases' }).whereBetween('m.registered_on', [range.dateFrom, range.dateTo])
  if (communityId !== undefined) whereCaseInCommunity(db, q, 'm', communityId)
  return q
}

export async function mediationFigures(
  db: Db,
  range: DateRange,
  communityId: number | undefined,
): Promise<StatsDashboard['mediation']> {
  const byType = (await casesOf(db, range, communityId)
    .select(
      'm.dispute_type as key',
      db.raw('COUNT(*) AS cases'),
      db.raw(`SUM(m.outcome IN (${concludedOutcomes.map(() => '?').join(', ')})) AS concluded`, concludedOutcomes),
      db.raw('SUM(m.outcome IN (?, ?)) AS succeeded', agreements),
    )
    .groupBy('m.dispute_type')) as { key: string; cases: number; concluded: number; succeeded: number }[]
  const found = new Map(byType.map((r) => [r.key, r]))
  const sum = (k: 'cases' | 'concluded' | 'succeeded') => byType.reduce((n, r) => n + Number(r[k] ?? 0), 0)

  const latest = db('mediation_followups as f')
    .whereRaw('f.case_id = m.id')
    .whereNotNull('f.called_on')
    .orderBy('f.called_on', 'desc')
    .orderBy('f.id', 'desc')
    .limit(1)
    .select('f.performance')
  const followed = (await db
    .from(casesOf(db, range, communityId).whereIn('m.outcome', agreements).select(latest.as('performance')).as('a'))
    .whereNotNull('a.performance')
    .select(db.raw('COUNT(*) AS followed'), db.raw(`SUM(a.performance = 'performed') AS performed`))
    .first()) as { followed: number | null; performed: number | null } | undefined

  const concluded = sum('concluded')
  const succeeded = sum('succeeded')
  const followedUp = Number(followed?.followed ?? 0)
  const performed = Number(followed?.performed ?? 0)
  // Every dispute type of the national statistics, in its order, plus any code a later version adds.
  const types = [...disputeTypes, ...byType.map((r) => r.key).filter((k) => !disputeTypes.includes(k as DisputeType))]
  return {
    cases: sum('cases'),
    concluded,
    succeeded,
    successRate: rateOf(succeeded, concluded),
    byDisputeType: types.map((key) => ({
      key,
      label: disputeTypeLabels[key as DisputeType] ?? key,
      cases: Number(found.get(key)?.cases ?? 0),
      succeeded: Number(found.get(key)?.succeeded ?? 0),
    })),
    agreementsFollowedUp: followedUp,
    agreementsPerformed: performed,
    performanceRate: rateOf(performed, followedUp),
  }
}
