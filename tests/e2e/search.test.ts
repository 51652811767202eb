/**
 * 全局搜索 (Ctrl+K) in real Chromium on `serve --demo`: people, visits, 诉求,
 * a mediation case and a notice are logged through the HTTP API, then found
 * from the dialog by a 2-character query, a longer one, pinyin initials and
 * a phone's last 4 digits; results come grouped with totals, ↓ + Enter opens
 * the marked record, 未办结 narrows the answer, a slow stale answer never
 * replaces a newer one, and a 领导查询 account does not find a mediation case
 * by a party's name (the administrator does).
 */
import path from 'node:path'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import {
  launchChromium,
  pageOwningContext,
  screenshotDir,
  signInContext,
  startServer,
  tempDataDir,
  type RunningServer,
} from './harness'
import { call, demoAdmin } from './api'
import type { ComplaintActInput } from '../../shared/api/complaints'

const lingdao = { login: 'lingdao', password: 'Guixi@2026-ld' }

let browser: Browser
let server: RunningServer
/** The open 诉求 about the snack street, and the one already 办结. */
let openComplaint: { id: number; number: string }
let doneComplaint: { id: number; number: string }
let snackVisit: { id: number; number: string }
let mediationCase: { id: number; number: string }
let noticeId: number

function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 15_000 })
}

async function shot(p: Page, name: string): Promise<void> {
  await p.waitForTimeout(350) // dialog animations settle for the picture
  await p.screenshot({ path: path.join(screenshotDir, `search-${name}.png`) })
}

async function pageAs(
  account: { login: string; password: string },
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const context = await browser.newContext({ viewport })
  await signInContext(context, server, account)
  const page = await pageOwningContext(context)
  await page.goto(server.url)
  await poll(() => page.getByRole('button', { name: /^搜索（/ }).isVisible()).toBe(true)
  return page
}

const dialogOf = (p: Page) => p.getByRole('dialog', { name: '全局搜索' })
const boxOf = (p: Page) => p.getByRole('combobox', { name: '全局搜索' })
const groupsOf = (p: Page) => dialogOf(p).locator('[role=listbox] > [role=group]')

