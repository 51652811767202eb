/**
 * 来访登记 at the desk, in real Chromium on browser mode with the demo data:
 * a walk-in logged with the keyboard alone, a repeat visitor recognised by
 * phone with the earlier visit and open 诉求 beside the form, and bad input
 * refused at each field with nothing saved.
 */
import path from 'node:path'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium, screenshotDir, startServer, tempDataDir, type RunningServer, signInContext } from './harness'
import { call } from './api'

/** The server and Chromium share the machine with other work: give the UI time before failing. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 })

let browser: Browser
let context: BrowserContext
let server: RunningServer

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400) // let transitions settle for the picture
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

/** The accessible name of the focused control, or of the group it sits in (radios). */
function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: HTMLLikeElement | null } }).document
    const el = doc.activeElement
    if (!el) return null
    return el.getAttribute('aria-label') ?? el.closest('[aria-label]')?.getAttribute('aria-label') ?? null
  })
}
function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } })
      .document
    return doc.activeElement?.textContent ?? ''
  })
}
interface HTMLLikeElement {
  getAttribute(name: string): string | null
  closest(selector: string): HTMLLikeElement | null
}

/** Press Tab until the named control has focus; fails if it is not reachable in order. */
async function tabTo(page: Page, label: string, maxPresses = 30): Promise<void> {
  const seen: (string | null)[] = []
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab')
    const now = await focusedLabel(page)
    seen.push(now)
    if (now === label) return
  }
  throw new Error(`Tab never reached “${label}”; focus went through: ${seen.join(' → ')}`)
}

async function environmentCategoryId(): Promise<number> {
  const categories = await call(server, 'intake.listCategories', { includeArchived: false })
  const env = categories.find((c) => c.name === '环境卫生')
  if (!env) throw new Error('default category 环境卫生 missing')
  return env.id
}

