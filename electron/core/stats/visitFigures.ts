/**
 * 来访量 and 重复来访 of a period: visits whose local date falls in it, and
 * of those the ones by a person who had visited before (any earlier visit,
 * in or before the period). With a community, visits by people living in
 * its compounds.
 *
 * Counted the other way round, because a lookup per visit is what makes it
 * slow: every visit repeats except each newcomer's first one, so
 * repeats = visits − people who came in the period and never before it.
 */
import type { Knex } from 'knex'
import type { DateRange } from './period'

type Db = Knex | Knex.Transaction

/** visited_at is a UTC instant; the period's days are local, as in visits.list. */
function instants(range: DateRange): [string, string] {
  return [new Date(`${range.dateFrom}T00:00:00`).toISOString(), new Date(`${range.dateTo}T24:00:00`).toISOString()]
}

export async function visitFigures(
  db: Db,
  range: DateRange,
  communityId: number | undefined,
): Promise<{ visits: number; repeatVisits: number }> {
  const [from, until] = instants(range)
  const community =
    communityId === undefined
      ? ''
      : 'JOIN persons p ON p.id = v.person_id JOIN compounds cp ON cp.id = p.compound_id AND cp.community_id = ?'
  // One pass over the period's visits (materialised), then the newcomers among their people.
  const rows = (await db.raw(
    `WITH pv AS MATERIALIZED (
       SELECT v.person_id AS id FROM visits v ${community}
       WHERE v.visited_at >= ? AND v.visited_at < ?)
     SELECT (SELECT COUNT(*) FROM pv) AS visits,
       (SELECT COUNT(*) FROM (SELECT DISTINCT id FROM pv) n
        WHERE NOT EXISTS (SELECT 1 FROM visits e WHERE e.person_id = n.id AND e.visited_at < ?)) AS newcomers`,
    [...(communityId === undefined ? [] : [communityId]), from, until, from],
  )) as { visits: number; newcomers: number }[]
  const visits = Number(rows[0]?.visits ?? 0)
  return { visits, repeatVisits: visits - Number(rows[0]?.newcomers ?? 0) }
}
