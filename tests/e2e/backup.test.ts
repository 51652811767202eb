/**
 * 数据备份 and the recovery screen in real Chromium on `serve`:
 * an administrator backs up now (progress, then the new backup listed as
 * checked), restores it after adding a community (the community is gone,
 * everyone signs in again) and gets a field error for a backup folder that
 * does not exist; a front-desk clerk sees no 数据备份 and is refused by core;
 * and a database damaged while the app was closed opens on the recovery
 * screen, whose one button brings the data back for the admin to sign in.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  launchChromium,
  pageOwningContext,
  screenshotDir,
  startServer,
  tempDataDir,
  type RunningServer,
} from './harness'
import { demoAdmin, signIn } from './api'

const qiantai = { login: 'qiantai', password: 'Guixi@2026-qt' }
/** Pages load slower while other suites run; give each poll time beyond vitest's 1 s default. */
const wait = { timeout: 20_000 }
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, wait)

let browser: Browser
let server: RunningServer
/** Parent folders of the data folders: the default backup folder is the data folder's sibling. */
const parents: string[] = []

function dataDirInOwnFolder(): string {
  const parent = tempDataDir('cd-e2e-backup-')
  parents.push(parent)
  return path.join(parent, 'data')
}

async function post(target: RunningServer, method: string, input: unknown, cookie?: string) {
  const res = await fetch(`${target.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(input),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { code?: string } }
}

/** A call that must succeed, with a session of its own (restores end every session, so none is cached). */
async function ok<T>(target: RunningServer, method: string, input: unknown, cookie: string): Promise<T> {
  const res = await post(target, method, input, cookie)
  if (res.status !== 200) throw new Error(`${method} → ${res.status} ${JSON.stringify(res.body)}`)
  return res.body as T
}

/**
 * One administrator session for the API calls and pages of this file: core allows only a
 * few sign-ins a minute from one address. A restore ends it; the test then signs in afresh.
 */
let adminCookie = ''

async function adminPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const at = adminCookie.indexOf('=')
  const [name, value] = [adminCookie.slice(0, at), adminCookie.slice(at + 1)]
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Strict' }])
  return pageOwningContext(context)
}

async function communityNames(target: RunningServer): Promise<string[]> {
  const list = await ok<{ name: string }[]>(target, 'places.listCommunities', {}, adminCookie)
  return list.map((c) => c.name)
}

/** The rows of the backup list (Element Plus draws the header and the body as separate tables). */
function backupRows(page: Page) {
  return page.getByLabel('备份列表').locator('.el-table__body tbody tr')
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400) // let dialogs and messages finish animating
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

async function signInThroughScreen(page: Page, account: { login: string; password: string }): Promise<void> {
  await poll(() => page.getByRole('heading', { name: '登录', exact: true }).isVisible()).toBe(true)
  await page.getByLabel('登录名').fill(account.login)
  await page.getByLabel('密码', { exact: true }).fill(account.password)
  await page.getByLabel('密码', { exact: true }).press('Enter')
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  server = await startServer(dataDirInOwnFolder(), ['--demo'])
  adminCookie = await signIn(server)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  for (const parent of parents) fs.rmSync(parent, { recursive: true, force: true })
})

describe('数据备份 for the administrator', () => {
  it('立即备份 shows progress and lists the new backup as checked', async () => {
    const page = await adminPage()
    // Hold the answer back a moment so the running state can be seen and photographed; core's job is real.
    let statusPolls = 0
    await page.route('**/api/backup.status', async (route) => {
      statusPolls++
      await route.continue()
    })
    await page.route('**/api/backup.create', async (route) => {
      const response = await route.fetch()
      await new Promise((r) => setTimeout(r, 1500))
      await route.fulfill({ response })
    })
    await page.goto(`${server.url}#/backup`)
    await poll(() => page.getByRole('heading', { name: '数据备份' }).isVisible()).toBe(true)
    await poll(() => page.getByText('剩余空间').isVisible()).toBe(true)
    const rows = backupRows(page)
    const before = await rows.count()
    await shot(page, 'backup-page')

    const button = page.getByRole('button', { name: '立即备份' })
    const pollsBefore = statusPolls
    await button.click()
    const progress = page.getByRole('status', { name: '备份进度' })
    await poll(() => progress.isVisible()).toBe(true)
    await expect(button.isDisabled()).resolves.toBe(true)
    await expect(button.innerText()).resolves.toContain('正在备份')
    await shot(page, 'backup-progress')
    await poll(() => progress.isVisible()).toBe(false)
    expect(statusPolls - pollsBefore, 'backup.status is polled while the backup runs').toBeGreaterThan(0)
    await poll(() => button.isDisabled()).toBe(false)

    await poll(() => rows.count()).toBe(before + 1)
    const newest = rows.first()
    await expect(newest.innerText()).resolves.toMatch(/手动[\s\S]*KB|MB/)
    await expect(newest.innerText()).resolves.toContain('已校验')
    await shot(page, 'backup-created')

    // 校验 checks it again and says it is intact.
    await newest.getByRole('button', { name: /^校验/ }).click()
    await poll(() => page.locator('.el-message--success').last().innerText()).toMatch(/完好/)
    await page.close()
  })

  it('refuses a backup folder that does not exist, at the field, keeping what was typed', async () => {
    const page = await adminPage()
    await page.goto(`${server.url}#/backup`)
    const field = page.getByLabel('备份位置文件夹')
    await poll(() => field.isEditable()).toBe(true)
    await expect(field.getAttribute('placeholder')).resolves.toMatch(/^默认：.*data-backups$/)
    const missing = path.join(path.dirname(server.dataDir), 'no-such-usb-drive', 'backups')
    await field.fill(missing)
    await page.getByRole('button', { name: '保存设置' }).click()
    const error = page.locator('.el-form-item.is-error', { has: field })
    await poll(() => error.locator('.el-form-item__error').innerText()).toMatch(/找不到这个文件夹/)
    await expect(field.inputValue()).resolves.toBe(missing)
    await error.scrollIntoViewIfNeeded()
    await shot(page, 'backup-settings-error')

    await field.fill('备份')
    await page.getByRole('button', { name: '保存设置' }).click()
    await poll(() => error.locator('.el-form-item__error').innerText()).toMatch(/完整的文件夹路径/)

    // 恢复默认 empties the field: the default folder is used again, and saving that is accepted.
    await page.getByRole('button', { name: '恢复默认' }).click()
    await expect(field.inputValue()).resolves.toBe('')
    await page.getByRole('button', { name: '保存设置' }).click()
    await poll(() => page.locator('.el-message--success').last().innerText()).toMatch(/默认位置/)
    await page.close()
  })

  it('marks a damaged backup on 校验 and does not offer to restore it, saying why', async () => {
    const damaged = await ok<{ id: string }>(server, 'backup.create', {}, adminCookie)
    corruptPages(path.join(path.dirname(server.dataDir), 'data-backups', damaged.id))
    const page = await adminPage()
    await page.goto(`${server.url}#/backup`)
    const row = backupRows(page).first()
    await poll(() => row.innerText()).toContain('已校验')
    await row.getByRole('button', { name: /^校验/ }).click()
    await poll(() => page.locator('.el-message--error').last().innerText()).not.toBe('')
    await poll(() => row.innerText()).toContain('损坏')
    await expect(row.getByRole('button', { name: /恢复$/ }).isDisabled()).resolves.toBe(true)
    await row.getByLabel(/这份备份已损坏，不能用于恢复/).hover()
    await poll(() => page.getByRole('tooltip').innerText()).toMatch(/这份备份已损坏，不能用于恢复/)
    await shot(page, 'backup-damaged')
    await page.close()
  })

  it('restores a backup: the community added since is gone and everyone signs in again', async () => {
    const cookie = adminCookie
    const taken = await ok<{ id: string }>(server, 'backup.create', {}, cookie)
    await ok(server, 'places.saveCommunity', { name: '备份后新建社区' }, cookie)
    expect(await communityNames(server)).toContain('备份后新建社区')
    // The first row of the list is the backup just taken.
    const listed = await ok<{ id: string }[]>(server, 'backup.list', {}, cookie)
    expect(listed[0]?.id).toBe(taken.id)

    const page = await adminPage()
    await page.goto(`${server.url}#/backup`)
    const row = backupRows(page).first()
    await poll(() => row.innerText()).toContain('手动')
    await row.getByRole('button', { name: /恢复$/ }).click()
    const dialog = page.getByRole('dialog', { name: '从备份恢复数据' })
    await poll(() => dialog.isVisible()).toBe(true)
    await expect(dialog.innerText()).resolves.toMatch(/恢复前[\s\S]*替换全部数据[\s\S]*重新登录/)
    const go = dialog.getByRole('button', { name: '确认恢复' })
    await expect(go.isDisabled()).resolves.toBe(true)
    await dialog.getByLabel('输入恢复以确认').fill('恢 复')
    await expect(go.isDisabled()).resolves.toBe(true)
    await dialog.getByLabel('输入恢复以确认').fill('恢复')
    await shot(page, 'backup-restore-dialog')
    await go.click()

    await poll(() => dialog.getByText('数据已恢复').isVisible()).toBe(true)
    const said = await dialog.innerText()
    await shot(page, 'backup-restore-result')
    // Every session is over, the one the page and these calls shared too.
    expect((await post(server, 'backup.list', {}, cookie)).body.code).toBe('UNAUTHENTICATED')
    adminCookie = await signIn(server)
    expect(await communityNames(server)).not.toContain('备份后新建社区')

    await dialog.getByRole('button', { name: '重新登录' }).click()
    await signInThroughScreen(page, demoAdmin)
    await poll(() => page.getByRole('heading', { name: '工作台' }).isVisible()).toBe(true)
    await page.goto(`${server.url}#/backup`)
    const list = page.getByLabel('备份列表')
    await poll(() => list.innerText()).toContain('恢复前')
    // The result named the 恢复前 backup the current data was saved as.
    const saved = (await ok<{ id: string; kind: string }[]>(server, 'backup.list', {}, adminCookie)).find(
      (b) => b.kind === 'pre_restore',
    )
    expect(said).toContain(saved!.id)
    await shot(page, 'backup-after-restore')
    await page.close()
  })
})

