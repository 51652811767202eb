/**
 * 统计报表 in real Chromium: 诉求 registered through the API in a month the
 * demo data does not touch (June 2025, with one in May for 环比), then the
 * page must show exactly those figures; a click on a bar of the ECharts
 * chart opens the 诉求 list filtered to that bar; the 月报 prints to a PDF
 * whose page count the preview announced and whose text carries the
 * figures; and 领导查询 (viewer) sees the same page.
 */
import fs from 'node:fs'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  launchChromium,
  pageOwningContext,
  screenshotDir,
  startServer,
  tempDataDir,
  type RunningServer,
} from './harness'
import { call, demoAdmin, signIn } from './api'
import { pdfInfo, pdfText, renderPdf, squeeze, wordRightEdges } from './pdf'
import { formA4, mmToPt, pageSizeMm } from '../../shared/print/geometry'

const wait = { timeout: 20_000 }
const viewer = { login: 'lingdao', password: 'Guixi@2026-ld' }

/**
 * One session per account for the whole file: a sign-in per test would run
 * into the server's limit on password attempts per minute.
 */
const sessions = new Map<string, string>()
async function useSession(context: BrowserContext, account = demoAdmin): Promise<void> {
  let cookie = sessions.get(account.login)
  if (!cookie) {
    cookie = await signIn(server, account)
    sessions.set(account.login, cookie)
  }
  const at = cookie.indexOf('=')
  await context.addCookies([
    { name: cookie.slice(0, at), value: cookie.slice(at + 1), url: server.url, httpOnly: true, sameSite: 'Strict' },
  ])
}

async function sessionPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport })
  await useSession(context)
  return pageOwningContext(context)
}
const year = 2025
const month = 6
const statsUrl = (s: RunningServer, extra = '') => `${s.url}#/statistics?period=month&year=${year}&n=${month}${extra}`
let browser: Browser
let server: RunningServer
let guibeiId = 0
let other = { id: 0, name: '', communityId: 0 }

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.waitForTimeout(500) // let charts and transitions settle for the picture
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

async function register(kind: 'complaint' | 'help', compoundId: number, day: string, request: string) {
  const categories = await call(server, 'intake.listCategories', {})
  const categoryId = categories.find((c) => c.name === '设施维修')!.id
  const visit = await call(server, 'visits.create', {
    person: { name: '统计测试居民', phone: '13900001111' },
    visitedAt: `${day}T09:30:00+08:00`,
    subject: request,
    outcome: 'complaints',
    complaints: [{ kind, categoryId, compoundId, request, facts: '统计报表测试' }],
  })
  return visit.complaints[0]!
}

async function figure(page: Page, key: string): Promise<string> {
  return (await page.locator(`[data-figure=${key}] .value`).innerText()).trim()
}

interface PageGlobals {
  document: { elementFromPoint(x: number, y: number): unknown }
  getComputedStyle(el: unknown): { cursor: string }
}

/**
 * Clicks the first bar in the chart: the canvas has no elements to find, so
 * walk down its left part until ECharts shows the pointer cursor (it does so
 * only over a clickable bar) and click there.
 */
async function clickFirstBar(page: Page, chartLabel: RegExp): Promise<void> {
  const chart = page.getByRole('img', { name: chartLabel })
  await chart.scrollIntoViewIfNeeded()
  const box = (await chart.boundingBox())!
  for (let y = box.y + 30; y < box.y + box.height; y += 3) {
    const x = box.x + box.width * 0.25
    await page.mouse.move(x, y)
    const cursor = await page.evaluate(
      ([px, py]) => {
        const g = globalThis as unknown as PageGlobals
        const el = g.document.elementFromPoint(px!, py!)
        return el ? g.getComputedStyle(el).cursor : ''
      },
      [x, y],
    )
    if (cursor === 'pointer') {
      await page.mouse.click(x, y)
      return
    }
  }
  throw new Error('no clickable bar found in the chart')
}

