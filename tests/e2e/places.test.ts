/**
 * The whole stack in real Chromium against `npm run serve` on a temporary data
 * folder: set up the administrator on first run, add a community and a
 * compound through the UI, restart the server, and find them again. Screenshots land in tests/e2e/screenshots/.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  launchChromium,
  screenshotDir,
  startServer,
  tempDataDir,
  type RunningServer,
  signedInPage,
  pageOwningContext,
} from './harness'
import { demoAdmin } from './api'

let browser: Browser
let server: RunningServer
const dataDir = tempDataDir()

async function openPlaces(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/places`)
  await page.getByRole('tab', { name: '社区' }).waitFor()
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  server = await startServer(dataDir)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('places through the UI', () => {
  it('first run sets up the administrator, then offers demo data and shows the shell with every section open', async () => {
    // No --demo and no session: the very first visit asks for the administrator.
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })
    const page = await pageOwningContext(context)
    await page.goto(server.url)
    const setup = page.getByRole('heading', { name: '首次使用：设置管理员账号' })
    await expect.poll(() => setup.isVisible(), { timeout: 10_000 }).toBe(true)
    await expect(page.getByText('管理员').first().isVisible()).resolves.toBe(true)
    await page.getByLabel('姓名').fill('测试管理员')
    await page.getByLabel('登录名').fill(demoAdmin.login)
    await page.getByLabel('密码', { exact: true }).fill('12345678')
    await expect.poll(() => page.getByText('这是最常见的密码之一，很容易被猜中，请换一个').isVisible()).toBe(true)
    await page.getByLabel('密码', { exact: true }).fill(demoAdmin.password)
    await expect.poll(() => page.getByText(/强度：强/).isVisible()).toBe(true)
    await page.getByLabel('再次输入密码').fill(`${demoAdmin.password}x`)
    await page.getByRole('button', { name: '完成设置并登录' }).click()
    await expect.poll(() => page.getByText('两次输入的密码不一致').isVisible()).toBe(true)
    await page.getByLabel('再次输入密码').fill(demoAdmin.password)
    await expect.poll(() => page.getByText('两次输入的密码不一致').count()).toBe(0)
    await page.waitForTimeout(400) // let transitions settle for the picture
    await page.screenshot({ path: path.join(screenshotDir, 'auth-setup.png') })
    await page.getByLabel('再次输入密码').press('Enter')

    // Hashing the password (scrypt) takes a moment on a busy machine.
    await expect.poll(() => page.getByText('欢迎使用社区服务台').isVisible(), { timeout: 15_000 }).toBe(true)
    await expect(page.getByRole('button', { name: /^当前用户：/ }).innerText()).resolves.toContain(
      '测试管理员 · 管理员',
    )
    for (const title of [
      '工作台',
      '来访登记',
      '诉求办理',
      '调解案件',
      '居民公约',
      '通知公告',
      '统计报表',
      '基础信息',
      '系统设置',
    ]) {
      await expect(page.getByRole('menuitem', { name: new RegExp(title) }).count()).resolves.toBe(1)
    }
    // 统计报表 is a real page now: on a fresh database it shows this month's (empty) figures.
    await page.getByRole('menuitem', { name: /统计报表/ }).click()
    await expect.poll(() => page.locator('.page-header h2', { hasText: '统计报表' }).isVisible()).toBe(true)
    await expect.poll(() => page.locator('[data-figure=received] .value').innerText(), { timeout: 15_000 }).toBe('0')
    await expect(page.getByText('统计报表：未开放').count()).resolves.toBe(0)
    await page.waitForTimeout(400) // let dialog animations settle for the picture
    await page.screenshot({ path: path.join(screenshotDir, 'first-run-stats.png') })
    await page.close()
  })

  it('adds a community, refusing a bad phone at the field first', async () => {
    const page = await signedInPage(browser, server, { width: 1366, height: 800 })
    await openPlaces(page, server.url)
    await page.getByRole('button', { name: '新增社区' }).click()
    const dialog = page.getByRole('dialog', { name: '新增社区' })
    await dialog.getByLabel('社区名称').fill('测试<script>window.__pwned=1</script>社区')
    await dialog.getByLabel('联系电话').fill('12345')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.getByText(/联系电话格式不正确/).isVisible()).toBe(true)
    await page.waitForTimeout(400) // let dialog animations settle for the picture
    await page.screenshot({ path: path.join(screenshotDir, 'community-phone-error.png') })

    await dialog.getByLabel('社区名称').fill('晨光社区')
    await dialog.getByLabel('联系电话').fill('023 4567 8109')
    await dialog.getByLabel('办公地址').fill('桂溪街道晨光路1号')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    const row = page.getByRole('row', { name: /晨光社区/ })
    await expect.poll(() => row.isVisible()).toBe(true)
    await expect(row.innerText()).resolves.toContain('023-45678109')

    // Markup typed into a name is kept and shown as text, never run.
    const markup = '<img src=x onerror=__pwned=1>'
    await page.getByRole('button', { name: '新增社区' }).click()
    await dialog.getByLabel('社区名称').fill(markup)
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByRole('cell', { name: markup, exact: true }).isVisible()).toBe(true)
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined()

    // A duplicate name is refused by core and shown next to the name field.
    await page.getByRole('button', { name: '新增社区' }).click()
    await dialog.getByLabel('社区名称').fill('晨光社区')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.getByText('已有名为“晨光社区”的社区，请换一个名称').first().isVisible()).toBe(true)
    await dialog.getByRole('button', { name: '取消' }).click()
    await page.close()
  })

  it('adds a compound with a building leader under that community', async () => {
    const page = await signedInPage(browser, server, { width: 1366, height: 800 })
    await openPlaces(page, server.url)
    await page.getByRole('tab', { name: '小区' }).click()
    await page.getByRole('button', { name: '新增小区' }).click()
    const dialog = page.getByRole('dialog', { name: '新增小区' })
    await dialog.getByLabel('小区名称').fill('晨光小区')
    await dialog.getByRole('combobox', { name: '所属社区' }).click()
    await page.getByRole('option', { name: '晨光社区' }).click()
    await dialog.getByRole('radio', { name: '三无小区' }).click({ force: true })
    await dialog.getByRole('radio', { name: '居民自治小组' }).click({ force: true })
    await dialog.getByRole('button', { name: '添加楼栋长' }).click()
    await dialog.getByLabel('第1位楼栋长的楼栋').fill('2栋')
    await dialog.getByLabel('第1位楼栋长的姓名').fill('李玉碧')
    await dialog.getByLabel('第1位楼栋长的电话').fill('138 0000 1234')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    const row = page.getByRole('row', { name: /晨光小区/ })
    await expect.poll(() => row.isVisible()).toBe(true)
    const text = await row.innerText()
    expect(text).toContain('晨光社区')
    expect(text).toContain('三无小区')
    expect(text).toContain('居民自治小组')
    await page.waitForTimeout(400) // let dialog animations settle for the picture
    await page.screenshot({ path: path.join(screenshotDir, 'compound-added.png') })
    await page.close()
  })

  it('finds both again after the server restarts on the same data folder', async () => {
    await server.stop()
    server = await startServer(dataDir)
    const page = await signedInPage(browser, server, { width: 1366, height: 800 })
    await openPlaces(page, server.url)
    await page.getByPlaceholder('按社区名称搜索').fill('晨光')
    await expect.poll(() => page.getByRole('row', { name: /晨光社区/ }).isVisible()).toBe(true)
    await page.getByRole('tab', { name: '小区' }).click()
    await page.getByPlaceholder('按小区名称搜索').fill('晨光')
    const row = page.getByRole('row', { name: /晨光小区/ })
    await expect.poll(() => row.isVisible()).toBe(true)
    await row.getByRole('button', { name: '编辑' }).click()
    const dialog = page.getByRole('dialog', { name: '编辑小区' })
    await expect(dialog.getByLabel('第1位楼栋长的姓名').inputValue()).resolves.toBe('李玉碧')
    await expect(dialog.getByLabel('第1位楼栋长的电话').inputValue()).resolves.toBe('13800001234')
    await page.waitForTimeout(400) // let dialog animations settle for the picture
    await page.screenshot({ path: path.join(screenshotDir, 'after-restart.png') })
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    await page.close()
  })
})
