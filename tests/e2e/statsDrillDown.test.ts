/**
 * Every statistics bar opens a list of exactly what it counts, in real
 * Chromium: March 2025 gets a 诉求 without a compound, one merged into it
 * (the figures leave merged ones out), one handed to a unit and one not,
 * and 邻里 mediation cases in March and April. The 未填 (by compound) and
 * 未交办 (by unit) rows open lists whose totals are the rows' 登记量, the
 * period's address from drillDown.ts lists the 登记量 card's number, and a
 * dispute type of March lists March's cases, not the year's.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, screenshotDir, signedInPage, startServer, tempDataDir, type RunningServer } from './harness'
import { call } from './api'
import { complaintListLocation } from '../../renderer/pages/Stats/drillDown'

const wait = { timeout: 20_000 }
let browser: Browser
let server: RunningServer
let unitName = ''

const statsUrl = () => `${server.url}#/statistics?period=month&year=2025&n=3`

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.waitForTimeout(500)
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false })
}

async function figure(page: Page, key: string): Promise<string> {
  return (await page.locator(`[data-figure=${key}] .value`).innerText()).trim()
}

/** What an Element Plus select shows as chosen. */
async function selectText(page: Page, label: string): Promise<string> {
  return page.locator('.el-select', { has: page.getByRole('combobox', { name: label }) }).innerText()
}

/** The list's own total, as its pager shows it. */
async function listTotal(page: Page): Promise<string> {
  return (await page.locator('.el-pagination__total').innerText()).replace(/\s+/g, '')
}

async function register(compoundId: number | null, day: string, request: string) {
  const categories = await call(server, 'intake.listCategories', {})
  const categoryId = categories.find((c) => c.name === '设施维修')!.id
  const visit = await call(server, 'visits.create', {
    person: { name: '下钻测试居民', phone: '13900002222' },
    visitedAt: `${day}T09:30:00+08:00`,
    subject: request,
    outcome: 'complaints',
    complaints: [{ kind: 'complaint', categoryId, compoundId, request, facts: '统计下钻测试' }],
  })
  return visit.complaints[0]!
}

async function mediation(registeredOn: string, name: string) {
  await call(server, 'mediation.register', {
    source: 'application',
    disputeType: 'neighbour',
    registeredOn,
    parties: [
      { person: { name: `${name}甲` }, role: 'applicant' },
      { person: { name: `${name}乙` }, role: 'respondent' },
    ],
    facts: '楼上漏水',
    requests: ['维修'],
  })
}

