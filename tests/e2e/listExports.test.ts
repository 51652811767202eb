/**
 * 导出 Excel on the list pages (社区, 小区, 来访记录, 通知公告): each exports
 * exactly what the list shows under the filters set in its toolbar, every
 * page of it, read back with exceljs and compared with the list API under
 * the same filters (and in the order the list is sorted in).
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, screenshotDir, signedInPage, startServer, tempDataDir, type RunningServer } from './harness'
import { call } from './api'
import { visitChannelLabels } from '../../shared/intake/labels'

const wait = { timeout: 20_000 }
let browser: Browser
let server: RunningServer

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.waitForTimeout(400)
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

/** The data rows of the workbook's first sheet (the heading row left out), as text. */
async function exportRows(page: Page): Promise<{ headings: string[]; rows: string[][] }> {
  const button = page.locator('button:visible', { hasText: '导出 Excel' })
  await expect.poll(() => button.count(), wait).toBe(1)
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer)
  const all: string[][] = []
  book.worksheets[0]!.eachRow((row) => all.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return { headings: all[0] ?? [], rows: all.slice(1) }
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  // The placeholder lies over the non-filterable select's input: click the wrapper around it.
  await page.locator('.el-select__wrapper', { has: page.getByRole('combobox', { name: label }) }).click()
  await page.getByRole('option', { name: option, exact: true }).locator('visible=true').click()
  await page.keyboard.press('Escape')
}

function column(result: { headings: string[]; rows: string[][] }, heading: string): string[] {
  const at = result.headings.indexOf(heading)
  expect(at, `heading ${heading} in ${result.headings.join(',')}`).toBeGreaterThanOrEqual(0)
  return result.rows.map((r) => r[at] ?? '')
}

beforeAll(async () => {
  server = await startServer(tempDataDir('cd-e2e-list-exports-'), ['--demo'])
  browser = await launchChromium()
  // More 小区 of one kind than a page shows: the export must hold every page, not the one on screen.
  const [community] = await call(server, 'places.listCommunities', {})
  for (let n = 1; n <= 23; n++) {
    await call(server, 'places.saveCompound', {
      communityId: community!.id,
      name: `导出测试院落${String(n).padStart(2, '0')}`,
      kind: 'work_unit',
      management: 'none',
    })
  }
  const notice = (title: string) => ({
    communityId: community!.id,
    title,
    audience: 'community' as const,
    body: [{ type: 'paragraph' as const, text: '请居民相互转告。' }],
    issuerName: `${community!.name}居民委员会`,
    issuedOn: '2026-11-02',
  })
  const published = await call(server, 'notices.save', notice('关于冬季用电安全的通知'))
  await call(server, 'notices.publish', { id: published.id, version: published.version })
  await call(server, 'notices.save', notice('关于清理楼道杂物的通知（草稿）'))
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('导出 Excel on the list pages', () => {
  it('社区: the name search on screen', async () => {
    const [first] = await call(server, 'places.listCommunities', {})
    const page = await signedInPage(browser, server, { width: 1440, height: 900 })
    await page.goto(`${server.url}#/places`)
    await page.getByLabel('按社区名称搜索').fill(first!.name)
    await expect.poll(() => page.locator('.el-tab-pane:visible .el-table__body tbody tr').count(), wait).toBe(1)
    await shot(page, 'list-export-communities')
    const result = await exportRows(page)
    expect(column(result, '社区名称')).toEqual([first!.name])
    await page.close()
  })

  it('小区: the kind filter, every page of it (more than the 20 on screen)', async () => {
    const expected = await call(server, 'places.listCompounds', { kind: 'work_unit', pageSize: 100 })
    expect(expected.total).toBeGreaterThan(20)
    const page = await signedInPage(browser, server, { width: 1440, height: 900 })
    await page.goto(`${server.url}#/places?tab=compounds`)
    await pick(page, '按类型筛选', '单位宿舍')
    await expect
      .poll(() => page.locator('.el-tab-pane:visible').getByText(`共 ${expected.total} 条`).count(), wait)
      .toBe(1)
    await shot(page, 'list-export-compounds')
    const result = await exportRows(page)
    expect(column(result, '小区名称').sort()).toEqual(expected.items.map((c) => c.name).sort())
    await page.close()
  })

  it('来访记录: the channel filter and the search box', async () => {
    const all = await call(server, 'visits.list', { pageSize: 100 })
    expect(all.total).toBeGreaterThan(1)
    const channel = all.items[0]!.channel
    const expected = await call(server, 'visits.list', { channel, pageSize: 100 })
    expect(expected.total).toBeLessThan(all.total) // the filter must matter for the test to mean anything
    const page = await signedInPage(browser, server, { width: 1440, height: 900 })
    await page.goto(`${server.url}#/visits`)
    await pick(page, '按来访方式筛选', visitChannelLabels[channel])
    await expect.poll(() => page.getByText(`共 ${expected.total} 条`).count(), wait).toBe(1)
    await shot(page, 'list-export-visits')
    const byChannel = await exportRows(page)
    expect(column(byChannel, '编号').sort()).toEqual(expected.items.map((v) => v.number).sort())

    // Sorted by the server: 编号 ascending on screen, and the export in the same order.
    const ascending = expected.items.map((v) => v.number).sort()
    await page
      .locator('.el-table__header th')
      .filter({ hasText: /^编号$/ })
      .click()
    await expect
      .poll(() => page.locator('.el-table__body tbody tr td:first-child').first().innerText(), wait)
      .toBe(ascending[0])
    await shot(page, 'list-visits-sorted')
    expect(column(await exportRows(page), '编号')).toEqual(ascending)

    // The search box narrows the export the same way.
    const one = expected.items[0]!
    await page.getByLabel('按编号、查询码、姓名或电话搜索').fill(one.number)
    await expect.poll(() => page.locator('.el-table__body tbody tr').count(), wait).toBe(1)
    const byNumber = await exportRows(page)
    expect(column(byNumber, '编号')).toEqual([one.number])
    await page.close()
  })

  it('通知公告: the status filter', async () => {
    const expected = await call(server, 'notices.list', { status: 'published', pageSize: 100 })
    const drafts = await call(server, 'notices.list', { status: 'draft', pageSize: 100 })
    expect(expected.total).toBeGreaterThan(0)
    expect(drafts.total).toBeGreaterThan(0)
    const page = await signedInPage(browser, server, { width: 1440, height: 900 })
    await page.goto(`${server.url}#/notices`)
    await pick(page, '按状态筛选', '已发布')
    await expect.poll(() => page.getByText(`共 ${expected.total} 条`).count(), wait).toBe(1)
    await shot(page, 'list-export-notices')
    const result = await exportRows(page)
    expect(column(result, '标题').sort()).toEqual(expected.items.map((n) => n.title).sort())
    await page.close()
  })
})
