/**
 * What core needs from whoever can actually print. Electron's main process
 * provides it (hidden window, printToPDF, the printer list); browser mode has
 * none, and the print page's own 打印 button uses the browser's dialog.
 */
import type { PrinterInfo } from '../../../shared/api/print'
import type { PrintTarget } from '../../../shared/print/target'

export interface PrintJob {
  target: PrintTarget
  printer: string
  copies: number
  paper: 'A4' | 'A3'
  landscape: boolean
}

export interface PrinterPort {
  listPrinters(): Promise<PrinterInfo[]>
  /** Renders the target to PDF and saves it where the user chooses; null if they cancelled. */
  savePdf(target: PrintTarget, suggestedName: string): Promise<string | null>
  print(job: PrintJob): Promise<void>
}
