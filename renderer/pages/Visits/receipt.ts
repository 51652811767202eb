/**
 * Printing the 来访登记回执. In browser mode the print route opens in a new
 * tab, as the notice print dialog does; its 打印 button (or the browser's
 * dialog) prints or saves a PDF. The desktop window never opens tabs, so
 * there the receipt goes through the print pipeline: straight to the printer
 * last used for receipts (or the default one), else saved as a PDF.
 */
import { ElMessage } from 'element-plus'
import { api, errorMessage } from '../../api/client'
import type { PrintTarget } from '../../../shared/print/target'

export function receiptRoute(visitId: number): string {
  return `/print/visit-receipt/${visitId}`
}

async function printOnDesktop(visitId: number, visitNumber: string): Promise<void> {
  const target: PrintTarget = { document: 'visit-receipt', id: visitId, layout: 'official' }
  const list = await api.print.listPrinters({ document: 'visit-receipt' })
  const printer =
    list.printers.find((p) => p.name === list.lastPrinter) ?? list.printers.find((p) => p.isDefault) ?? list.printers[0]
  if (printer) {
    await api.print.send({ target, printer: printer.name, copies: 1, paper: 'A4', landscape: false })
    ElMessage.success(`回执已发送到打印机：${printer.displayName}`)
    return
  }
  const result = await api.print.savePdf({ target, suggestedName: `${visitNumber} 来访登记回执` })
  if (result.saved) ElMessage.success(`未找到打印机，回执已保存为 PDF：${result.file}`)
}

export function openReceipt(visitId: number, visitNumber = ''): void {
  if (typeof window !== 'undefined' && window.api === undefined) {
    window.open(`${location.pathname}#${receiptRoute(visitId)}`, '_blank', 'noopener')
    return
  }
  printOnDesktop(visitId, visitNumber).catch((err: unknown) => ElMessage.error(`回执未能打印：${errorMessage(err)}`))
}
