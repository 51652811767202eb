/**
 * Electron main process: lifecycle only. One instance at a time (a second
 * launch focuses the running window, so two processes never share the
 * database), open core (with the Electron print port), wire IPC, menu and
 * window, and close the database before the process ends. Everything else
 * lives in the small modules beside this file; the real work happens in
 * electron/core.
 */
import path from 'node:path'
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { openCore, type Core } from '../core/app'
import { registerIpc } from './ipc'
import { buildAppMenu } from './menu'
import { rendererIndexFile } from './paths'
import { createElectronPrinter } from './print'
import { applySecurityPolicies } from './security'
import { appPageFor, type AppPage } from './senderPolicy'
import { createMainWindow } from './window'

let core: Core | null = null
let mainWindow: BrowserWindow | null = null
let appPage: AppPage | null = null

function openMainWindow(page: AppPage): void {
  mainWindow = createMainWindow(page)
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** Any other startup failure: say so in Chinese, close what was opened, exit. */
function failStartup(err: unknown): void {
  console.error('Startup failed', err)
  dialog.showErrorBox(
    '社区服务台无法启动',
    `启动时出错，程序将退出。\n\n原因：${reasonOf(err)}\n\n如仍失败请联系管理员。`,
  )
  const open = core
  core = null
  void (open ? open.close().catch(() => undefined) : Promise.resolve()).finally(() => app.exit(1))
}

async function start(): Promise<void> {
  // A packaged app never follows VITE_DEV_SERVER_URL: the window carries the API.
  const page = appPageFor({
    devServerUrl: app.isPackaged ? undefined : process.env.VITE_DEV_SERVER_URL,
    rendererIndexFile,
  })
  applySecurityPolicies(page)

  const dataDir = path.join(app.getPath('userData'), 'data')
  try {
    core = await openCore({
      dataDir,
      mode: 'electron',
      appVersion: app.getVersion(),
      printer: createElectronPrinter({ page, getMainWindow: () => mainWindow }),
    })
  } catch (err) {
    console.error('Opening the database failed', err)
    dialog.showErrorBox(
      '社区服务台无法启动',
      `打开数据库时出错，程序将退出。\n\n数据目录：${dataDir}\n原因：${reasonOf(err)}\n\n` +
        '请确认没有另一个程序（例如浏览器模式的社区服务台）正在使用这个数据目录，然后重新打开；如仍失败请联系管理员。',
    )
    app.exit(1)
    return
  }
  if (core.migration.backupFile) console.log(`Database backed up before migrating: ${core.migration.backupFile}`)
  // A damaged database: the window still opens, and the renderer shows the recovery screen.
  if (core.recovery) console.error(`Database damaged, running in recovery mode: ${core.recovery.detail}`)

  registerIpc(core, page)
  Menu.setApplicationMenu(buildAppMenu())
  appPage = page
  openMainWindow(page)
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  if (process.platform === 'win32') app.setAppUserModelId('cn.community-desk.app')

  app.on('second-instance', focusMainWindow)

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('activate', () => {
    if (appPage && BrowserWindow.getAllWindows().length === 0) openMainWindow(appPage)
  })

  // Close the database before exiting so the WAL is checkpointed and nothing
  // is cut off mid-write: hold the quit once, close, then quit for real.
  app.on('will-quit', (event) => {
    const open = core
    if (!open) return
    core = null
    event.preventDefault()
    open
      .close()
      .catch((err: unknown) => console.error('Closing the database failed', err))
      .finally(() => app.quit())
  })

  app.whenReady().then(start).catch(failStartup)
}
