/**
 * The shared steps of every write to a case: read it in the transaction,
 * check the caller may write it (full access) and that it is still the
 * version the form was loaded at, then save the change with a new version
 * and who/when.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import { localDate } from '../../../../shared/calendar/workCalendar'
import type { MediationStatus } from '../../../../shared/mediation/labels'
import type { Ctx } from '../../context'
import { changeStamp, updateVersioned } from '../rows'
import { accessOf, requireFull } from './access'
import { fetchCaseRow, mediatorsOf, type CaseRow } from './caseRows'

export function todayOf(ctx: Ctx): string {
  return localDate(ctx.clock.now())
}

export const closedMessage = '案件已结案归档，不能修改'

export function staleCaseMessage(): string {
  return '该调解案件已被他人修改，请刷新后再保存（您的修改尚未保存）'
}

/** The case, if the caller may write it; `what` completes 只有本案调解员和管理员可以… */
export async function caseForWrite(trx: Knex.Transaction, ctx: Ctx, id: number, what: string): Promise<CaseRow> {
  const row = await fetchCaseRow(trx, id)
  const mediators = await mediatorsOf(trx, [id])
  requireFull(
    accessOf(
      ctx.staff,
      row.status,
      mediators.map((m) => m.staff_id),
    ),
    what,
  )
  return row
}

export function checkVersion(row: CaseRow, version: number): void {
  if (row.version !== version) throw new ApiError('CONFLICT', staleCaseMessage(), 'version')
}

/** Save columns of a case at the version read in this transaction (any write bumps it). */
export async function saveCase(
  trx: Knex.Transaction,
  ctx: Ctx,
  row: CaseRow,
  changes: Record<string, unknown> = {},
): Promise<void> {
  await updateVersioned(trx, 'mediation_cases', row.id, row.version, { ...changes, ...changeStamp(ctx) }, '调解案件')
}

/** A date typed for something that already happened. */
export function notFuture(date: string, today: string, label: string, field: string): void {
  if (date > today) throw new ApiError('VALIDATION', `${label}不能晚于今天`, field)
}

export function notBefore(date: string, earliest: string | null, message: string, field: string): void {
  if (earliest !== null && date < earliest) throw new ApiError('VALIDATION', message, field)
}

/** What one step changes on the case row, the status it leads to, and what it writes elsewhere after. */
export interface CaseStep {
  changes: Record<string, unknown>
  to?: MediationStatus
  after?: () => Promise<void>
}
