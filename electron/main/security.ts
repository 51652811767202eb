/**
 * Electron's security checklist, applied to every web contents the app ever
 * creates (main window, print windows): no navigation away from the app, no
 * new windows, no webviews, no permissions. Links to the web open in the
 * user's browser, and only after urlPolicy vetted them.
 * See https://www.electronjs.org/docs/latest/tutorial/security
 */
import { app, session, shell, type WebContents } from 'electron'
import { isAppPageUrl, type AppPage } from './senderPolicy'
import { vetExternalUrl } from './urlPolicy'

function openInBrowser(rawUrl: string): void {
  const url = vetExternalUrl(rawUrl)
  if (!url) {
    console.warn(`Blocked opening a non-web URL: ${rawUrl.slice(0, 200)}`)
    return
  }
  shell.openExternal(url).catch((err: unknown) => console.error('shell.openExternal failed', err))
}

function guardContents(contents: WebContents, page: AppPage): void {
  // #13: the window only ever shows the app. Subframes are already limited to
  // 'self' by the CSP (default-src 'self').
  contents.on('will-navigate', (event) => {
    if (isAppPageUrl(event.url, page)) return
    event.preventDefault()
    openInBrowser(event.url)
  })
  // #14: window.open and target=_blank never create a window in the app.
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url)
    return { action: 'deny' }
  })
  // #12: no <webview>, even though webviewTag is off already.
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Call once, after `app` is ready and before the first window is created. */
export function applySecurityPolicies(page: AppPage): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, page))
  // #5: the app needs no camera, notifications, geolocation or the like.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}
