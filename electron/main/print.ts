/**
 * Electron's PrinterPort: every job renders the print route in its own hidden,
 * sandboxed window (same preload and webPreferences as the main window, so the
 * page loads its data through window.api and passes the IPC sender check; the
 * app-wide security policy guards it like any other web contents), waits for
 * the page to report ready, then calls printToPDF or print. The window is
 * destroyed in `finally` on every path. Jobs share no mutable state, and saved
 * files go through a unique temp name, so two jobs at once never collide.
 * See /work/shared/docs/ARCHITECTURE.md, "Printing has one pipeline".
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  type PrinterInfo as ElectronPrinterInfo,
  type SaveDialogOptions,
  type WebContents,
} from 'electron'
import { ApiError } from '../../shared/api/errors'
import type { PrinterInfo } from '../../shared/api/print'
import { electronPdfOptions } from '../../shared/print/geometry'
import { pageLayoutOf } from '../../shared/print/layouts'
import { printRoute, type PrintTarget } from '../../shared/print/target'
import type { PrintJob, PrinterPort } from '../core/print/port'
import { rendererIndexFile } from './paths'
import {
  PRINT_READINESS_SCRIPT,
  PRINT_READY_TIMEOUT_MS,
  printTimeoutError,
  readPrintReadiness,
  waitForPrintReady,
} from './printWait'
import type { AppPage } from './senderPolicy'
import { secureWebPreferences } from './window'

export interface ElectronPrinterOptions {
  page: AppPage
  /** The main window, if open: parent of the save dialog and source of the printer list. */
  getMainWindow: () => BrowserWindow | null
  /** How long a print page may take to report ready; default 20 s. */
  readyTimeoutMs?: number
}

/** Grace on top of the poll timeout, for a probe that hangs instead of answering. */
const HUNG_PROBE_GRACE_MS = 5_000

function loadPrintPage(window: BrowserWindow, page: AppPage, route: string): Promise<void> {
  if (page.kind === 'file') return window.loadFile(rendererIndexFile, { hash: route })
  const url = new URL(page.url)
  url.hash = route
  return window.loadURL(url.href)
}

/** Rejects when the hidden page's renderer dies, so a job never waits on a dead page. */
function rendererGone(contents: WebContents): Promise<never> {
  const gone = new Promise<never>((_resolve, reject) => {
    contents.once('render-process-gone', (_event, details) => {
      console.error('Print window renderer gone', details)
      reject(new ApiError('INTERNAL', '打印页面意外退出，请重试'))
    })
  })
  gone.catch(() => undefined) // may fire after the job is over; nobody listens then
  return gone
}

async function waitReady(contents: WebContents, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const hung = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(printTimeoutError()), timeoutMs + HUNG_PROBE_GRACE_MS)
  })
  try {
    await Promise.race([
      waitForPrintReady(async () => readPrintReadiness(await contents.executeJavaScript(PRINT_READINESS_SCRIPT)), {
        timeoutMs,
      }),
      hung,
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** Opens a hidden window on the target's print route, runs `use` once it is ready, always destroys it. */
async function withPrintWindow<T>(
  options: ElectronPrinterOptions,
  target: PrintTarget,
  use: (contents: WebContents) => Promise<T>,
): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    skipTaskbar: true,
    width: 1240,
    height: 1754,
    // Hidden pages are throttled by default; the print page must load at full speed.
    webPreferences: { ...secureWebPreferences(), backgroundThrottling: false },
  })
  try {
    const contents = window.webContents
    const gone = rendererGone(contents)
    try {
      await Promise.race([loadPrintPage(window, options.page, printRoute(target)), gone])
    } catch (err) {
      if (err instanceof ApiError) throw err
      console.error('Loading the print page failed', err)
      throw new ApiError('INTERNAL', '打印页面加载失败，请重试；如仍失败请重新安装本程序')
    }
    await Promise.race([waitReady(contents, options.readyTimeoutMs ?? PRINT_READY_TIMEOUT_MS), gone])
    return await Promise.race([use(contents), gone])
  } finally {
    if (!window.isDestroyed()) window.destroy()
  }
}

