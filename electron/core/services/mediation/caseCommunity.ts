/**
 * When a mediation case belongs to a community: a party lives in one of its
 * compounds, or the 诉求 it was escalated from concerns one. One definition
 * for the 统计报表 and the case list, so a statistics bar and the list it
 * opens count the same cases.
 */
import type { Knex } from 'knex'

type Db = Knex | Knex.Transaction

/** Adds the condition to `q`; `caseTable` is the name or alias the cases have in `q`. */
export function whereCaseInCommunity(db: Db, q: Knex.QueryBuilder, caseTable: string, communityId: number): void {
  q.where((w) =>
    w
      .whereExists(
        db({ mp: 'mediation_parties' })
          .join({ pp: 'persons' }, 'pp.id', 'mp.person_id')
          .join({ pc: 'compounds' }, 'pc.id', 'pp.compound_id')
          .whereRaw(`mp.case_id = ${caseTable}.id`)
          .where('pc.community_id', communityId)
          .select(db.raw('1')),
      )
      .orWhereExists(
        db({ mk: 'complaints' })
          .join({ kc: 'compounds' }, 'kc.id', 'mk.compound_id')
          .whereRaw(`mk.id = ${caseTable}.complaint_id`)
          .where('kc.community_id', communityId)
          .select(db.raw('1')),
      ),
  )
}
