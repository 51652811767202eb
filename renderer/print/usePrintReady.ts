/**
 * The signal Electron's print window (and the tests) wait for: data loaded,
 * rendered, and every font ready. Errors are signalled too, in Chinese, so a
 * print job fails with a reason instead of timing out.
 */
import { nextTick } from 'vue'

export async function signalReady(): Promise<void> {
  await nextTick()
  await document.fonts.ready
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
  document.documentElement.dataset.printReady = 'true'
}

export function signalError(message: string): void {
  document.documentElement.dataset.printError = message
}

export function resetSignals(): void {
  delete document.documentElement.dataset.printReady
  delete document.documentElement.dataset.printError
}
