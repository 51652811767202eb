/**
 * What counts as "the app's own page": the built renderer file in production,
 * the Vite dev server in development. IPC handlers and the navigation guard
 * both ask this one question, so they cannot disagree.
 * No `electron` import: unit-tested under plain Node.
 * See https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
import { pathToFileURL } from 'node:url'

export type AppPage =
  /** `url` is the file URL of dist/renderer/index.html. */
  | { kind: 'file'; url: string }
  /** `url` is the dev server's address; any page on its origin is the app. */
  | { kind: 'dev'; url: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The app page for this run. A dev server URL is only accepted on loopback,
 * so a stray environment variable cannot point the privileged window (and the
 * preload's API) at a remote site.
 */
export function appPageFor(options: { devServerUrl?: string | undefined; rendererIndexFile: string }): AppPage {
  const dev = options.devServerUrl
  if (dev) {
    let url: URL
    try {
      url = new URL(dev)
    } catch {
      throw new Error(`VITE_DEV_SERVER_URL is not a URL: ${dev}`)
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) {
      throw new Error(`VITE_DEV_SERVER_URL must be an http(s) loopback address, got: ${dev}`)
    }
    return { kind: 'dev', url: url.href }
  }
  return { kind: 'file', url: pathToFileURL(options.rendererIndexFile).href }
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function decodedPath(url: URL, caseInsensitive: boolean): string | null {
  try {
    const decoded = decodeURIComponent(url.pathname)
    return caseInsensitive ? decoded.toLowerCase() : decoded
  } catch {
    return null
  }
}

/**
 * True when `url` is the app's own page. For the file page, protocol, host and
 * (decoded) path must match; query and hash are ignored because the router
 * lives in the hash. For the dev server, the origin must match exactly — a
 * prefix test would let `http://localhost:5173.evil.example` through.
 * `caseInsensitivePaths` defaults to Windows, where C:\ and c:\ are one file.
 */
export function isAppPageUrl(
  url: string | null | undefined,
  page: AppPage,
  caseInsensitivePaths: boolean = process.platform === 'win32',
): boolean {
  if (typeof url !== 'string' || url === '') return false
  const actual = parse(url)
  const expected = parse(page.url)
  if (!actual || !expected) return false
  if (page.kind === 'dev') return actual.origin === expected.origin
  if (actual.protocol !== 'file:' || actual.host !== expected.host) return false
  const actualPath = decodedPath(actual, caseInsensitivePaths)
  return actualPath !== null && actualPath === decodedPath(expected, caseInsensitivePaths)
}

/**
 * The check every IPC handler makes on `event.senderFrame`. The frame is null
 * once it navigated away or was destroyed, and reading a disposed frame's URL
 * throws; both mean "not the app".
 */
export function isAppSenderFrame(frame: { readonly url: string } | null | undefined, page: AppPage): boolean {
  if (!frame) return false
  try {
    return isAppPageUrl(frame.url, page)
  } catch {
    return false
  }
}
