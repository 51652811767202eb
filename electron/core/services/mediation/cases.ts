/**
 * 调解案件: the list (every caller sees every case, at their access), one
 * case (a full read is audited as 查看调解记录), registering a case and
 * editing its registration.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { MethodOutput, ParsedInput } from '../../../../shared/api/contract'
import type { MediationCaseDetail } from '../../../../shared/api/mediation'
import { acceptanceGaps } from '../../../../shared/mediation/acceptance'
import { mediationClock, plusDays } from '../../../../shared/mediation/clock'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { likePattern } from '../rows'
import { mayReadNames } from './access'
import { whereCaseInCommunity } from './caseCommunity'
import { selectCases, toMediationCases, type CaseRow } from './caseRows'
import { fetchCaseDetail } from './caseDetail'
import { resolveParties } from './caseParties'
import { checkOrigin, contentColumns, registerCase, type CaseContent } from './caseRecords'
import { checkMediators, writeMediators } from './mediators'
import { writeParties } from './caseParties'
import { caseForWrite, checkVersion, closedMessage, notFuture, saveCase, todayOf } from './caseWrite'

type Filter = ParsedInput<'mediation.list'>

function filtered(db: Knex, ctx: Ctx, f: Filter): Knex.QueryBuilder {
  const q = selectCases(db)
  const today = todayOf(ctx)
  if (f.query) {
    const like = likePattern(f.query)
    q.where((w) => {
      w.whereRaw(`mediation_cases.number LIKE ? ESCAPE '\\'`, [like])
      // A name match would tell a caller who may not read names who the parties are.
      if (mayReadNames(ctx.staff)) {
        w.orWhereExists(
          db('mediation_parties')
            .join('persons', 'persons.id', 'mediation_parties.person_id')
            .whereRaw('mediation_parties.case_id = mediation_cases.id')
            .whereRaw(`persons.name LIKE ? ESCAPE '\\'`, [like]),
        )
      }
    })
  }
  if (f.status.length > 0) q.whereIn('mediation_cases.status', f.status)
  if (f.disputeType) q.where('mediation_cases.dispute_type', f.disputeType)
  if (f.source) q.where('mediation_cases.source', f.source)
  if (f.year) {
    q.whereRaw('coalesce(mediation_cases.year, cast(substr(mediation_cases.registered_on, 1, 4) as integer)) = ?', [
      f.year,
    ])
  }
  if (f.outcome.length > 0) q.whereIn('mediation_cases.outcome', f.outcome)
  if (f.dateFrom) q.where('mediation_cases.registered_on', '>=', f.dateFrom)
  if (f.dateTo) q.where('mediation_cases.registered_on', '<=', f.dateTo)
  if (f.communityId) whereCaseInCommunity(db, q, 'mediation_cases', f.communityId)
  if (f.mine) {
    q.whereExists(
      db('mediation_mediators')
        .whereRaw('mediation_mediators.case_id = mediation_cases.id')
        .where('mediation_mediators.staff_id', ctx.staff?.id ?? 0),
    )
  }
  if (f.clock) {
    const soon = plusDays(today, mediationClock.dueSoonDays)
    q.where('mediation_cases.status', 'accepted')
    if (f.clock === 'overdue') q.where('mediation_cases.due_date', '<', today)
    if (f.clock === 'due_soon') q.whereBetween('mediation_cases.due_date', [today, soon])
    if (f.clock === 'ok') q.where('mediation_cases.due_date', '>', soon)
  }
  return q
}

export function caseService(db: Knex) {
  async function detail(trx: Knex | Knex.Transaction, ctx: Ctx, id: number): Promise<MediationCaseDetail> {
    return fetchCaseDetail(trx, ctx.staff, todayOf(ctx), id)
  }

  return {
    async list(ctx: Ctx, f: Filter): Promise<MethodOutput<'mediation.list'>> {
      const q = filtered(db, ctx, f)
      const total = (await q.clone().clearSelect().count({ n: '*' }).first()) as { n: number }
      const rows = (await q
        .orderBy('mediation_cases.registered_on', 'desc')
        .orderBy('mediation_cases.id', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)) as CaseRow[]
      return {
        items: await toMediationCases(db, ctx.staff, todayOf(ctx), rows),
        total: Number(total.n),
        page: f.page,
        pageSize: f.pageSize,
      }
    },

    async get(ctx: Ctx, input: ParsedInput<'mediation.get'>): Promise<MediationCaseDetail> {
      return db.transaction(async (trx) => {
        const found = await detail(trx, ctx, input.id)
        // Every read of the notes is on record (who and when, never what was read).
        if (found.access === 'full') {
          await recordAudit(trx, ctx, { action: 'view_notes', entity: 'mediation_case', entityId: found.id })
        }
        return found
      })
    },

    async register(ctx: Ctx, input: CaseContent): Promise<MediationCaseDetail> {
      return db.transaction(async (trx) => {
        const parties = await resolveParties(trx, ctx, input.parties)
        const id = await registerCase(trx, ctx, { ...input, parties })
        return detail(trx, ctx, id)
      })
    },

    async update(ctx: Ctx, input: ParsedInput<'mediation.update'>): Promise<MediationCaseDetail> {
      return db.transaction(async (trx) => {
        const row = await caseForWrite(trx, ctx, input.id, '修改案件登记')
        checkVersion(row, input.version)
        if (row.status === 'closed') throw new ApiError('CONFLICT', closedMessage)
        if (row.status === 'rejected') throw new ApiError('CONFLICT', '该案件已不予受理，不能再修改登记内容')
        notFuture(input.registeredOn, todayOf(ctx), '登记日期', 'registeredOn')
        if (row.accepted_on && input.registeredOn > row.accepted_on) {
          throw new ApiError('VALIDATION', `登记日期不能晚于受理日期（${row.accepted_on}）`, 'registeredOn')
        }
        await checkOrigin(trx, input)
        await checkMediators(trx, input.mediators)
        const parties = await resolveParties(trx, ctx, input.parties)
        if (row.status !== 'registered') {
          const gaps = acceptanceGaps(input.parties, input.mediators)
          if (gaps.length > 0) {
            throw new ApiError(
              'VALIDATION',
              `案件已受理，登记中仍须有：${gaps.join('、')}`,
              gaps.includes('主持调解员') ? 'mediators' : 'parties',
            )
          }
        }
        await saveCase(trx, ctx, row, contentColumns({ ...input, parties }))
        await writeParties(trx, row.id, parties)
        await writeMediators(trx, row.id, input.mediators)
        await recordAudit(trx, ctx, {
          action: 'update',
          entity: 'mediation_case',
          entityId: row.id,
          detail: { parties: parties.length, mediators: input.mediators.length },
        })
        return detail(trx, ctx, row.id)
      })
    },
  }
}
