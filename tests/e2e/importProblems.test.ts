/**
 * A dry run with many bad rows: every listed problem (up to 1000) is in one
 * virtual list the clerk scrolls through. Only the rows in view are drawn,
 * yet scrolling reaches the last one, with its row number, column and reason.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium, screenshotDir, signedInPage, startServer, tempDataDir, type RunningServer } from './harness'

const wait = { timeout: 20_000 }
const badRows = 1200
let browser: Browser
let server: RunningServer
const work = tempDataDir('cd-e2e-import-problems-files-')

beforeAll(async () => {
  server = await startServer(tempDataDir('cd-e2e-import-problems-'), ['--demo'])
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('试运行 problems at scale', () => {
  it('lists the first 1000 of 1200 problems in a virtual list that scrolls to the last', async () => {
    const lines = ['姓名,手机号码']
    // Spreadsheet row n + 1 (the heading is row 1) has a phone number that is too short.
    const chars = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉'
    const name = (n: number) => `居${chars[n % 20]}${chars[Math.floor(n / 20) % 20]}${chars[Math.floor(n / 400) % 20]}`
    for (let n = 1; n <= badRows; n++) lines.push(`${name(n)},139${n}`)
    const file = path.join(work, '居民名单-很多错.csv')
    fs.writeFileSync(file, '\ufeff' + lines.join('\r\n') + '\r\n')

    const page = await signedInPage(browser, server, { width: 1280, height: 800 })
    await page.goto(`${server.url}#/data-transfer`)
    await page.getByRole('radio', { name: '人员名单' }).check({ force: true })
    await page.getByLabel('选择导入文件').setInputFiles(file)
    await expect.poll(() => page.getByRole('button', { name: '试运行检查' }).isEnabled(), wait).toBe(true)
    await page.getByRole('button', { name: '试运行检查' }).click()

    const list = page.getByLabel('问题清单')
    await expect.poll(() => list.isVisible(), wait).toBe(true)
    await expect
      .poll(() => page.locator('.el-alert__title').allInnerTexts(), wait)
      .toContain(`发现 ${badRows} 处问题，涉及 ${badRows} 行`)
    await expect.poll(() => page.getByText(`只列出前 1000 处，共 ${badRows} 处`).isVisible(), wait).toBe(true)

    const rows = list.locator('.el-table-v2__row')
    const first = await rows.first().innerText()
    expect(first).toMatch(/^2\s+手机号码\s+联系电话格式不正确/)
    // Virtual: a screenful is drawn, not the thousand rows.
    const drawn = await rows.count()
    expect(drawn).toBeGreaterThan(5)
    expect(drawn).toBeLessThan(60)
    await list.scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(screenshotDir, 'data-import-many-problems.png') })

    // The mouse wheel scrolls it: later rows are drawn in place of the first.
    await list.locator('.el-table-v2__body').hover()
    await page.mouse.wheel(0, 36 * 200)
    await expect.poll(() => list.getByText('2', { exact: true }).count(), wait).toBe(0)
    const afterWheel = Number((await rows.first().innerText()).split(/\s/)[0])
    expect(afterWheel).toBeGreaterThan(150)

    // And the keyboard: End goes to the 1000th problem (spreadsheet row 1001), Home back to the first.
    await list.focus()
    await page.keyboard.press('End')
    await expect.poll(() => list.getByText('1001', { exact: true }).count(), wait).toBe(1)
    const last = await rows.filter({ has: page.getByText('1001', { exact: true }) }).innerText()
    expect(last).toMatch(/^1001\s+手机号码\s+联系电话格式不正确/)
    expect(await rows.count()).toBeLessThan(60)
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(screenshotDir, 'data-import-many-problems-end.png') })
    await page.keyboard.press('Home')
    await expect.poll(() => list.getByText('2', { exact: true }).count(), wait).toBe(1)
    await page.keyboard.press('PageDown')
    await expect.poll(async () => Number((await rows.first().innerText()).split(/\s/)[0]), wait).toBeGreaterThan(5)
    await page.close()
  })
})
