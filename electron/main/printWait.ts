/**
 * Waiting for a hidden print window to be ready. The print page sets
 * `data-print-ready="true"` on <html> once its data is loaded and its fonts
 * are in, or `data-print-error="<Chinese message>"` when it cannot render.
 * Printing before that would print a half-loaded page, so main polls.
 * No `electron` import: unit-tested under plain Node with a fake clock.
 */
import { ApiError } from '../../shared/api/errors'

export interface PrintReadiness {
  ready: boolean
  /** The page's own Chinese message, or null while there is none. */
  error: string | null
}

export interface WaitOptions {
  /** Give up after this long; default 20 s. */
  timeoutMs?: number
  /** Pause between probes; default 100 ms. */
  intervalMs?: number
  /** Injected for tests; defaults to a real timer. */
  sleep?: (ms: number) => Promise<void>
  /** Injected for tests (advance it in the fake sleep); defaults to Date.now. */
  now?: () => number
}

export const PRINT_READY_TIMEOUT_MS = 20_000
export const PRINT_READY_INTERVAL_MS = 100
/** Longest page message passed on to the user; anything longer is cut. */
export const MAX_PAGE_ERROR_LENGTH = 200

/**
 * Runs in the print window's main world via `executeJavaScript`. Returns a
 * plain object so it survives the structured clone back to main.
 */
export const PRINT_READINESS_SCRIPT = `(() => {
  const d = document.documentElement.dataset
  return { ready: d.printReady === 'true', error: typeof d.printError === 'string' ? d.printError : null }
})()`

/** Reads whatever the probe script returned; anything unexpected counts as "not ready yet". */
export function readPrintReadiness(value: unknown): PrintReadiness {
  if (typeof value !== 'object' || value === null) return { ready: false, error: null }
  const v = value as Record<string, unknown>
  const error = typeof v.error === 'string' && v.error.trim() !== '' ? v.error.trim() : null
  return { ready: v.ready === true, error: error === null ? null : error.slice(0, MAX_PAGE_ERROR_LENGTH) }
}

export const printTimeoutError = (): ApiError => new ApiError('INTERNAL', '打印页面加载超时，请重试')
export const printPageError = (message: string): ApiError => new ApiError('INTERNAL', `打印页面出错：${message}`)

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Resolves once the page reports ready. Rejects with an ApiError when the
 * page reports an error (checked first: an error wins over ready) or when the
 * timeout passes; a probe that throws (window gone) rejects with that error.
 */
export async function waitForPrintReady(
  probe: () => Promise<PrintReadiness>,
  options: WaitOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? PRINT_READY_TIMEOUT_MS
  const intervalMs = options.intervalMs ?? PRINT_READY_INTERVAL_MS
  const sleep = options.sleep ?? realSleep
  const now = options.now ?? Date.now
  const deadline = now() + timeoutMs
  for (;;) {
    const state = await probe()
    if (state.error !== null) throw printPageError(state.error)
    if (state.ready) return
    const left = deadline - now()
    if (left <= 0) throw printTimeoutError()
    await sleep(Math.min(intervalMs, left))
  }
}
