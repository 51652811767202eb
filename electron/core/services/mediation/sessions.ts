/**
 * 调解笔录: one record per session. The parties must have been told their
 * rights first (人民调解法 第二十三条); the session is presided over by one
 * of the case's mediators; who attended, and whether each signed the paper.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ParsedInput } from '../../../../shared/api/contract'
import type { MediationCaseDetail } from '../../../../shared/api/mediation'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { changeStamp, createStamp, updateVersioned } from '../rows'
import { fetchCaseDetail } from './caseDetail'
import { sessionDate } from './caseParts'
import { caseForWrite, closedMessage, notBefore, notFuture, saveCase, todayOf } from './caseWrite'

type SessionInput = ParsedInput<'mediation.saveSession'>

export const rightsFirstMessage = '请先记录权利义务告知（日期和方式），再记录调解笔录'

export function sessionService(db: Knex) {
  return {
    async save(ctx: Ctx, input: SessionInput): Promise<MediationCaseDetail> {
      return db.transaction(async (trx) => {
        const row = await caseForWrite(trx, ctx, input.caseId, '记录调解笔录')
        const editing = input.id !== undefined
        if (row.status === 'closed') throw new ApiError('CONFLICT', closedMessage)
        if (row.status === 'concluded' && !editing) {
          throw new ApiError('CONFLICT', '调解已结束，不能再新增调解笔录（已有笔录仍可修改）')
        }
        if (row.status !== 'accepted' && row.status !== 'concluded') {
          throw new ApiError('CONFLICT', '案件受理后才能记录调解笔录')
        }
        if (!row.rights_notice_on) throw new ApiError('CONFLICT', rightsFirstMessage)
        const today = todayOf(ctx)
        const day = sessionDate(input.heldAt)
        if (day < row.rights_notice_on) {
          throw new ApiError(
            'VALIDATION',
            `${rightsFirstMessage}：告知日期（${row.rights_notice_on}）晚于本次调解`,
            'heldAt',
          )
        }
        notFuture(day, today, '调解时间', 'heldAt')
        notBefore(day, row.accepted_on, `调解时间不能早于受理日期（${row.accepted_on}）`, 'heldAt')
        if (row.concluded_on && day > row.concluded_on) {
          throw new ApiError('VALIDATION', `调解时间不能晚于调解结束日期（${row.concluded_on}）`, 'heldAt')
        }
        const mediator = await trx('mediation_mediators')
          .where({ case_id: row.id, staff_id: input.presidingStaffId })
          .first('staff_id')
        if (!mediator) throw new ApiError('VALIDATION', '主持调解员应为本案的调解员之一', 'presidingStaffId')
        if (!input.open && !input.closedReason) {
          throw new ApiError(
            'VALIDATION',
            '不公开调解时请填写理由（涉及隐私、商业秘密或当事人反对公开）',
            'closedReason',
          )
        }
        const partyIds = new Set(
          ((await trx('mediation_parties').where({ case_id: row.id }).select('id')) as { id: number }[]).map(
            (p) => p.id,
          ),
        )
        for (const [i, a] of input.attendees.entries()) {
          if (a.partyId !== null && !partyIds.has(a.partyId)) {
            throw new ApiError('VALIDATION', `到场人员${a.name}不是本案当事人，请重新选择`, `attendees.${i}.partyId`)
          }
        }
        const values = {
          held_at: input.heldAt,
          place: input.place,
          presiding_staff_id: input.presidingStaffId,
          recorder: input.recorder,
          open: input.open ? 1 : 0,
          closed_reason: input.open ? null : input.closedReason,
          record: input.record,
          next_steps: input.nextSteps,
          ...changeStamp(ctx),
        }
        let id: number
        if (input.id !== undefined) {
          const own = await trx('mediation_sessions').where({ id: input.id, case_id: row.id }).first('id')
          if (!own) throw new ApiError('NOT_FOUND', '该调解笔录不存在或已被删除，请刷新后重试', 'id')
          await updateVersioned(trx, 'mediation_sessions', input.id, input.version, values, '调解笔录')
          await trx('mediation_session_attendees').where({ session_id: input.id }).delete()
          id = input.id
        } else {
          const last = (await trx('mediation_sessions').where({ case_id: row.id }).max({ seq: 'seq' }).first()) as {
            seq: number | null
          }
          const [inserted] = (await trx('mediation_sessions')
            .insert({ ...values, case_id: row.id, seq: (last.seq ?? 0) + 1, ...createStamp(ctx), version: 1 })
            .returning('id')) as { id: number }[]
          id = inserted!.id
        }
        await trx('mediation_session_attendees').insert(
          input.attendees.map((a, position) => ({
            session_id: id,
            position,
            party_id: a.partyId,
            name: a.name,
            capacity: a.capacity,
            signed: a.signed ? 1 : 0,
          })),
        )
        await saveCase(trx, ctx, row)
        await recordAudit(trx, ctx, {
          action: editing ? 'update' : 'create',
          entity: 'mediation_case',
          entityId: row.id,
          detail: { session: id },
        })
        return fetchCaseDetail(trx, ctx.staff, today, row.id)
      })
    },
  }
}
