/**
 * The main window factory. All security-relevant webPreferences are spelled
 * out here rather than left to defaults, so a reviewer sees them in one place;
 * the print windows (print.ts) reuse them.
 * The window stays hidden until the first paint to avoid a white flash.
 * See https://www.electronjs.org/docs/latest/tutorial/security
 */
import { BrowserWindow, dialog, type WebPreferences } from 'electron'
import { preloadFile, rendererIndexFile } from './paths'
import type { AppPage } from './senderPolicy'

/**
 * The webPreferences of every window that shows the app page (main window and
 * the hidden print windows): same preload, same sandbox, nothing left to defaults.
 */
export function secureWebPreferences(): WebPreferences {
  return {
    preload: preloadFile,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webviewTag: false,
    webSecurity: true,
    spellcheck: false,
  }
}

function reportLoadFailure(window: BrowserWindow, err: unknown): void {
  // ERR_ABORTED only means a newer navigation replaced this load.
  if (err instanceof Error && err.message.includes('ERR_ABORTED')) return
  console.error('Failed to load the renderer', err)
  if (!window.isDestroyed()) window.show()
  dialog.showErrorBox(
    '界面加载失败',
    `未能加载社区服务台的界面文件，请重新安装本程序；开发时请先运行 npm run build。\n\n详细信息：${String(err)}`,
  )
}

export function createMainWindow(page: AppPage): BrowserWindow {
  const window = new BrowserWindow({
    title: '社区服务台',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    webPreferences: secureWebPreferences(),
  })
  window.once('ready-to-show', () => window.show())

  const loading = page.kind === 'dev' ? window.loadURL(page.url) : window.loadFile(rendererIndexFile)
  loading.catch((err: unknown) => reportLoadFailure(window, err))
  return window
}
