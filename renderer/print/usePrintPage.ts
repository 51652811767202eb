/**
 * What every print view does around its document: the @page rule (paper and
 * margins) from the document's geometry for as long as the view is shown, the
 * toolbar's 打印 and 关闭, and the message for a record that cannot be printed.
 */
import { onBeforeUnmount, onMounted } from 'vue'
import { errorMessage } from '../api/client'
import { cssPageRule, type PageLayout } from '../../shared/print/geometry'

export function usePrintPage(geometry: () => PageLayout) {
  let pageStyle: HTMLStyleElement | null = null
  onMounted(() => {
    pageStyle = document.createElement('style')
    pageStyle.textContent = cssPageRule(geometry())
    document.head.appendChild(pageStyle)
  })
  onBeforeUnmount(() => pageStyle?.remove())
  return {
    printNow: (): void => window.print(),
    closeTab: (): void => window.close(),
  }
}

/** Refuses an address whose id cannot be a record's, before anything is loaded. */
export function checkPrintId(id: number): void {
  if (!Number.isInteger(id) || id <= 0) throw new Error('打印地址不正确')
}

/** Our own errors (a bad address) say what is wrong; the API's carry their Chinese message. */
export function printErrorText(err: unknown): string {
  return err instanceof Error && !('code' in err) ? err.message : errorMessage(err)
}