describe('数据备份 is for administrators only', () => {
  it('a 前台接待 sees no 数据备份 entry and core refuses every backup call', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await pageOwningContext(context)
    await page.goto(server.url)
    await signInThroughScreen(page, qiantai)
    await poll(() => page.getByRole('heading', { name: '工作台' }).isVisible()).toBe(true)
    await expect(page.getByRole('menuitem', { name: /系统设置/ }).count()).resolves.toBe(1)
    await expect(page.getByRole('menuitem', { name: /数据备份/ }).count()).resolves.toBe(0)
    await page.goto(`${server.url}#/backup`)
    await poll(() => page.getByText('仅管理员可以管理数据备份').isVisible()).toBe(true)
    // Said once, by the page: no part of it asks core on its own and pops up a second refusal.
    await page.waitForTimeout(500)
    await expect(page.locator('.el-message--error').count()).resolves.toBe(0)
    await shot(page, 'backup-forbidden')
    await page.close()

    const cookie = await signIn(server, qiantai)
    for (const [method, input] of [
      ['backup.status', {}],
      ['backup.list', {}],
      ['backup.create', {}],
      ['backup.getSettings', {}],
      ['backup.saveSettings', { location: null, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 }],
      ['backup.verify', { id: 'community-desk-20260101-000000-manual.sqlite' }],
      ['backup.restore', { id: 'community-desk-20260101-000000-manual.sqlite' }],
    ] as const) {
      const res = await post(server, method, input, cookie)
      expect(res.status, method).toBe(403)
      expect(res.body.code, method).toBe('FORBIDDEN')
    }
  })
})

