/**
 * Privacy controls in real Chromium on `serve --demo`: a front-desk view of a
 * 诉求 unmasks the phone only after a reason is picked (and masks it for
 * 领导查询 always); the audit page lists that unmasking, says the trail is
 * intact and exports it as .xlsx; the visit form warns when 事由 holds a
 * phone number; the privacy page exports a person's data in full and
 * anonymises them after a typed confirmation, after which search no longer
 * finds them.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium, screenshotDir, signInContext, startServer, tempDataDir, type RunningServer } from './harness'
import { call } from './api'

const phone = '13912340001'
let browser: Browser
let context: BrowserContext
let server: RunningServer
let complaint: { id: number; number: string }
let personId: number
/** Pages load slower while other suites run; give each poll time beyond vitest's 1 s default. */
const wait = { timeout: 15_000 }

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400) // let popovers and dialogs finish animating
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  server = await startServer(tempDataDir(), ['--demo'])
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  await signInContext(context, server)
  const categoryId = (await call(server, 'intake.listCategories', {})).find((c) => c.name === '设施维修')!.id
  const visit = await call(server, 'visits.create', {
    person: { name: '王秀英', phone },
    subject: '楼道灯坏了',
    outcome: 'complaints',
    complaints: [{ kind: 'complaint', categoryId, request: '请修复3栋楼道灯' }],
  })
  complaint = { id: visit.complaints[0]!.id, number: visit.complaints[0]!.number }
  const onSpot = await call(server, 'visits.create', {
    person: { name: '赵小兰', phone: '13912340002', idNumber: '440524188001010014' },
    subject: '咨询居住证办理',
    outcome: 'on_spot',
    answer: '已告知所需材料',
  })
  personId = onSpot.person.id
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('privacy controls through the UI', () => {
  it('shows the full phone only after a reason is given, for 60 seconds', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/complaints/${complaint.id}`)
    const value = page.getByTestId('reveal-value')
    await expect.poll(() => value.innerText(), wait).toBe('139****0001')
    await page.getByRole('button', { name: '显示完整联系电话' }).click()
    const popover = page.getByRole('dialog', { name: '查看完整联系电话' })
    await expect.poll(() => popover.isVisible(), wait).toBe(true)
    await popover.getByText('其他', { exact: true }).click()
    await popover.getByRole('button', { name: '确定查看' }).click()
    await expect.poll(() => popover.getByRole('alert').innerText(), wait).toBe('请填写查看原因')
    await expect(value.innerText()).resolves.toBe('139****0001')
    // A reason is kept in the audit trail, where numbers are removed: the clerk is told while typing.
    const typed = popover.getByLabel('其他查看原因')
    const warning = popover.locator('.sensitive-text-warning')
    await typed.fill(`核对${phone}`)
    await expect.poll(() => warning.innerText(), wait).toContain('内容中似乎包含手机号')
    await shot(page, 'reveal-popover-warning')
    await typed.fill('核对来电')
    await expect.poll(() => warning.count(), wait).toBe(0)
    await popover.getByText('核实身份', { exact: true }).click()
    await shot(page, 'reveal-popover')
    await popover.getByRole('button', { name: '确定查看' }).click()
    await expect.poll(() => value.innerText(), wait).toBe(phone)
    await expect(page.getByTestId('reveal-number').innerText()).resolves.toMatch(/\d+秒后隐藏/)
    await page.getByRole('button', { name: '隐藏' }).click()
    await expect.poll(() => value.innerText(), wait).toBe('139****0001')
    await page.close()
  })

  it('never offers 显示完整号码 to 领导查询', async () => {
    const viewer = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    await signInContext(viewer, server, { login: 'lingdao', password: 'Guixi@2026-ld' })
    const page = await viewer.newPage()
    await page.goto(`${server.url}#/complaints/${complaint.id}`)
    await expect.poll(() => page.getByTestId('reveal-value').innerText(), wait).toBe('139****0001')
    expect(await page.getByRole('button', { name: '显示完整联系电话' }).count()).toBe(0)
    await viewer.close()
  })

  it('lists the unmasking in the audit log, verifies the trail and exports it', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/audit`)
    // Newest first; the 领导查询 sign-in above came later than the unmasking.
    const revealRow = page.getByRole('row', { name: /查看完整号码/ }).first()
    await expect.poll(() => revealRow.isVisible(), wait).toBe(true)
    const text = await revealRow.innerText()
    expect(text).toContain('演示管理员')
    expect(text).toContain('来访人')
    expect(text).toContain('查看：联系电话；原因：核实身份')
    expect(text).not.toContain(phone)

    await page.getByRole('button', { name: '校验完整性' }).click()
    const result = page.getByTestId('audit-verify-result')
    await expect.poll(() => result.innerText(), wait).toMatch(/审计记录完整：已核验 \d+ 条，没有发现改动或删除/)
    await shot(page, 'audit-page')

    await page.getByRole('combobox', { name: '按操作筛选' }).click()
    await page.getByRole('option', { name: '查看完整号码' }).click()
    await expect.poll(() => page.locator('.el-table__body tr').count(), wait).toBe(1)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出 Excel' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const saved = path.join(tempDataDir('cd-e2e-audit-'), 'audit.xlsx')
    await file.saveAs(saved)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(saved)
    const sheet = book.getWorksheet('审计日志')!
    expect(sheet.rowCount).toBe(2)
    expect(sheet.getRow(2).getCell(4).value).toBe('查看完整号码')
    expect(sheet.getRow(2).getCell(7).value).toBe('查看：联系电话；原因：核实身份')
    await page.close()
  })

  it('warns, without blocking, when 事由 holds a phone number', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/visits/new`)
    const subject = page.getByLabel('事由', { exact: true })
    await subject.fill('反映噪音扰民，回电13812345678')
    const warning = page.locator('.sensitive-text-warning')
    await expect.poll(() => warning.innerText(), wait).toContain('内容中似乎包含手机号，非必要请勿在此填写')
    await shot(page, 'visit-sensitive-warning')
    await subject.fill('反映噪音扰民')
    await expect.poll(() => warning.count(), wait).toBe(0)
    await page.close()
  })

  it('anonymises a person from the privacy page after a typed confirmation', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/privacy`)
    await expect.poll(() => page.getByRole('tab', { name: '超过保存期限' }).isVisible(), wait).toBe(true)
    // The demo's records are all recent: nobody is past the default three years yet.
    await expect.poll(() => page.getByTestId('overdue-cutoffs').innerText(), wait).toMatch(/之前办结/)
    await shot(page, 'privacy-overdue')
    await page.getByRole('tab', { name: '保存期限设置' }).click()
    await expect.poll(() => page.getByLabel('来访记录保存年数').inputValue(), wait).toBe('3')
    await shot(page, 'privacy-retention')
    await page.getByRole('tab', { name: '查找来访人' }).click()
    await page.getByRole('textbox', { name: '查找来访人' }).fill('赵小兰')
    const row = page.getByRole('row', { name: /赵小兰/ })
    await expect.poll(() => row.innerText(), wait).toContain('139****0002')
    await shot(page, 'privacy-page')

    // The resident's copy: an Excel file with the numbers in full.
    const download = page.waitForEvent('download')
    await row.getByRole('button', { name: '导出个人信息' }).click()
    await page.getByRole('menuitem', { name: 'Excel 表格（便于阅读）' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(new RegExp(`^个人信息-来访人${personId}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`))
    const saved = path.join(tempDataDir('cd-e2e-person-'), 'person.xlsx')
    await file.saveAs(saved)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(saved)
    const facts = book.getWorksheet('个人信息')!.getSheetValues().flat()
    expect(facts).toEqual(expect.arrayContaining(['赵小兰', '13912340002', '440524188001010014']))

    await row.getByRole('button', { name: '匿名化' }).click()
    const dialog = page.getByRole('dialog', { name: '匿名化' })
    await expect.poll(() => dialog.isVisible(), wait).toBe(true)
    const confirm = dialog.getByRole('button', { name: '确定匿名化' })
    const reasonWarning = dialog.locator('.sensitive-text-warning')
    await dialog.getByLabel('匿名化原因').fill('本人来电13912340002申请删除')
    await expect.poll(() => reasonWarning.innerText(), wait).toContain('内容中似乎包含手机号')
    await dialog.getByLabel('匿名化原因').fill('居民本人申请删除')
    await expect.poll(() => reasonWarning.count(), wait).toBe(0)
    expect(await confirm.isDisabled()).toBe(true)
    await dialog.getByLabel('确认文字').fill('确认匿名化')
    await shot(page, 'privacy-anonymise-dialog')
    await confirm.click()
    await expect.poll(() => dialog.isVisible(), wait).toBe(false)
    const lookup = page.getByRole('tabpanel', { name: '查找来访人' })
    await expect.poll(() => lookup.locator('.el-table__empty-text').innerText(), wait).toContain('没有找到该来访人')

    expect(await call(server, 'people.search', { query: '赵小兰' })).toEqual([])
    expect(await call(server, 'people.search', { query: '13912340002' })).toEqual([])
    const history = await call(server, 'people.history', { id: personId })
    expect(history.person).toMatchObject({ name: '已匿名化', phoneMasked: null, idNumberMasked: null })
    expect(history.totalVisits).toBe(1)
    const audit = await call(server, 'audit.list', { action: 'anonymise', entityId: personId })
    expect(audit.items[0]).toMatchObject({ actionLabel: '匿名化', detail: { reason: '居民本人申请删除' } })
    await page.close()
  })
})
