/**
 * 公约覆盖情况: per community, how many of its compounds (not archived) have a
 * 小区公约 in force, which do not (三无小区 stand out by kind), and whether the
 * community's own 社区居民公约 is in force.
 */
import type { MethodOutput, ParsedInput } from '../../../../shared/api/contract'
import type { CompoundKind } from '../../../../shared/labels'
import type { Db } from './rows'

/** covered/total as a percentage with one decimal, in whole-number arithmetic until the last step. */
export function percentOf(covered: number, total: number): number {
  if (total === 0) return 0
  return Math.round((covered * 1000) / total) / 10
}

export async function coverage(
  db: Db,
  input: ParsedInput<'conventions.coverage'>,
): Promise<MethodOutput<'conventions.coverage'>> {
  const communities = db('communities').whereNull('archived_at').orderBy('id').select('id', 'name')
  if (input.communityId !== undefined) communities.where({ id: input.communityId })
  const communityRows = (await communities) as { id: number; name: string }[]
  const compounds = (await db('compounds')
    .whereNull('archived_at')
    .whereIn(
      'community_id',
      communityRows.map((c) => c.id),
    )
    .orderBy('id')
    .select('id', 'community_id', 'name', 'kind')) as {
    id: number
    community_id: number
    name: string
    kind: CompoundKind
  }[]
  const inForce = (await db('conventions')
    .where({ status: 'in_force' })
    .select('scope', 'community_id', 'compound_id')) as {
    scope: 'community' | 'compound'
    community_id: number
    compound_id: number | null
  }[]
  const coveredCompounds = new Set(inForce.filter((c) => c.scope === 'compound').map((c) => c.compound_id))
  const communityConventions = new Set(inForce.filter((c) => c.scope === 'community').map((c) => c.community_id))
  return communityRows.map((community) => {
    const own = compounds.filter((c) => c.community_id === community.id)
    const uncovered = own.filter((c) => !coveredCompounds.has(c.id))
    const covered = own.length - uncovered.length
    return {
      communityId: community.id,
      communityName: community.name,
      communityConvention: communityConventions.has(community.id),
      compounds: own.length,
      covered,
      percent: percentOf(covered, own.length),
      uncovered: uncovered.map((c) => ({ compoundId: c.id, name: c.name, kind: c.kind })),
    }
  })
}
