/**
 * Sign-in in real Chromium against browser mode with the demo accounts, and
 * without any pre-signed cookie: the API refuses callers without a session
 * and other sites; the sign-in screen says how many tries remain; the idle
 * lock covers the page and keeps what was typed; 退出登录 ends the session;
 * an administrator opens an account that can then sign in; a read-only
 * account is refused a write; a print tab signed out shows the reason only.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract'
import {
  launchChromium,
  screenshotDir,
  startServer,
  tempDataDir,
  type RunningServer,
  pageOwningContext,
} from './harness'
import { signIn } from './api'
import { wrongSignIn } from '../../electron/core/services/auth'

/** The server and Chromium share the machine with other work: give the UI time before failing. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 })

const qiantai = { login: 'qiantai', password: 'Guixi@2026-qt' }
const admin = { login: 'admin', password: 'Guixi@2026-gl' }
const lingdao = { login: 'lingdao', password: 'Guixi@2026-ld' }

// Password tries (sign-in, unlock, 修改密码) are limited to 10 a minute per address: this file makes exactly 10.
let browser: Browser
let server: RunningServer
/** The administrator's API session, made once: sign-in tries are rate-limited per address. */
let adminCookie = ''

function post(method: string, input: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  })
}

async function asAdmin<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const res = await post(method, input, { Cookie: adminCookie })
  const body = (await res.json()) as unknown
  if (!res.ok) throw new Error(`${method} → ${res.status} ${JSON.stringify(body)}`)
  return body as MethodOutput<M>
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400) // let transitions settle for the picture
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

/** A page in a fresh context without any session; closing it closes the context. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
  const page = await pageOwningContext(context)
  return page
}

async function signInThroughScreen(page: Page, account: { login: string; password: string }): Promise<void> {
  await poll(() => page.getByRole('heading', { name: '登录', exact: true }).isVisible()).toBe(true)
  await page.getByLabel('登录名').fill(account.login)
  await page.getByLabel('密码', { exact: true }).fill(account.password)
  await page.getByLabel('密码', { exact: true }).press('Enter')
}

/** The signed-in user shown in the sidebar footer. */
function footer(page: Page) {
  return page.getByRole('button', { name: /^当前用户：/ })
}

/** What the page's own session sees (the context's cookie, no Origin header). */
async function pageStatus(page: Page): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await page.request.post(`${server.url}api/auth.status`, { data: {} })
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> }
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  server = await startServer(tempDataDir(), ['--demo'])
  adminCookie = await signIn(server, admin)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('serve mode refuses', () => {
  it('a request without a session, with 401 and a JSON reason', async () => {
    const res = await post('complaints.list', {})
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(await res.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
    // The same call with the session goes through, so the 401 above is about the missing cookie.
    const ok = await post('complaints.list', {}, { Cookie: adminCookie })
    expect(ok.status).toBe(200)
  })

  it('a cross-origin request even with a valid session cookie, with 403', async () => {
    const res = await post('complaints.list', {}, { Cookie: adminCookie, Origin: 'http://evil.example' })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { code: string }).code).toBe('FORBIDDEN')
  })
})

