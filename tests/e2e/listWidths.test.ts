/**
 * The desk's lists fit the window the desk has: at 1280×800 with a vertical
 * scrollbar (1265 px of viewport) every column of the 诉求, 来访 and 调解
 * lists, of the 工作台's due lists, a case's parties, the notices and the 小区 is on screen without scrolling
 * sideways, so 期限 (the column a clerk works by) and 打印回执 are never cut
 * off; narrower windows keep 编号 and 期限 pinned while the middle scrolls.
 * Also: 运行信息 no longer says that accounts and backups are "not open".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, signedInPage, startServer, tempDataDir, type RunningServer } from './harness'
import { call } from './api'

let browser: Browser
let server: RunningServer

beforeAll(async () => {
  server = await startServer(tempDataDir(), ['--demo'])
  browser = await launchChromium()
  // The demo has no notices: one, so that the notices list has a row to measure.
  const [community] = await call(server, 'places.listCommunities', {})
  await call(server, 'notices.save', {
    communityId: community!.id,
    title: '关于开展冬季消防安全检查的通知',
    audience: 'community',
    body: [{ type: 'paragraph', text: '请各楼栋长通知到户。' }],
    issuerName: `${community!.name}居民委员会`,
    issuedOn: '2026-11-02',
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const wait = { timeout: 20_000 }

/** The page's globals this file reads (the node tsconfig has no DOM types). */
interface Scrolled {
  scrollWidth: number
  clientWidth: number
}
type PageDocument = { document: { querySelectorAll(selector: string): Iterable<Scrolled> } }

/** Each table's body: how wide its content is against how wide it is shown. */
async function tableWidths(page: Page): Promise<{ content: number; shown: number }[]> {
  return page.evaluate(() =>
    [
      ...(globalThis as unknown as PageDocument).document.querySelectorAll(
        '.el-table__body-wrapper .el-scrollbar__wrap',
      ),
    ].map((w) => ({ content: w.scrollWidth, shown: w.clientWidth })),
  )
}

async function open(page: Page, route: string, rowText: string): Promise<void> {
  await page.goto(`${server.url}#${route}`)
  await page.locator('.el-table__body').getByText(rowText).first().waitFor(wait)
}

describe('lists at the desk window size', () => {
  it('every list column is on screen at 1265 px, without sideways scrolling', async () => {
    const page = await signedInPage(browser, server, { width: 1265, height: 800 })
    const lists: [string, string, number][] = [
      ['/complaints', '2026-000001', 1],
      ['/visits', 'LF2026-000001', 1],
      ['/mediation', '红人调字第1号', 1],
      ['/', '2026-000003', 2],
      // A case with an agent: the parties' table, the widest of the detail pages.
      ['/mediation/4', '代理人', 1],
      ['/notices', '冬季消防安全检查', 1],
      ['/places?tab=compounds', '物业', 1],
    ]
    for (const [route, rowText, tables] of lists) {
      await open(page, route, rowText)
      const widths = await tableWidths(page)
      expect(widths.length, route).toBeGreaterThanOrEqual(tables)
      for (const w of widths) expect(w.content, route).toBeLessThanOrEqual(w.shown)
    }
    await page.close()
  })

  it('a narrow window keeps 期限 pinned at the right of the 诉求 list', async () => {
    const page = await signedInPage(browser, server, { width: 1024, height: 768 })
    await open(page, '/complaints', '2026-000001')
    const due = page.locator('.el-table__header th.el-table-fixed-column--right', { hasText: '期限' })
    await expect(due.isVisible()).resolves.toBe(true)
    const box = await due.boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(1024)
    await page.close()
  })

  it('运行信息 points an administrator to 账号管理 and 数据备份', async () => {
    const page = await signedInPage(browser, server)
    await page.goto(`${server.url}#/settings`)
    await page.getByText('数据库结构版本').waitFor(wait)
    await expect(page.getByText('尚未开放').count()).resolves.toBe(0)
    await expect(page.getByRole('link', { name: '账号管理' }).last().getAttribute('href')).resolves.toContain(
      '/accounts',
    )
    await page.close()
  })
})
