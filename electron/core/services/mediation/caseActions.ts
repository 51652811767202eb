/**
 * One step on a case (mediation.act): checked against the version the form
 * was loaded at and the statuses the step may be taken from, its dates
 * checked against what already happened, applied and audited, all in one
 * transaction.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ParsedInput } from '../../../../shared/api/contract'
import type { MediationCaseDetail } from '../../../../shared/api/mediation'
import { canTake, refusalOf } from '../../../../shared/mediation/actions'
import { acceptanceGaps } from '../../../../shared/mediation/acceptance'
import { mediationCaseNumber } from '../../../../shared/mediation/partyNames'
import { mediationDueDate } from '../../../../shared/mediation/clock'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { nowIso, staffId } from '../rows'
import { nextInSequence } from '../intake/sequences'
import type { CaseRow } from './caseRows'
import { fetchCaseDetail, loadFileSources } from './caseDetail'
import { fileIndexOf, missingForClose } from './caseFile'
import { sessionDate } from './caseParts'
import { readMediationOptions } from './options'
import { caseForWrite, checkVersion, notBefore, notFuture, saveCase, todayOf, type CaseStep } from './caseWrite'
import { outcomeStep } from './caseOutcomes'

type ActInput = ParsedInput<'mediation.act'>

async function firstSessionDay(trx: Knex.Transaction, caseId: number): Promise<string | null> {
  const rows = (await trx('mediation_sessions').where({ case_id: caseId }).select('held_at')) as { held_at: string }[]
  return rows.map((r) => sessionDate(r.held_at)).sort()[0] ?? null
}

async function stepFor(trx: Knex.Transaction, ctx: Ctx, row: CaseRow, input: ActInput): Promise<CaseStep> {
  const today = todayOf(ctx)
  switch (input.action) {
    case 'accept': {
      const parties = (await trx('mediation_parties').where({ case_id: row.id }).select('role')) as ActParty[]
      const mediators = (await trx('mediation_mediators').where({ case_id: row.id }).select('role')) as ActMediator[]
      const gaps = acceptanceGaps(parties, mediators)
      if (gaps.length > 0) {
        throw new ApiError('CONFLICT', `受理前还需要：${gaps.join('、')}。请先在“修改登记”中补充`)
      }
      notFuture(input.acceptedOn, today, '受理日期', 'acceptedOn')
      notBefore(input.acceptedOn, row.registered_on, `受理日期不能早于登记日期（${row.registered_on}）`, 'acceptedOn')
      const year = Number(input.acceptedOn.slice(0, 4))
      const seq = await nextInSequence(trx, `mediation:${year}`)
      const { shortName } = await readMediationOptions(trx)
      const due = mediationDueDate(input.acceptedOn)
      return {
        to: 'accepted',
        changes: {
          number: mediationCaseNumber(year, shortName, seq),
          year,
          seq,
          accepted_on: input.acceptedOn,
          accept_note: input.note,
          due_date: due,
          original_due_date: due,
        },
      }
    }
    case 'reject':
      notFuture(input.date, today, '不予受理日期', 'date')
      notBefore(input.date, row.registered_on, `不予受理日期不能早于登记日期（${row.registered_on}）`, 'date')
      return { to: 'rejected', changes: { rejected_on: input.date, reject_reason: input.reason } }
    case 'notify_rights': {
      notFuture(input.date, today, '告知日期', 'date')
      notBefore(input.date, row.accepted_on, `告知日期不能早于受理日期（${row.accepted_on}）`, 'date')
      const first = await firstSessionDay(trx, row.id)
      if (first !== null && input.date > first) {
        throw new ApiError('VALIDATION', `告知日期不能晚于第一次调解（${first}）：权利义务应在调解前告知`, 'date')
      }
      return { changes: { rights_notice_on: input.date, rights_notice_way: input.way } }
    }
    case 'extend': {
      notFuture(input.consentedOn, today, '双方同意日期', 'consentedOn')
      notBefore(input.consentedOn, row.accepted_on, `双方同意日期不能早于受理日期（${row.accepted_on}）`, 'consentedOn')
      const from = row.due_date!
      if (input.newDueDate <= from) {
        throw new ApiError('VALIDATION', `延长后的期限应晚于当前期限（${from}）`, 'newDueDate')
      }
      return {
        changes: { due_date: input.newDueDate },
        after: async () => {
          await trx('mediation_extensions').insert({
            case_id: row.id,
            consented_on: input.consentedOn,
            way: input.way,
            from_due: from,
            to_due: input.newDueDate,
            note: input.note,
            staff_id: staffId(ctx),
            at: nowIso(ctx),
          })
        },
      }
    }
    case 'conclude_written':
    case 'conclude_oral':
    case 'conclude_failed':
    case 'terminate':
    case 'judicial':
      return outcomeStep(trx, ctx, row, input)
    case 'close': {
      const sources = await loadFileSources(trx, row, today, input.pages)
      const missing = missingForClose(sources)
      if (missing.length > 0) throw new ApiError('CONFLICT', `结案前还需要：${missing.join('；')}`)
      const keys = new Set(fileIndexOf(sources).map((i) => i.key))
      const unknown = Object.keys(input.pages).find((k) => !keys.has(k))
      if (unknown) throw new ApiError('VALIDATION', '页数设置中有不在卷内目录中的材料，请刷新后重试', 'pages')
      notFuture(input.filedOn, today, '立卷日期', 'filedOn')
      notBefore(input.filedOn, row.concluded_on, `立卷日期不能早于调解结束日期（${row.concluded_on}）`, 'filedOn')
      return {
        to: 'closed',
        changes: {
          filer: input.filer,
          filed_on: input.filedOn,
          retention: input.retention,
          file_pages: JSON.stringify(input.pages),
          closed_on: input.filedOn,
        },
      }
    }
  }
}

type ActParty = { role: 'applicant' | 'respondent' | 'third_party' | 'agent' }
type ActMediator = { role: 'presiding' | 'assisting' }

export function caseActionService(db: Knex) {
  return {
    async act(ctx: Ctx, input: ActInput): Promise<MediationCaseDetail> {
      return db.transaction(async (trx) => {
        const row = await caseForWrite(trx, ctx, input.id, '办理本案')
        checkVersion(row, input.version)
        if (!canTake(input.action, row.status)) throw new ApiError('CONFLICT', refusalOf(input.action, row.status))
        const step = await stepFor(trx, ctx, row, input)
        const to = step.to ?? row.status
        await saveCase(trx, ctx, row, { ...step.changes, status: to })
        await step.after?.()
        await recordAudit(trx, ctx, {
          action: 'transition',
          entity: 'mediation_case',
          entityId: row.id,
          detail: { mediationAction: input.action, fromStatus: row.status, toStatus: to },
        })
        return fetchCaseDetail(trx, ctx.staff, todayOf(ctx), row.id)
      })
    },
  }
}
