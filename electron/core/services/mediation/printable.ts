/**
 * Mediation documents carry the parties' details and the case notes: only
 * the case's mediators and administrators print them, as only they read them.
 */
import type { Knex } from 'knex'
import type { Ctx } from '../../context'
import { accessOf, requireFull } from './access'
import { fetchCaseRow, mediatorsOf } from './caseRows'

export async function assertMediationPrintable(db: Knex, ctx: Ctx, id: number): Promise<void> {
  const row = await fetchCaseRow(db, id)
  const mediators = await mediatorsOf(db, [id])
  requireFull(
    accessOf(
      ctx.staff,
      row.status,
      mediators.map((m) => m.staff_id),
    ),
    '打印本案的调解文书',
  )
}