const printFailureReasons: Record<string, string> = {
  'Print job canceled': '打印任务被取消',
  'Print job failed': '打印任务未能完成',
  'Invalid deviceName provided': '找不到所选打印机',
  'Invalid printer settings': '打印机不支持所选设置',
}

function printFailureReason(reason: string): string {
  return printFailureReasons[reason] ?? (reason.trim() || '原因未知')
}

function printToPrinter(contents: WebContents, job: PrintJob): Promise<void> {
  return new Promise((resolve, reject) => {
    contents.print(
      {
        silent: true,
        deviceName: job.printer,
        copies: job.copies,
        pageSize: job.paper,
        landscape: job.landscape,
        printBackground: true,
      },
      (success, failureReason) => {
        if (success) return resolve()
        console.error('Printing failed', failureReason)
        reject(new ApiError('INTERNAL', `打印失败：${printFailureReason(failureReason)}，请检查打印机后重试`))
      },
    )
  })
}

async function renderPdf(contents: WebContents, target: PrintTarget): Promise<Buffer> {
  try {
    return await contents.printToPDF(electronPdfOptions(pageLayoutOf(target.document, target.layout)))
  } catch (err) {
    console.error('printToPDF failed', err)
    throw new ApiError('INTERNAL', '生成 PDF 失败，请重试')
  }
}

function documentsDir(): string {
  try {
    return app.getPath('documents')
  } catch {
    return app.getPath('home') // some Linux desktops have no documents folder
  }
}

/** The file the user picked, or null when they cancelled. */
async function askPdfFile(parent: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: '保存为 PDF',
    defaultPath: path.join(documentsDir(), `${path.basename(suggestedName)}.pdf`),
    filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  }
  const result =
    parent && !parent.isDestroyed()
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}

const writeFailureHints: Record<string, string> = {
  EACCES: '没有写入该位置的权限',
  EPERM: '没有写入权限，或文件正被其他程序使用',
  EBUSY: '文件正被其他程序使用',
  ENOSPC: '磁盘空间不足',
  EROFS: '该位置只读',
  ENOENT: '所选文件夹不存在',
}

/** Writes beside the target under a unique temp name, then renames onto it: never a half-written PDF. */
async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`
  try {
    await fs.writeFile(temp, data, { flag: 'wx' })
    await fs.rename(temp, file)
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    console.error('Saving the PDF failed', err)
    const code = (err as NodeJS.ErrnoException | null)?.code
    const hint = (code && writeFailureHints[code]) ?? '无法写入文件'
    throw new ApiError('INTERNAL', `保存 PDF 失败：${hint}。请换个位置或关闭占用该文件的程序后重试`)
  }
}

function toPrinterInfo(printer: ElectronPrinterInfo): PrinterInfo {
  // Electron 45's PrinterInfo has no isDefault; older runtimes had one, and
  // some platforms report it among the free-form options.
  const legacy = (printer as ElectronPrinterInfo & { isDefault?: unknown }).isDefault
  const options = (printer.options ?? {}) as Record<string, unknown>
  const isDefault = typeof legacy === 'boolean' ? legacy : options['printer-is-default'] === 'true'
  return { name: printer.name, displayName: printer.displayName || printer.name, isDefault }
}

export function createElectronPrinter(options: ElectronPrinterOptions): PrinterPort {
  return {
    async listPrinters() {
      const main = options.getMainWindow()
      if (!main || main.isDestroyed()) throw new ApiError('INTERNAL', '主窗口未打开，无法读取打印机列表，请重试')
      const printers = await main.webContents.getPrintersAsync()
      return printers.map(toPrinterInfo)
    },

    async savePdf(target, suggestedName) {
      // Render first (window closed before the dialog opens), so a page that
      // cannot render fails before the user picks a file.
      const pdf = await withPrintWindow(options, target, (contents) => renderPdf(contents, target))
      const file = await askPdfFile(options.getMainWindow(), suggestedName)
      if (file === null) return null
      await writeAtomically(file, pdf)
      return file
    },

    async print(job) {
      await withPrintWindow(options, job.target, (contents) => printToPrinter(contents, job))
    },
  }
}
