/**
 * 诉求办理 in real Chromium on `serve --demo`: a walk-in's 投诉 (logged through
 * the HTTP API) is opened from the list and taken through 受理 → 交办 → 开始办理
 * → 办结 → 回访 → 归档 in the UI, with the status and timeline checked after
 * every step; a refused step and a stale save show their Chinese messages;
 * the list filters by status and exports an .xlsx; the 工作台 lists overdue work.
 */
import path from 'node:path'
import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { launchChromium, screenshotDir, startServer, tempDataDir, type RunningServer, signInContext } from './harness'
import { call, signIn } from './api'
import type { SaveVisitInput } from '../../shared/api/visits'

let browser: Browser
let context: BrowserContext
let server: RunningServer
let staffName: string
let categoryId: number
let compoundId: number
/** The 投诉 taken through the whole workflow. */
let main: { id: number; number: string }

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400) // let dialog animations settle for the picture
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

async function logVisit(request: string, extra: Partial<SaveVisitInput> = {}): Promise<{ id: number; number: string }> {
  const visit = await call(server, 'visits.create', {
    person: { name: '李春梅', phone: '13912345678' },
    subject: request,
    outcome: 'complaints',
    complaints: [{ kind: 'complaint', categoryId, compoundId, request, facts: '已持续两周' }],
    ...extra,
  })
  const c = visit.complaints[0]!
  return { id: c.id, number: c.number }
}

/** A raw call that returns the refusal instead of throwing, to read its message. */
async function refused(method: string, input: unknown): Promise<{ status: number; code: string; message: string }> {
  const res = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: await signIn(server) },
    body: JSON.stringify(input),
  })
  const body = (await res.json()) as { code: string; message: string }
  return { status: res.status, code: body.code, message: body.message }
}

function headerStatus(page: Page): Locator {
  return page.locator('.page-header [data-testid=status-tag]')
}

async function timelineText(page: Page): Promise<string> {
  return page.getByTestId('timeline').innerText()
}

