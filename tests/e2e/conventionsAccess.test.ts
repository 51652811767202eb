/**
 * 居民公约 around the life cycle, on the demo conventions of `serve --demo`:
 * 领导查询 (lingdao) reads everything but gets no write controls; a save
 * over someone else's change (CONFLICT) shows the standard message and keeps
 * what was typed; 修改名称 and 废止 (asked twice); and the 表决规则 settings
 * (administrators change them, others read them). Screenshots go to
 * tests/e2e/screenshots/conventions-*.png.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, pageOwningContext, screenshotDir, signInContext, startServer, tempDataDir } from './harness'
import type { RunningServer } from './harness'
import { call } from './api'

const viewer = { login: 'lingdao', password: 'Guixi@2026-ld' }
const frontDesk = { login: 'qiantai', password: 'Guixi@2026-qt' }

let browser: Browser
let server: RunningServer

function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000, interval: 100 })
}

async function shot(p: Page, name: string): Promise<void> {
  await p.waitForTimeout(400) // let dialog animations settle for the picture
  await p.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

async function pageAs(account: { login: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } })
  await signInContext(context, server, account)
  return pageOwningContext(context)
}

function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The demo convention whose title contains `name`. */
async function demoConvention(name: string): Promise<number> {
  const list = await call(server, 'conventions.list', { query: name })
  const found = list.items.find((c) => c.title.includes(name))
  if (!found) throw new Error(`demo convention ${name} missing`)
  return found.id
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  server = await startServer(tempDataDir('cd-e2e-conv-access-'), ['--demo'])
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('居民公约 access and refusals', () => {
  it('shows 领导查询 everything without a single write control', async () => {
    const page = await pageAs(viewer)
    await page.goto(`${server.url}#/conventions`)
    await poll(() => page.getByTestId('convention-table').innerText()).toContain('商业局小区')
    expect(await page.getByRole('button', { name: '新建公约' }).count()).toBe(0)
    await shot(page, 'conventions-viewer-list')

    // 商业局小区: v1 in force, v2 in 草案 with residents' opinions and a 罚款 flag.
    const id = await demoConvention('商业局小区')
    await page.goto(`${server.url}#/conventions/${id}`)
    await poll(() => page.locator('.header-card').innerText()).toContain('修订进度')
    expect(await page.getByTestId('article-list').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('actions').count()).toBe(0)
    for (const name of ['添加条文', '保存条文', '修订', '废止']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0)
    }
    expect(await page.getByRole('button', { name: '修改公约名称' }).count()).toBe(0)
    await shot(page, 'conventions-viewer-detail')

    await page.getByRole('tab', { name: '征集意见', exact: true }).click()
    await poll(() => page.getByTestId('opinion-table').innerText()).toContain('罚款')
    expect(await page.getByRole('button', { name: '登记意见' }).count()).toBe(0)
    expect(await page.getByTestId('opinion-table').getByRole('button', { name: '修改' }).count()).toBe(0)

    await page.getByRole('tab', { name: /提示/ }).click()
    await poll(() => page.getByTestId('flag-card').count()).toBeGreaterThan(0)
    expect(await page.getByRole('button', { name: '不作修改' }).count()).toBe(0)
    await shot(page, 'conventions-viewer-flags')

    await page.goto(`${server.url}#/conventions/coverage`)
    await poll(() => page.getByTestId('uncovered-table').innerText()).toContain('桂北小区')
    expect(await page.getByTestId('uncovered-table').getByRole('button', { name: '新建公约' }).count()).toBe(0)
    // 三合新村's convention is being written: the row links to it instead of offering a second one.
    await page
      .getByTestId('uncovered-table')
      .getByRole('row', { name: /三合新村/ })
      .getByRole('button', { name: '公约制定中' })
      .click()
    await poll(() => page.locator('.header-card').innerText()).toContain('三合新村')
    await page.goBack()
    // 查看小区 opens 基础信息 with the 小区 list filtered to that compound.
    await page
      .getByTestId('uncovered-table')
      .getByRole('row', { name: /桂北小区/ })
      .getByRole('button', { name: '查看小区' })
      .click()
    await poll(() => page.url()).toContain('#/places')
    await page.getByRole('tab', { name: '小区', exact: true }).click()
    await poll(() => page.locator('.el-table').last().innerText()).toContain('桂北小区')
    expect(await page.locator('.el-table').last().innerText()).not.toContain('红光小区')

    await page.goto(`${server.url}#/settings?tab=voteRules`)
    await poll(() => page.getByTestId('rule-sentence').innerText()).toContain('超过应到人数的二分之一')
    expect(await page.getByRole('button', { name: '保存表决规则' }).count()).toBe(0)
    await page.close()
  })

  it('keeps a typed opinion when someone else saved first, and saves it after 刷新', async () => {
    const page = await pageAs(frontDesk)
    const id = await demoConvention('三合新村')
    await page.goto(`${server.url}#/conventions/${id}?tab=opinions`)
    await page.getByRole('button', { name: '登记意见' }).click()
    const dialog = page.getByRole('dialog', { name: '登记意见' })
    await dialog.getByRole('textbox', { name: '提出人' }).fill('王秀英')
    await dialog.getByRole('textbox', { name: '意见内容' }).fill('建议规定晚上十点后不在室内装修。')

    // Meanwhile another clerk records an opinion on the same convention.
    const before = await call(server, 'conventions.get', { id })
    await call(server, 'conventions.saveOpinion', {
      conventionId: id,
      version: before.version,
      source: 'group',
      fromName: '第二居民小组',
      receivedOn: localIsoDate(new Date()),
      content: '建议增加垃圾分类的条款。',
    })

    await dialog.getByRole('button', { name: '保存' }).click()
    await poll(() => dialog.getByTestId('form-error').innerText()).toContain('已被他人修改')
    expect(await dialog.getByRole('textbox', { name: '意见内容' }).inputValue()).toBe(
      '建议规定晚上十点后不在室内装修。',
    )
    await shot(page, 'conventions-conflict')

    await dialog.getByRole('button', { name: '刷新（保留已填写内容）' }).click()
    await poll(() => page.getByTestId('opinion-table').innerText()).toContain('第二居民小组')
    expect(await dialog.getByRole('textbox', { name: '提出人' }).inputValue()).toBe('王秀英')
    await dialog.getByRole('button', { name: '保存' }).click()
    await poll(() => dialog.isVisible()).toBe(false)
    expect(await page.getByTestId('opinion-table').innerText()).toContain('晚上十点后不在室内装修')
    await page.close()
  })

  it('renames a convention and repeals another after asking twice', async () => {
    const page = await pageAs(frontDesk)
    const id = await demoConvention('三合新村')
    await page.goto(`${server.url}#/conventions/${id}`)
    await page.getByRole('button', { name: '修改公约名称' }).click()
    const rename = page.getByRole('dialog', { name: '修改公约名称' })
    await rename.getByRole('textbox', { name: '公约名称' }).fill('')
    await rename.getByRole('button', { name: '保存' }).click()
    await poll(() => rename.innerText()).toContain('请填写公约名称')
    await rename.getByRole('textbox', { name: '公约名称' }).fill('《三合新村居民公约》')
    await shot(page, 'conventions-rename-dialog')
    await rename.getByRole('button', { name: '保存' }).click()
    await poll(() => page.getByTestId('convention-title').innerText()).toBe('《三合新村居民公约》')

    const inForce = await demoConvention('迎春花园')
    await page.goto(`${server.url}#/conventions/${inForce}`)
    await page.getByTestId('actions').getByRole('button', { name: '废止' }).click()
    const dialog = page.getByRole('dialog', { name: '废止公约' })
    await dialog.getByRole('textbox', { name: '废止理由' }).fill('小区并入迎春社区，统一适用社区居民公约。')
    await shot(page, 'conventions-repeal-dialog')
    await dialog.getByRole('button', { name: '废止' }).click()
    const confirm = page.getByRole('dialog', { name: '确认废止' })
    await poll(() => confirm.isVisible()).toBe(true)
    await shot(page, 'conventions-repeal-confirm')
    await confirm.getByRole('button', { name: '废止' }).click()
    await poll(() => page.locator('.header-card').innerText()).toContain('已废止')
    expect(await page.locator('.header-card').innerText()).toContain('统一适用社区居民公约')
    expect(await page.getByTestId('actions').count()).toBe(0)
    await shot(page, 'conventions-repealed')
    await page.close()
  })

  it('lets an administrator change the vote rules, with the example following', async () => {
    const page = await pageAs({ login: 'admin', password: 'Guixi@2026-gl' })
    await page.goto(`${server.url}#/settings?tab=voteRules`)
    await poll(() => page.getByTestId('example-quorum').innerText()).toContain(
      '实到51人，超过应到100人的二分之一（50人），达到法定人数',
    )
    await page
      .locator('.el-select')
      .filter({ has: page.getByRole('combobox', { name: '法定人数比较方式' }) })
      .click()
    await page.getByRole('option', { name: '达到', exact: true }).click()
    const numerator = page.getByRole('spinbutton', { name: '法定人数比例分子' })
    await numerator.fill('2')
    await numerator.press('Tab')
    const denominator = page.getByRole('spinbutton', { name: '法定人数比例分母' })
    await denominator.fill('3')
    await denominator.press('Tab')
    await poll(() => page.getByTestId('rule-sentence').innerText()).toContain('实到人数达到应到人数的三分之二')
    expect(await page.getByTestId('example-quorum').innerText()).toContain('未达到应到100人的三分之二（约66.67人）')
    await shot(page, 'conventions-settings-vote-rules')
    await page.getByRole('button', { name: '保存表决规则' }).click()
    await poll(async () => (await call(server, 'conventions.getRules', {})).quorumDenominator).toBe(3)
    const rules = await call(server, 'conventions.getRules', {})
    expect(rules).toMatchObject({ quorumNumerator: 2, quorumDenominator: 3, quorumComparison: 'at_least' })
    await page.close()
  })
})
