/**
 * 数据导入导出 in real Chromium on `serve --demo`: an administrator picks a
 * .csv of residents, checks the preselected columns, gets the dry run's
 * problem list (row, column, reason), picks the corrected file, imports it
 * with the progress bar and sees the result; the residents are then found at
 * the desk. Exports: a 小区 list with a filter, and 全部导出 with 显示完整号码
 * (confirmed, audited), both read back with exceljs. A front-desk clerk sees
 * no such page and is refused by core.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  launchChromium,
  pageOwningContext,
  screenshotDir,
  signInContext,
  signedInPage,
  startServer,
  tempDataDir,
  type RunningServer,
} from './harness'
import { call } from './api'
import { checkCharOf } from '../../shared/validation/idNumber'

const qiantai = { login: 'qiantai', password: 'Guixi@2026-qt' }
const wait = { timeout: 20_000 }

let browser: Browser
let server: RunningServer
const work = tempDataDir('cd-e2e-data-transfer-files-')

function id(birth: string, seq: number): string {
  const first17 = `520102${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`
  return first17 + checkCharOf(first17)
}

function csvFile(name: string, rows: string[][]): string {
  const file = path.join(work, name)
  fs.writeFileSync(file, '\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n')
  return file
}

/** Residents registered, as the 来访人 list export counts them. */
async function peopleCount(): Promise<number> {
  // Loosely typed: this file compiles whether or not the contract has export.* yet.
  const untyped = call as unknown as (s: RunningServer, m: string, i: unknown) => Promise<{ rows: number }>
  return (await untyped(server, 'export.list', { list: 'people' })).rows
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<Map<string, string[][]>> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer)
  const sheets = new Map<string, string[][]>()
  book.eachSheet((sheet) => {
    const rows: string[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    sheets.set(sheet.name, rows)
  })
  return sheets
}

