/**
 * 调解案件 where they meet the rest of the desk, in real Chromium on
 * `serve --demo`: the 调解设置 tab (a number example, a refused short name),
 * 转人民调解 from a 诉求 with its 纠纷类型 and the link both ways, a walk-in
 * saved at 来访登记 going on to a prefilled registration, the 工作台's 调解
 * block for a mediator (and not for the front desk), and the list's filters.
 */
import path from 'node:path'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  launchChromium,
  pageOwningContext,
  screenshotDir,
  signInContext,
  startServer,
  tempDataDir,
  type RunningServer,
} from './harness'
import { call, demoAdmin, signIn } from './api'

const tiaojie = { login: 'tiaojie', password: 'Guixi@2026-tj' }
const qiantai = { login: 'qiantai', password: 'Guixi@2026-qt' }

let browser: Browser
let server: RunningServer

function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 15_000 })
}

async function shot(p: Page, name: string): Promise<void> {
  await p.waitForTimeout(400)
  await p.screenshot({ path: path.join(screenshotDir, `mediation-${name}.png`) })
}

async function pageAs(account: { login: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  await signInContext(context, server, account)
  return pageOwningContext(context)
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
  server = await startServer(tempDataDir('cd-e2e-mediation-links-'), ['--demo'])
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('调解案件 and the rest of the desk', () => {
  it('sets the committee’s short name with a live case-number example', async () => {
    const page = await pageAs(demoAdmin)
    await page.goto(`${server.url}#/settings?tab=mediation`)
    const short = page.getByLabel('调委会简称', { exact: true })
    await poll(() => short.inputValue()).not.toBe('')
    await short.fill('迎')
    const year = new Date().getFullYear()
    await poll(() => page.getByTestId('case-number-example').innerText()).toBe(`（${year}）迎人调字第1号`)
    await short.fill('Y1')
    await page.getByRole('button', { name: '保存调解设置' }).click()
    const item = page.locator('.el-form-item', { has: short })
    await poll(() => item.locator('.el-form-item__error').innerText()).toContain('调委会简称只能是汉字')
    expect((await call(server, 'mediation.getOptions', {})).shortName).not.toBe('Y1')
    await short.fill('迎')
    await page.getByLabel('默认调解地点', { exact: true }).fill('迎春社区人民调解室')
    await page.getByRole('button', { name: '保存调解设置' }).click()
    await poll(async () => (await call(server, 'mediation.getOptions', {})).shortName).toBe('迎')
    expect((await call(server, 'mediation.getOptions', {})).defaultPlace).toBe('迎春社区人民调解室')
    await shot(page, 'settings')
    await page.close()

    // Not offered to a mediator: only administrators may change it.
    const mediator = await pageAs(tiaojie)
    await mediator.goto(`${server.url}#/settings?tab=mediation`)
    await poll(() => mediator.getByRole('tab', { name: '运行信息' }).isVisible()).toBe(true)
    expect(await mediator.getByRole('tab', { name: '调解设置' }).count()).toBe(0)
    await mediator.close()
  })

  it('escalates a 诉求 with a 纠纷类型 and links the case both ways', async () => {
    const categories = await call(server, 'intake.listCategories', {})
    const visit = await call(server, 'visits.create', {
      person: { name: '赵志刚', phone: '13700001111' },
      subject: '物业公司拒绝维修电梯',
      outcome: 'complaints',
      complaints: [
        {
          kind: 'complaint',
          categoryId: categories.find((x) => x.name === '设施维修')!.id,
          request: '请物业维修电梯',
          facts: '电梯停运一周',
        },
      ],
    })
    const complaint = visit.complaints[0]!
    const c = await call(server, 'complaints.get', { id: complaint.id })
    await call(server, 'complaints.act', { action: 'accept', id: c.id, version: c.version })

    const page = await pageAs(tiaojie)
    await page.goto(`${server.url}#/complaints/${complaint.id}`)
    await page.getByTestId('actions').getByRole('button', { name: '转人民调解', exact: true }).click()
    const d = page.getByRole('dialog', { name: '转人民调解', exact: true })
    await poll(() => d.isVisible()).toBe(true)
    const type = d.getByRole('combobox', { name: '纠纷类型' })
    await poll(() =>
      d.locator('.el-form-item', { has: page.getByRole('combobox', { name: '纠纷类型' }) }).innerText(),
    ).toContain('其他')
    await type.click({ force: true })
    await page.getByRole('option', { name: '物业', exact: true }).click()
    await d.getByText('转入人民调解程序').click() // close the dropdown
    await shot(page, 'escalate-dialog')
    await d.getByRole('button', { name: '确定转人民调解' }).click()
    await poll(() => d.isVisible()).toBe(false)
    const link = page.getByTestId('mediation-cases').getByRole('link')
    await poll(() => link.innerText()).toContain('待受理')
    await shot(page, 'complaint-side')

    await link.click()
    await poll(() => page.url()).toMatch(/#\/mediation\/\d+/)
    await poll(() => page.getByTestId('case-number').innerText()).toBe('待受理')
    const facts = await page.locator('.el-descriptions').first().innerText()
    expect(facts).toContain('物业')
    expect(facts).toContain('诉求转入')
    await poll(() => page.getByRole('link', { name: `来源诉求 ${complaint.number}` }).isVisible()).toBe(true)
    await shot(page, 'escalated-case')
    const caseUrl = page.url()

    // Registering by hand from the same 诉求 starts from its person and text.
    await page.goto(`${server.url}#/mediation/new?complaint=${complaint.id}`)
    await poll(() => page.getByLabel('当事人1姓名', { exact: true }).inputValue()).toBe('赵志刚')
    await expect(page.getByLabel('纠纷简要情况', { exact: true }).inputValue()).resolves.toBe('电梯停运一周')
    await expect(page.getByLabel('申请事项1', { exact: true }).inputValue()).resolves.toBe('请物业维修电梯')
    await expect(page.getByText(`由诉求 ${complaint.number} 转入`).isVisible()).resolves.toBe(true)
    await expect(
      page.locator('.el-form-item', { has: page.getByRole('combobox', { name: '案件来源' }) }).innerText(),
    ).resolves.toContain('诉求转入')
    await page.close()

    // Another 调解员, not on this case, reads the registration but no notes and changes nothing.
    const other = { login: 'tiaojie2', password: 'Mediate#2026-zq' }
    await call(server, 'accounts.save', {
      name: '调解员小周',
      login: other.login,
      role: 'mediator',
      password: other.password,
    })
    const colleague = await pageAs(other)
    await colleague.goto(caseUrl)
    await poll(() => colleague.getByTestId('confidential').innerText()).toContain(
      '调解笔录、协议和回访记录仅本案调解员和管理员可以查看',
    )
    await expect(colleague.getByTestId('parties').innerText()).resolves.toContain('赵志刚')
    expect(await colleague.getByRole('tab').count()).toBe(0)
    expect(await colleague.getByTestId('edit-registration').count()).toBe(0)
    await shot(colleague, 'case-other-mediator')
    await colleague.close()
  })

  it('goes from a saved walk-in to a registration filled with the visitor', async () => {
    const page = await pageAs(tiaojie)
    await page.goto(`${server.url}#/visits/new`)
    await page.getByLabel('联系电话', { exact: true }).fill('13655556666')
    await page.getByLabel('姓名', { exact: true }).fill('孙丽华')
    await page.getByLabel('事由', { exact: true }).fill('与邻居因楼道堆放杂物发生争吵，请求调解')
    await page.getByRole('radiogroup', { name: '处理方式' }).getByText('当场办结').click()
    await page.getByLabel('答复内容', { exact: true }).fill('已告知可申请人民调解')
    await page.getByLabel('备注', { exact: true }).click()
    await page.keyboard.press('Enter')
    const visitNumber = await (async () => {
      await poll(() => page.getByTestId('visit-number').isVisible()).toBe(true)
      return page.getByTestId('visit-number').innerText()
    })()
    await page.getByRole('button', { name: '登记调解案件' }).click()
    await poll(() => page.url()).toMatch(/#\/mediation\/new\?visit=\d+/)
    await poll(() => page.getByLabel('当事人1姓名', { exact: true }).inputValue()).toBe('孙丽华')
    await expect(page.getByLabel('纠纷简要情况', { exact: true }).inputValue()).resolves.toBe(
      '与邻居因楼道堆放杂物发生争吵，请求调解',
    )
    await expect(page.getByText(`来访登记 ${visitNumber}`).isVisible()).resolves.toBe(true)
    // The visitor came from the registry: 已登记人员, phone kept as stored.
    await expect(page.getByTestId('party').first().innerText()).resolves.toContain('已登记人员')
    await shot(page, 'register-from-visit')

    // The other side, represented by an agent: the link survives moving parties around.
    await page.getByLabel('当事人2姓名', { exact: true }).fill('周大海')
    await page.getByRole('button', { name: /添加当事人/ }).click()
    await page.getByRole('combobox', { name: '当事人3身份' }).click({ force: true })
    await page.getByRole('option', { name: '代理人', exact: true }).click()
    await page.getByLabel('当事人3姓名', { exact: true }).fill('周小川')
    await page.getByRole('combobox', { name: '当事人3被代理人' }).click({ force: true })
    await page.getByRole('option', { name: /^当事人2 周大海/ }).click()
    await page.getByLabel('当事人3授权委托情况', { exact: true }).fill('一般授权，2026年11月授权委托书')
    await page.getByRole('button', { name: '当事人1下移' }).click() // 周大海 is now 当事人1
    await page.getByRole('combobox', { name: '纠纷类型' }).click({ force: true })
    await page.getByRole('option', { name: '邻里', exact: true }).click()
    await page.getByLabel('申请事项1', { exact: true }).fill('请求对方清理楼道杂物')
    await shot(page, 'register-agent')
    await page.getByRole('button', { name: '保存登记' }).first().click()
    await poll(() => page.url()).toMatch(/#\/mediation\/\d+$/)
    const parties = page.getByTestId('parties')
    await poll(() => parties.innerText()).toContain('周小川')
    const agentRow = parties.locator('.el-table__body tr', { hasText: '周小川' })
    await expect(agentRow.innerText()).resolves.toMatch(/代理人[\s\S]*代理 当事人1 周大海[\s\S]*一般授权/)
    await expect(page.getByText(`来访登记 ${visitNumber}`).isVisible()).resolves.toBe(true)
    await shot(page, 'case-with-agent')
    await page.close()

    const desk = await pageAs(qiantai)
    await desk.goto(`${server.url}#/visits/new`)
    await desk.getByLabel('姓名', { exact: true }).fill('钱多多')
    await desk.getByLabel('事由', { exact: true }).fill('咨询办事时间')
    await desk.getByRole('radiogroup', { name: '处理方式' }).getByText('当场办结').click()
    await desk.getByLabel('答复内容', { exact: true }).fill('工作日9点至17点')
    await desk.getByLabel('备注', { exact: true }).click()
    await desk.keyboard.press('Enter')
    await poll(() => desk.getByTestId('visit-number').isVisible()).toBe(true)
    expect(await desk.getByRole('button', { name: '登记调解案件' }).count()).toBe(0)
    await desk.close()
  })

  it('shows a mediator the 调解 block on the 工作台, and filters the list', async () => {
    const page = await pageAs(tiaojie)
    await page.goto(`${server.url}#/`)
    const block = page.getByTestId('mediation-dashboard')
    await poll(() => block.isVisible()).toBe(true)
    const work = await (async () => {
      const cookie = await signIn(server, tiaojie)
      const res = await fetch(`${server.url}api/mediation.dashboard`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: '{}',
      })
      return (await res.json()) as { dueSoon: { number: string | null }[] }
    })()
    const due = await page.getByTestId('mediation-due').innerText()
    for (const c of work.dueSoon) expect(due).toContain(c.number ?? '待受理')
    if (work.dueSoon.length === 0) expect(due).toContain('没有7日内到期或超期的调解案件')
    await shot(page, 'dashboard')

    await page.goto(`${server.url}#/mediation`)
    const rows = page.getByTestId('mediation-list').locator('.el-table__body tr')
    await poll(() => rows.count()).toBeGreaterThan(1)
    await page.getByRole('combobox', { name: '按纠纷类型筛选' }).click({ force: true })
    await page.getByRole('option', { name: '物业', exact: true }).click()
    await poll(() => page.url()).toContain('type=property_management')
    await poll(async () => (await rows.allInnerTexts()).every((t) => t.includes('物业'))).toBe(true)
    await poll(() => rows.count()).toBeGreaterThan(0)
    await shot(page, 'list')
    await page.close()

    const desk = await pageAs(qiantai)
    await desk.goto(`${server.url}#/`)
    await poll(() => desk.getByText('工作台').first().isVisible()).toBe(true)
    await desk.waitForTimeout(1000)
    expect(await desk.getByTestId('mediation-dashboard').count()).toBe(0)
    await desk.close()
  })
})
