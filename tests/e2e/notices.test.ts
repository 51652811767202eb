/**
 * A clerk's notice, start to finish, in real Chromium on browser mode:
 * from a template, edited with the live preview, saved, published, and
 * opened in the print tab with its 打印 button.
 */
import path from 'node:path'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium, screenshotDir, startServer, tempDataDir, type RunningServer, signInContext } from './harness'
import { waitForPrintReady } from './pdf'

let browser: Browser
let context: BrowserContext
let server: RunningServer

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400) // let dialog animations settle for the picture
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  server = await startServer(tempDataDir(), ['--demo'])
  await signInContext(context, server)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('notices through the UI', () => {
  it('refuses a blank notice with messages at the fields, saving nothing', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/notices/new`)
    await page.getByRole('button', { name: /保存草稿/ }).click()
    await expect.poll(() => page.getByText('请选择发文社区').first().isVisible()).toBe(true)
    await expect.poll(() => page.getByText('请填写标题').first().isVisible()).toBe(true)
    await expect.poll(() => page.getByText('请填写正文').first().isVisible()).toBe(true)
    await shot(page, 'notice-blank-errors')
    await page.goto(`${server.url}#/notices`)
    await expect.poll(() => page.getByText('暂无通知').isVisible()).toBe(true)
    await page.close()
  })

  it('writes a notice from a template, previews it, saves, publishes and prints it', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/notices`)
    await page.getByRole('button', { name: '从模板新建' }).click()
    const dialog = page.getByRole('dialog', { name: '从模板新建通知' })
    await dialog.getByText('消防安全提示', { exact: true }).click()
    await dialog.getByRole('combobox', { name: '发文社区' }).click()
    await page.getByRole('option', { name: '红光社区' }).click()
    await dialog.locator('.el-form-item', { hasText: '通知小区' }).locator('.el-select__wrapper').click()
    await page.getByRole('option', { name: '桂北小区' }).click()
    await dialog.getByText('从模板新建通知').click() // close the dropdown, as a person would
    await dialog.getByRole('button', { name: '新建草稿' }).click()

    await expect.poll(() => page.url()).toMatch(/#\/notices\/\d+$/)
    const title = page.getByLabel('标题', { exact: true })
    await expect.poll(() => title.inputValue()).toBe('关于加强桂北小区消防安全的提示')
    await expect.poll(() => page.getByLabel('文号').inputValue()).toBe('红光社区〔2026〕1号')
    // The preview is the print component: it shows the filled-in text and a page count.
    const preview = page.locator('.preview')
    await expect.poll(() => preview.innerText()).toContain('桂北小区全体居民：')
    await expect.poll(() => page.getByTestId('preview-pages').innerText()).toBe('共 1 页')

    await page.getByLabel('联系人及电话').fill('王老师 023-45678103')
    await page.getByLabel('张贴位置').fill('各单元门口公告栏')
    await expect.poll(() => preview.innerText()).toContain('王老师 023-45678103')
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.getByText('未保存').isVisible()).toBe(false)
    await shot(page, 'notice-editor')

    await page.getByRole('button', { name: '发布' }).click()
    await page.getByRole('dialog', { name: '发布通知' }).getByRole('button', { name: '发布' }).click()
    await expect.poll(() => page.getByText('内容已锁定').isVisible()).toBe(true)
    await expect(title.isDisabled()).resolves.toBe(true)

    await page.getByRole('button', { name: '打印 / 导出PDF' }).click()
    const printDialog = page.getByRole('dialog', { name: '打印 / 导出PDF' })
    await expect.poll(() => printDialog.getByText('浏览器模式').isVisible()).toBe(true)
    await shot(page, 'notice-print-dialog')
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      printDialog.getByRole('button', { name: /打开打印页/ }).click(),
    ])
    await waitForPrintReady(tab)
    await expect(tab.getByRole('button', { name: '打印' }).isVisible()).resolves.toBe(true)
    await expect(tab.locator('article').innerText()).resolves.toContain('关于加强桂北小区消防安全的提示')
    await shot(tab, 'notice-print-tab')

    await page.goto(`${server.url}#/notices`)
    const row = page.getByRole('row', { name: /红光社区〔2026〕1号/ })
    await expect.poll(() => row.innerText()).toContain('已发布')
    await expect(row.innerText()).resolves.toContain('各单元门口公告栏')
    await shot(page, 'notice-list')
    await page.close()
  })
})
