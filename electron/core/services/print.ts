/**
 * 打印 through the printer port, remembering the last printer per document
 * kind. Browser mode has no port: its print page prints through the browser.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type { MethodOutput, ParsedInput } from '../../../shared/api/contract'
import type { Ctx } from '../context'
import type { PrinterPort } from '../print/port'
import { nowIso } from './rows'
import { settingsStore } from './settings'
import { fetchNotice } from './notices'
import { recordAudit, type AuditEntity } from '../audit/trail'
import type { PrintDocument } from '../../../shared/print/target'
import { fetchVisit } from './intake/visits'
import { fetchComplaint } from './intake/complaintQueries'
import { localContext } from '../context'
import { assertMediationPrintable } from './mediation/printable'
import { fetchConvention } from './conventions/queries'
import { roleHas } from '../../../shared/api/methods'

/** Which record a printout is about, for the audit trail. */
function entityOf(document: PrintDocument): AuditEntity {
  if (document === 'notice') return 'notice'
  if (document.startsWith('mediation-')) return 'mediation_case'
  if (document.startsWith('convention-')) return 'convention'
  if (document === 'monthly-report') return 'stats'
  return document === 'visit-receipt' ? 'visit' : 'complaint'
}

const browserOnly = () =>
  new ApiError('BAD_REQUEST', '浏览器模式下请在打印页点击“打印”，在浏览器的打印对话框中选择打印机或“另存为 PDF”')

export function printService(db: Knex, port: PrinterPort | null) {
  const settings = settingsStore(db)
  const lastPrinterKey = (document: string) => `print.lastPrinter.${document}`

  /** 月报: id is year × 100 + month; part, when given, one community. Reading it needs the statistics permission. */
  async function assertReportPrintable(ctx: Ctx, id: number, communityId: number | undefined): Promise<void> {
    if (!ctx.staff || !roleHas(ctx.staff.role, 'stats.read'))
      throw new ApiError('FORBIDDEN', '您的账号无权打印统计报表')
    const year = Math.floor(id / 100)
    const month = id % 100
    if (year < 2000 || year > 2100 || month < 1 || month > 12) {
      throw new ApiError('VALIDATION', '月报的年月不正确，请重新选择统计周期', 'target.id')
    }
    if (communityId !== undefined && !(await db('communities').where({ id: communityId }).first('id'))) {
      throw new ApiError('NOT_FOUND', '所选社区不存在，请重新选择', 'target.part')
    }
  }

  /** The record must exist before a window is opened for it. */
  async function assertPrintable(ctx: Ctx, target: ParsedInput<'print.send'>['target']): Promise<void> {
    if (target.document === 'notice') await fetchNotice(db, target.id)
    else if (target.document.startsWith('mediation-')) await assertMediationPrintable(db, ctx, target.id)
    else if (target.document.startsWith('convention-')) await fetchConvention(db, target.id)
    else if (target.document === 'monthly-report') await assertReportPrintable(ctx, target.id, target.part)
    else if (target.document === 'visit-receipt') await fetchVisit(db, localContext(), target.id)
    else await fetchComplaint(db, localContext(), target.id)
  }

  return {
    async listPrinters(
      _ctx: Ctx,
      input: ParsedInput<'print.listPrinters'>,
    ): Promise<MethodOutput<'print.listPrinters'>> {
      if (!port) throw browserOnly()
      return {
        printers: await port.listPrinters(),
        lastPrinter: await settings.get<string>(lastPrinterKey(input.document)),
      }
    },

    async savePdf(ctx: Ctx, input: ParsedInput<'print.savePdf'>): Promise<MethodOutput<'print.savePdf'>> {
      if (!port) throw browserOnly()
      await assertPrintable(ctx, input.target)
      const file = await port.savePdf(input.target, input.suggestedName.replace(/[\\/:*?"<>|]/g, '_'))
      if (file !== null) {
        await db.transaction((trx) =>
          recordAudit(trx, ctx, {
            action: 'export',
            entity: entityOf(input.target.document),
            entityId: input.target.id,
            detail: {
              document: input.target.document,
              format: 'pdf',
              layout: input.target.layout,
              copies: Math.max(1, input.target.compoundIds.length),
            },
          }),
        )
      }
      return { saved: file !== null, file }
    },

    async send(ctx: Ctx, input: ParsedInput<'print.send'>): Promise<MethodOutput<'print.send'>> {
      if (!port) throw browserOnly()
      await assertPrintable(ctx, input.target)
      const printers = await port.listPrinters()
      if (!printers.some((p) => p.name === input.printer)) {
        throw new ApiError('VALIDATION', `找不到打印机“${input.printer}”，请重新选择`, 'printer')
      }
      await port.print({ ...input })
      await db.transaction(async (trx) => {
        await recordAudit(trx, ctx, {
          action: 'print',
          entity: entityOf(input.target.document),
          entityId: input.target.id,
          detail: {
            document: input.target.document,
            layout: input.target.layout,
            printer: input.printer,
            copies: input.copies,
            paper: input.paper,
          },
        })
        await settingsStore(trx).set(lastPrinterKey(input.target.document), input.printer, nowIso(ctx))
      })
      return { sent: true }
    },
  }
}