beforeAll(async () => {
  server = await startServer(tempDataDir('cd-e2e-data-transfer-'), ['--demo'])
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('数据导入', () => {
  it('maps the columns, lists the bad rows, then imports the corrected file', async () => {
    const page = await signedInPage(browser, server, { width: 1440, height: 900 })
    await page.goto(`${server.url}#/data-transfer`)
    await expect.poll(() => page.getByRole('heading', { name: '数据导入导出' }).isVisible(), wait).toBe(true)
    await page.getByRole('radio', { name: '人员名单' }).check({ force: true })
    await shot(page, 'data-import-start')

    const header = ['姓名', '性别', '手机号码', '身份证号码', '所在小区', '楼栋', '房号']
    const bad = csvFile('居民名单-有错.csv', [
      ['迎春社区居民名单'],
      header,
      ['欧阳建国', '男', '13907710001', id('1956-02-03', 11), '迎春花园', '3', '301'],
      ['李秀兰', '女', '1390771', '', '迎春花园', '2', '202'],
      ['王德明', '', '13907710003', '520102195601010120', '没有这个小区', '', ''],
    ])
    await page.getByLabel('选择导入文件').setInputFiles(bad)
    await expect.poll(() => page.getByLabel('列对应关系').isVisible(), wait).toBe(true)
    // Preselected from the headings.
    await expect
      .poll(() => page.getByLabel('列对应关系').locator('.el-select__selected-item').allInnerTexts(), wait)
      .toEqual(expect.arrayContaining(['第1列：姓名', '第3列：手机号码', '第4列：身份证号码', '第5列：所在小区']))
    await shot(page, 'data-import-mapping')

    await page.getByRole('button', { name: '试运行检查' }).click()
    await expect.poll(() => page.getByLabel('问题清单').isVisible(), wait).toBe(true)
    const problems = await page.getByLabel('问题清单').locator('.el-table-v2__row').allInnerTexts()
    expect(problems).toHaveLength(3)
    expect(problems[0]).toMatch(/^4\s+手机号码\s+联系电话格式不正确/)
    expect(problems[1]).toMatch(/^5\s+身份证号码\s+身份证号校验位不正确/)
    expect(problems[2]).toMatch(/^5\s+所在小区\s+找不到小区“没有这个小区”/)
    await expect.poll(() => page.getByRole('button', { name: '开始导入' }).isDisabled(), wait).toBe(true)
    await page.getByText('试运行结果').scrollIntoViewIfNeeded()
    await shot(page, 'data-import-problems')

    const good = csvFile('居民名单.csv', [
      ['迎春社区居民名单'],
      header,
      ['欧阳建国', '男', '13907710001', id('1956-02-03', 11), '迎春花园', '3', '301'],
      ['李秀兰', '女', '13907710002', '', '迎春花园', '2', '202'],
      ['王德明', '', '13907710003', id('1956-01-01', 13), '', '', ''],
    ])
    await page.getByLabel('选择导入文件').setInputFiles(good)
    await expect.poll(() => page.getByRole('button', { name: '试运行检查' }).isVisible(), wait).toBe(true)
    await page.getByRole('button', { name: '试运行检查' }).click()
    await expect.poll(() => page.getByText('检查通过：3 行人员名单都可以导入').isVisible(), wait).toBe(true)
    await page.getByText('试运行结果').scrollIntoViewIfNeeded()
    await shot(page, 'data-import-checked')
    await page.getByRole('button', { name: '开始导入' }).click()
    await expect.poll(() => page.getByText('导入完成', { exact: true }).first().isVisible(), wait).toBe(true)
    await expect.poll(() => page.getByText('新增人员 3 人').isVisible(), wait).toBe(true)
    await page.getByLabel('导入结果').scrollIntoViewIfNeeded()
    await shot(page, 'data-import-done')

    const found = await call(server, 'people.search', { query: 'oyjg' })
    expect(found.map((p) => p.name)).toContain('欧阳建国')
    expect(found[0]!.address).toContain('迎春花园')

    // The same layout again: the mapping comes back as remembered.
    await page.getByRole('button', { name: '再导入一个文件' }).click()
    await page.getByLabel('选择导入文件').setInputFiles(good)
    await expect.poll(() => page.getByText('已按上次导入同样格式文件时的对应关系预选').isVisible(), wait).toBe(true)
    await page.close()
  })
})

describe('来访登记历史', () => {
  it('reads the chosen sheet of a workbook, dates and channels as Excel holds them', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('说明').addRow(['2024年来访登记，请勿改动表头'])
    const sheet = book.addWorksheet('2024年')
    sheet.addRow(['序号', '来访日期', '来访人', '联系电话', '方式', '反映问题', '处理情况'])
    sheet.addRow([
      1,
      new Date(Date.UTC(2024, 4, 6, 9, 30)),
      '欧阳建国',
      '13907710001',
      '来访',
      '咨询高龄补贴',
      '已告知申请材料',
    ])
    sheet.addRow([2, '2024/5/7 15:10', '孙丽', '13907710009', '来电', '楼道灯不亮', '已通知物业维修'])
    const file = path.join(work, '来访登记.xlsx')
    fs.writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()))

    const page = await signedInPage(browser, server, { width: 1440, height: 900 })
    await page.goto(`${server.url}#/data-transfer`)
    await page.getByRole('radio', { name: '来访登记历史' }).check({ force: true })
    await page.getByLabel('选择导入文件').setInputFiles(file)
    // The first sheet has no register: choose the one that has.
    await expect.poll(() => page.getByRole('combobox', { name: '工作表' }).isVisible(), wait).toBe(true)
    await page.locator('.el-select__wrapper', { has: page.getByRole('combobox', { name: '工作表' }) }).click()
    await page.getByRole('option', { name: '2024年' }).click()
    await expect
      .poll(() => page.getByLabel('列对应关系').locator('.el-select__selected-item').allInnerTexts(), wait)
      .toEqual(expect.arrayContaining(['第2列：来访日期', '第3列：来访人', '第6列：反映问题', '第7列：处理情况']))
    await shot(page, 'data-import-visits-mapping')
    await page.getByRole('button', { name: '试运行检查' }).click()
    await expect.poll(() => page.getByText('检查通过：2 行来访登记历史都可以导入').isVisible(), wait).toBe(true)
    await page.getByRole('button', { name: '开始导入' }).click()
    await expect.poll(() => page.getByText('新增来访记录 2 条').isVisible(), wait).toBe(true)
    const visits = await call(server, 'visits.list', { dateFrom: '2024-05-01', dateTo: '2024-05-31' })
    expect(visits.items.map((v) => [v.person.name, v.channel, v.outcome])).toEqual([
      ['孙丽', 'phone', 'on_spot'],
      ['欧阳建国', 'walk_in', 'on_spot'],
    ])
    expect(visits.items[0]!.number).toBe('LF2024-000002')
    await page.close()
  })
})

