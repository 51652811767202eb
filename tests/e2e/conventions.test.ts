/**
 * 居民公约 in real Chromium on `serve --demo`, as 前台接待 (qiantai): a 小区公约
 * for the 三无小区 桂北小区 is created and taken through its whole life in the
 * UI — articles with a chapter and tags, reordered (numbers follow), the 罚款
 * warning while typing, an opinion, 草案, 审核, a vote with impossible counts
 * (refused at the fields, nothing saved), a vote with exactly half present
 * (no quorum, back to 草案), 审核 again, a passing vote, 备案, 公布 with a PNG
 * photo, 修订 (v1 stays in force), a changed article, the comparison of v1 and
 * v2, and the coverage page. Screenshots of each screen and dialog go to
 * tests/e2e/screenshots/conventions-*.png.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchChromium, pageOwningContext, screenshotDir, signInContext, startServer, tempDataDir } from './harness'
import type { RunningServer } from './harness'
import { call } from './api'

/** expect.poll with room for a loaded machine (the default gives up after one second). */
function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000, interval: 100 })
}

const frontDesk = { login: 'qiantai', password: 'Guixi@2026-qt' }

async function shot(p: Page, name: string): Promise<void> {
  await p.waitForTimeout(400) // let dialog animations settle for the picture
  await p.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

async function choose(p: Page, scope: Locator | Page, combobox: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: combobox }).click()
  await p.getByRole('option', { name: option, exact: true }).click()
}

function headerText(p: Page): Promise<string> {
  return p.locator('.header-card').innerText()
}

async function openTab(p: Page, name: string): Promise<void> {
  // A tab may carry a count after its name (提示 1).
  await p.getByRole('tab', { name: new RegExp(`^${name}`) }).click()
}

/** Clicks a step in the action bar and returns its dialog once open. */
async function actionDialog(p: Page, label: string): Promise<Locator> {
  await p.getByTestId('actions').getByRole('button', { name: label, exact: true }).click()
  const dialog = p.getByRole('dialog', { name: label, exact: true })
  await poll(() => dialog.isVisible()).toBe(true)
  return dialog
}

function articleTexts(p: Page): Promise<string[]> {
  return p
    .getByTestId('article-card')
    .locator('textarea')
    .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value))
}

function cardText(p: Page, index: number): Promise<string> {
  return p.getByTestId('article-card').nth(index).innerText()
}

/** Types a count and leaves the field, which is when el-input-number takes the value. */
async function setCount(dialog: Locator, label: string, n: number): Promise<void> {
  const input = dialog.getByRole('spinbutton', { name: label, exact: true })
  await input.fill(String(n))
  await input.press('Tab')
}