async function openDialog(p: Page): Promise<void> {
  await p.keyboard.press('Control+K')
  await poll(() => dialogOf(p).isVisible()).toBe(true)
  // Autofocus: typing goes straight into the box.
  await poll(() =>
    boxOf(p).evaluate(
      (el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
    ),
  ).toBe(true)
}

/** Types `text` into the box and waits for the answer to it. */
async function search(p: Page, text: string): Promise<void> {
  await boxOf(p).fill(text)
  await poll(() => dialogOf(p).locator('.body').getAttribute('aria-busy')).toBe('false')
}

/** The groups shown: kind, heading and the 共 N 条 figure. */
async function groups(p: Page): Promise<{ kind: string; label: string; total: number; hits: string[] }[]> {
  const out = []
  for (const g of await groupsOf(p).all()) {
    const kind = (await g.getAttribute('data-kind')) ?? ''
    const label = await g.locator('.label').innerText()
    const total = Number(/共 (\d+) 条/.exec(await g.locator('.total').first().innerText())?.[1])
    const hits = await g.getByRole('option').locator('.title').allInnerTexts()
    out.push({ kind, label, total, hits })
  }
  return out
}

const group = (p: Page, kind: string): Locator => dialogOf(p).locator(`[role=group][data-kind=${kind}]`)

type ActBody<A> = A extends { action: infer K } ? Omit<A, 'id' | 'version'> & { action: K } : never
async function act(id: number, body: ActBody<ComplaintActInput>): Promise<void> {
  const current = await call(server, 'complaints.get', { id })
  await call(server, 'complaints.act', { ...body, id, version: current.version } as ComplaintActInput)
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  server = await startServer(tempDataDir('cd-e2e-search-'), ['--demo'])

  const categories = await call(server, 'intake.listCategories', {})
  const categoryId = categories.find((c) => c.name === '市容环境')?.id ?? categories[0]!.id
  const communities = await call(server, 'places.listCommunities', {})
  const community = communities[0]!
  const compounds = (await call(server, 'places.listCompounds', { communityId: community.id })).items
  const compoundId = compounds[0]!.id

  const snack = await call(server, 'visits.create', {
    person: { name: '诸葛明亮', phone: '13512348765' },
    subject: '反映幸福里小吃街占道经营，油烟和噪音扰民',
    outcome: 'complaints',
    complaints: [
      {
        kind: 'complaint',
        categoryId,
        compoundId,
        request: '请求整治幸福里小吃街占道经营摊点，恢复人行道通行',
        facts: '每天傍晚起摊位摆满人行道，持续两个多月',
      },
    ],
  })
  snackVisit = { id: snack.id, number: snack.number }
  openComplaint = { id: snack.complaints[0]!.id, number: snack.complaints[0]!.number }

  const earlier = await call(server, 'visits.create', {
    person: { name: '王秀兰', phone: '13600002222' },
    subject: '反映幸福里路灯不亮',
    outcome: 'complaints',
    complaints: [{ kind: 'complaint', categoryId, compoundId, request: '请求维修幸福里三号楼前路灯' }],
  })
  doneComplaint = { id: earlier.complaints[0]!.id, number: earlier.complaints[0]!.number }
  const unit = (await call(server, 'intake.listUnits', {}))[0]!
  await act(doneComplaint.id, { action: 'accept', note: null })
  await act(doneComplaint.id, { action: 'assign', unitId: unit.id, assignee: '刘经理', note: null })
  await act(doneComplaint.id, { action: 'resolve', result: '已联系路灯所更换灯泡，当晚恢复照明。', answer: 'support' })

  await call(server, 'visits.create', {
    person: { name: '王小红', phone: '13700003333' },
    subject: '咨询低保申请需要的材料',
    outcome: 'on_spot',
    answer: '已告知所需材料清单',
  })

  const mediators = await call(server, 'mediation.listMediators', {})
  const today = new Date().toISOString().slice(0, 10)
  const registered = await call(server, 'mediation.register', {
    source: 'application',
    mediators: [{ staffId: mediators[0]!.staffId, role: 'presiding' }],
    disputeType: 'neighbour',
    registeredOn: today,
    parties: [
      { person: { name: '欧阳晓燕', phone: '13812340001' }, role: 'applicant' },
      { person: { name: '司马建国', phone: '13812340002' }, role: 'respondent' },
    ],
    facts: '楼上卫生间漏水，损坏楼下吊顶，双方协商赔偿未果。',
    requests: ['修复防水层', '赔偿吊顶维修费用'],
  })
  // Accepting gives the case its 案号.
  const c = await call(server, 'mediation.act', {
    action: 'accept',
    id: registered.id,
    version: registered.version,
    acceptedOn: today,
    note: null,
  })
  mediationCase = { id: c.id, number: c.number ?? '' }

  // More 梧桐路 visits and 诉求 than one group shows at first (8).
  for (let i = 1; i <= 10; i++) {
    await call(server, 'visits.create', {
      person: { name: `${'赵钱孙李周吴郑冯陈褚'[i - 1]}梧生`, phone: `1390000${String(1000 + i)}` },
      subject: `反映梧桐路${i}号门前积水`,
      outcome: 'complaints',
      complaints: [{ kind: 'complaint', categoryId, compoundId, request: `请求疏通梧桐路${i}号门前下水道` }],
    })
  }

  const notice = await call(server, 'notices.save', {
    communityId: community.id,
    title: '关于幸福里小区临时停水的通知',
    audience: 'community',
    body: [{ type: 'paragraph', text: '因管网检修，幸福里小区将临时停水。' }],
    issuerName: `${community.name}居民委员会`,
    issuedOn: new Date().toISOString().slice(0, 10),
  })
  noticeId = notice.id
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('全局搜索', () => {
  it('opens with Ctrl+K and from the side-bar button; Esc closes', async () => {
    const page = await pageAs(demoAdmin)
    const button = page.getByRole('button', { name: /^搜索（(Ctrl K|⌘ K)）$/ })
    expect(await button.innerText()).toContain('K')
    await shot(page, 'button')
    await openDialog(page)
    await shot(page, 'intro')
    await page.keyboard.press('Escape')
    await poll(() => dialogOf(page).isVisible()).toBe(false)
    await button.click()
    await poll(() => dialogOf(page).isVisible()).toBe(true)
    await page.close()
  })

  it('finds by 2 characters, by longer text, by pinyin initials and by a phone’s last 4 digits', async () => {
    const page = await pageAs(demoAdmin)
    await openDialog(page)

    // 2 characters: the visit and the 诉求 both mention 占道.
    await search(page, '占道')
    let found = await groups(page)
    expect(found.map((g) => g.kind)).toEqual(expect.arrayContaining(['visit', 'complaint']))
    const complaints = found.find((g) => g.kind === 'complaint')!
    expect(complaints.label).toBe('诉求')
    expect(complaints.total).toBe(1)
    await poll(() => group(page, 'complaint').locator('mark').first().innerText()).toBe('占道')
    await shot(page, 'two-chars')

    // 3+ characters, a substring from the middle of the request.
    await search(page, '小吃街占道')
    found = await groups(page)
    expect(found.find((g) => g.kind === 'complaint')?.total).toBe(1)
    expect(await group(page, 'complaint').innerText()).toContain(openComplaint.number)
    await shot(page, 'long-text')

    // Pinyin initials of 诸葛明亮, marked as a pinyin match.
    await search(page, 'zgml')
    found = await groups(page)
    expect(found.find((g) => g.kind === 'person')?.hits).toEqual(['诸葛明亮'])
    expect(await group(page, 'person').getByRole('option').first().innerText()).toContain('拼音')
    await shot(page, 'pinyin')

    // Last 4 digits of the phone, marked as a number match; the full number never shows.
    await search(page, '8765')
    found = await groups(page)
    expect(found.find((g) => g.kind === 'person')?.hits).toContain('诸葛明亮')
    const personText = await group(page, 'person').innerText()
    expect(personText).toContain('号码')
    expect(await dialogOf(page).innerText()).not.toContain('13512348765')
    await shot(page, 'phone-suffix')

    // Nothing found: the message and the hints.
    await search(page, '查无此事的关键词')
    const empty = dialogOf(page).getByRole('status')
    await poll(() => empty.innerText()).toContain('没有找到与“查无此事的关键词”相关的记录')
    expect(await empty.innerText()).toContain('拼音首字母如 zs')
    await shot(page, 'empty')
    await page.close()
  })

  it('walks the results with ↑/↓ across groups and opens the marked one with Enter', async () => {
    const page = await pageAs(demoAdmin)
    await openDialog(page)
    await search(page, '幸福里')
    const options = dialogOf(page).getByRole('option')
    const count = await options.count()
    expect(count).toBeGreaterThan(2)
    // The first option starts marked; ↓ moves on, across the group boundary, and wraps.
    await poll(() => options.nth(0).getAttribute('aria-selected')).toBe('true')
    const kinds = await options.evaluateAll((els) =>
      els.map((el) =>
        (el as unknown as { closest(s: string): { getAttribute(a: string): string } })
          .closest('[role=group]')
          .getAttribute('data-kind'),
      ),
    )
    const target = kinds.indexOf('complaint')
    expect(target).toBeGreaterThan(0)
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown')
    await poll(() => options.nth(target).getAttribute('aria-selected')).toBe('true')
    expect(await boxOf(page).getAttribute('aria-activedescendant')).toBe(await options.nth(target).getAttribute('id'))
    await page.keyboard.press('ArrowUp')
    await poll(() => options.nth(target - 1).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowDown')
    const markedTitle = await options.nth(target).locator('.title').innerText()
    await shot(page, 'keyboard')
    await page.keyboard.press('Enter')
    await poll(() => dialogOf(page).isVisible()).toBe(false)
    const opened = markedTitle.includes(openComplaint.number) ? openComplaint : doneComplaint
    await poll(() => page.url()).toContain(`#/complaints/${opened.id}`)
    await poll(() => page.getByText(opened.number).first().isVisible()).toBe(true)
    await shot(page, 'opened-complaint')
    await page.close()
  })

  it('opens a visit in the list narrowed to it, a person in the side panel, a notice and a case on their pages', async () => {
    const page = await pageAs(demoAdmin)
    await openDialog(page)
    await search(page, '幸福里小吃街')
    await group(page, 'visit').getByRole('option').first().click()
    await poll(() => page.url()).toMatch(/#\/visits$/)
    await poll(() => page.getByLabel('按编号、查询码、姓名或电话搜索').inputValue()).toBe(snackVisit.number)
    await poll(() => page.locator('.el-table').first().innerText()).toContain(snackVisit.number)
    await shot(page, 'opened-visit')

    await openDialog(page)
    await search(page, '诸葛明亮')
    await group(page, 'person').getByRole('option').first().click()
    const panel = page.getByRole('dialog', { name: '居民：诸葛明亮' })
    await poll(() => panel.isVisible()).toBe(true)
    await poll(() => panel.innerText()).toContain(openComplaint.number)
    expect(await panel.innerText()).not.toContain('13512348765')
    await shot(page, 'person-panel')
    await panel.getByText(openComplaint.number).click()
    await poll(() => page.url()).toContain(`#/complaints/${openComplaint.id}`)

    await openDialog(page)
    await search(page, '临时停水')
    await group(page, 'notice').getByRole('option').first().click()
    await poll(() => page.url()).toContain(`#/notices/${noticeId}`)

    await openDialog(page)
    await search(page, mediationCase.number)
    await group(page, 'mediation').getByRole('option').first().click()
    await poll(() => page.url()).toContain(`#/mediation/${mediationCase.id}`)
    await page.close()
  })

  it('显示全部: more of a group in place, or the 诉求 list with the same search', async () => {
    const page = await pageAs(demoAdmin)
    await openDialog(page)
    await search(page, '梧桐路')
    const visits = group(page, 'visit')
    expect(await visits.getByRole('option').count()).toBe(8)
    const more = visits.getByRole('button', { name: '显示全部 10 条' })
    await more.click()
    await poll(() => visits.getByRole('option').count()).toBe(10)
    expect(await more.count()).toBe(0)
    await shot(page, 'show-all-in-place')

    await group(page, 'complaint').getByRole('button', { name: '显示全部 10 条' }).click()
    await poll(() => dialogOf(page).isVisible()).toBe(false)
    await poll(() => page.url()).toContain('#/complaints?q=')
    expect(decodeURIComponent(page.url())).toContain('q=梧桐路')
    await poll(() => page.locator('.el-table__body-wrapper tbody tr').count()).toBe(10)
    await shot(page, 'show-all-list')
    await page.close()
  })

  it('composes with 未办结: visits, people and notices drop out, the 办结 诉求 too', async () => {
    const page = await pageAs(demoAdmin)
    await openDialog(page)
    await search(page, '幸福里')
    let found = await groups(page)
    expect(found.find((g) => g.kind === 'complaint')?.total).toBe(2)
    expect(found.map((g) => g.kind)).toEqual(expect.arrayContaining(['visit', 'notice']))
    await shot(page, 'before-open-only')

    const chip = dialogOf(page).getByRole('button', { name: '未办结' })
    await chip.click()
    await poll(() => chip.getAttribute('aria-pressed')).toBe('true')
    await poll(async () => (await groups(page)).map((g) => g.kind)).toEqual(['complaint'])
    found = await groups(page)
    expect(found[0]!.total).toBe(1)
    expect(await group(page, 'complaint').innerText()).toContain(openComplaint.number)
    expect(await group(page, 'complaint').innerText()).not.toContain(doneComplaint.number)
    await shot(page, 'open-only')

    // 本月 as well: everything here was logged this month, so the 诉求 stays.
    await dialogOf(page).getByRole('button', { name: '本月' }).click()
    await poll(async () => (await groups(page)).map((g) => g.total)).toEqual([1])
    await shot(page, 'open-only-this-month')
    await page.close()
  })

  it('shows only the latest answer when an earlier one arrives late', async () => {
    const page = await pageAs(demoAdmin)
    // The answer for 幸 is held back until after the one for 幸福里小吃街 has been shown.
    await page.route('**/api/search.query', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { query?: string }
      if (body.query === '幸') await new Promise((r) => setTimeout(r, 1500))
      await route.continue()
    })
    await openDialog(page)
    await boxOf(page).fill('幸')
    await page.waitForTimeout(400) // the request for 幸 is on its way
    await boxOf(page).fill('幸福里小吃街')
    await poll(async () => (await groups(page)).find((g) => g.kind === 'complaint')?.total).toBe(1)
    await page.waitForTimeout(1800) // the late answer for 幸 has come and gone
    const found = await groups(page)
    expect(found.find((g) => g.kind === 'notice')).toBeUndefined()
    expect(found.find((g) => g.kind === 'complaint')?.total).toBe(1)
    expect(await dialogOf(page).locator('mark').first().innerText()).toBe('幸福里小吃街')
    await page.close()
  })

  it('keeps mediation parties’ names from a 领导查询 account', async () => {
    const viewer = await pageAs(lingdao)
    await openDialog(viewer)
    await search(viewer, '欧阳晓燕')
    expect((await groups(viewer)).map((g) => g.kind)).not.toContain('mediation')
    expect(await dialogOf(viewer).innerText()).not.toContain(mediationCase.number)
    await shot(viewer, 'viewer-party-name')
    // The case itself is still found by its 案号.
    await search(viewer, mediationCase.number)
    expect((await groups(viewer)).find((g) => g.kind === 'mediation')?.total).toBe(1)
    await viewer.close()

    const admin = await pageAs(demoAdmin)
    await openDialog(admin)
    await search(admin, '欧阳晓燕')
    const found = await groups(admin)
    expect(found.find((g) => g.kind === 'mediation')?.total).toBe(1)
    expect(await group(admin, 'mediation').innerText()).toContain(mediationCase.number)
    await shot(admin, 'admin-party-name')
    await admin.close()
  })

  it('fits a 1024×768 screen with long text cut short', async () => {
    const page = await pageAs(demoAdmin, { width: 1024, height: 768 })
    await openDialog(page)
    await search(page, '幸福里')
    const box = await dialogOf(page).boundingBox()
    expect(box!.width).toBeLessThanOrEqual(1024)
    expect(box!.y + box!.height).toBeLessThanOrEqual(768)
    const overflowing = await dialogOf(page)
      .locator('.title, .subtitle')
      .evaluateAll(
        (els) =>
          els.filter((el) => {
            const e = el as unknown as {
              scrollWidth: number
              clientWidth: number
              getBoundingClientRect(): { right: number }
            }
            return e.getBoundingClientRect().right > 1024
          }).length,
      )
    expect(overflowing).toBe(0)
    await shot(page, 'small-screen')
    await page.close()
  })
})
