/**
 * The outcome steps of a case: a written or oral agreement (with its
 * follow-up scheduled at the performance deadline), 调解不成, 终止, and the
 * 司法确认 record of an agreement.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ParsedInput } from '../../../../shared/api/contract'
import type { MediationOutcome } from '../../../../shared/mediation/labels'
import type { Ctx } from '../../context'
import type { CaseRow } from './caseRows'
import { sessionDate } from './caseParts'
import { scheduleFollowUp } from './followUps'
import { notBefore, notFuture, todayOf, type CaseStep } from './caseWrite'

type OutcomeInput = Extract<
  ParsedInput<'mediation.act'>,
  { action: 'conclude_written' | 'conclude_oral' | 'conclude_failed' | 'terminate' | 'judicial' }
>

/** The day of the last session held, or null before the first. */
async function lastSessionDay(trx: Knex.Transaction, caseId: number): Promise<string | null> {
  const rows = (await trx('mediation_sessions').where({ case_id: caseId }).select('held_at')) as { held_at: string }[]
  const days = rows.map((r) => sessionDate(r.held_at)).sort()
  return days.at(-1) ?? null
}

/** Shared checks of every outcome: a session was held (except to terminate), and the day fits. */
async function concluding(
  trx: Knex.Transaction,
  row: CaseRow,
  outcome: MediationOutcome,
  date: string,
  today: string,
  field: string,
): Promise<Record<string, unknown>> {
  notFuture(date, today, '调解结果日期', field)
  notBefore(date, row.accepted_on, `调解结果日期不能早于受理日期（${row.accepted_on}）`, field)
  const last = await lastSessionDay(trx, row.id)
  if (last === null && outcome !== 'terminated') {
    throw new ApiError('CONFLICT', '请先记录至少一次调解笔录，再记录调解结果（终止调解除外）')
  }
  notBefore(date, last, `调解结果日期不能早于最后一次调解（${last}）`, field)
  return { outcome, concluded_on: date }
}

export async function outcomeStep(
  trx: Knex.Transaction,
  ctx: Ctx,
  row: CaseRow,
  input: OutcomeInput,
): Promise<CaseStep> {
  const today = todayOf(ctx)
  switch (input.action) {
    case 'conclude_written': {
      const base = await concluding(trx, row, 'written_agreement', input.agreedOn, today, 'agreedOn')
      notFuture(input.effectiveOn, today, '协议生效日期', 'effectiveOn')
      notBefore(input.effectiveOn, input.agreedOn, '协议生效日期不能早于达成协议日期', 'effectiveOn')
      for (const [i, t] of input.terms.entries()) {
        notBefore(t.deadline, input.agreedOn, '履行期限不能早于达成协议日期', `terms.${i}.deadline`)
      }
      const principal = (await trx('mediation_parties')
        .where({ case_id: row.id })
        .whereNot({ role: 'agent' })
        .count({ n: '*' })
        .first()) as { n: number }
      const lastDeadline = input.terms
        .map((t) => t.deadline)
        .sort()
        .at(-1)!
      return {
        to: 'concluded',
        changes: {
          ...base,
          agreed_on: input.agreedOn,
          effective_on: input.effectiveOn,
          agreement_place: input.place,
          dispute_points: input.disputePoints,
          perform_by: lastDeadline,
          // One copy for each party, one kept by the committee.
          copies: Number(principal.n) + 1,
        },
        after: async () => {
          await trx('mediation_agreement_terms').insert(
            input.terms.map((t, position) => ({
              case_id: row.id,
              position,
              content: t.content,
              way: t.way,
              place: t.place,
              deadline: t.deadline,
            })),
          )
          await scheduleFollowUp(trx, ctx, row.id, lastDeadline)
        },
      }
    }
    case 'conclude_oral': {
      const base = await concluding(trx, row, 'oral_agreement', input.agreedOn, today, 'agreedOn')
      notBefore(input.performBy, input.agreedOn, '履行期限不能早于达成协议日期', 'performBy')
      return {
        to: 'concluded',
        changes: {
          ...base,
          agreed_on: input.agreedOn,
          effective_on: input.agreedOn,
          oral_content: input.content,
          perform_by: input.performBy,
        },
        after: () => scheduleFollowUp(trx, ctx, row.id, input.performBy),
      }
    }
    case 'conclude_failed':
      return {
        to: 'concluded',
        changes: { ...(await concluding(trx, row, 'failed', input.date, today, 'date')), failed_advice: input.advice },
      }
    case 'terminate':
      return {
        to: 'concluded',
        changes: {
          ...(await concluding(trx, row, 'terminated', input.date, today, 'date')),
          terminate_reason: input.reason,
        },
      }
    case 'judicial': {
      if (row.outcome !== 'written_agreement' && row.outcome !== 'oral_agreement') {
        throw new ApiError('CONFLICT', '只有达成调解协议的案件才能申请司法确认')
      }
      if (!input.applied) {
        return {
          changes: {
            judicial_applied: 0,
            judicial_applied_on: null,
            judicial_court: null,
            judicial_result: null,
            judicial_note: input.note,
          },
        }
      }
      if (!input.appliedOn) throw new ApiError('VALIDATION', '请填写申请司法确认的日期', 'appliedOn')
      if (!input.court) throw new ApiError('VALIDATION', '请填写受理司法确认申请的法院', 'court')
      notFuture(input.appliedOn, today, '申请日期', 'appliedOn')
      notBefore(input.appliedOn, row.effective_on, `申请日期不能早于协议生效日期（${row.effective_on}）`, 'appliedOn')
      return {
        changes: {
          judicial_applied: 1,
          judicial_applied_on: input.appliedOn,
          judicial_court: input.court,
          judicial_result: input.result,
          judicial_note: input.note,
        },
      }
    }
  }
}
