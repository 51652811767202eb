/**
 * 超过保存期限 with people actually past retention, in real Chromium: the
 * administrator ticks two of them, anonymises them in bulk after typing the
 * confirmation, and they leave the list; their identity fields are cleared
 * while their visits and 诉求 (and so every count) stay.
 *
 * Records get old the way they do in real life, by the clock: `serve --demo`
 * sets the folder up, then the core is opened here with a clock in 2021–2022
 * to take the visits (a server only ever writes "now"), and serve is started
 * again on the same folder. The demo's own records are recent and stay off
 * the list.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { openCore } from '../../electron/core/app'
import type { Ctx } from '../../electron/core/context'
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract'
import { launchChromium, screenshotDir, signedInPage, startServer, tempDataDir, type RunningServer } from './harness'
import { call } from './api'

const wait = { timeout: 15_000 }
let browser: Browser
let server: RunningServer
/** Person ids by name, for the three people made past retention. */
const ids: Record<string, number> = {}
let complaintId: number

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400) // let dialogs and messages finish animating
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

/** Writes the old records through the core's API door, as the demo administrator at `iso`. */
async function seedOldRecords(dataDir: string): Promise<void> {
  const core = await openCore({ dataDir, mode: 'serve', appVersion: 'e2e' })
  try {
    const admin = (await core.db('staff').where({ login: 'admin' }).first('id', 'name')) as { id: number; name: string }
    const at = (iso: string): Ctx => ({
      staff: { id: admin.id, name: admin.name, role: 'admin' },
      clock: { now: () => new Date(iso) },
    })
    const as = async <M extends MethodName>(when: Ctx, method: M, input: MethodInput<M>) =>
      (await core.call(when, method, input)) as MethodOutput<M>

    const old = '2021-04-12T10:00:00+08:00'
    const qiu = await as(at(old), 'visits.create', {
      person: { name: '邱桂芬', phone: '13600001111', idNumber: '11010519491231002X', notes: '独居老人' },
      visitedAt: new Date(old).toISOString(),
      subject: '咨询高龄津贴',
      outcome: 'on_spot',
      answer: '已告知申领条件',
    })
    ids['邱桂芬'] = qiu.person.id
    const later = '2022-01-18T15:00:00+08:00'
    // Found again at the second visit: the form sends the stored record back at its version.
    const { person } = await as(at(later), 'people.history', { id: qiu.person.id })
    await as(at(later), 'visits.create', {
      person: { id: person.id, version: person.version, name: '邱桂芬', notes: person.notes },
      visitedAt: new Date(later).toISOString(),
      subject: '再次咨询高龄津贴',
      outcome: 'on_spot',
      answer: '已告知办理进度',
    })

    const categoryId = (await as(at(old), 'intake.listCategories', {})).find((c) => c.name === '设施维修')!.id
    const wu = await as(at(old), 'visits.create', {
      person: { name: '吴德明', phone: '13600002222' },
      visitedAt: new Date(old).toISOString(),
      subject: '反映路灯损坏',
      outcome: 'complaints',
      complaints: [{ kind: 'complaint', categoryId, request: '请修复小区东门路灯' }],
    })
    ids['吴德明'] = wu.person.id
    complaintId = wu.complaints[0]!.id
    const complaint = await as(at(old), 'complaints.get', { id: complaintId })
    await as(at('2021-04-13T09:00:00+08:00'), 'complaints.act', {
      action: 'reject',
      id: complaintId,
      version: complaint.version,
      reason: '属物业服务合同约定事项，已告知向物业公司反映',
    })

    const feng = await as(at('2021-09-01T10:00:00+08:00'), 'visits.create', {
      person: { name: '冯志强', phone: '13600003333' },
      visitedAt: new Date('2021-09-01T10:00:00+08:00').toISOString(),
      subject: '咨询居住证办理',
      outcome: 'on_spot',
      answer: '已告知所需材料',
    })
    ids['冯志强'] = feng.person.id
  } finally {
    await core.close()
  }
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  const dataDir = tempDataDir('cd-e2e-overdue-')
  // First start: demo places, categories and accounts, exactly as a tester gets them.
  const first = await startServer(dataDir, ['--demo'])
  await first.stop()
  await seedOldRecords(dataDir)
  server = await startServer(dataDir)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

function overdueRows(page: Page) {
  // el-table puts the aria-label on its wrapper; the rows are in the body part.
  return page.locator('[aria-label="超过保存期限的来访人"] .el-table__body-wrapper tr.el-table__row')
}

describe('bulk anonymisation of people past retention', () => {
  it('lists them, anonymises the ticked ones after the typed confirmation, and keeps their records', async () => {
    const visitsBefore = (await call(server, 'visits.list', {})).total
    // The demo has people of its own; none of them shares these names.
    const listed = await call(server, 'privacy.listOverdue', {})
    expect(listed.items.map((p) => p.name).sort()).toEqual(['冯志强', '吴德明', '邱桂芬'].sort())

    const page = await signedInPage(browser, server, { width: 1280, height: 800 })
    await page.goto(`${server.url}#/privacy`)
    await page.getByRole('tab', { name: '超过保存期限' }).click()
    const rows = overdueRows(page)
    await expect.poll(() => rows.count(), wait).toBe(3)
    const qiu = rows.filter({ hasText: '邱桂芬' })
    const textOf = async (row: typeof qiu) => (await row.innerText()).replace(/\s+/g, ' ').trim()
    // Masked numbers, the visit and 诉求 counts anonymising must keep, and the last contact.
    await expect.poll(() => textOf(qiu), wait).toBe('邱桂芬 136****1111 110105********002X 2 0 2022-01-18')
    expect(await textOf(rows.filter({ hasText: '吴德明' }))).toBe('吴德明 136****2222 — 1 1 2021-04-13')
    await shot(page, 'privacy-overdue-rows')

    // Tick 邱桂芬 and 吴德明; 冯志强 stays.
    await qiu.locator('.el-checkbox').click()
    await rows.filter({ hasText: '吴德明' }).locator('.el-checkbox').click()
    const bulk = page.getByRole('button', { name: /批量匿名化/ })
    await expect.poll(() => bulk.innerText(), wait).toContain('（2人）')
    await bulk.click()

    const dialog = page.getByRole('dialog', { name: '匿名化' })
    await expect.poll(() => dialog.isVisible(), wait).toBe(true)
    expect(await dialog.innerText()).toContain('选中的 2 位来访人')
    expect(await dialog.getByLabel('匿名化原因').inputValue()).toBe('超过保存期限')
    const confirm = dialog.getByRole('button', { name: '确定匿名化' })
    // Not before the confirmation word is typed exactly.
    await dialog.getByLabel('确认文字').fill('确认')
    expect(await confirm.isDisabled()).toBe(true)
    await dialog.getByLabel('确认文字').fill('确认匿名化')
    expect(await confirm.isDisabled()).toBe(false)
    await shot(page, 'privacy-overdue-confirm')
    await confirm.click()

    await expect.poll(() => page.locator('.el-message--success').innerText(), wait).toContain('已匿名化2人')
    await expect.poll(() => rows.count(), wait).toBe(1)
    expect(await rows.first().innerText()).toContain('冯志强')
    await shot(page, 'privacy-overdue-done')
    await page.close()

    // Identity cleared, history and counts kept.
    for (const name of ['邱桂芬', '吴德明']) {
      const history = await call(server, 'people.history', { id: ids[name]! })
      expect(history.person).toMatchObject({
        name: '已匿名化',
        phoneMasked: null,
        idNumberMasked: null,
        hasPhone: false,
        hasIdNumber: false,
        birthDate: null,
        notes: null,
      })
      expect(history.totalVisits).toBe(name === '邱桂芬' ? 2 : 1)
    }
    expect((await call(server, 'visits.list', {})).total).toBe(visitsBefore)
    const complaint = await call(server, 'complaints.get', { id: complaintId })
    expect(complaint).toMatchObject({ status: 'rejected', request: '请修复小区东门路灯' })
    // Search finds them no more; the one left alone still is.
    expect(await call(server, 'people.search', { query: '邱桂芬' })).toEqual([])
    expect((await call(server, 'people.search', { query: '冯志强' })).map((p) => p.id)).toEqual([ids['冯志强']])
    expect((await call(server, 'privacy.listOverdue', {})).items.map((p) => p.name)).toEqual(['冯志强'])
  })
})
