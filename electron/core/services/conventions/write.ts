/**
 * Every change to a convention goes through `writeConvention`: one
 * transaction that checks the version the clerk loaded, applies the change,
 * bumps the convention's version and writes both the audit event and the
 * convention's own history (who, when, what), so none exists without the others.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ConventionDetail } from '../../../../shared/api/conventions'
import type { Ctx } from '../../context'
import { recordAudit, type AuditAction } from '../../audit/trail'
import { changeStamp, nowIso, staffId, updateVersioned } from '../rows'
import { fetchDetail } from './queries'
import { fetchConventionRow, type ConventionRow } from './rows'

export interface HistoryEntry {
  versionId: number | null
  /** In Chinese, as the history shows it: 提交审核, 表决通过 … */
  action: string
  note?: string | null
}

export interface Change {
  /** Columns of `conventions` to set. */
  changes?: Record<string, unknown>
  history: HistoryEntry[]
  audit: { action: AuditAction; detail?: Record<string, string | number | boolean | null> }
}

export function staleMessage(): string {
  return '该公约已被他人修改，请刷新后再操作（您填写的内容尚未提交）'
}

export async function appendHistory(
  trx: Knex.Transaction,
  ctx: Ctx,
  conventionId: number,
  entry: HistoryEntry,
): Promise<void> {
  await trx('convention_events').insert({
    convention_id: conventionId,
    version_id: entry.versionId,
    at: nowIso(ctx),
    staff_id: staffId(ctx),
    action: entry.action,
    note: entry.note ?? null,
  })
}

/** Marks a version as changed now (its updatedAt), by whom. */
export async function touchVersion(
  trx: Knex.Transaction,
  ctx: Ctx,
  versionId: number,
  values: Record<string, unknown> = {},
): Promise<void> {
  await trx('convention_versions')
    .where({ id: versionId })
    .update({ ...values, ...changeStamp(ctx) })
}

export async function writeConvention(
  db: Knex,
  ctx: Ctx,
  target: { id: number; version: number },
  apply: (trx: Knex.Transaction, c: ConventionRow) => Promise<Change>,
): Promise<ConventionDetail> {
  await db.transaction(async (trx) => {
    const c = await fetchConventionRow(trx, target.id)
    if (c.version !== target.version) throw new ApiError('CONFLICT', staleMessage())
    if (c.status === 'repealed') {
      throw new ApiError('CONFLICT', `该公约已于${c.repealed_on ?? ''}废止，不能再修改或办理`)
    }
    const change = await apply(trx, c)
    await updateVersioned(trx, 'conventions', c.id, target.version, { ...change.changes, ...changeStamp(ctx) }, '公约')
    await recordAudit(trx, ctx, {
      action: change.audit.action,
      entity: 'convention',
      entityId: c.id,
      ...(change.audit.detail ? { detail: change.audit.detail } : {}),
    })
    for (const entry of change.history) await appendHistory(trx, ctx, c.id, entry)
  })
  return fetchDetail(db, target.id)
}
