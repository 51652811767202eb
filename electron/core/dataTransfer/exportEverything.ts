/**
 * export.everything: the whole registry in one workbook for handing over to
 * a successor system. Read in one transaction (one consistent moment), the
 * export recorded in the audit trail in the same transaction, saying whether
 * the personal numbers were written in full.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import { format } from 'date-fns'
import type { EverythingFile, ExportEverythingParsed } from '../../../shared/api/dataTransfer'
import { localDate } from '../../../shared/calendar/workCalendar'
import { maskIdNumber } from '../../../shared/validation/idNumber'
import { maskPhone } from '../../../shared/validation/phone'
import type { Ctx } from '../context'
import { recordAudit, type AuditEntity } from '../audit/trail'
import { auditDetailText } from '../services/auditText'
import { xlsxWorkbook } from '../xlsx'
import { auditActionLabel, auditEntityLabel, handoverSheets, type ColumnKind } from './handoverSheets'

/**
 * 'data' (全部数据) is the audit entity of the full export (shared/api/audit.ts
 * lists it); the cast keeps this file independent of the order the two land.
 */
const ALL_DATA = 'data' as string as AuditEntity

function listText(value: unknown): string {
  if (typeof value !== 'string' || value === '') return ''
  try {
    const items = JSON.parse(value) as unknown
    if (!Array.isArray(items)) return value
    return items.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n')
  } catch {
    return value
  }
}

function bodyText(value: unknown): string {
  if (typeof value !== 'string') return ''
  try {
    const blocks = JSON.parse(value) as { text?: string }[]
    return blocks.map((b) => b.text ?? '').join('\n')
  } catch {
    return value
  }
}

function cellValue(kind: ColumnKind | undefined, value: unknown, unmask: boolean): unknown {
  if (value === null || value === undefined) return ''
  if (kind === undefined || kind === 'text') return value
  if (typeof kind === 'object') return kind[String(value)] ?? value
  switch (kind) {
    case 'when':
      return typeof value === 'string' && value.length > 10 ? format(new Date(value), 'yyyy-MM-dd HH:mm') : value
    case 'phone':
      return unmask ? value : maskPhone(String(value))
    case 'idNumber':
      return unmask ? value : maskIdNumber(String(value))
    case 'bool':
      return value === 1 || value === true ? '是' : '否'
    case 'list':
      return listText(value)
    case 'body':
      return bodyText(value)
    case 'auditAction':
      return auditActionLabel(String(value))
    case 'auditEntity':
      return auditEntityLabel(String(value))
    case 'auditDetail':
      try {
        return auditDetailText(JSON.parse(String(value)) as Record<string, string | number | boolean | null>)
      } catch {
        return String(value)
      }
  }
}

export async function exportEverything(db: Knex, ctx: Ctx, input: ExportEverythingParsed): Promise<EverythingFile> {
  const unmask = input.unmask
  // Full numbers are an administrator's call, whatever permission the method itself needs.
  if (unmask && ctx.staff?.role !== 'admin') {
    throw new ApiError('FORBIDDEN', '只有管理员可以导出完整的电话和身份证号', 'unmask')
  }
  const sheets: { name: string; rows: number }[] = []
  const contents: Record<string, unknown>[][] = []
  // Read at one moment (one transaction, short: the workbook is written after it).
  await db.transaction(async (trx) => {
    for (const sheet of handoverSheets) {
      const rows = await sheet.rows(trx)
      contents.push(
        rows.map((r) =>
          Object.fromEntries(sheet.columns.map((col) => [col.key, cellValue(col.kind, r[col.key], unmask)])),
        ),
      )
      sheets.push({ name: sheet.name, rows: rows.length })
    }
    await recordAudit(trx, ctx, {
      action: 'export',
      entity: ALL_DATA,
      entityId: null,
      detail: {
        unmasked: unmask,
        sheets: sheets.length,
        rows: sheets.reduce((n, s) => n + s.rows, 0),
      },
    })
  })
  const book = await xlsxWorkbook(ctx.clock.now())
  handoverSheets.forEach((sheet, i) => {
    book.addSheet(
      sheet.name,
      sheet.columns.map(({ header, key, width }) => ({ header, key, width })),
      contents[i]!,
    )
  })
  const buffer = await book.finish()
  const suffix = unmask ? '-含完整号码' : ''
  return {
    fileName: `全部数据-${localDate(ctx.clock.now())}${suffix}.xlsx`,
    base64: buffer.toString('base64'),
    rows: sheets.reduce((n, s) => n + s.rows, 0),
    sheets,
    unmasked: unmask,
  }
}
