/**
 * Which URLs the app may hand to the user's browser (`shell.openExternal`).
 * Opening an arbitrary URL can launch any registered protocol handler, so only
 * plain http(s) web addresses pass, and none with credentials in them.
 * No `electron` import: unit-tested under plain Node.
 * See https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 */

/** Longer than any link a person would click; guards against abuse of the OS handler. */
export const MAX_EXTERNAL_URL_LENGTH = 2048

/**
 * The normalized URL to open in the browser, or null when the URL must not
 * leave the app (wrong protocol, credentials, no host, unparsable, too long).
 */
export function vetExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username !== '' || url.password !== '') return null
  if (url.hostname === '') return null
  return url.href
}