/** The error shown under the form item that holds the control labelled `label`. */
function fieldError(page: Page, label: string) {
  return page
    .locator('.el-form-item', { has: page.getByLabel(label, { exact: true }) })
    .last()
    .locator('.el-form-item__error')
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  // The desk's PCs: 1366×768 screens.
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
  server = await startServer(tempDataDir(), ['--demo'])
  await signInContext(context, server)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('来访登记 through the UI', () => {
  it('logs a walk-in with the keyboard only and turns it into a 投诉', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/visits`)
    await poll(() => page.getByRole('button', { name: '登记来访' }).isVisible()).toBe(true)
    await page.keyboard.press('F2')
    await poll(() => page.url()).toMatch(/#\/visits\/new$/)
    await poll(() => focusedLabel(page)).toBe('联系电话')
    // No horizontal scroll at 1366×768.
    const overflow = await page.evaluate(() => {
      const main = (
        globalThis as unknown as {
          document: { querySelector(s: string): { scrollWidth: number; clientWidth: number } }
        }
      ).document.querySelector('.main')
      return main.scrollWidth - main.clientWidth
    })
    expect(overflow).toBeLessThanOrEqual(0)
    await shot(page, 'visit-form-empty')

    await page.keyboard.type('13907550001')
    await page.keyboard.press('Tab')
    expect(await focusedLabel(page)).toBe('姓名')
    await page.keyboard.type('林小梅')
    await tabTo(page, '性别')
    await page.keyboard.press('ArrowRight') // 男 → 女
    await tabTo(page, '事由')
    await page.keyboard.type('反映3栋门口垃圾桶连续三天未清运')
    await tabTo(page, '处理方式')
    await page.keyboard.press('ArrowRight') // 当场办结 → 转为诉求
    await tabTo(page, '诉求类型')
    await page.keyboard.press('Space') // 投诉, the first kind
    await tabTo(page, '诉求类别')
    await page.keyboard.type('环境')
    await page.keyboard.press('Enter')
    await tabTo(page, '诉求请求')
    await page.keyboard.type('请尽快清运并固定清运时间')
    await tabTo(page, '备注')
    await shot(page, 'visit-form-filled')
    await page.keyboard.press('Enter')

    const number = page.getByTestId('visit-number')
    await poll(() => number.isVisible()).toBe(true)
    const visitNumber = (await number.innerText()).trim()
    expect(visitNumber).not.toBe('')
    expect((await page.getByTestId('lookup-code').innerText()).trim()).not.toBe('')
    const saved = page.getByTestId('saved-complaint')
    await expect(saved.count()).resolves.toBe(1)
    const savedText = await saved.innerText()
    expect(savedText).toContain('投诉')
    expect(savedText).toContain('环境卫生')
    const complaintNumber = (await saved.locator('a').first().innerText()).trim()
    expect(complaintNumber).toMatch(/\d/)
    await shot(page, 'visit-saved')
    // The API agrees: the visit, its person and its 诉求 were stored as typed.
    const listed = await call(server, 'visits.list', { query: visitNumber })
    expect(listed.items).toHaveLength(1)
    expect(listed.items[0]!.person.name).toBe('林小梅')
    expect(listed.items[0]!.person.sex).toBe('female')
    // 来访时间 and 来访方式 were left as they started: now, and a walk-in.
    expect(Math.abs(Date.parse(listed.items[0]!.visitedAt) - Date.now())).toBeLessThan(5 * 60_000)
    expect(listed.items[0]!.channel).toBe('walk_in')
    expect(listed.items[0]!.complaints.map((c) => c.number)).toEqual([complaintNumber])

    // Enter on 继续登记 starts the next visitor with focus back on the phone.
    expect(await focusedText(page)).toContain('继续登记')
    await page.keyboard.press('Enter')
    await poll(() => focusedLabel(page)).toBe('联系电话')
    await expect(page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('')

    await page.goto(`${server.url}#/visits`)
    const row = page.getByRole('row', { name: new RegExp(visitNumber) })
    await poll(() => row.isVisible()).toBe(true)
    const rowText = await row.innerText()
    expect(rowText).toContain('林小梅')
    expect(rowText).toContain('139****0001')
    expect(rowText).toContain(complaintNumber)
    expect(rowText).toContain('转为诉求')
    await shot(page, 'visits-list')
    await page.close()
  })

  it('recognises a repeat visitor by phone and shows the earlier visit and open 诉求', async () => {
    const phone = '13907550002'
    const earlier = await call(server, 'visits.create', {
      person: { name: '周建平', phone },
      subject: '楼下餐馆油烟直排',
      outcome: 'complaints',
      complaints: [{ kind: 'complaint', categoryId: await environmentCategoryId(), request: '要求餐馆加装油烟净化器' }],
    })
    const earlierComplaint = earlier.complaints[0]!

    const page = await context.newPage()
    await page.goto(`${server.url}#/visits/new`)
    await poll(() => focusedLabel(page)).toBe('联系电话')
    await page.keyboard.type(phone)
    const panel = page.getByRole('complementary', { name: '来访人信息' })
    await poll(() => panel.innerText()).toContain(earlier.number)
    const panelText = await panel.innerText()
    expect(panelText).toContain('周建平')
    expect(panelText).toContain('重复来访')
    expect(panelText).toContain(earlierComplaint.number)
    expect(panelText).toContain('要求餐馆加装油烟净化器')
    expect(panelText).toContain('登记') // its status
    await shot(page, 'visit-repeat-panel')

    // Enter on the exact match takes the registered person; the form fills from the record.
    await page.keyboard.press('Enter')
    await poll(() => page.getByLabel('姓名', { exact: true }).inputValue()).toBe('周建平')
    await poll(() => panel.getByRole('button', { name: '不是此人' }).isVisible()).toBe(true)
    await page.getByLabel('事由', { exact: true }).fill('询问油烟投诉的办理进度')
    await page.getByRole('radiogroup', { name: '处理方式' }).getByText('当场办结').click()
    await page.getByLabel('答复内容', { exact: true }).fill('已告知正在办理，受理期限内答复')
    // Ctrl+Enter saves and opens the receipt in a new tab.
    const [tab] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Control+Enter')])
    await poll(() => page.getByTestId('visit-number').isVisible()).toBe(true)
    const second = await call(server, 'visits.list', {
      query: (await page.getByTestId('visit-number').innerText()).trim(),
    })
    expect(tab.url()).toContain(`#/print/visit-receipt/${second.items[0]!.id}`)
    await tab.close()

    // Same person both times, not a second record.
    const people = await call(server, 'people.search', { query: phone, limit: 10 })
    expect(people).toHaveLength(1)
    const history = await call(server, 'people.history', { id: people[0]!.id })
    expect(history.totalVisits).toBe(2)
    await page.close()
  })

  it('refuses bad input with Chinese messages at the fields and saves nothing', async () => {
    const before = await call(server, 'visits.list', {})
    const page = await context.newPage()
    await page.goto(`${server.url}#/visits/new`)
    await poll(() => focusedLabel(page)).toBe('联系电话')

    await page.keyboard.type('139075500011') // 12 digits
    await page.keyboard.press('Tab') // leaving the field checks it
    await poll(() => fieldError(page, '联系电话').innerText()).toContain('联系电话格式不正确')
    await page.keyboard.type('<script>alert(1)</script>')
    const id = page.getByLabel('身份证号', { exact: true })
    await id.fill('110105194912310021')
    // A wrong check digit is flagged as soon as the 18th character is typed.
    await poll(() => fieldError(page, '身份证号').innerText()).toContain('身份证号校验位不正确')
    await page.getByLabel('事由', { exact: true }).fill('反映楼道堆物')
    await page.getByRole('radiogroup', { name: '处理方式' }).getByText('转为诉求').click()
    await page.getByRole('radiogroup', { name: '诉求类型' }).getByText('投诉').click()
    await page.getByRole('combobox', { name: '诉求类别' }).click()
    await page.getByRole('option', { name: '环境卫生' }).click()
    await page.getByLabel('备注', { exact: true }).click()
    await page.keyboard.press('Enter')

    await poll(() => fieldError(page, '姓名').innerText()).toContain('姓名只能包含汉字、字母和间隔号')
    await poll(() => fieldError(page, '诉求请求').innerText()).toContain('请填写诉求请求')
    await expect(fieldError(page, '联系电话').innerText()).resolves.toContain('联系电话格式不正确')
    await expect(fieldError(page, '身份证号').innerText()).resolves.toContain('身份证号校验位不正确')
    // Nothing typed is lost.
    await expect(page.getByLabel('联系电话', { exact: true }).inputValue()).resolves.toBe('139075500011')
    await expect(page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('<script>alert(1)</script>')
    await expect(page.getByLabel('事由', { exact: true }).inputValue()).resolves.toBe('反映楼道堆物')
    await expect(page.getByTestId('visit-number').count()).resolves.toBe(0)
    // Taller window for the picture only, so every message is in it.
    await page.setViewportSize({ width: 1366, height: 1180 })
    await shot(page, 'visit-form-errors')
    await page.setViewportSize({ width: 1366, height: 768 })

    // Core refuses the same input on its own, naming the field.
    await expect(
      call(server, 'visits.create', {
        person: { name: '李四', idNumber: '110105194912310021' },
        subject: '反映楼道堆物',
        outcome: 'on_spot',
        answer: '已答复',
      }),
    ).rejects.toThrow(/person\.idNumber/)
    const after = await call(server, 'visits.list', {})
    expect(after.total).toBe(before.total)

    // Esc asks before throwing the typed form away.
    await page.keyboard.press('Escape')
    const confirm = page.getByRole('dialog', { name: '取消登记' })
    await poll(() => confirm.isVisible()).toBe(true)
    await confirm.getByRole('button', { name: '继续填写' }).click()
    await poll(() => confirm.isVisible()).toBe(false)
    await expect(page.getByLabel('事由', { exact: true }).inputValue()).resolves.toBe('反映楼道堆物')
    await page.keyboard.press('Escape')
    await confirm.getByRole('button', { name: '放弃登记' }).click()
    await poll(() => page.url()).toMatch(/#\/visits$/)
    await page.close()
  })

  it('places a 诉求 in the visitor’s compound and warns when it may repeat a recent one', async () => {
    const compound = (await call(server, 'places.listCompounds', { query: '桂北小区' })).items[0]!
    const categoryId = await environmentCategoryId()
    await call(server, 'visits.create', {
      person: { name: '邻居甲' },
      subject: '桂北小区垃圾堆放',
      outcome: 'complaints',
      complaints: [{ kind: 'complaint', categoryId, compoundId: compound.id, request: '清理垃圾' }],
    })

    const page = await context.newPage()
    await page.goto(`${server.url}#/visits/new`)
    await page.getByLabel('姓名', { exact: true }).fill('邻居乙')
    await page.getByRole('combobox', { name: '住址小区' }).click()
    await page.getByRole('option', { name: '桂北小区' }).click()
    await page.getByLabel('事由', { exact: true }).fill('同一处垃圾仍未清理')
    await page.getByRole('radiogroup', { name: '处理方式' }).getByText('转为诉求').click()
    // The 诉求's place starts as the visitor's own compound.
    await poll(() => page.locator('.complaint .place').innerText()).toContain('桂北小区')
    await page.getByRole('radiogroup', { name: '诉求类型' }).getByText('投诉').click()
    await page.getByRole('combobox', { name: '诉求类别' }).click()
    await page.getByRole('option', { name: '环境卫生' }).click()
    await page.getByLabel('诉求请求', { exact: true }).fill('尽快清理')
    await page.getByRole('button', { name: '保存', exact: true }).click()

    const saved = page.getByTestId('saved-complaint')
    await poll(() => saved.innerText()).toContain('可能重复')
    const link = saved.getByRole('link', { name: '查看并关联或合并' })
    const created = await call(server, 'complaints.list', { query: '邻居乙' })
    expect(created.items).toHaveLength(1)
    expect(created.items[0]!.compoundName).toBe('桂北小区')
    expect(created.items[0]!.hasPossibleDuplicate).toBe(true)
    await expect(link.getAttribute('href')).resolves.toContain(`/complaints/${created.items[0]!.id}`)
    await page.close()
  })

  it('fills birth date and sex from a valid ID number', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/visits/new`)
    await page.getByLabel('身份证号', { exact: true }).fill('11010519491231002X')
    await poll(() => page.getByRole('textbox', { name: '出生日期', exact: true }).inputValue()).toBe('1949-12-31')
    await expect(page.getByRole('radio', { name: '女' }).isChecked()).resolves.toBe(true)
    await page.getByLabel('身份证号', { exact: true }).fill('440524188001010014')
    await poll(() => page.getByRole('textbox', { name: '出生日期', exact: true }).inputValue()).toBe('1880-01-01')
    await expect(page.getByRole('radio', { name: '男' }).isChecked()).resolves.toBe(true)
    await expect(fieldError(page, '身份证号').count()).resolves.toBe(0)
    await page.close()
  })
  it('recognises a repeat visitor by ID number alone, with the earlier visit beside the form', async () => {
    const idNumber = '11010519491231002X'
    const earlier = await call(server, 'visits.create', {
      person: { name: '吴桂芝', idNumber },
      subject: '咨询高龄津贴申领',
      outcome: 'on_spot',
      answer: '已告知所需材料',
    })
    const page = await context.newPage()
    await page.goto(`${server.url}#/visits/new`)
    await poll(() => focusedLabel(page)).toBe('联系电话')
    await page.getByLabel('身份证号', { exact: true }).click()
    await page.keyboard.type(idNumber)
    const panel = page.getByRole('complementary', { name: '来访人信息' })
    await poll(() => panel.innerText()).toContain(earlier.number)
    const panelText = await panel.innerText()
    expect(panelText).toContain('吴桂芝')
    expect(panelText).toContain('重复来访')
    expect(panelText).toContain('咨询高龄津贴申领')
    // The panel, like every list, shows the ID number masked.
    expect(panelText).not.toContain(idNumber)
    await page.close()
  })
  it('finds a registered visitor by the pinyin initials typed in 姓名 and takes them with the keyboard', async () => {
    const earlier = await call(server, 'visits.create', {
      person: { name: '欧阳明华', phone: '13907550009' },
      subject: '咨询老年卡办理',
      outcome: 'on_spot',
      answer: '已告知办理地点',
    })
    const page = await context.newPage()
    await page.goto(`${server.url}#/visits/new`)
    await poll(() => focusedLabel(page)).toBe('联系电话')
    await page.keyboard.press('Tab')
    expect(await focusedLabel(page)).toBe('姓名')
    await page.keyboard.type('oymh')
    const matches = page.getByRole('listbox', { name: '匹配的来访人' })
    await poll(() => matches.innerText()).toContain('欧阳明华')
    await expect(matches.innerText()).resolves.toContain('139****0009')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await poll(() => page.getByLabel('姓名', { exact: true }).inputValue()).toBe('欧阳明华')
    const panel = page.getByRole('complementary', { name: '来访人信息' })
    await poll(() => panel.innerText()).toContain(earlier.number)
    await page.close()
  })
})
