/**
 * Registering a case and editing its registration, inside the caller's
 * transaction. Used by mediation.register/update and by the escalation of
 * a 诉求 (转人民调解), which registers a case in the same transaction.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ParsedInput } from '../../../../shared/api/contract'
import type { DisputeType, MediationSource } from '../../../../shared/mediation/labels'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { changeStamp, createStamp, staffId } from '../rows'
import { writeParties, type PartyRecord } from './caseParties'
import { checkMediators, writeMediators, type MediatorChoice } from './mediators'
import { notFuture, todayOf } from './caseWrite'

export type CaseContent = ParsedInput<'mediation.register'>

export interface CaseRecord {
  source: MediationSource
  disputeType: DisputeType
  complaintId: number | null
  visitId: number | null
  registeredOn: string
  parties: PartyRecord[]
  mediators: MediatorChoice[]
  facts: string
  requests: string[]
}

/** The 诉求 and the visit a case names must exist. */
export async function checkOrigin(trx: Knex.Transaction, c: { complaintId: number | null; visitId: number | null }) {
  if (c.complaintId !== null && !(await trx('complaints').where({ id: c.complaintId }).first('id'))) {
    throw new ApiError('VALIDATION', '所关联的诉求不存在，请重新选择', 'complaintId')
  }
  if (c.visitId !== null && !(await trx('visits').where({ id: c.visitId }).first('id'))) {
    throw new ApiError('VALIDATION', '所关联的来访登记不存在，请重新选择', 'visitId')
  }
}

export function contentColumns(c: CaseRecord): Record<string, unknown> {
  return {
    source: c.source,
    dispute_type: c.disputeType,
    complaint_id: c.complaintId,
    visit_id: c.visitId,
    registered_on: c.registeredOn,
    facts: c.facts,
    requests: JSON.stringify(c.requests),
  }
}

/** A new case in 待受理; a 调解员 registering without naming mediators presides. */
export async function registerCase(trx: Knex.Transaction, ctx: Ctx, c: CaseRecord): Promise<number> {
  notFuture(c.registeredOn, todayOf(ctx), '登记日期', 'registeredOn')
  await checkOrigin(trx, c)
  const mediators =
    c.mediators.length === 0 && ctx.staff?.role === 'mediator'
      ? [{ staffId: ctx.staff.id, role: 'presiding' as const }]
      : c.mediators
  await checkMediators(trx, mediators)
  const [row] = (await trx('mediation_cases')
    .insert({
      ...contentColumns(c),
      status: 'registered',
      registered_by: staffId(ctx),
      ...createStamp(ctx),
      ...changeStamp(ctx),
      version: 1,
    })
    .returning('id')) as { id: number }[]
  const id = row!.id
  await writeParties(trx, id, c.parties)
  await writeMediators(trx, id, mediators)
  await recordAudit(trx, ctx, {
    action: 'create',
    entity: 'mediation_case',
    entityId: id,
    detail: { caseSource: c.source, parties: c.parties.length },
  })
  return id
}