/** A real PNG (w×h, a colour gradient) for the photo upload. */
function pngImage(w: number, h: number): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h)
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1)
    for (let x = 0; x < w; x++) {
      raw[row + 1 + x * 3] = (x * 255) / w
      raw[row + 2 + x * 3] = (y * 255) / h
      raw[row + 3 + x * 3] = 160
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

let browser: Browser
let server: RunningServer
let page: Page
let conventionId: number

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  server = await startServer(tempDataDir('cd-e2e-conv-'), ['--demo'])
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } })
  await signInContext(context, server, frontDesk)
  page = await pageOwningContext(context)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('居民公约 as 前台接待', () => {
  it('shows the registry and the coverage with the 三无小区 still uncovered', async () => {
    await page.goto(`${server.url}#/conventions`)
    await poll(() => page.getByTestId('convention-table').innerText()).toContain('商业局小区')
    await shot(page, 'conventions-list')

    await page.getByRole('tab', { name: '覆盖情况' }).click()
    await poll(() => page.getByTestId('uncovered-table').innerText()).toContain('桂北小区')
    const row = page.getByTestId('uncovered-table').getByRole('row', { name: /桂北小区/ })
    expect(await row.innerText()).toContain('三无小区')
    await shot(page, 'conventions-coverage-before')
  })

  it('creates a 小区公约 with the default title', async () => {
    await page.getByRole('tab', { name: '公约列表' }).click()
    await page.getByRole('button', { name: '新建公约' }).click()
    const dialog = page.getByRole('dialog', { name: '新建公约' })
    await choose(page, dialog, '社区', '红光社区')
    await choose(page, dialog, '小区', '桂北小区')
    await poll(() => dialog.getByRole('textbox', { name: '公约名称' }).inputValue()).toBe('《桂北小区居民公约》')
    await shot(page, 'conventions-new-dialog')
    await dialog.getByRole('button', { name: '新建公约' }).click()
    await page.waitForURL(/#\/conventions\/\d+/)
    conventionId = Number(/conventions\/(\d+)/.exec(page.url())![1])
    await poll(() => headerText(page)).toContain('《桂北小区居民公约》')
    expect(await headerText(page)).toContain('制定中')
  })

  it('writes three articles with a chapter and tags, reorders them and warns about 罚款', async () => {
    const texts = [
      '爱护小区公共设施，不在楼道堆放杂物。',
      '文明饲养宠物，出门牵绳。',
      '违反本公约乱扔垃圾的，罚款50元。',
    ]
    for (const text of texts) {
      await page.getByRole('button', { name: '添加条文', exact: true }).click()
      const n = (await page.getByTestId('article-card').count()) - 1
      await page.getByTestId('article-card').nth(n).locator('textarea').fill(text)
    }
    // The first article starts the chapter 总则.
    const first = page.getByTestId('article-card').nth(0)
    await first.getByText('从本条开始新的一章').click()
    await first.getByRole('textbox', { name: '第一条所在章的标题' }).fill('总则')
    expect(await first.getByTestId('chapter-number').innerText()).toBe('第一章')
    // A suggested tag and a typed one.
    const tags = page.getByTestId('article-card').nth(1).locator('.el-select__wrapper')
    await tags.click()
    await page.getByRole('option', { name: '宠物', exact: true }).click()
    await page.getByRole('combobox', { name: '第二条主题标签' }).pressSequentially('文明养犬')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Escape')
    expect(await cardText(page, 1)).toMatch(/宠物[\s\S]*文明养犬/)

    const warning = page.getByTestId('article-card').nth(2).getByTestId('penalty-warning')
    await poll(() => warning.innerText()).toContain('罚款')
    await shot(page, 'conventions-articles-editing')

    // 上移 by button: the 罚款 article becomes 第二条.
    await page.getByRole('button', { name: '第三条上移' }).click()
    expect(await articleTexts(page)).toEqual([texts[0], texts[2], texts[1]])
    expect(await page.getByTestId('article-number').allInnerTexts()).toEqual(['第一条', '第二条', '第三条'])
    // Alt+↓ from inside the text moves it back, and the caret stays in the moved article.
    await page.getByRole('textbox', { name: '第二条条文内容' }).focus()
    await page.keyboard.press('Alt+ArrowDown')
    expect(await articleTexts(page)).toEqual(texts)
    const focusedLabel = await page.evaluate(
      () =>
        (
          globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }
        ).document.activeElement?.getAttribute('aria-label') ?? null,
    )
    expect(focusedLabel).toBe('第三条条文内容')

    await page.getByRole('button', { name: '保存条文' }).click()
    await poll(() => page.getByText('已保存3条条文').count()).toBeGreaterThan(0)
    const saved = await call(server, 'conventions.get', { id: conventionId })
    expect(saved.working!.articles.map((a) => [a.numberText, a.chapter, a.tags])).toEqual([
      ['第一条', '总则', []],
      ['第二条', null, ['宠物', '文明养犬']],
      ['第三条', null, []],
    ])
    expect(saved.working!.flags.map((f) => [f.numberText, f.phrase])).toEqual([['第三条', '罚款']])
    expect(await page.getByTestId('flag-badge').innerText()).toBe('1')
  })

  it('lets the reviewer keep the flagged article with a reason', async () => {
    await openTab(page, '提示')
    const card = page.getByTestId('flag-card')
    expect(await card.innerText()).toMatch(/罚款[\s\S]*第三条[\s\S]*罚款50元/)
    await shot(page, 'conventions-flags')
    await card.getByRole('button', { name: '不作修改' }).click()
    const dialog = page.getByRole('dialog', { name: '不作修改' })
    await dialog.getByRole('button', { name: '确定' }).click()
    await poll(() => dialog.innerText()).toContain('请填写不作修改的理由')
    await dialog.getByRole('textbox', { name: '不作修改的理由' }).fill('先交居民讨论，表决前再议。')
    await shot(page, 'conventions-dismiss-dialog')
    await dialog.getByRole('button', { name: '确定' }).click()
    await poll(() => page.getByTestId('dismissed-flag').innerText()).toContain('先交居民讨论，表决前再议。')
    expect(await page.getByTestId('flag-badge').count()).toBe(0)
  })

  it('records an opinion', async () => {
    await openTab(page, '征集意见')
    await page.getByRole('button', { name: '登记意见' }).click()
    const dialog = page.getByRole('dialog', { name: '登记意见' })
    await dialog.getByText('住户', { exact: true }).click()
    await dialog.getByRole('textbox', { name: '提出人' }).fill('3栋2单元501户')
    await dialog.getByRole('textbox', { name: '意见内容' }).fill('建议增加电动车不进楼道的条款。')
    await dialog.getByText('采纳', { exact: true }).click()
    await dialog.getByRole('textbox', { name: '答复' }).fill('已采纳，列入第一条。')
    await shot(page, 'conventions-opinion-dialog')
    await dialog.getByRole('button', { name: '保存' }).click()
    await poll(() => dialog.isVisible()).toBe(false)
    const table = await page.getByTestId('opinion-table').innerText()
    expect(table).toMatch(/住户[\s\S]*3栋2单元501户[\s\S]*电动车不进楼道[\s\S]*采纳[\s\S]*已采纳，列入第一条/)
    await shot(page, 'conventions-opinions')
  })

  it('goes to 草案, is submitted, and passes review', async () => {
    let dialog = await actionDialog(page, '形成草案')
    await shot(page, 'conventions-start-draft-dialog')
    await dialog.getByRole('button', { name: '确定形成草案' }).click()
    await poll(() => page.getByTestId('actions').innerText()).toContain('提交审核')

    dialog = await actionDialog(page, '提交审核')
    await dialog.getByRole('button', { name: '确定提交审核' }).click()
    await poll(() => page.getByTestId('actions').innerText()).toContain('登记审核意见')

    dialog = await actionDialog(page, '登记审核意见')
    expect(await dialog.getByRole('textbox', { name: '审核单位' }).inputValue()).toBe('街道办事处')
    await dialog.getByRole('textbox', { name: '审核意见' }).fill('内容合法，程序规范，同意提请表决。')
    await dialog.getByRole('textbox', { name: '法律顾问意见' }).fill('第三条“罚款”超出公约权限，建议表决前修改。')
    await dialog.getByText('审核通过', { exact: true }).click()
    await shot(page, 'conventions-review-dialog')
    await dialog.getByRole('button', { name: '保存审核意见' }).click()
    await poll(() => dialog.isVisible()).toBe(false)
    expect(await page.getByTestId('review-card').innerText()).toContain('审核通过')
    await poll(() => page.getByTestId('actions').innerText()).toContain('登记表决结果')
    await shot(page, 'conventions-review-tab')
  })

  it('refuses impossible counts at the fields and saves nothing', async () => {
    const dialog = await actionDialog(page, '登记表决结果')
    await dialog.getByText('居民代表会议', { exact: true }).click()
    await dialog.getByRole('textbox', { name: '会议地点' }).fill('社区会议室')
    await setCount(dialog, '应到人数', 100)
    await setCount(dialog, '实到人数', 120)
    await setCount(dialog, '其中妇女', 130)
    await setCount(dialog, '赞成', 100)
    await setCount(dialog, '反对', 15)
    await setCount(dialog, '弃权', 10)
    await poll(() => dialog.getByTestId('count-present').innerText()).toContain(
      '实到人数（120）不能超过应到人数（100）',
    )
    // Polled: on a loaded machine the last count typed may still be on its way into the form.
    await poll(() => dialog.getByTestId('count-womenPresent').innerText()).toContain('不能超过实到人数（120）')
    await poll(() => dialog.getByTestId('count-inFavour').innerText()).toContain('100+15+10=125')
    await dialog.getByRole('button', { name: '保存表决结果' }).click()
    await poll(() => dialog.getByTestId('form-error').innerText()).toContain('人数或票数有误')
    await shot(page, 'conventions-vote-impossible')
    const after = await call(server, 'conventions.get', { id: conventionId })
    expect(after.working!.votes).toHaveLength(0)
    expect(after.working!.stage).toBe('voting')

    // Exactly half present: no quorum, shown before saving, and the vote goes back to 草案.
    await setCount(dialog, '实到人数', 50)
    await setCount(dialog, '其中妇女', 20)
    await setCount(dialog, '赞成', 40)
    await setCount(dialog, '反对', 5)
    await setCount(dialog, '弃权', 5)
    await expect
      .poll(() => dialog.getByTestId('quorum-text').innerText())
      .toContain('实到50人，未超过应到100人的二分之一（50人），未达到法定人数')
    expect(await dialog.getByTestId('vote-result').innerText()).toBe('未获通过')
    expect(await dialog.getByTestId('count-present').innerText()).not.toContain('不能超过')
    await shot(page, 'conventions-vote-half')
    await dialog.getByRole('button', { name: '保存表决结果' }).click()
    await poll(() => dialog.isVisible()).toBe(false)
    await poll(() => page.getByTestId('actions').innerText()).toContain('提交审核')
    const card = await page.getByTestId('vote-card').innerText()
    expect(card).toContain('未达到法定人数')
    expect(card).toContain('未获通过')
    expect(await page.getByTestId('stage-steps').innerText()).toContain('草案')
    await shot(page, 'conventions-vote-failed')
  })

  it('is reviewed again and adopted by a passing vote', async () => {
    let dialog = await actionDialog(page, '提交审核')
    await dialog.getByRole('button', { name: '确定提交审核' }).click()
    dialog = await actionDialog(page, '登记审核意见')
    await dialog.getByRole('textbox', { name: '审核意见' }).fill('同意再次提请表决。')
    await dialog.getByText('审核通过', { exact: true }).click()
    await dialog.getByRole('button', { name: '保存审核意见' }).click()
    await poll(() => dialog.isVisible()).toBe(false)

    dialog = await actionDialog(page, '登记表决结果')
    await dialog.getByText('户代表会议', { exact: true }).click()
    await dialog.getByRole('textbox', { name: '会议地点' }).fill('桂北小区活动室')
    for (const [label, n] of [
      ['应到人数', 100],
      ['实到人数', 51],
      ['其中妇女', 24],
      ['赞成', 30],
      ['反对', 15],
      ['弃权', 6],
    ] as const) {
      await setCount(dialog, label, n)
    }
    await poll(() => dialog.getByTestId('vote-result').innerText()).toBe('表决通过')
    expect(await dialog.getByTestId('pass-text').innerText()).toContain('赞成30票，超过实到51人的二分之一（25.5票）')
    await shot(page, 'conventions-vote-pass-dialog')
    await dialog.getByRole('button', { name: '保存表决结果' }).click()
    await poll(() => dialog.isVisible()).toBe(false)
    await poll(() => headerText(page)).toContain('施行中')
    expect(await headerText(page)).toContain('第1版')
    await shot(page, 'conventions-vote-passed')
  })

  it('is filed and posted with a photo', async () => {
    let dialog = await actionDialog(page, '登记备案')
    await dialog.getByRole('textbox', { name: '备案文号' }).fill('红光街备〔2026〕1号')
    await shot(page, 'conventions-file-dialog')
    await dialog.getByRole('button', { name: '保存备案' }).click()
    await poll(() => dialog.isVisible()).toBe(false)
    expect(await page.getByTestId('filing').innerText()).toContain('红光街备〔2026〕1号')

    dialog = await actionDialog(page, '登记公布')
    expect(await dialog.getByRole('textbox', { name: '公布地点' }).inputValue()).toBe('桂北小区公告栏')
    await dialog
      .getByTestId('photo-input')
      .setInputFiles({ name: 'wall.png', mimeType: 'image/png', buffer: pngImage(160, 120) })
    await poll(() => dialog.getByTestId('picked-photo').count()).toBe(1)
    await shot(page, 'conventions-post-dialog')
    await dialog.getByRole('button', { name: '保存公布' }).click()
    await poll(() => dialog.isVisible()).toBe(false)
    const img = page.getByTestId('photo-thumb').locator('img')
    await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(160)
    expect(await page.getByTestId('stage-steps').innerText()).toContain('公布')
    await shot(page, 'conventions-posted')
  })

  it('is revised while version 1 stays in force, and the change shows in the comparison', async () => {
    const dialog = await actionDialog(page, '修订')
    expect(await dialog.innerText()).toContain('第1版继续施行')
    await shot(page, 'conventions-revise-dialog')
    await dialog.getByRole('button', { name: '确定修订' }).click()
    await poll(() => dialog.isVisible()).toBe(false)
    await poll(() => page.getByTestId('stage-steps').innerText()).toContain('修订进度')
    expect(await headerText(page)).toContain('施行中')
    expect(await page.getByTestId('in-force').innerText()).toContain('第1版')
    expect(await page.getByTestId('current-articles').innerText()).toContain('罚款50元')

    await page.getByRole('textbox', { name: '第三条条文内容' }).fill('违反本公约乱扔垃圾的，由居民委员会批评教育。')
    await poll(() => page.getByTestId('article-card').nth(2).getByTestId('penalty-warning').count()).toBe(0)
    await page.getByRole('button', { name: '保存条文' }).click()
    await poll(() => page.getByText('已保存3条条文').count()).toBeGreaterThan(0)
    await shot(page, 'conventions-revision-articles')
    const v = await call(server, 'conventions.get', { id: conventionId })
    expect(v.status).toBe('in_force')
    expect(v.current!.articles[2]!.text).toBe('违反本公约乱扔垃圾的，罚款50元。')

    await openTab(page, '版本')
    await page.getByRole('button', { name: '比较', exact: true }).click()
    const view = page.getByTestId('compare-view')
    await poll(() => view.getByTestId('compare-counts').innerText()).toContain('修改 1 条')
    expect(await view.locator('del').allInnerTexts()).toContain('罚款50元')
    expect((await view.locator('ins').allInnerTexts()).join('')).toContain('由居民委员会批评教育')
    await shot(page, 'conventions-compare-side')
    await view.getByText('合并显示').click()
    expect(await view.getByTestId('compare-line').nth(2).innerText()).toMatch(/修改[\s\S]*第三条/)
    await shot(page, 'conventions-compare-unified')

    await page
      .getByTestId('version-table')
      .getByRole('row', { name: /第1版/ })
      .getByRole('button', { name: '查看全文' })
      .click()
    const drawer = page.getByRole('dialog', { name: /第1版/ })
    await poll(() => drawer.getByTestId('article-list').innerText()).toContain('罚款50元')
    expect(await drawer.innerText()).toContain('红光街备〔2026〕1号')
    await shot(page, 'conventions-version-drawer')
    await page.keyboard.press('Escape')
  })

  it('counts the compound as covered', async () => {
    await page.goto(`${server.url}#/conventions/coverage`)
    await poll(() => page.getByTestId('uncovered-table').innerText()).not.toContain('桂北小区')
    const row = await page
      .getByTestId('coverage-table')
      .getByRole('row', { name: /红光社区/ })
      .innerText()
    expect(row).toMatch(/红光社区\s+2\s+1\s+50%/)
    await shot(page, 'conventions-coverage-after')
  })
})
