/**
 * 审计日志 viewer: the filtered trail, newest first, with who did it and a
 * readable name for the record; the same filter as an .xlsx workbook; and the
 * hash-chain verification the admin screen runs.
 */
import type { Knex } from 'knex'
import { xlsxWorkbook } from '../xlsx'
import { format } from 'date-fns'
import { ApiError } from '../../../shared/api/errors'
import type { MethodOutput, ParsedInput } from '../../../shared/api/contract'
import { auditActionLabel, auditEntityLabel, type AuditFilter, type AuditRow } from '../../../shared/api/audit'
import { addCalendarDays, localDate } from '../../../shared/calendar/workCalendar'
import type { Ctx } from '../context'
import { verifyAuditTrail } from '../audit/trail'
import { auditDetailText } from './auditText'
import { recordAudit } from '../audit/trail'

/** More rows than anyone reads in a spreadsheet; the filter should be narrowed instead. */
export const maxAuditExportRows = 100_000

interface EventRow {
  id: number
  at: string
  staff_id: number | null
  staff_name: string | null
  action: string
  entity: string
  entity_id: number | null
  detail: string
}

/** The first instant of a local calendar day, as the trail stores instants (UTC ISO). */
function startOfDay(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString()
}

function filtered(db: Knex, f: AuditFilter): Knex.QueryBuilder {
  const q = db('audit_events').leftJoin('staff', 'staff.id', 'audit_events.staff_id')
  if (f.staffId !== undefined) q.where('audit_events.staff_id', f.staffId)
  if (f.action) q.where('audit_events.action', f.action)
  if (f.entity) q.where('audit_events.entity', f.entity)
  if (f.entityId !== undefined) q.where('audit_events.entity_id', f.entityId)
  if (f.dateFrom) q.where('audit_events.at', '>=', startOfDay(f.dateFrom))
  if (f.dateTo) q.where('audit_events.at', '<', startOfDay(addCalendarDays(f.dateTo, 1)))
  return q
}

const columns = [
  'audit_events.id',
  'audit_events.at',
  'audit_events.staff_id',
  'staff.name as staff_name',
  'audit_events.action',
  'audit_events.entity',
  'audit_events.entity_id',
  'audit_events.detail',
]

/**
 * A readable name for the record, looked up when the trail is read (the
 * trail itself stores only the id): a 诉求 or visit number, an account, a
 * place, a notice title, and the person's name (已匿名化 once anonymised), so
 * the administrator sees whose number was shown. Never a phone or ID number.
 */
const recordNames: Record<string, { table: string; column: string }> = {
  person: { table: 'persons', column: 'name' },
  complaint: { table: 'complaints', column: 'number' },
  visit: { table: 'visits', column: 'number' },
  staff: { table: 'staff', column: 'name' },
  community: { table: 'communities', column: 'name' },
  compound: { table: 'compounds', column: 'name' },
  category: { table: 'complaint_categories', column: 'name' },
  unit: { table: 'units', column: 'name' },
  notice: { table: 'notices', column: 'title' },
  notice_template: { table: 'notice_templates', column: 'name' },
}

async function recordNamesOf(db: Knex, rows: EventRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const byEntity = new Map<string, Set<number>>()
  for (const r of rows) {
    if (r.entity_id === null || !recordNames[r.entity]) continue
    if (!byEntity.has(r.entity)) byEntity.set(r.entity, new Set())
    byEntity.get(r.entity)!.add(r.entity_id)
  }
  for (const [entity, ids] of byEntity) {
    const { table, column } = recordNames[entity]!
    for (let i = 0, list = [...ids]; i < list.length; i += 500) {
      const found = (await db(table)
        .whereIn('id', list.slice(i, i + 500))
        .select('id', `${column} as name`)) as { id: number; name: string }[]
      for (const f of found) names.set(`${entity}:${f.id}`, f.name)
    }
  }
  return names
}

function parseDetail(text: string): AuditRow['detail'] {
  try {
    const value = JSON.parse(text) as unknown
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as AuditRow['detail']) : {}
  } catch {
    return {}
  }
}

async function toRows(db: Knex, rows: EventRow[]): Promise<AuditRow[]> {
  const names = await recordNamesOf(db, rows)
  return rows.map((r) => {
    const detail = parseDetail(r.detail)
    return {
      id: r.id,
      at: r.at,
      staffId: r.staff_id,
      staffName: r.staff_name ?? (r.staff_id === null ? '未登录' : `账号${r.staff_id}`),
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      entity: r.entity,
      entityLabel: auditEntityLabel(r.entity),
      entityId: r.entity_id,
      record: names.get(`${r.entity}:${r.entity_id}`) ?? null,
      detail,
      detailText: auditDetailText(detail),
    }
  })
}

function recordText(r: AuditRow): string {
  if (r.entityId === null) return ''
  return r.record ? `${r.record}（#${r.entityId}）` : `#${r.entityId}`
}

export function auditService(db: Knex) {
  return {
    async list(_ctx: Ctx, input: ParsedInput<'audit.list'>): Promise<MethodOutput<'audit.list'>> {
      const count = (await filtered(db, input).count({ n: '*' }).first()) as { n: number } | undefined
      const rows = (await filtered(db, input)
        .orderBy('audit_events.id', 'desc')
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)
        .select(columns)) as EventRow[]
      return { items: await toRows(db, rows), total: Number(count?.n ?? 0), page: input.page, pageSize: input.pageSize }
    },

    async exportXlsx(ctx: Ctx, input: ParsedInput<'audit.exportXlsx'>): Promise<MethodOutput<'audit.exportXlsx'>> {
      const raw = (await filtered(db, input)
        .orderBy('audit_events.id', 'desc')
        .limit(maxAuditExportRows + 1)
        .select(columns)) as EventRow[]
      if (raw.length > maxAuditExportRows) {
        throw new ApiError(
          'VALIDATION',
          `符合条件的记录超过${maxAuditExportRows}条，请缩小日期范围或增加筛选条件后再导出`,
        )
      }
      const rows = await toRows(db, raw)
      const book = await xlsxWorkbook(ctx.clock.now())
      book.addSheet(
        '审计日志',
        [
          { header: '序号', key: 'id', width: 8 },
          { header: '时间', key: 'at', width: 20 },
          { header: '操作人', key: 'staff', width: 12 },
          { header: '操作', key: 'action', width: 14 },
          { header: '对象类型', key: 'entity', width: 12 },
          { header: '对象', key: 'record', width: 24 },
          { header: '详情', key: 'detail', width: 60 },
        ],
        rows.map((r) => ({
          id: r.id,
          at: format(new Date(r.at), 'yyyy-MM-dd HH:mm:ss'),
          staff: r.staffName,
          action: r.actionLabel,
          entity: r.entityLabel,
          record: recordText(r),
          detail: r.detailText,
        })),
      )
      const buffer = await book.finish()
      await db.transaction((trx) =>
        recordAudit(trx, ctx, {
          action: 'export',
          entity: 'audit_trail',
          entityId: null,
          detail: { rows: rows.length },
        }),
      )
      return {
        fileName: `审计日志-${localDate(ctx.clock.now())}.xlsx`,
        base64: buffer.toString('base64'),
        rows: rows.length,
      }
    },

    async verify(ctx: Ctx): Promise<MethodOutput<'audit.verify'>> {
      const result = await verifyAuditTrail(db)
      return { ...result, verifiedAt: ctx.clock.now().toISOString() }
    },
  }
}
