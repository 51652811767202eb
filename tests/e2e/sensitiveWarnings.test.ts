/**
 * The "looks like an ID or phone number" warning under free-text fields
 * beyond the visit form (privacy.test.ts covers 事由): editing a 诉求's
 * 事实, a step's 备注, a mediation 申请事项 and 身份证明, and a notice paragraph. Each
 * warns while the number is there, never blocks, and goes away when it is
 * removed. The screenshots check the warning sits under its field.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { launchChromium, screenshotDir, signInContext, startServer, tempDataDir, type RunningServer } from './harness'
import { call } from './api'

const wait = { timeout: 15_000 }
let browser: Browser
let context: BrowserContext
let server: RunningServer
let complaintId: number

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400) // let dialogs finish animating
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

/** Types `withNumber`, expects the warning in `scope`, then types `without` and expects it gone. */
async function warnsWhile(
  scope: Locator,
  field: Locator,
  withNumber: string,
  message: string,
  screenshot: { page: Page; name: string },
  without: string,
): Promise<void> {
  const warning = scope.locator('.sensitive-text-warning')
  await field.fill(withNumber)
  await expect.poll(() => warning.count(), wait).toBe(1)
  expect(await warning.innerText()).toContain(message)
  await shot(screenshot.page, screenshot.name)
  await field.fill(without)
  await expect.poll(() => warning.count(), wait).toBe(0)
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  server = await startServer(tempDataDir('cd-e2e-warn-'), ['--demo'])
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  await signInContext(context, server)
  const categoryId = (await call(server, 'intake.listCategories', {})).find((c) => c.name === '设施维修')!.id
  const visit = await call(server, 'visits.create', {
    person: { name: '钱玉珍', phone: '13912340009' },
    subject: '楼道灯坏了',
    outcome: 'complaints',
    complaints: [{ kind: 'complaint', categoryId, request: '请修复5栋楼道灯' }],
  })
  complaintId = visit.complaints[0]!.id
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('free-text warnings', () => {
  it('warns in a 诉求 being edited and in a step’s 备注', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/complaints/${complaintId}`)
    await page.getByRole('button', { name: '修改' }).click()
    const facts = page.getByLabel('事实', { exact: true })
    await expect.poll(() => facts.isVisible(), wait).toBe(true)
    await warnsWhile(
      page.locator('form', { has: facts }),
      facts,
      '5栋楼道灯坏了一周，楼长电话13912345678',
      '内容中似乎包含手机号',
      { page, name: 'warn-complaint-content' },
      '5栋楼道灯坏了一周',
    )
    await page.close()

    const again = await context.newPage()
    await again.goto(`${server.url}#/complaints/${complaintId}`)
    await again.getByTestId('actions').getByRole('button', { name: '受理', exact: true }).click()
    const accept = again.getByRole('dialog', { name: '受理', exact: true })
    await warnsWhile(
      accept,
      accept.getByLabel('备注'),
      '来访人身份证11010519491231002X',
      '身份证号',
      { page: again, name: 'warn-complaint-action' },
      '来访人已出示身份证',
    )
    await again.close()
  })

  it('warns under a mediation 申请事项 and a party’s 身份证明', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/mediation/new`)
    const request = page.getByLabel('申请事项1', { exact: true })
    await expect.poll(() => request.isVisible(), wait).toBe(true)
    await warnsWhile(
      page.locator('li', { has: request }),
      request,
      '请求被申请人赔偿3000元，联系电话0851-86123456',
      '电话号码',
      { page, name: 'warn-mediation-request' },
      '请求被申请人赔偿3000元',
    )
    // 身份证明 names the document checked; the number itself belongs in 身份证号.
    const identity = page.getByLabel('当事人1身份证明', { exact: true })
    await identity.scrollIntoViewIfNeeded()
    await warnsWhile(
      // Under the row, across the party's fields (the 身份证明 column alone is too narrow).
      page.locator('form'),
      identity,
      '居民身份证11010519491231002X',
      '身份证号',
      { page, name: 'warn-mediation-identity' },
      '居民身份证',
    )
    await page.close()
  })

  it('warns under a notice paragraph, in the paragraph’s column', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}#/notices/new`)
    const paragraph = page.getByLabel('正文第1段', { exact: true })
    await expect.poll(() => paragraph.isVisible(), wait).toBe(true)
    await warnsWhile(
      page.locator('.body-editor'),
      paragraph,
      '停水期间请联系物业李经理13812345678。',
      '手机号',
      { page, name: 'warn-notice-body' },
      '停水期间请联系物业服务中心。',
    )
    await page.close()
  })
})
