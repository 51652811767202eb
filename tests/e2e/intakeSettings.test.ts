/**
 * 系统设置 → 受理设置 in real Chromium against `npm run serve`: the office
 * options and clock rule survive a reload, a bad numbering pattern is refused
 * at the field, the category tree and units are edited (including a version
 * conflict), and next year's holiday schedule is entered by clicking days and
 * checked through the HTTP API. Screenshots at 1366×768 and 1440×900.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, screenshotDir, startServer, tempDataDir, type RunningServer, signedInPage } from './harness'
import { call } from './api'

let browser: Browser
let server: RunningServer
const thisYear = new Date().getFullYear()

const small = { width: 1366, height: 768 }
const large = { width: 1440, height: 900 }

async function openTab(tab: string, label: string): Promise<Page> {
  const page = await signedInPage(browser, server, small)
  await page.goto(`${server.url}#/settings?tab=${tab}`)
  await page.getByRole('tab', { name: label, selected: true }).waitFor()
  return page
}

/** The same screen at both sizes the desk's PCs have. */
async function shots(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400) // let dialog and message animations settle for the picture
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
  await page.setViewportSize(large)
  await page.waitForTimeout(300)
  await page.screenshot({ path: path.join(screenshotDir, `${name}-1440.png`) })
  await page.setViewportSize(small)
  // Back at the test's size, let the page lay itself out again before the next click: on a loaded CI
  // machine a click right after the resize once waited 30 s for the save bar to hold still.
  await page.waitForTimeout(300)
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  server = await startServer(tempDataDir('cd-e2e-intake-'))
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('intake settings through the UI', () => {
  it('saves the office name and the working-day clock rule, and keeps them after a reload', async () => {
    const page = await openTab('intake', '受理设置')
    const office = page.getByLabel('受理单位名称')
    await expect.poll(() => office.inputValue()).not.toBe('')
    await office.fill('迎春社区党群服务中心')
    await page.getByLabel('受理单位电话').fill('023 4567 8101')

    // The per-kind working days appear only for the working-day rule.
    await expect(page.getByLabel('投诉办理时限（工作日）').count()).resolves.toBe(0)
    // Click the visible label (the radio's own input is hidden), then wait until the rule has switched.
    await page.locator('.el-radio').filter({ hasText: '按诉求类别（工作日）' }).click()
    await expect.poll(() => page.getByRole('radio', { name: '按诉求类别（工作日）' }).isChecked()).toBe(true)
    const complaintDays = page.getByLabel('投诉办理时限（工作日）')
    await complaintDays.waitFor()
    await complaintDays.fill('10')
    await complaintDays.blur()
    await expect.poll(() => page.getByText(/投诉办结期限：\d{4}年/).isVisible()).toBe(true)
    await page.getByRole('button', { name: '保存受理设置' }).click()
    await expect.poll(() => page.getByText('受理设置已保存').isVisible()).toBe(true)

    const saved = await call(server, 'intake.getOptions', {})
    expect(saved.officeName).toBe('迎春社区党群服务中心')
    expect(saved.officePhone).toBe('023-45678101')
    expect(saved.clockMode).toBe('workdays')
    expect(saved.workdays.complaint).toBe(10)
    expect(saved.workdays.inquiry).toBe(3)

    await page.reload()
    await expect.poll(() => page.getByLabel('受理单位名称').inputValue()).toBe('迎春社区党群服务中心')
    await expect.poll(() => page.getByRole('radio', { name: '按诉求类别（工作日）' }).isChecked()).toBe(true)
    await expect(page.getByLabel('投诉办理时限（工作日）').inputValue()).resolves.toBe('10')
    await shots(page, 'settings-intake')
    await page.close()
  })

  it('refuses a numbering pattern without {seq} at the field and does not save it', async () => {
    const page = await openTab('intake', '受理设置')
    const pattern = page.getByLabel('诉求编号格式')
    await expect.poll(() => pattern.inputValue()).toBe('{year}-{seq:6}')
    await expect.poll(() => page.getByTestId('number-example').innerText()).toBe(`${thisYear}-000123`)

    await pattern.fill('YC-{year}')
    const problem = page.getByText('编号格式中必须且只能有一个序号 {seq}')
    await expect.poll(() => problem.isVisible()).toBe(true)
    await expect(page.getByTestId('number-example').count()).resolves.toBe(0)
    await page.getByRole('button', { name: '保存受理设置' }).click()
    await expect.poll(() => page.getByText('请按提示修改后再保存').isVisible()).toBe(true)
    await page.waitForTimeout(300)
    expect((await call(server, 'intake.getOptions', {})).numberPattern).toBe('{year}-{seq:6}')
    // What was typed stays for correcting.
    await expect(pattern.inputValue()).resolves.toBe('YC-{year}')
    await shots(page, 'settings-intake-bad-pattern')

    await pattern.fill('迎{year}-{seq:4}')
    await expect.poll(() => page.getByTestId('number-example').innerText()).toBe(`迎${thisYear}-0123`)
    await expect(problem.count()).resolves.toBe(0)
    await page.getByRole('button', { name: '保存受理设置' }).click()
    await expect.poll(async () => (await call(server, 'intake.getOptions', {})).numberPattern).toBe('迎{year}-{seq:4}')
    await page.close()
  })

  it('adds, renames and stops a child category', async () => {
    const page = await openTab('categories', '诉求类别')
    await page.getByRole('button', { name: '为“环境卫生”添加子类别' }).click()
    const dialog = page.getByRole('dialog', { name: '添加子类别' })
    await expect.poll(() => dialog.getByText('环境卫生', { exact: true }).isVisible()).toBe(true)
    await dialog.getByLabel('类别名称').fill('垃圾清运')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await expect.poll(() => page.getByRole('button', { name: '重命名“环境卫生 / 垃圾清运”' }).isVisible()).toBe(true)

    const all = await call(server, 'intake.listCategories', { includeArchived: true })
    const parent = all.find((c) => c.name === '环境卫生')
    const child = all.find((c) => c.name === '垃圾清运')
    expect(child?.parentId).toBe(parent?.id)

    // The same name on the same level is refused by core, at the name field.
    await page.getByRole('button', { name: '为“环境卫生”添加子类别' }).click()
    await dialog.getByLabel('类别名称').fill('垃圾清运')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.getByText('同一级下已有“垃圾清运”，请换一个名称').first().isVisible()).toBe(true)
    await dialog.getByLabel('类别名称').fill('垃圾清运不及时')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)

    await page.getByRole('button', { name: '重命名“环境卫生 / 垃圾清运”' }).click()
    const rename = page.getByRole('dialog', { name: '重命名类别' })
    await rename.getByLabel('类别名称').fill('垃圾收运')
    await rename.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => rename.isVisible()).toBe(false)
    await expect.poll(() => page.getByRole('button', { name: '停用“环境卫生 / 垃圾收运”' }).isVisible()).toBe(true)

    await page.getByRole('button', { name: '停用“环境卫生 / 垃圾收运”' }).click()
    await page.getByRole('dialog', { name: '停用类别' }).getByRole('button', { name: '停用' }).click()
    await expect.poll(() => page.getByRole('button', { name: '重命名“环境卫生 / 垃圾收运”' }).count()).toBe(0)
    const stopped = (await call(server, 'intake.listCategories', { includeArchived: true })).find(
      (c) => c.id === child?.id,
    )
    expect(stopped?.name).toBe('垃圾收运')
    expect(stopped?.archivedAt).not.toBeNull()
    const active = await call(server, 'intake.listCategories', {})
    expect(active.some((c) => c.id === child?.id)).toBe(false)

    // Shown greyed with 已停用 when asked for, and can come back.
    await page.getByText(/显示已停用/).click()
    const row = page.locator('[data-category="环境卫生 / 垃圾收运"]')
    await expect.poll(() => row.isVisible()).toBe(true)
    await expect(row.innerText()).resolves.toContain('已停用')
    await expect(row.evaluate((el) => el.classList.contains('archived'))).resolves.toBe(true)
    await shots(page, 'settings-categories')
    await row.getByRole('button', { name: '恢复“环境卫生 / 垃圾收运”' }).click()
    await expect
      .poll(async () => (await call(server, 'intake.listCategories', {})).some((c) => c.id === child?.id))
      .toBe(true)
    await page.close()
  })

  it('adds a unit, shows a version conflict, and stops a unit', async () => {
    const page = await openTab('units', '承办单位')
    await page.getByRole('button', { name: '新增承办单位' }).click()
    const dialog = page.getByRole('dialog', { name: '新增承办单位' })
    await dialog.getByLabel('单位名称').fill('桂东物业服务有限公司')
    await dialog.getByRole('combobox', { name: '单位类型' }).click()
    await page.getByRole('option', { name: '物业公司' }).click()
    await dialog.getByLabel('联系人').fill('王建国')
    await dialog.getByLabel('联系电话').fill('12345')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.getByText(/联系电话格式不正确/).isVisible()).toBe(true)
    await dialog.getByLabel('联系电话').fill('138 0000 5678')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    const row = page.getByRole('row', { name: /桂东物业服务有限公司/ })
    await expect.poll(() => row.isVisible()).toBe(true)
    await expect(row.innerText()).resolves.toContain('13800005678')
    await expect(row.innerText()).resolves.toContain('物业公司')

    // Someone else edits 网格员 while this dialog is open: the save is refused, nothing lost.
    const grid = (await call(server, 'intake.listUnits', {})).find((u) => u.name === '网格员')!
    await page
      .getByRole('row', { name: /网格员/ })
      .getByRole('button', { name: '编辑' })
      .click()
    const edit = page.getByRole('dialog', { name: '编辑承办单位' })
    await edit.getByLabel('联系人').fill('张明')
    await call(server, 'intake.saveUnit', {
      id: grid.id,
      version: grid.version,
      name: '网格员',
      kind: 'grid_worker',
      contact: '李芳',
    })
    await edit.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => edit.getByText(/已被他人修改/).isVisible()).toBe(true)
    await expect.poll(() => edit.getByText(/现在保存的内容：.*联系人“李芳”/).isVisible()).toBe(true)
    await expect(edit.getByLabel('联系人').inputValue()).resolves.toBe('张明')
    await shots(page, 'settings-units-conflict')
    await edit.getByRole('button', { name: '改用最新内容' }).click()
    await expect(edit.getByLabel('联系人').inputValue()).resolves.toBe('李芳')
    await edit.getByLabel('联系电话').fill('13900001111')
    await edit.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => edit.isVisible()).toBe(false)
    const after = (await call(server, 'intake.listUnits', {})).find((u) => u.id === grid.id)!
    expect(after.contact).toBe('李芳')
    expect(after.phone).toBe('13900001111')

    await row.getByRole('button', { name: '停用' }).click()
    await page.getByRole('dialog', { name: '停用承办单位' }).getByRole('button', { name: '停用' }).click()
    await expect.poll(() => row.count()).toBe(0)
    const units = await call(server, 'intake.listUnits', { includeArchived: true })
    expect(units.find((u) => u.name === '桂东物业服务有限公司')?.archivedAt).not.toBeNull()
    expect((await call(server, 'intake.listUnits', {})).some((u) => u.name === '桂东物业服务有限公司')).toBe(false)

    await page.getByText(/显示已停用/).click()
    await expect.poll(() => row.isVisible()).toBe(true)
    await expect(row.innerText()).resolves.toContain('已停用')
    await shots(page, 'settings-units')
    await page.close()
  })

  it('enters the 2027 schedule by clicking days and the API returns it', async () => {
    const before = await call(server, 'intake.listSchedules', {})
    const page = await openTab('holidays', '节假日安排')
    for (const y of before.missingYears) {
      await expect.poll(() => page.getByText(`${y}年的放假安排尚未录入，工作日时限只按周末计算`).isVisible()).toBe(true)
    }
    await page.getByRole('button', { name: /^2027年/ }).click()
    await expect.poll(() => page.getByText('2027年放假安排').isVisible()).toBe(true)
    await page.getByRole('button', { name: '清空标记' }).click()

    const newYear = page.locator('[data-date="2027-01-01"]')
    const saturday = page.locator('[data-date="2027-02-20"]')
    await expect(saturday.getAttribute('data-state')).resolves.toBe('weekend')
    await newYear.click()
    await saturday.click()
    await expect(newYear.getAttribute('data-state')).resolves.toBe('holiday')
    await expect(saturday.getAttribute('data-state')).resolves.toBe('makeup')
    await expect.poll(() => page.getByText('1月1日', { exact: true }).isVisible()).toBe(true)
    await expect.poll(() => page.getByText('2月20日（周六）', { exact: true }).isVisible()).toBe(true)
    await shots(page, 'settings-holidays')

    await page.getByRole('button', { name: '保存2027年安排' }).click()
    await expect.poll(() => page.getByText(/已保存2027年放假安排/).isVisible()).toBe(true)
    const saved = await call(server, 'intake.listSchedules', {})
    expect(saved.entered).toContainEqual({ year: 2027, holidays: ['2027-01-01'], workdays: ['2027-02-20'] })
    expect(saved.missingYears).not.toContain(2027)
    await expect.poll(() => page.getByText('2027年的放假安排尚未录入，工作日时限只按周末计算').count()).toBe(0)

    // After a reload the entered year is listed and shown as saved.
    await page.reload()
    await page.getByRole('button', { name: /^2027年\s*已录入/ }).click()
    await expect.poll(() => page.locator('[data-date="2027-02-20"]').getAttribute('data-state')).toBe('makeup')
    await shots(page, 'settings-holidays-saved')

    // Deleting the entered year brings the warning back when no bundled data covers it.
    await page.getByRole('button', { name: /删除录入/ }).click()
    await page.getByRole('dialog', { name: '删除录入的安排' }).getByRole('button', { name: '删除' }).click()
    await expect
      .poll(async () => (await call(server, 'intake.listSchedules', {})).entered.some((s) => s.year === 2027))
      .toBe(false)
    if (before.missingYears.includes(2027)) {
      await expect.poll(() => page.getByText('2027年的放假安排尚未录入，工作日时限只按周末计算').isVisible()).toBe(true)
    }
    await page.close()
  })
})