beforeAll(async () => {
  server = await startServer(tempDataDir('cd-e2e-statsdrill-'), ['--demo'])
  browser = await launchChromium()
  const compounds = await call(server, 'places.listCompounds', { pageSize: 100 })
  const guibei = compounds.items.find((c) => c.name === '桂北小区')!
  const unit = (await call(server, 'intake.listUnits', {}))[0]!
  unitName = unit.name
  // Handed to a unit: accept, then assign.
  const a = await register(guibei.id, '2025-03-04', '下钻测试：路灯不亮')
  let detail = await call(server, 'complaints.get', { id: a.id })
  detail = await call(server, 'complaints.act', { action: 'accept', id: a.id, version: detail.version })
  await call(server, 'complaints.act', { action: 'assign', id: a.id, version: detail.version, unitId: unit.id })
  await register(guibei.id, '2025-03-06', '下钻测试：井盖松动')
  // No compound; a duplicate of it, also without a compound, merged into it.
  const kept = await register(null, '2025-03-10', '下钻测试：未填小区的诉求')
  const dup = await register(null, '2025-03-11', '下钻测试：重复登记的诉求')
  const dupDetail = await call(server, 'complaints.get', { id: dup.id })
  await call(server, 'complaints.act', { action: 'merge', id: dup.id, version: dupDetail.version, targetId: kept.id })
  await mediation('2025-03-05', '三月')
  await mediation('2025-04-08', '四月')
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('统计报表 drill-down', () => {
  it('the 未填 compound row opens the 诉求 without a compound, merged ones left out', async () => {
    const page = await signedInPage(browser, server, { width: 1600, height: 900 })
    await page.goto(statsUrl())
    await expect.poll(() => figure(page, 'received'), wait).toBe('3')
    await page.getByRole('tab', { name: '按小区' }).click()
    const row = page.locator('.el-tab-pane:visible .el-table__body tr', { hasText: '未填' })
    await expect.poll(() => row.innerText(), wait).toMatch(/^未填\s+1\s/)
    await shot(page, 'stats-drill-unfilled-row')
    await row.getByRole('button', { name: '未填' }).click()
    await expect.poll(() => page.url(), wait).toContain('#/complaints?')
    const url = new URL(page.url().replace('#/', ''))
    expect(url.searchParams.get('compound')).toBe('none')
    expect(url.searchParams.get('merged')).toBe('exclude')
    await expect.poll(() => listTotal(page), wait).toBe('共1条')
    const rows = page.locator('.el-table__body tbody tr')
    expect(await rows.innerText()).toContain('未填小区的诉求')
    // The filter bar says what is applied, so the clerk can change it.
    await expect.poll(() => selectText(page, '按社区筛选'), wait).toContain('（未填小区）')
    expect(await page.getByRole('checkbox', { name: '不含已合并的诉求' }).isChecked()).toBe(true)
    await shot(page, 'stats-drill-no-compound')
    // Without 不含已合并 the merged duplicate shows too: that is why the drill-down sets it.
    await page.getByText('不含已合并', { exact: true }).click()
    await expect.poll(() => listTotal(page), wait).toBe('共2条')
    await expect.poll(() => page.url(), wait).not.toContain('merged=exclude')
    await page.close()
  })

  it('the 未交办 row opens the 诉求 not handed to a unit', async () => {
    const page = await signedInPage(browser, server, { width: 1600, height: 900 })
    await page.goto(statsUrl())
    await expect.poll(() => figure(page, 'received'), wait).toBe('3')
    await page.getByRole('tab', { name: '按承办单位' }).click()
    const row = page.locator('.el-tab-pane:visible .el-table__body tr', { hasText: '未交办' })
    await expect.poll(() => row.innerText(), wait).toMatch(/^未交办\s+2\s/)
    const unitRow = page.locator('.el-tab-pane:visible .el-table__body tr', { hasText: unitName })
    expect(await unitRow.innerText()).toMatch(new RegExp(`^${unitName}\\s+1\\s`))
    await row.getByRole('button', { name: '未交办' }).click()
    await expect.poll(() => page.url(), wait).toContain('unit=none')
    await expect.poll(() => listTotal(page), wait).toBe('共2条')
    const text = await page.locator('.el-table__body tbody').innerText()
    expect(text).toContain('井盖松动')
    expect(text).toContain('未填小区的诉求')
    expect(text).not.toContain('路灯不亮')
    await expect.poll(() => selectText(page, '按承办单位筛选'), wait).toContain('（未交办）')
    await shot(page, 'stats-drill-no-unit')
    await page.close()
  })

  it('the period’s list (a trend bar’s address) totals the 登记量 card', async () => {
    const page = await signedInPage(browser, server, { width: 1600, height: 900 })
    const to = complaintListLocation({
      dimension: 'period',
      key: null,
      dateFrom: '2025-03-01',
      dateTo: '2025-03-31',
      communityId: undefined,
    }) as { query: Record<string, string> }
    await page.goto(`${server.url}#/complaints?${new URLSearchParams(to.query).toString()}`)
    await expect.poll(() => listTotal(page), wait).toBe('共3条')
    const resolved = complaintListLocation({
      dimension: 'period',
      key: null,
      dateFrom: '2025-03-01',
      dateTo: '2025-03-31',
      communityId: undefined,
      figure: 'resolved',
    }) as { query: Record<string, string> }
    await page.goto(`${server.url}#/complaints?${new URLSearchParams(resolved.query).toString()}`)
    await expect.poll(() => listTotal(page), wait).toBe('共0条')
    expect(await page.getByRole('checkbox', { name: '只看已办结的诉求' }).isChecked()).toBe(true)
    await page.close()
  })

  it('the 超期 card’s 查看 opens the open 诉求 past their due date, as many as it says', async () => {
    const page = await signedInPage(browser, server, { width: 1600, height: 900 })
    await page.goto(statsUrl())
    await expect.poll(() => figure(page, 'received'), wait).toBe('3')
    const overdue = await figure(page, 'overdue')
    expect(Number(overdue)).toBeGreaterThan(0)
    await shot(page, 'stats-drill-cards')
    await page.getByRole('button', { name: '查看超期的诉求' }).click()
    await expect.poll(() => page.url(), wait).toContain('clock=overdue')
    await expect.poll(() => listTotal(page), wait).toBe(`共${overdue}条`)
    await page.close()
  })

  it('a dispute type of one month opens that month’s cases, not the year’s', async () => {
    const page = await signedInPage(browser, server, { width: 1600, height: 900 })
    await page.goto(statsUrl())
    await expect.poll(() => figure(page, 'received'), wait).toBe('3')
    const table = page.locator('[aria-label="按纠纷类型明细"]')
    await table.scrollIntoViewIfNeeded()
    await expect.poll(() => table.locator('.el-table__body tr').first().innerText(), wait).toMatch(/^邻里\s+1\s/)
    await table.getByRole('button', { name: '邻里' }).click()
    await expect.poll(() => page.url(), wait).toContain('#/mediation?')
    const url = new URL(page.url().replace('#/', ''))
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['2025-03-01', '2025-03-31'])
    await expect.poll(() => listTotal(page), wait).toBe('共1条')
    expect(await page.locator('.el-table__body tbody').innerText()).toContain('2025-03-05')
    await expect.poll(() => page.locator('input[placeholder="登记日期起"]').inputValue(), wait).toBe('2025-03-01')
    await shot(page, 'stats-drill-mediation')
    await page.close()
  })
})
