/**
 * 回访: scheduled when an agreement is reached (at its performance
 * deadline), recorded by the mediator, and scheduled again while the
 * agreement is not (fully) performed.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ParsedInput } from '../../../../shared/api/contract'
import type { MediationCaseDetail } from '../../../../shared/api/mediation'
import { mediationClock, plusDays } from '../../../../shared/mediation/clock'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { changeStamp, createStamp } from '../rows'
import { fetchCaseDetail } from './caseDetail'
import { caseForWrite, notBefore, notFuture, saveCase, todayOf } from './caseWrite'
import type { FollowUpRow } from './caseParts'

export async function scheduleFollowUp(trx: Knex.Transaction, ctx: Ctx, caseId: number, dueOn: string): Promise<void> {
  await trx('mediation_followups').insert({ case_id: caseId, due_on: dueOn, ...createStamp(ctx), ...changeStamp(ctx) })
}

export function followUpService(db: Knex) {
  return {
    async record(ctx: Ctx, input: ParsedInput<'mediation.recordFollowUp'>): Promise<MediationCaseDetail> {
      return db.transaction(async (trx) => {
        const row = await caseForWrite(trx, ctx, input.caseId, '记录回访')
        const agreed = row.outcome === 'written_agreement' || row.outcome === 'oral_agreement'
        if (!agreed || (row.status !== 'concluded' && row.status !== 'closed')) {
          throw new ApiError('CONFLICT', '只有达成调解协议（书面或口头）的案件才需要回访')
        }
        const today = todayOf(ctx)
        notFuture(input.calledOn, today, '回访日期', 'calledOn')
        notBefore(input.calledOn, row.agreed_on, `回访日期不能早于达成协议的日期（${row.agreed_on}）`, 'calledOn')
        const values = {
          called_on: input.calledOn,
          caller: input.caller,
          performance: input.performance,
          satisfaction: input.satisfaction,
          lawsuit: input.lawsuit ? 1 : 0,
          lawsuit_note: input.lawsuit ? input.lawsuitNote : null,
          risk: input.risk,
          measures: input.measures,
          ...changeStamp(ctx),
        }
        let id = input.id
        if (id !== undefined) {
          const scheduled = (await trx('mediation_followups').where({ id, case_id: row.id }).first()) as
            FollowUpRow | undefined
          if (!scheduled) throw new ApiError('NOT_FOUND', '该次回访不存在，请刷新后重试', 'id')
          if (scheduled.called_on) {
            throw new ApiError('CONFLICT', `该次回访已于${scheduled.called_on}记录，请刷新后查看`, 'id')
          }
          await trx('mediation_followups').where({ id }).update(values)
        } else {
          const [inserted] = (await trx('mediation_followups')
            .insert({ case_id: row.id, due_on: input.calledOn, ...values, ...createStamp(ctx) })
            .returning('id')) as { id: number }[]
          id = inserted!.id
        }
        let next: string | null = null
        if (input.performance !== 'performed') {
          next = input.nextDueOn ?? plusDays(input.calledOn, mediationClock.nextFollowUpDays)
          if (next <= input.calledOn) {
            throw new ApiError('VALIDATION', '下次回访日期应晚于本次回访日期', 'nextDueOn')
          }
          await scheduleFollowUp(trx, ctx, row.id, next)
        }
        await saveCase(trx, ctx, row)
        await recordAudit(trx, ctx, {
          action: 'update',
          entity: 'mediation_case',
          entityId: row.id,
          detail: { followUp: id, performance: input.performance, nextFollowUp: next },
        })
        return fetchCaseDetail(trx, ctx.staff, today, row.id)
      })
    },
  }
}
