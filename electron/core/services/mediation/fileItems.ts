/**
 * Papers added to the 卷宗 by hand (调查记录, 证据材料, 履行凭证…): name, date
 * and pages, so the 卷内目录 numbers every page. Fixed once the case is filed.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ParsedInput } from '../../../../shared/api/contract'
import type { MediationCaseDetail } from '../../../../shared/api/mediation'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { changeStamp, createStamp } from '../rows'
import { fetchCaseDetail } from './caseDetail'
import { caseForWrite, closedMessage, notFuture, saveCase, todayOf } from './caseWrite'
import type { CaseRow } from './caseRows'

function refuseFiled(row: CaseRow): void {
  if (row.status === 'closed') throw new ApiError('CONFLICT', closedMessage)
  if (row.status === 'rejected') throw new ApiError('CONFLICT', '该案件已不予受理，不立卷宗')
}

export function fileItemService(db: Knex) {
  return {
    async save(ctx: Ctx, input: ParsedInput<'mediation.saveFileItem'>): Promise<MediationCaseDetail> {
      return db.transaction(async (trx) => {
        const row = await caseForWrite(trx, ctx, input.caseId, '整理卷宗材料')
        refuseFiled(row)
        const today = todayOf(ctx)
        if (input.date) notFuture(input.date, today, '材料日期', 'date')
        const values = {
          kind: input.kind,
          title: input.title,
          date: input.date,
          pages: input.pages,
          ...changeStamp(ctx),
        }
        let id = input.id
        if (id !== undefined) {
          const changed = await trx('mediation_file_items').where({ id, case_id: row.id }).update(values)
          if (changed !== 1) throw new ApiError('NOT_FOUND', '该卷宗材料不存在或已被移除，请刷新后重试', 'id')
        } else {
          const [inserted] = (await trx('mediation_file_items')
            .insert({ ...values, case_id: row.id, ...createStamp(ctx) })
            .returning('id')) as { id: number }[]
          id = inserted!.id
        }
        await saveCase(trx, ctx, row)
        await recordAudit(trx, ctx, {
          action: input.id === undefined ? 'create' : 'update',
          entity: 'mediation_case',
          entityId: row.id,
          detail: { fileItem: id, fileItemKind: input.kind },
        })
        return fetchCaseDetail(trx, ctx.staff, today, row.id)
      })
    },

    async remove(ctx: Ctx, input: ParsedInput<'mediation.removeFileItem'>): Promise<MediationCaseDetail> {
      return db.transaction(async (trx) => {
        const row = await caseForWrite(trx, ctx, input.caseId, '整理卷宗材料')
        refuseFiled(row)
        const removed = await trx('mediation_file_items').where({ id: input.id, case_id: row.id }).delete()
        if (removed !== 1) throw new ApiError('NOT_FOUND', '该卷宗材料不存在或已被移除，请刷新后重试', 'id')
        await saveCase(trx, ctx, row)
        await recordAudit(trx, ctx, {
          action: 'delete',
          entity: 'mediation_case',
          entityId: row.id,
          detail: { fileItem: input.id },
        })
        return fetchCaseDetail(trx, ctx.staff, todayOf(ctx), row.id)
      })
    },
  }
}
