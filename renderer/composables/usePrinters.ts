/**
 * The printer choice in the desktop app's print dialogs: the system's
 * printers, with the one last used for this kind of document preselected,
 * else the system default, else the first.
 */
import { ref } from 'vue'
import { api } from '../api/client'
import type { PrinterInfo } from '../../shared/api/print'
import type { PrintDocument } from '../../shared/print/target'

/** Only the desktop app sends to a printer itself; in browser mode the print page opens in a tab. */
export const printsDirectly = typeof window !== 'undefined' && window.api !== undefined

export function usePrinters() {
  const printers = ref<PrinterInfo[]>([])
  const printer = ref('')

  /** Throws an ApiError when the printers cannot be listed; the dialog shows it. */
  async function load(document: PrintDocument): Promise<void> {
    const list = await api.print.listPrinters({ document })
    printers.value = list.printers
    printer.value =
      list.printers.find((p) => p.name === list.lastPrinter)?.name ??
      list.printers.find((p) => p.isDefault)?.name ??
      list.printers[0]?.name ??
      ''
  }

  return { printers, printer, load }
}