/** Clicks an action button, fills its dialog with `fill`, confirms, and waits for the new status. */
async function act(page: Page, label: string, status: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByTestId('actions').getByRole('button', { name: label, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: label, exact: true })
  await expect.poll(() => dialog.isVisible()).toBe(true)
  if (fill) await fill(dialog)
  await dialog.getByRole('button', { name: `确定${label}` }).click()
  await expect.poll(() => dialog.isVisible()).toBe(false)
  await expect.poll(() => headerStatus(page).innerText()).toBe(status)
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  server = await startServer(tempDataDir(), ['--demo'])
  await signInContext(context, server)
  staffName = (await call(server, 'system.info', {})).staff.name
  const categories = await call(server, 'intake.listCategories', {})
  categoryId = categories.find((c) => c.name === '设施维修')!.id
  const compounds = await call(server, 'places.listCompounds', { query: '桂北小区' })
  compoundId = compounds.items.find((c) => c.name === '桂北小区')!.id
  main = await logVisit('请修复5栋楼道的声控灯，晚上上下楼看不见')
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('诉求办理 through the UI', () => {
  it('takes a 投诉 from 登记 to 归档, one step at a time', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/complaints`)
    await page.getByLabel('搜索诉求').fill(main.number)
    const row = page.getByRole('row', { name: new RegExp(main.number) })
    await expect.poll(() => row.innerText()).toContain('李春梅')
    await expect(row.innerText()).resolves.toContain('139****5678') // the phone is masked in the list
    await expect(row.innerText()).resolves.toContain('登记')
    await page.getByLabel('搜索诉求').fill('')
    await expect.poll(() => page.locator('.el-table__body tr').count()).toBeGreaterThan(1)
    await shot(page, 'complaints-list')

    await page.getByText(main.number, { exact: true }).click()
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/complaints/${main.id}$`))
    await expect.poll(() => headerStatus(page).innerText()).toBe('登记')
    await expect(page.getByTestId('complaint-number').innerText()).resolves.toBe(main.number)
    await expect(timelineText(page)).resolves.toContain('登记')

    await act(page, '受理', '已受理', (d) => d.getByLabel('备注').fill('属实，予以受理'))
    await expect.poll(() => timelineText(page)).toContain('登记 → 已受理')
    await expect(timelineText(page)).resolves.toContain('属实，予以受理')

    await act(page, '交办', '已交办', async (d) => {
      await d.getByRole('combobox', { name: '承办单位' }).click()
      await page.getByRole('option', { name: '社区物业' }).click()
      await d.getByLabel('承办人').fill('周师傅')
      await d.getByText('交办给承办单位后').click() // close the dropdown, as a person would
      await shot(page, 'complaint-action-dialog')
    })
    await expect.poll(() => timelineText(page)).toContain('已受理 → 已交办')
    await expect(timelineText(page)).resolves.toContain('承办单位：社区物业')
    await expect(timelineText(page)).resolves.toContain('承办人：周师傅')

    await act(page, '开始办理', '办理中')
    await expect.poll(() => timelineText(page)).toContain('已交办 → 办理中')

    // 办结 without an answer is refused at the field and the dialog keeps the result typed.
    await page.getByTestId('actions').getByRole('button', { name: '办结', exact: true }).click()
    const resolve = page.getByRole('dialog', { name: '办结', exact: true })
    await resolve.getByLabel('办理结果').fill('已更换5栋1至6层声控灯')
    await resolve.getByRole('button', { name: '确定办结' }).click()
    await expect.poll(() => resolve.getByText('请选择答复意见（支持/解释/不予支持）').isVisible()).toBe(true)
    await expect(resolve.getByLabel('办理结果').inputValue()).resolves.toBe('已更换5栋1至6层声控灯')
    await resolve.locator('label.el-radio', { hasText: /^支持$/ }).click()
    await resolve.getByRole('button', { name: '确定办结' }).click()
    await expect.poll(() => headerStatus(page).innerText()).toBe('已办结')
    await expect.poll(() => timelineText(page)).toContain('办理中 → 已办结')
    await expect(timelineText(page)).resolves.toContain('答复意见：支持')
    await expect(timelineText(page)).resolves.toContain('办理结果：已更换5栋1至6层声控灯')

    await act(page, '回访', '已回访', async (d) => {
      // 回访 starts from today and the signed-in clerk.
      await expect(d.getByLabel('回访日期').inputValue()).resolves.toBe(localIsoDate(new Date()))
      await expect(d.getByLabel('回访人').inputValue()).resolves.toBe(staffName)
      await d.locator('label.el-radio', { hasText: /^满意$/ }).click()
      await d.getByLabel('回访意见').fill('灯已经亮了，谢谢')
    })
    await expect.poll(() => timelineText(page)).toContain('已办结 → 已回访')
    await expect(timelineText(page)).resolves.toContain('满意度：满意')
    await expect(page.getByTestId('follow-ups').innerText()).resolves.toContain('灯已经亮了，谢谢')

    await act(page, '归档', '已归档')
    await expect.poll(() => timelineText(page)).toContain('已回访 → 已归档')
    // Nothing more can be done to an archived 诉求, so no action buttons are offered.
    await expect(page.getByTestId('actions').count()).resolves.toBe(0)
    await expect(page.getByRole('button', { name: '修改' }).count()).resolves.toBe(0)
    await page.waitForTimeout(3000) // let the success messages fade for the picture
    await shot(page, 'complaint-detail')

    // 打印 offers what fits the finished matter, and opens the print route in a new tab.
    await page.getByRole('button', { name: '打印' }).click()
    const menu = page.getByRole('menu')
    await expect.poll(() => menu.innerText()).toContain('诉求办理单（含全过程）')
    const offered = await menu.getByRole('menuitem').allInnerTexts()
    expect(offered).toEqual(['受理告知书', '办理答复意见书', '诉求办理单（含全过程）', '来访登记回执'])
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      menu.getByRole('menuitem', { name: '诉求办理单（含全过程）' }).click(),
    ])
    await expect.poll(() => tab.url()).toContain(`#/print/complaint-record/${main.id}`)
    await tab.close()
    await page.close()
  })

  it('refuses a step the status does not allow, saying why in Chinese', async () => {
    const detail = await call(server, 'complaints.get', { id: main.id })
    expect(detail.status).toBe('archived')
    const r = await refused('complaints.act', { action: 'accept', id: main.id, version: detail.version })
    expect(r.status).toBe(409)
    expect(r.message).toContain('该诉求当前为“已归档”，不能受理')
    // And nothing changed.
    expect((await call(server, 'complaints.get', { id: main.id })).version).toBe(detail.version)
  })

  it('refuses a save over another clerk’s change and keeps what was typed', async () => {
    const other = await logVisit('小区东门的道闸经常抬不起来，请维修')
    const page = await context.newPage()
    await page.goto(`${server.url}#/complaints/${other.id}`)
    await expect.poll(() => headerStatus(page).innerText()).toBe('登记')
    await page.getByRole('button', { name: '修改' }).click()
    const typed = '请尽快维修小区东门道闸，并告知维修时间'
    await page.getByLabel('请求', { exact: true }).fill(typed)

    // Meanwhile another clerk saves a change to the facts.
    const current = await call(server, 'complaints.get', { id: other.id })
    await call(server, 'complaints.update', {
      id: other.id,
      version: current.version,
      kind: current.kind,
      categoryId: current.categoryId,
      urgency: current.urgency,
      compoundId: current.compoundId,
      locationDetail: current.locationDetail,
      request: current.request,
      facts: '道闸遥控器也失灵',
      reasons: current.reasons,
    })

    await page.getByRole('button', { name: '保存修改' }).click()
    const error = page.getByTestId('content-error')
    await expect.poll(() => error.isVisible()).toBe(true)
    await expect(error.innerText()).resolves.toContain('该诉求已被他人办理或修改，请刷新后再操作')
    await expect(page.getByLabel('请求', { exact: true }).inputValue()).resolves.toBe(typed)
    expect((await call(server, 'complaints.get', { id: other.id })).request).toBe(current.request)

    // 刷新 keeps the typed text, takes in the other clerk's change, and the save then goes through
    // without undoing it.
    await error.getByRole('button', { name: /刷新/ }).click()
    await expect.poll(() => page.getByTestId('content-rebased').innerText()).toContain('其他人修改了：事实')
    await expect(page.getByLabel('请求', { exact: true }).inputValue()).resolves.toBe(typed)
    await expect(page.getByLabel('事实', { exact: true }).inputValue()).resolves.toBe('道闸遥控器也失灵')
    await shot(page, 'complaint-conflict')
    await page.getByRole('button', { name: '保存修改' }).click()
    await expect.poll(() => page.getByTestId('content-request').innerText()).toBe(typed)
    const saved = await call(server, 'complaints.get', { id: other.id })
    expect(saved.request).toBe(typed)
    expect(saved.facts).toBe('道闸遥控器也失灵')
    await expect.poll(() => timelineText(page)).toContain('修改了请求')

    // A step against a stale version is refused inside the dialog, which stays open with the note.
    await page.getByTestId('actions').getByRole('button', { name: '受理', exact: true }).click()
    const accept = page.getByRole('dialog', { name: '受理', exact: true })
    await accept.getByLabel('备注').fill('我来受理')
    const now = await call(server, 'complaints.get', { id: other.id })
    await call(server, 'complaints.act', {
      action: 'accept',
      id: other.id,
      version: now.version,
      note: '另一位同事已受理',
    })
    await accept.getByRole('button', { name: '确定受理' }).click()
    await expect.poll(() => accept.getByTestId('action-error').innerText()).toContain('该诉求已被他人办理或修改')
    await expect(accept.getByLabel('备注').inputValue()).resolves.toBe('我来受理')
    // After 刷新 the dialog says why 受理 is no longer possible instead of sending it again.
    await accept.getByRole('button', { name: /刷新/ }).click()
    await expect.poll(() => headerStatus(page).innerText()).toBe('已受理')
    await accept.getByRole('button', { name: '确定受理' }).click()
    await expect.poll(() => accept.getByTestId('action-error').innerText()).toContain('该诉求当前为“已受理”，不能受理')
    await shot(page, 'complaint-action-refused')
    await accept.getByRole('button', { name: '取消' }).click()
    await page.close()
  })

  it('filters the list by status and exports exactly that list to .xlsx', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/complaints`)
    // A multiple select's input sits under its placeholder: click the wrapper, as a person would.
    await page
      .getByRole('combobox', { name: '按状态筛选' })
      .locator('xpath=ancestor::div[contains(@class, "el-select__wrapper")]')
      .click()
    await page.getByRole('option', { name: '已归档' }).click()
    await page.getByRole('heading', { name: '诉求办理' }).click() // close the dropdown
    await expect.poll(() => page.url()).toContain('status=archived')
    const rows = page.locator('.el-table__body tr')
    await expect.poll(() => page.getByRole('row', { name: new RegExp(main.number) }).isVisible()).toBe(true)
    const statuses = await rows.locator('[data-testid=status-tag]').allInnerTexts()
    expect(statuses.length).toBeGreaterThan(0)
    expect(new Set(statuses)).toEqual(new Set(['已归档']))
    await expect(page.getByText('小区东门').count()).resolves.toBe(0) // a 登记 one is filtered out

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出Excel' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const file = await download.path()
    const bytes = fs.readFileSync(file)
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    const cells: string[] = []
    book.eachSheet((sheet) => sheet.eachRow((r) => r.eachCell((c) => cells.push(String(c.text)))))
    expect(cells).toContain(main.number)
    expect(cells.join('\n')).not.toContain('小区东门的道闸') // only the filtered rows went out
    await page.close()
  })

  it('shows overdue work on the 工作台 and opens it from there', async () => {
    // Received 20 days ago and never accepted: past the 15-day acceptance limit by 5 days.
    const visitedAt = new Date(Date.now() - 20 * 86_400_000).toISOString()
    const late = await logVisit('4栋门口的井盖松动，有安全隐患', { visitedAt })
    const page = await context.newPage()
    await page.goto(`${server.url}#/`)
    const overdue = page.getByTestId('due-overdue')
    const mine = page.getByTestId('due-mine')
    await expect.poll(() => overdue.innerText()).toContain(late.number)
    await expect(overdue.innerText()).resolves.toContain('已超期5天')
    await expect(mine.innerText()).resolves.toContain(late.number) // I registered it
    const counts = (await call(server, 'complaints.dashboard', {})).counts
    const overdueCard = page.locator('.counts .count', { hasText: '已超期' })
    await expect(overdueCard.innerText()).resolves.toContain(String(counts.overdue))
    await shot(page, 'dashboard')

    await overdue.getByText(late.number).click()
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/complaints/${late.id}$`))
    await expect.poll(() => page.locator('.page-header').innerText()).toContain('已超期5天')

    // The overdue list view the 工作台 links to.
    await page.goto(`${server.url}#/complaints?clock=overdue`)
    await expect.poll(() => page.getByRole('row', { name: new RegExp(late.number) }).isVisible()).toBe(true)
    await expect(page.getByRole('row', { name: new RegExp(main.number) }).count()).resolves.toBe(0)
    await page.close()
  })
  it('badges a 诉求 due within 3 days in the list and puts it on my 工作台', async () => {
    // Received 13 days ago and not yet accepted: 2 of the 15 days to decide are left.
    const visitedAt = new Date(Date.now() - 13 * 86_400_000).toISOString()
    const soon = await logVisit('6栋电梯按钮失灵，老人上下楼困难', { visitedAt })
    const page = await context.newPage()
    await page.goto(`${server.url}#/complaints`)
    await page.getByLabel('搜索诉求').fill(soon.number)
    const row = page.getByRole('row', { name: new RegExp(soon.number) })
    await expect.poll(() => row.innerText()).toContain('即将到期·还剩2天')
    // Orange, as a warning (the row also has the 可能重复 tag: main is in the same compound and category).
    await expect(row.locator('.el-tag', { hasText: '即将到期' }).getAttribute('class')).resolves.toContain(
      'el-tag--warning',
    )

    await page.goto(`${server.url}#/`)
    const mine = page.getByTestId('due-mine')
    await expect.poll(() => mine.innerText()).toContain(soon.number)
    await expect(mine.innerText()).resolves.toContain('还剩2天')
    await expect(page.getByTestId('due-overdue').innerText()).resolves.not.toContain(soon.number)
    await page.close()
  })

  it('links one suspected duplicate and merges another from the 诉求 page, keeping both timelines', async () => {
    // Its own category, so only these three are suspected duplicates of each other.
    const safety = (await call(server, 'intake.listCategories', {})).find((c) => c.name === '安全隐患')!.id
    const log = (request: string) =>
      logVisit(request, { complaints: [{ kind: 'complaint', categoryId: safety, compoundId, request }] })
    const first = await log('2栋外墙瓷砖脱落，砸到楼下电动车')
    const middle = await log('2栋外墙瓷砖又掉了，请尽快处理')
    const last = await log('2栋外墙瓷砖还在掉，路过很危险')

    const page = await context.newPage()
    await page.goto(`${server.url}#/complaints/${middle.id}`)
    const dups = page.getByTestId('duplicates')
    await expect.poll(() => dups.innerText()).toContain(first.number)
    await expect(dups.innerText()).resolves.toContain(last.number)
    await expect(dups.innerText()).resolves.toContain('疑似重复')

    // 关联 keeps both open: the pair leaves the suspects and is listed as linked, on both 诉求.
    await dups.locator('.dup-row', { hasText: first.number }).getByRole('button', { name: '关联', exact: true }).click()
    await expect.poll(() => timelineText(page)).toContain(`关联诉求：${first.number}`)
    await expect.poll(() => dups.innerText()).not.toContain(first.number)
    const side = page.locator('.side').first()
    await expect(side.locator('.el-card', { hasText: '关联诉求' }).innerText()).resolves.toContain(first.number)
    expect((await call(server, 'complaints.get', { id: first.id })).linked.map((l) => l.number)).toEqual([
      middle.number,
    ])
    await shot(page, 'complaint-duplicates')

    // 合并 opens the dialog with that duplicate chosen; the merged one then points to the other.
    await dups.locator('.dup-row', { hasText: last.number }).getByRole('button', { name: '合并', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: '合并到其他诉求' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await expect(dialog.getByRole('radio', { name: new RegExp(last.number) }).isChecked()).resolves.toBe(true)
    await dialog.getByRole('button', { name: '确定合并到其他诉求' }).click()
    await expect.poll(() => headerStatus(page).innerText()).toBe('已合并')
    await expect(page.locator('.merged').innerText()).resolves.toContain(`本诉求已合并到 ${last.number}`)
    await expect(timelineText(page)).resolves.toContain(`合并到：${last.number}`)
    await expect(page.getByTestId('actions').count()).resolves.toBe(0)

    // The target shows the merged 诉求 and carries its timeline, the link included.
    await page
      .locator('.merged')
      .getByRole('button', { name: `打开 ${last.number}` })
      .click()
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/complaints/${last.id}$`))
    await expect.poll(() => timelineText(page)).toContain(`并入诉求：${middle.number}`)
    await expect(timelineText(page)).resolves.toContain(`关联诉求：${first.number}`)
    await expect(side.innerText()).resolves.toContain(middle.number)
    expect((await call(server, 'complaints.get', { id: last.id })).mergedIn.map((m) => m.number)).toEqual([
      middle.number,
    ])
    await page.close()
  })

  it('takes a 退单 with its reason and records a 协商议事 meeting', async () => {
    const parking = (await call(server, 'intake.listCategories', {})).find((c) => c.name === '停车充电')!.id
    const request = '地下车库充电桩长期故障，请协调修复'
    const c = await logVisit(request, { complaints: [{ kind: 'complaint', categoryId: parking, compoundId, request }] })
    const unit = (await call(server, 'intake.listUnits', {})).find((u) => u.name === '物业公司')!
    const accepted = await call(server, 'complaints.act', { action: 'accept', id: c.id, version: 1 })
    await call(server, 'complaints.act', { action: 'assign', id: c.id, version: accepted.version, unitId: unit.id })

    const page = await context.newPage()
    await page.goto(`${server.url}#/complaints/${c.id}`)
    await expect.poll(() => headerStatus(page).innerText()).toBe('已交办')

    await act(page, '退单', '已受理', (dialog) =>
      dialog.getByLabel('退单理由').fill('充电桩产权属供电公司，非物业维修范围'),
    )
    await expect.poll(() => timelineText(page)).toContain('已交办 → 已受理')
    await expect(timelineText(page)).resolves.toContain('退单单位：物业公司')
    await expect(timelineText(page)).resolves.toContain('退单理由：充电桩产权属供电公司，非物业维修范围')
    expect((await call(server, 'complaints.get', { id: c.id })).unitName).toBeNull()

    await act(page, '提交协商议事', '办理中', async (dialog) => {
      // The meeting date starts as today; an empty participant list is refused at the field.
      await expect(dialog.getByLabel('议事日期').inputValue()).resolves.toBe(localIsoDate(new Date()))
      await dialog.getByLabel('议定事项').fill('由社区牵头联系供电公司，两周内完成检修')
      await dialog.getByRole('button', { name: '确定提交协商议事' }).click()
      await expect.poll(() => dialog.getByText('请填写参加人员').isVisible()).toBe(true)
      await dialog.getByLabel('参加人员').fill('社区书记、物业经理、业主代表3人、供电所')
    })
    await expect.poll(() => timelineText(page)).toContain('已受理 → 办理中')
    await expect(timelineText(page)).resolves.toContain('参加人员：社区书记、物业经理、业主代表3人、供电所')
    await expect(timelineText(page)).resolves.toContain('议定事项：由社区牵头联系供电公司，两周内完成检修')
    await shot(page, 'complaint-consult')
    await page.close()
  })
})
