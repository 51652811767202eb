/** Small helpers shared by services: timestamps, LIKE patterns, versioned updates, archiving. */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type { Ctx } from '../context'
import { recordAudit, type AuditEntity } from '../audit/trail'

export function nowIso(ctx: Ctx): string {
  return ctx.clock.now().toISOString()
}

export function staffId(ctx: Ctx): number {
  if (!ctx.staff) throw new ApiError('UNAUTHENTICATED', '请先登录')
  return ctx.staff.id
}

/** `%text%` with LIKE's own wildcards escaped, for use with `ESCAPE '\\'`. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export function whereNameLike(q: Knex.QueryBuilder, column: string, text: string): Knex.QueryBuilder {
  return q.whereRaw(`?? LIKE ? ESCAPE '\\'`, [column, likePattern(text)])
}

/**
 * Update a row only if nobody saved it since the clerk opened it. Two clerks
 * saving the same record: the second is told to reload, nothing is lost.
 */
export async function updateVersioned(
  trx: Knex.Transaction,
  table: string,
  id: number,
  version: number | undefined,
  values: Record<string, unknown>,
  what: string,
): Promise<void> {
  if (version === undefined) {
    throw new ApiError('VALIDATION', `修改${what}时缺少版本号，请刷新后重试`, 'version')
  }
  const changed = await trx(table)
    .where({ id, version })
    .update({ ...values, version: version + 1 })
  if (changed === 1) return
  const exists = await trx(table).where({ id }).first('id')
  if (!exists) throw new ApiError('NOT_FOUND', `该${what}不存在或已被删除`)
  throw new ApiError('CONFLICT', `该${what}已被他人修改，请刷新后再保存（您的修改尚未保存）`)
}

/**
 * Save a record: insert it (with `created` columns such as who made it) when
 * it has no id yet, else update it at the version the clerk loaded. Returns
 * the id either way.
 */
export async function insertOrUpdate(
  trx: Knex.Transaction,
  table: string,
  target: { id?: number | undefined; version?: number | undefined },
  values: Record<string, unknown>,
  created: Record<string, unknown>,
  what: string,
): Promise<number> {
  if (target.id !== undefined) {
    await updateVersioned(trx, table, target.id, target.version, values, what)
    return target.id
  }
  const [row] = (await trx(table)
    .insert({ ...values, ...created })
    .returning('id')) as { id: number }[]
  return row!.id
}

/** Who changed a record and when; `created` adds who made it. */
export function changeStamp(ctx: Ctx): { updated_at: string; updated_by: number } {
  return { updated_at: nowIso(ctx), updated_by: staffId(ctx) }
}

export function createStamp(ctx: Ctx): { created_at: string; created_by: number } {
  return { created_at: nowIso(ctx), created_by: staffId(ctx) }
}

/**
 * Archive or restore a row the caller has just read (and checked) in `trx`,
 * and say so in the audit trail. Archiving an archived row keeps its first
 * date, so the record shows when it really left use.
 */
export async function setArchived(
  trx: Knex.Transaction,
  ctx: Ctx,
  table: string,
  entity: AuditEntity,
  current: { id: number; archivedAt: string | null; version: number },
  archived: boolean,
): Promise<void> {
  await trx(table)
    .where({ id: current.id })
    .update({
      archived_at: archived ? (current.archivedAt ?? nowIso(ctx)) : null,
      ...changeStamp(ctx),
      version: current.version + 1,
    })
  await recordAudit(trx, ctx, { action: archived ? 'archive' : 'restore', entity, entityId: current.id })
}