beforeAll(async () => {
  server = await startServer(tempDataDir('cd-e2e-stats-'), ['--demo'])
  browser = await launchChromium()
  const compounds = await call(server, 'places.listCompounds', { pageSize: 100 })
  const guibei = compounds.items.find((c) => c.name === '桂北小区')!
  guibeiId = guibei.id
  // A compound of another community, so choosing a community must change the figures.
  other = compounds.items.find((c) => c.communityId !== guibei.communityId)!
  // June 2025: three 投诉 and one 求助, two of them accepted; May 2025: one 投诉 for 环比.
  const a = await register('complaint', guibeiId, '2025-06-03', '统计测试：6栋楼道灯不亮')
  const b = await register('complaint', guibeiId, '2025-06-10', '统计测试：垃圾清运不及时')
  await register('complaint', other.id, '2025-06-18', '统计测试：小区门禁损坏')
  await register('help', other.id, '2025-06-20', '统计测试：独居老人需要帮助')
  await register('complaint', guibeiId, '2025-05-12', '统计测试：五月的一件投诉')
  for (const c of [a, b]) {
    const detail = await call(server, 'complaints.get', { id: c.id })
    await call(server, 'complaints.act', { action: 'accept', id: c.id, version: detail.version })
  }
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('统计报表', () => {
  it('is a real page in the menu, not 未开放', async () => {
    const page = await sessionPage({ width: 1366, height: 900 })
    await page.goto(server.url)
    await page.getByRole('menuitem', { name: /统计报表/ }).click()
    await expect.poll(() => page.locator('.page-header h2', { hasText: '统计报表' }).isVisible(), wait).toBe(true)
    await expect(page.getByText('统计报表：未开放').count()).resolves.toBe(0)
    await page.close()
  })

  it('shows the seeded month: figures, 环比, breakdown tables', async () => {
    const page = await sessionPage({ width: 1366, height: 900 })
    await page.goto(statsUrl(server))
    await expect.poll(() => page.getByText('2025年6月').first().isVisible(), wait).toBe(true)
    await expect.poll(() => figure(page, 'received'), wait).toBe('4')
    expect(await figure(page, 'accepted')).toBe('2')
    expect(await figure(page, 'resolved')).toBe('0')
    expect(await figure(page, 'resolvedRate')).toBe('0.0%')
    expect(await figure(page, 'onTimeRate')).toBe('—')
    // The two still 登记 are long past their deadline; accepting the other two today started a new 办理期限.
    expect(await figure(page, 'overdue')).toBe('2')
    const received = page.locator('[data-figure=received]')
    expect(await received.innerText()).toContain('环比 ↑300.0%')
    expect(await received.innerText()).toContain('上月：1')
    // 按类型: 投诉 3, 求助 1, in the table under the chart.
    await expect.poll(() => page.locator('.el-tab-pane:visible .el-table__body tr').count(), wait).toBe(2)
    const rows = await page.locator('.el-tab-pane:visible .el-table__body tr').allInnerTexts()
    expect(rows[0]).toMatch(/^投诉\s+3\s+2\s+0\s+0\.0%/)
    expect(rows[1]).toMatch(/^求助\s+1\s+0\s+0/)
    await shot(page, 'stats-month')
    // 按小区: 桂北小区 2 (both accepted), the other 2 (none accepted).
    await page.getByRole('tab', { name: '按小区' }).click()
    const compoundRows = page.locator('.el-tab-pane:visible .el-table__body tr')
    await expect.poll(() => compoundRows.count(), wait).toBe(2)
    const texts = await compoundRows.allInnerTexts()
    expect(texts.find((t) => t.startsWith('桂北小区'))).toMatch(/^桂北小区\s+2\s+2/)
    expect(texts.find((t) => t.startsWith(other.name))).toMatch(new RegExp(`^${other.name}\\s+2\\s+0`))
    await shot(page, 'stats-by-compound')
    await page.locator('.section', { hasText: '人民调解' }).scrollIntoViewIfNeeded()
    await shot(page, 'stats-mediation')
    // A compound's name opens its 诉求 (the list filters a compound within its community, looked up here).
    await page.locator('.el-tab-pane:visible').getByRole('button', { name: '桂北小区' }).click()
    await expect.poll(() => page.url(), wait).toContain(`compound=${guibeiId}`)
    await expect.poll(() => page.locator('.el-table__body tbody tr').count(), wait).toBe(2)
    await page.close()
  })

  it('clicking the 投诉 bar opens the 诉求 list with exactly those 诉求', async () => {
    const page = await sessionPage({ width: 1366, height: 900 })
    await page.goto(statsUrl(server))
    await expect.poll(() => figure(page, 'received'), wait).toBe('4')
    await clickFirstBar(page, /^按类型登记量与办结量柱状图/)
    await expect.poll(() => page.url(), wait).toContain('#/complaints?')
    const url = new URL(page.url().replace('#/', ''))
    expect(url.searchParams.get('kind')).toBe('complaint')
    expect(url.searchParams.get('from')).toBe('2025-06-01')
    expect(url.searchParams.get('to')).toBe('2025-06-30')
    const rows = page.locator('.el-table__body tbody tr')
    await expect.poll(() => rows.count(), wait).toBe(3)
    const text = (await rows.allInnerTexts()).join('\n')
    expect(text).toContain('6栋楼道灯不亮')
    expect(text).toContain('小区门禁损坏')
    expect(text).not.toContain('独居老人') // the 求助, not a 投诉
    expect(text).not.toContain('五月的一件投诉') // May, outside the period
    await shot(page, 'stats-drill-complaints')
    // 返回 lands on the same month.
    await page.goBack()
    await expect.poll(() => figure(page, 'received'), wait).toBe('4')
    await page.close()
  })

  it('a community chosen narrows the figures, and a compound bar opens its list', async () => {
    const page = await sessionPage({ width: 1366, height: 900 })
    await page.goto(statsUrl(server, `&community=${other.communityId}`))
    await expect.poll(() => figure(page, 'received'), wait).toBe('2')
    await page.getByRole('tab', { name: '按小区' }).click()
    await page.locator('.el-tab-pane:visible').getByRole('button', { name: other.name }).click()
    await expect.poll(() => page.url(), wait).toContain(`compound=${other.id}`)
    await expect.poll(() => page.locator('.el-table__body tbody tr').count(), wait).toBe(2)
    await page.close()
  })

  it('says it is counting while it loads, and why it failed when it fails', async () => {
    const page = await sessionPage({ width: 1366, height: 900 })
    // Hold the answer back a moment, so the loading state can be seen.
    await page.route('**/api/stats.dashboard', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500))
      await route.continue()
    })
    await page.goto(statsUrl(server))
    await expect.poll(() => page.getByText('正在统计，请稍候…').first().isVisible(), wait).toBe(true)
    await page.screenshot({ path: path.join(screenshotDir, 'stats-loading.png') })
    await expect.poll(() => figure(page, 'received'), wait).toBe('4')
    await page.unroute('**/api/stats.dashboard')
    // A community that does not exist: core refuses, the page says so and offers 重试.
    await page.goto(statsUrl(server, '&community=999999'))
    await expect.poll(() => page.getByText('统计数据载入失败').isVisible(), wait).toBe(true)
    expect(await page.getByText('所选社区不存在').isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: '重试' }).isVisible()).toBe(true)
    await shot(page, 'stats-error')
    await page.close()
  })

  it('quarter and year periods load; the 月报 button asks for a month', async () => {
    const page = await sessionPage({ width: 1366, height: 900 })
    await page.goto(`${server.url}#/statistics?period=quarter&year=${year}&n=2`)
    await expect.poll(() => page.getByText('2025年第二季度').first().isVisible(), wait).toBe(true)
    // April–June holds the May one too.
    await expect.poll(() => figure(page, 'received'), wait).toBe('5')
    expect(await page.getByRole('button', { name: '打印月报' }).isDisabled()).toBe(true)
    await shot(page, 'stats-quarter')
    await page.locator('.el-radio-button', { hasText: '年' }).click()
    await expect.poll(() => page.url(), wait).toContain('period=year')
    await expect.poll(() => page.getByText('2025年').first().isVisible(), wait).toBe(true)
    await page.close()
  })

  it('prints the 月报: the page count the preview announced, the figures in the text', async () => {
    const context = await browser.newContext()
    await useSession(context)
    const pdf = await renderPdf(
      context,
      `${server.url}#/print/monthly-report/${year * 100 + month}?layout=official`,
      'monthly',
    )
    const info = pdfInfo(pdf.file)
    fs.mkdirSync(screenshotDir, { recursive: true })
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf.file, path.join(screenshotDir, 'stats-monthly-pdf')])
    expect(info.pages).toBe(pdf.announcedPages)
    expect(info.pages).toBeGreaterThanOrEqual(1)
    expect(info.pages).toBeLessThanOrEqual(3)
    expect(Math.round(info.widthPt)).toBe(595) // A4 portrait
    const text = squeeze(pdfText(pdf.file))
    expect(text).toContain('统计月报')
    expect(text).toContain('2025年6月')
    expect(text).toContain('统计范围：全部社区')
    expect(text).toContain('登记量41↑300.0%')
    expect(text).toContain('受理量20↑')
    expect(text).toContain('投诉320')
    expect(text).toContain('人民调解')
    expect(text).toContain('居民公约')
    expect(text).toMatch(/制表日期：\d{4}年\d{1,2}月\d{1,2}日/)
    // Nothing runs past the right edge of the text block (a table wider than A4 would).
    const limit = mmToPt(pageSizeMm(formA4).width - formA4.margins.right) + 1
    const outside = wordRightEdges(pdf.file).filter((w) => w.xMax > limit)
    expect(outside, JSON.stringify(outside.slice(0, 3))).toEqual([])
    await pdf.page.screenshot({ path: path.join(screenshotDir, 'stats-monthly-preview.png'), fullPage: true })
    await pdf.page.close()
    // A month that does not exist is refused with a reason, not a blank page.
    const bad = await context.newPage()
    await bad.goto(`${server.url}#/print/monthly-report/202513?layout=official`)
    await expect.poll(() => bad.getByRole('alert').innerText(), wait).toContain('打印地址不正确')
    await context.close()
  })

  it('导出Excel downloads the month as .xlsx with the same figures', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
    await useSession(context)
    const page = await pageOwningContext(context)
    await page.goto(statsUrl(server))
    await expect.poll(() => figure(page, 'received'), wait).toBe('4')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出Excel' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer)
    const cells: string[] = []
    book.eachSheet((sheet) => sheet.eachRow((row) => cells.push((row.values as unknown[]).map(String).join('|'))))
    const all = cells.join('\n')
    expect(all).toContain('登记量')
    expect(all).toContain('2025年6月')
    await page.close()
  })

  it('the print button opens the print dialog for the month', async () => {
    const page = await sessionPage({ width: 1366, height: 900 })
    await page.goto(statsUrl(server))
    await expect.poll(() => figure(page, 'received'), wait).toBe('4')
    await page.getByRole('button', { name: '打印月报' }).click()
    const dialog = page.getByRole('dialog', { name: '打印月度统计报表' })
    await expect.poll(() => dialog.isVisible(), wait).toBe(true)
    expect(await dialog.innerText()).toContain('2025年6月 全部社区')
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      dialog.getByRole('button', { name: '打开打印页' }).click(),
    ])
    await expect.poll(() => tab.url(), wait).toContain(`/print/monthly-report/${year * 100 + month}`)
    await page.close()
  })

  it('领导查询 sees the statistics too', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    await useSession(context, viewer)
    const page = await pageOwningContext(context)
    await page.goto(server.url)
    await page.getByRole('menuitem', { name: /统计报表/ }).click()
    await page.goto(statsUrl(server))
    await expect.poll(() => figure(page, 'received'), wait).toBe('4')
    await shot(page, 'stats-viewer')
    await page.close()
  })
})
