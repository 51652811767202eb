/**
 * Writing and checking the audit trail. Every event is written in the same
 * transaction as the change it describes, so either both happen or neither.
 * hash = SHA-256 of the previous row's hash and this row's content.
 */
import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import type { Ctx } from '../context'
import type { AuditActionCode, AuditEntityCode } from '../../../shared/api/audit'
import { scrubSensitive } from '../../../shared/validation/sensitiveText'

export const GENESIS_HASH = '0'.repeat(64)

/** The codes (and their Chinese labels for the viewer) are listed once, in shared/api/audit.ts. */
export type AuditAction = AuditActionCode
export type AuditEntity = AuditEntityCode

export interface AuditEvent {
  action: AuditAction
  entity: AuditEntity
  entityId: number | null
  /** What happened, never sensitive values (no ID or phone numbers, no case notes). */
  detail?: Record<string, string | number | boolean | null>
}

interface AuditRow {
  id: number
  at: string
  staff_id: number | null
  action: string
  entity: string
  entity_id: number | null
  detail: string
  prev_hash: string
  hash: string
}

function hashOf(prevHash: string, row: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const content = JSON.stringify([row.at, row.staff_id, row.action, row.entity, row.entity_id, row.detail])
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex')
}

/**
 * Typed text in a detail (a reason for 显示完整号码, for anonymising) may hold a
 * phone or ID number despite the form's warning. The trail can never be
 * corrected or anonymised later, so such numbers are replaced before writing.
 */
function scrubbedDetail(detail: AuditEvent['detail']): string {
  const out: Record<string, string | number | boolean | null> = {}
  for (const [key, value] of Object.entries(detail ?? {})) {
    out[key] = typeof value === 'string' ? scrubSensitive(value) : value
  }
  return JSON.stringify(out)
}

export async function recordAudit(trx: Knex.Transaction, ctx: Ctx, event: AuditEvent): Promise<void> {
  const last = (await trx('audit_events').orderBy('id', 'desc').first('hash')) as { hash: string } | undefined
  const prev = last?.hash ?? GENESIS_HASH
  const row = {
    at: ctx.clock.now().toISOString(),
    staff_id: ctx.staff?.id ?? null,
    action: event.action,
    entity: event.entity,
    entity_id: event.entityId,
    detail: scrubbedDetail(event.detail),
  }
  await trx('audit_events').insert({ ...row, prev_hash: prev, hash: hashOf(prev, row) })
}

export interface AuditVerification {
  ok: boolean
  checked: number
  /** The first row that does not fit the chain, and why (in Chinese, for the admin screen). */
  brokenAt: number | null
  reason: string | null
}

/**
 * The highest id SQLite ever gave an audit row (AUTOINCREMENT keeps it in
 * sqlite_sequence, in the same transaction as the row). Rows removed from the
 * end leave the chain itself intact; only this counter shows they existed.
 */
async function highestIssuedId(db: Knex): Promise<number> {
  const row = (await db('sqlite_sequence').where({ name: 'audit_events' }).first('seq')) as { seq: number } | undefined
  return row?.seq ?? 0
}

/** Walks the whole chain in id order, a page at a time, then checks nothing is missing at its end. */
export async function verifyAuditTrail(db: Knex, pageSize = 5000): Promise<AuditVerification> {
  let prev = GENESIS_HASH
  let checked = 0
  let afterId = 0
  for (;;) {
    const rows = (await db('audit_events').where('id', '>', afterId).orderBy('id').limit(pageSize)) as AuditRow[]
    for (const r of rows) {
      if (r.prev_hash !== prev) {
        return { ok: false, checked, brokenAt: r.id, reason: `第${r.id}条记录之前的记录被删除或改动` }
      }
      if (hashOf(prev, r) !== r.hash) {
        return { ok: false, checked, brokenAt: r.id, reason: `第${r.id}条记录的内容被改动` }
      }
      prev = r.hash
      checked++
      afterId = r.id
    }
    if (rows.length < pageSize) break
  }
  const issued = await highestIssuedId(db)
  if (issued > afterId) {
    const missing = issued - afterId
    return { ok: false, checked, brokenAt: afterId + 1, reason: `最后${missing}条记录（第${afterId + 1}条起）被删除` }
  }
  return { ok: true, checked, brokenAt: null, reason: null }
}
