/**
 * 转人民调解: escalating a 诉求 registers a mediation case in the same
 * transaction, linked to it, with the resident who raised it as 申请人 and
 * the request as the only 申请事项. The mediator adds the other side and
 * the presiding mediator before accepting it.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { DisputeType } from '../../../../shared/mediation/labels'
import type { Ctx } from '../../context'
import { registerCase } from './caseRecords'
import { todayOf } from './caseWrite'

export async function registerFromComplaint(
  trx: Knex.Transaction,
  ctx: Ctx,
  complaintId: number,
  disputeType: DisputeType,
): Promise<number> {
  const open = (await trx('mediation_cases')
    .where({ complaint_id: complaintId })
    .whereNot({ status: 'rejected' })
    .first('number')) as { number: string | null } | undefined
  if (open) {
    const which = open.number ? `（${open.number}）` : '（待受理）'
    throw new ApiError('CONFLICT', `该诉求已转人民调解${which}，请在调解案件中继续办理`)
  }
  const c = (await trx('complaints').where({ id: complaintId }).first('person_id', 'request', 'facts')) as {
    person_id: number | null
    request: string
    facts: string | null
  }
  return registerCase(trx, ctx, {
    source: 'complaint',
    disputeType,
    complaintId,
    visitId: null,
    registeredOn: todayOf(ctx),
    parties:
      c.person_id === null
        ? []
        : [
            {
              personId: c.person_id,
              role: 'applicant',
              occupation: null,
              agentFor: null,
              authorization: null,
              identityNote: null,
            },
          ],
    mediators: [],
    facts: c.facts ? `${c.request}\n${c.facts}` : c.request,
    requests: [c.request],
  })
}