describe('a long import', () => {
  it('shows its progress and can be cancelled, leaving nothing written', async () => {
    // Long enough (some seconds even after the dry run did the checking) to be cancelled midway.
    const rows = [['姓名', '联系电话', '身份证号']]
    for (let i = 0; i < 100_000; i++) {
      const born = new Date(Date.UTC(1930, 0, 1) + (i % 25000) * 86_400_000).toISOString().slice(0, 10)
      rows.push([
        `测试${'甲乙丙丁戊'[i % 5]}${'子丑寅卯'[i % 4]}`,
        `137${String(i).padStart(8, '0')}`,
        id(born, 200 + Math.floor(i / 25000)),
      ])
    }
    const big = csvFile('大名单.csv', rows)
    const before = await peopleCount()
    const page = await signedInPage(browser, server, { width: 1440, height: 900 })
    await page.goto(`${server.url}#/data-transfer`)
    await page.getByLabel('选择导入文件').setInputFiles(big)
    await expect.poll(() => page.getByRole('button', { name: '试运行检查' }).isVisible(), wait).toBe(true)
    await page.getByRole('button', { name: '试运行检查' }).click()
    await expect
      .poll(() => page.getByText('检查通过：100000 行人员名单都可以导入').isVisible(), { timeout: 90_000 })
      .toBe(true)
    await page.getByRole('button', { name: '开始导入' }).click()
    const bar = page.getByRole('status', { name: '正在导入' })
    await expect.poll(() => bar.isVisible(), wait).toBe(true)
    await bar.getByRole('button', { name: '取消' }).click()
    const confirm = page.getByRole('dialog', { name: '取消导入' })
    await expect.poll(() => confirm.isVisible(), wait).toBe(true)
    await shot(page, 'data-import-progress')
    await confirm.getByRole('button', { name: '取消导入' }).click()
    await expect
      .poll(() => page.getByText('导入已取消，没有写入任何数据').first().isVisible(), { timeout: 60_000 })
      .toBe(true)
    expect(await peopleCount()).toBe(before)
    await page.close()
  })
})

describe('数据导出', () => {
  it('exports a filtered list and everything, full numbers only when asked (and audited)', async () => {
    const page = await signedInPage(browser, server, { width: 1440, height: 900 })
    await page.goto(`${server.url}#/data-transfer`)
    await page.getByRole('tab', { name: '导出' }).click()
    await page.getByRole('radio', { name: '小区名单' }).check({ force: true })
    // Element Plus draws its own box over the input: click the box.
    await page.locator('.el-select__wrapper', { has: page.getByRole('combobox', { name: '小区类型' }) }).click()
    await page.getByRole('option', { name: '老旧小区' }).click()
    const compounds = await readDownload(page, () => page.getByRole('button', { name: '导出小区名单' }).click())
    const rows = compounds.get('小区名单')!
    expect(rows[0]!.slice(0, 4)).toEqual(['所属社区', '小区名称', '小区地址', '小区类型'])
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.slice(1).every((r) => r[3] === '老旧小区')).toBe(true)

    await page.locator('.el-checkbox', { hasText: '显示完整号码' }).click()
    await expect.poll(() => page.getByText('本次导出会记入审计日志').first().isVisible(), wait).toBe(true)
    await shot(page, 'data-export')
    await page.getByRole('button', { name: '全部导出' }).click()
    const dialog = page.getByRole('dialog', { name: '导出完整号码' })
    await expect.poll(() => dialog.isVisible(), wait).toBe(true)
    const all = await readDownload(page, () => dialog.getByRole('button', { name: '确定导出' }).click())
    expect([...all.keys()]).toEqual(expect.arrayContaining(['社区', '小区', '来访人', '来访登记', '审计日志']))
    const people = all.get('来访人')!
    expect(people.find((r) => r[1] === '欧阳建国')).toContain('13907710001')
    await expect.poll(() => page.getByLabel('已导出的工作表').isVisible(), wait).toBe(true)
    await shot(page, 'data-export-done')

    const audit = await call(server, 'audit.list', { action: 'export' })
    expect(audit.items[0]!.detailText).toContain('含完整号码：是')
    await page.close()
  })
})

describe('other roles', () => {
  it('a front-desk clerk has no such page and core refuses the import', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    await signInContext(context, server, qiantai)
    const page = await pageOwningContext(context)
    await page.goto(`${server.url}#/`)
    await expect.poll(() => page.getByText('来访登记').first().isVisible(), wait).toBe(true)
    expect(await page.getByText('数据导入导出').count()).toBe(0)
    await page.goto(`${server.url}#/data-transfer`)
    await expect.poll(() => page.getByText('仅管理员可以导入数据或全部导出').isVisible(), wait).toBe(true)
    await page.close()
  })
})