/** Overwrites whole pages from the second on with junk: the b-tree damage `quick_check` finds at start-up. */
function corruptPages(file: string, first = 2, count = 6, pageSize = 4096): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize * count, 0xab), 0, pageSize * count, pageSize * (first - 1))
  } finally {
    fs.closeSync(fd)
  }
}

/** The minute as the screens show it (the browser runs in this machine's time zone too). */
function minuteOf(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

describe('the recovery screen', () => {
  it('opens instead of sign-in on a damaged database and brings back the newest good backup', async () => {
    // The demo server of the tests above, so one start fewer: its newest backup is taken right here.
    const dataDir = server.dataDir
    await ok(server, 'places.saveCommunity', { name: '损坏前社区' }, adminCookie)
    const good = await ok<{ id: string; createdAt: string }>(server, 'backup.create', {}, adminCookie)
    await server.stop()
    const file = path.join(dataDir, 'community-desk.sqlite')
    // Closed cleanly, everything is in the main file: damaging it cannot be masked by a WAL.
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
    corruptPages(file)

    server = await startServer(dataDir)
    const refused = await post(server, 'auth.status', {})
    expect(refused.status).toBe(503)
    expect(refused.body.code).toBe('RECOVERY')

    const page = await pageOwningContext(await browser.newContext({ viewport: { width: 1280, height: 900 } }))
    await page.goto(server.url)
    const screen = page.getByRole('main', { name: '数据恢复' })
    await poll(() => page.getByRole('heading', { name: '数据库需要恢复' }).isVisible()).toBe(true)
    await expect(page.getByRole('heading', { name: '登录', exact: true }).count()).resolves.toBe(0)
    const text = await screen.innerText()
    expect(text).toMatch(/数据库文件已损坏/)
    expect(text).toContain(`数据目录：${dataDir}`)
    expect(text).toContain(minuteOf(good.createdAt))
    expect(text).toMatch(/手动备份[\s\S]*已校验，完好/)
    expect(text).toMatch(/联系本中心的管理员/)
    await shot(page, 'recovery-screen')

    const detail = screen.locator('pre')
    await expect(detail.isVisible()).resolves.toBe(false)
    await screen.getByText('详细信息（供技术人员查看）').click()
    await poll(() => detail.isVisible()).toBe(true)
    await expect(detail.innerText()).resolves.not.toBe('')
    await shot(page, 'recovery-detail')

    await screen.getByRole('button', { name: '用此备份恢复' }).click()
    await poll(() => screen.getByText('数据已恢复').isVisible()).toBe(true)
    const kept = /community-desk\.sqlite\.damaged-[\w.-]+[\w]/.exec(await screen.innerText())?.[0]
    expect(kept, 'the screen names the file the damaged database is kept as').toBeDefined()
    expect(fs.existsSync(path.join(dataDir, kept!))).toBe(true)
    await shot(page, 'recovery-result')

    await screen.getByRole('button', { name: '去登录' }).click()
    await signInThroughScreen(page, demoAdmin)
    await poll(() => page.getByRole('heading', { name: '工作台' }).isVisible()).toBe(true)
    await page.goto(`${server.url}#/places`)
    await poll(() => page.getByText('损坏前社区').first().isVisible()).toBe(true)
    await shot(page, 'recovery-signed-in')
    await page.close()
  })
})