describe('sign-in, idle lock and sign-out in the browser', () => {
  let page: Page

  afterAll(async () => {
    await page?.close()
    // Back to the default even if the lock test failed half-way (normally done there already).
    await asAdmin('accounts.saveSecurity', { idleLockMinutes: 15 }).catch(() => undefined)
  })

  it('refuses a wrong password with the tries left, then signs in as 前台', async () => {
    await asAdmin('accounts.saveSecurity', { idleLockMinutes: 1 })
    page = await freshPage()
    // Fake timers from the start, so the idle minute can be skipped instead of waited for.
    await page.clock.install()
    await page.goto(server.url)
    await poll(() => page.getByRole('heading', { name: '登录', exact: true }).isVisible()).toBe(true)
    // The gate hides the app: no navigation before signing in.
    expect(await page.getByRole('menuitem', { name: /工作台/ }).count()).toBe(0)

    await signInThroughScreen(page, { login: qiantai.login, password: 'Guixi@2025-qt' })
    // Unknown, deactivated and wrong are answered alike; the answer says what five wrong tries do.
    await poll(() => page.getByText(wrongSignIn).isVisible()).toBe(true)
    expect(wrongSignIn).toMatch(/登录名或密码不正确.*5次.*锁定5分钟/)
    await expect(page.getByLabel('密码', { exact: true }).inputValue()).resolves.toBe('')
    await expect(page.getByLabel('登录名').inputValue()).resolves.toBe('qiantai')
    await shot(page, 'auth-sign-in')

    await page.getByLabel('密码', { exact: true }).fill(qiantai.password)
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await poll(() => footer(page).isVisible()).toBe(true)
    await expect(footer(page).innerText()).resolves.toContain('前台小王 · 前台接待')
    await poll(() => page.getByRole('heading', { name: '工作台' }).isVisible()).toBe(true)
    // 账号管理 is for administrators only.
    expect(await page.getByRole('menuitem', { name: /账号管理/ }).count()).toBe(0)
  })

  it('locks after the idle minute over a half-typed visit, and unlocks to the same text', async () => {
    await page.goto(`${server.url}#/visits/new`)
    const subject = page.getByLabel('事由')
    await poll(() => subject.isVisible()).toBe(true)
    const typed = '反映3栋楼道灯坏了两周，晚上老人上下楼不便'
    await subject.fill(typed)
    await page.getByLabel('姓名', { exact: true }).fill('周桂兰')

    await page.clock.fastForward('01:05')
    const overlay = page.getByRole('dialog', { name: '屏幕已锁定' })
    await poll(() => overlay.isVisible()).toBe(true)
    await expect(overlay.innerText()).resolves.toContain('前台小王')
    // The typed text is not readable through the overlay, and core has locked the session too.
    await poll(() => subject.isVisible()).toBe(true)
    await poll(async () => (await pageStatus(page)).body.locked).toBe(true)
    const refused = await page.request.post(`${server.url}api/complaints.list`, { data: {} })
    expect(refused.status()).toBe(423)
    await shot(page, 'auth-lock')
    // Back to the default at once: with one idle minute core would also lock the admin's API session.
    await asAdmin('accounts.saveSecurity', { idleLockMinutes: 15 })

    // Typing into the covered page does nothing while locked.
    await page.keyboard.type('X')
    await overlay.getByLabel('解锁密码').fill('Guixi@2025-qt')
    await overlay.getByLabel('解锁密码').press('Enter')
    await poll(() => overlay.getByText('密码不正确（再错4次将锁定5分钟）').isVisible()).toBe(true)
    await overlay.getByLabel('解锁密码').fill(qiantai.password)
    await overlay.getByLabel('解锁密码').press('Enter')
    await poll(() => overlay.isVisible()).toBe(false)
    await expect(subject.inputValue()).resolves.toBe(typed)
    await expect(page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('周桂兰')
    expect((await pageStatus(page)).body.locked).toBe(false)
  })

  it('退出登录 from the sidebar menu ends the session and returns to the sign-in screen', async () => {
    await footer(page).click()
    await page.getByRole('menuitem', { name: '退出登录' }).click()
    const confirm = page.getByRole('dialog', { name: '退出登录' })
    await poll(() => confirm.isVisible()).toBe(true)
    await expect(confirm.innerText()).resolves.toContain('还没有保存的内容将会丢失')
    await confirm.getByRole('button', { name: '退出登录' }).click()
    await poll(() => page.getByRole('heading', { name: '登录', exact: true }).isVisible()).toBe(true)
    expect(await page.getByLabel('事由').count()).toBe(0)
    const status = await pageStatus(page)
    expect(status.body.staff).toBeNull()
    const refused = await page.request.post(`${server.url}api/complaints.list`, { data: {} })
    expect(refused.status()).toBe(401)
  })
})

describe('账号管理', () => {
  const zhaominPassword = '晨光路调解室2026'
  const resetPassword = 'Chenguang-Road-2027'
  let adminPage: Page
  let colleague: Page

  afterAll(async () => {
    await adminPage?.close()
    await colleague?.close()
  })

  it('an administrator opens an account that can then sign in', async () => {
    // The administrator's API session, in the browser: sign-in tries from one address are rate-limited.
    adminPage = await freshPage()
    await adminPage.context().addCookies([
      {
        name: 'cd_session',
        value: adminCookie.slice(adminCookie.indexOf('=') + 1),
        url: server.url,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ])
    const page = adminPage
    await page.goto(`${server.url}#/accounts`)
    await poll(() => page.getByRole('row', { name: /前台小王/ }).isVisible()).toBe(true)
    const demoRow = await page.getByRole('row', { name: /前台小王/ }).innerText()
    expect(demoRow).toMatch(/前台小王[\s\S]*qiantai[\s\S]*前台接待[\s\S]*启用/)
    await expect(page.getByRole('row', { name: /演示管理员/ }).innerText()).resolves.toContain('本人')
    await expect(page.getByLabel('空闲自动锁定分钟数').inputValue()).resolves.toBe('15')
    await shot(page, 'accounts-page')

    await page.getByRole('button', { name: '新增账号' }).click()
    const dialog = page.getByRole('dialog', { name: '新增账号' })
    await dialog.getByLabel('姓名').fill('赵敏')
    await dialog.getByLabel('登录名').fill('zhaomin')
    await dialog.getByRole('radio', { name: '调解员' }).click({ force: true })
    const password = dialog.getByLabel('初始密码')
    await password.fill('password')
    await poll(() => dialog.getByText('这是最常见的密码之一，很容易被猜中，请换一个').isVisible()).toBe(true)
    await password.fill('zhaomin-2026')
    await poll(() => dialog.getByText('密码不能包含登录名，请换一个').isVisible()).toBe(true)
    // Saving anyway is refused at the field, and nothing typed is lost.
    await dialog.getByRole('button', { name: '保存' }).click()
    const fieldError = dialog.locator('.el-form-item__error', { hasText: '密码不能包含登录名' })
    await poll(() => fieldError.isVisible()).toBe(true)
    await expect(dialog.getByLabel('姓名').inputValue()).resolves.toBe('赵敏')
    await password.fill(zhaominPassword)
    await poll(() => dialog.getByText(/强度：/).isVisible()).toBe(true)
    await poll(() => fieldError.count()).toBe(0)
    await shot(page, 'accounts-new')
    await dialog.getByRole('button', { name: '保存' }).click()
    await poll(() => dialog.isVisible()).toBe(false)
    const row = page.getByRole('row', { name: /赵敏/ })
    await poll(() => row.isVisible()).toBe(true)
    await expect(row.innerText()).resolves.toMatch(/zhaomin[\s\S]*调解员[\s\S]*启用[\s\S]*从未登录/)

    // An edit saved at an old version is refused with CONFLICT; the dialog keeps what was typed.
    await row.getByRole('button', { name: '编辑' }).click()
    const edit = page.getByRole('dialog', { name: '编辑账号' })
    await expect(edit.getByLabel('登录名').inputValue()).resolves.toBe('zhaomin')
    const listed = await asAdmin('accounts.list', { includeInactive: true })
    const zhao = listed.find((a) => a.login === 'zhaomin')
    if (!zhao) throw new Error('the new account is not listed')
    await asAdmin('accounts.save', {
      id: zhao.id,
      version: zhao.version,
      name: '赵敏',
      login: 'zhaomin',
      role: 'front_desk',
    })
    await edit.getByLabel('姓名').fill('赵敏华')
    await edit.getByRole('button', { name: '保存' }).click()
    await poll(() => page.getByText('该账号已被他人修改，请刷新后再保存（您的修改尚未保存）').first().isVisible()).toBe(
      true,
    )
    expect(await edit.isVisible()).toBe(true)
    await expect(edit.getByLabel('姓名').inputValue()).resolves.toBe('赵敏华')
    await edit.getByRole('button', { name: '取消' }).click()

    colleague = await freshPage()
    await colleague.goto(server.url)
    await signInThroughScreen(colleague, { login: 'zhaomin', password: zhaominPassword })
    await poll(() => footer(colleague).isVisible()).toBe(true)
    await expect(footer(colleague).innerText()).resolves.toContain('赵敏 · 前台接待')
  })

  it('a password reset ends the session; signing in again over the page carries on with the input kept', async () => {
    await colleague.goto(`${server.url}#/visits/new`)
    const subject = colleague.getByLabel('事由')
    await poll(() => subject.isVisible()).toBe(true)
    const typed = '咨询独生子女父母奖励扶助的申请材料'
    await subject.fill(typed)

    const row = adminPage.getByRole('row', { name: /赵敏/ })
    await row.getByRole('button', { name: '重置密码' }).click()
    const reset = adminPage.getByRole('dialog', { name: '重置密码' })
    await expect(reset.innerText()).resolves.toContain('赵敏')
    await reset.getByLabel('新密码', { exact: true }).fill(resetPassword)
    await reset.getByLabel('再次输入新密码').fill(resetPassword)
    await reset.getByRole('button', { name: '重置密码' }).click()
    await poll(() => reset.isVisible()).toBe(false)
    await poll(() => adminPage.getByText('已重置“赵敏”的密码，请当面告诉本人').isVisible()).toBe(true)

    // The colleague's next request finds the session gone: the page is covered, not thrown away.
    await colleague.getByLabel('联系电话').fill('1380')
    const overlay = colleague.getByRole('dialog', { name: '登录已失效' })
    await poll(() => overlay.isVisible()).toBe(true)
    await expect(overlay.innerText()).resolves.toContain('赵敏')
    await shot(colleague, 'auth-ended')
    await overlay.getByLabel('密码').fill(zhaominPassword)
    await overlay.getByRole('button', { name: '重新登录' }).click()
    await poll(() => overlay.getByText(wrongSignIn).isVisible()).toBe(true)
    await overlay.getByLabel('密码').fill(resetPassword)
    await overlay.getByLabel('密码').press('Enter')
    await poll(() => overlay.isVisible()).toBe(false)
    await expect(subject.inputValue()).resolves.toBe(typed)
    await expect(colleague.getByLabel('联系电话').inputValue()).resolves.toBe('1380')
    expect(((await pageStatus(colleague)).body.staff as { login: string }).login).toBe('zhaomin')
  })

  it('停用 asks first, then the account is shown as 停用', async () => {
    const row = adminPage.getByRole('row', { name: /赵敏/ })
    await row.getByRole('button', { name: '停用' }).click()
    const confirm = adminPage.getByRole('dialog', { name: '停用账号' })
    await poll(() => confirm.isVisible()).toBe(true)
    await expect(confirm.innerText()).resolves.toContain('正在使用的登录会立即结束')
    await confirm.getByRole('button', { name: '停用' }).click()
    await poll(() => row.innerText()).toContain('停用')
    await poll(() => row.getByRole('button', { name: '启用' }).isVisible()).toBe(true)
    const listed = await asAdmin('accounts.list', { includeInactive: true })
    expect(listed.find((a) => a.login === 'zhaomin')?.active).toBe(false)
    // The colleague's session ended with it.
    expect((await pageStatus(colleague)).body.staff).toBeNull()
  })
})

describe('roles and print tabs', () => {
  it('a 领导查询 account is refused a write with the FORBIDDEN message, and may change its own password', async () => {
    const page = await freshPage()
    await page.goto(`${server.url}#/places`)
    await signInThroughScreen(page, lingdao)
    await poll(() => footer(page).isVisible()).toBe(true)
    await expect(footer(page).innerText()).resolves.toContain('李主任 · 领导查询')
    // Signing in keeps the address that was asked for.
    await poll(() => page.getByRole('tab', { name: '社区' }).isVisible()).toBe(true)
    await page.getByRole('button', { name: '新增社区' }).click()
    const dialog = page.getByRole('dialog', { name: '新增社区' })
    await dialog.getByLabel('社区名称').fill('越权测试社区')
    await dialog.getByRole('button', { name: '保存' }).click()
    await poll(() => page.getByText('当前账号没有此项操作的权限，请联系管理员').first().isVisible()).toBe(true)
    // The refusal neither signs the viewer out nor loses the input.
    await expect(dialog.getByLabel('社区名称').inputValue()).resolves.toBe('越权测试社区')
    expect(await page.getByRole('dialog', { name: /屏幕已锁定|登录已失效/ }).count()).toBe(0)
    await dialog.getByRole('button', { name: '取消' }).click()

    // Changing one's own password is open to every role.
    await footer(page).click()
    await page.getByRole('menuitem', { name: '修改密码' }).click()
    const change = page.getByRole('dialog', { name: '修改密码' })
    await change.getByLabel('当前密码').fill(lingdao.password)
    await change.getByLabel('新密码', { exact: true }).fill('lingdao2026')
    await poll(() => change.getByText('密码不能包含登录名，请换一个').isVisible()).toBe(true)
    await change.getByLabel('新密码', { exact: true }).fill('李主任的查询密码')
    await change.getByLabel('再次输入新密码').fill('李主任的查询密码')
    await poll(() => change.getByText(/强度：/).isVisible()).toBe(true)
    await shot(page, 'auth-change-password')
    await change.getByRole('button', { name: '修改密码' }).click()
    await poll(() => page.getByText('密码已修改，下次登录请使用新密码').isVisible()).toBe(true)
    await poll(() => change.isVisible()).toBe(false)
    await page.close()
  })

  it('a print tab without a session shows the reason, not the sign-in screen', async () => {
    const page = await freshPage()
    await page.goto(`${server.url}#/print/visit-receipt/1`)
    await poll(() => page.getByText('请先登录').first().isVisible()).toBe(true)
    expect(await page.getByRole('heading', { name: '登录', exact: true }).count()).toBe(0)
    expect(await page.getByLabel('密码', { exact: true }).count()).toBe(0)
    await page.close()
  })
})
