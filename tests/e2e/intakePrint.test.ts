/**
 * The intake printouts rendered to PDF by Chromium and read back with poppler:
 * the 来访登记回执 with both parts on one A4 sheet, the four letters with their
 * key facts (dates in 2026年3月1日 form, 复查 within 30 days), and the
 * 诉求办理单 with every timeline action, paginated as the preview announced.
 * Data goes in through the real HTTP API of `serve --demo`. Each PDF is also
 * turned into PNGs in tests/e2e/screenshots/ to be looked at.
 */
import path from 'node:path'
import fs from 'node:fs'
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import {
  launchChromium,
  screenshotDir,
  startServer,
  tempDataDir,
  type RunningServer,
  signedInPage,
  signInContext,
} from './harness'
import { call } from './api'
import { pdfFonts, pdfInfo, pdfText, renderPdf, squeeze, waitForPrintReady, wordRightEdges } from './pdf'
import type { ComplaintActInput, ComplaintDetail } from '../../shared/api/complaints'
import type { SaveVisitInput, Visit } from '../../shared/api/visits'
import { formA4, mmToPt, officialA4, type PageLayout } from '../../shared/print/geometry'
import { complaintEventLabels, type ComplaintEventKind } from '../../shared/complaints/workflow'

let browser: Browser
let server: RunningServer
let signed: BrowserContext
let categoryId: number
let unit: { id: number; name: string }
const office = { name: '红光社区党群服务中心', phone: '023-45678100' }

/** '2026-03-16' → '2026年3月16日', written out here so the test does not reuse the code it checks. */
function cn(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

function url(document: string, id: number): string {
  return `${server.url}#/print/${document}/${id}?layout=official`
}

function snapshotPages(file: string, name: string): void {
  fs.mkdirSync(screenshotDir, { recursive: true })
  execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(screenshotDir, name)])
}

function expectCjkFontEmbedded(file: string): void {
  const fonts = pdfFonts(file)
  expect(
    fonts.some(
      (f) => f.embedded && /CID TrueType/.test(f.type) && /UMing|UKai|MicroHei|SimSun|FangSong|Song|Hei/i.test(f.name),
    ),
    JSON.stringify(fonts),
  ).toBe(true)
}

/** No word may reach into the right margin: long text wraps inside the text block. */
function expectInsideMargins(file: string, layout: PageLayout): void {
  const limit = mmToPt(210 - layout.margins.right) + 2
  const words = wordRightEdges(file)
  expect(words.length).toBeGreaterThan(0)
  const outside = words.filter((w) => w.xMax > limit)
  expect(outside, JSON.stringify(outside.slice(0, 3))).toEqual([])
}

function expectAll(text: string, expected: string[]): void {
  for (const e of expected) expect(text, e).toContain(squeeze(e))
}

const person = (over: Partial<SaveVisitInput['person']> = {}): SaveVisitInput['person'] => ({
  name: '张秀英',
  phone: '13812345678',
  idNumber: '11010519491231002X',
  ...over,
})

async function createVisit(input: Partial<SaveVisitInput>): Promise<Visit> {
  return call(server, 'visits.create', {
    person: person(),
    channel: 'walk_in',
    subject: '反映小区垃圾清运不及时，楼下占道经营噪音扰民。',
    outcome: 'complaints',
    ...input,
  } as SaveVisitInput)
}

type ActBody<A> = A extends { action: infer K } ? Omit<A, 'id' | 'version'> & { action: K } : never

async function act(id: number, body: ActBody<ComplaintActInput>): Promise<ComplaintDetail> {
  const current = await call(server, 'complaints.get', { id })
  return call(server, 'complaints.act', { ...body, id, version: current.version } as ComplaintActInput)
}

beforeAll(async () => {
  browser = await launchChromium()
  server = await startServer(tempDataDir(), ['--demo'])
  signed = await browser.newContext()
  await signInContext(signed, server)
  const options = await call(server, 'intake.getOptions', {})
  await call(server, 'intake.saveOptions', { ...options, officeName: office.name, officePhone: office.phone })
  const categories = await call(server, 'intake.listCategories', {})
  categoryId = (categories.find((c) => c.name === '环境卫生') ?? categories[0]!).id
  const units = await call(server, 'intake.listUnits', {})
  unit = units.find((u) => u.kind === 'property_company') ?? units[0]!
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('来访登记回执', () => {
  it('puts the slip and the stub on one A4 sheet, with numbers, 查询码 and the accept-due dates', async () => {
    const visit = await createVisit({
      complaints: [
        {
          kind: 'complaint',
          categoryId,
          request: '请求物业每天按时清运垃圾，清理楼下占道摊点。',
          facts: '近两周垃圾每三天才清运一次，气味很大。',
        },
        { kind: 'suggestion', categoryId, request: '建议在小区东门增设分类垃圾桶。' },
      ],
    })
    expect(visit.complaints).toHaveLength(2)
    const pdf = await renderPdf(signed, url('visit-receipt', visit.id), 'receipt')
    const info = pdfInfo(pdf.file)
    expect(Math.round(info.widthPt)).toBe(595)
    expect(Math.round(info.heightPt)).toBe(842)
    expect(info.pages).toBe(1)
    expect(pdf.announcedPages).toBe(1)
    await expect(pdf.page.getByRole('button', { name: '打印' }).isVisible()).resolves.toBe(true)
    await expect(pdf.page.getByTestId('print-pages').innerText()).resolves.toBe('共 1 页')
    await pdf.page.setViewportSize({ width: 1100, height: 1200 })
    await pdf.page.screenshot({ path: path.join(screenshotDir, 'intake-receipt-tab.png') })

    const text = squeeze(pdfText(pdf.file))
    expectAll(text, [
      '来访登记回执',
      '沿此线剪开',
      '来访登记存根',
      office.name,
      visit.number,
      visit.lookupCode,
      '张秀英',
      '138****5678',
      office.phone,
      `接待人${visit.receivedBy}`,
      '来访人签字',
    ])
    for (const c of visit.complaints) {
      expect(text).toContain(c.number)
      expect(text).toContain(squeeze(`我单位将于${cn(c.acceptDue)}前告知您是否受理`))
    }
    // Numbers and the 查询码 appear on both parts: the slip above the cut line, the stub below it.
    const [slip, stub] = text.split('沿此线剪开') as [string, string]
    for (const part of [slip, stub]) {
      expectAll(part, [visit.number, visit.lookupCode, ...visit.complaints.map((c) => c.number)])
    }
    // Personal data leaves core masked and prints masked.
    expect(text).not.toContain('13812345678')
    expect(text).not.toContain('11010519491231002X')
    expect(text).toContain('110105********002X')
    // The slip is on top, the stub below the cut line.
    expect(slip).toContain('来访登记回执')
    expect(stub).toContain('来访登记存根')
    expectCjkFontEmbedded(pdf.file)
    expectInsideMargins(pdf.file, formA4)
    snapshotPages(pdf.file, 'intake-receipt')
    await pdf.page.close()
  })

  it('prints the answer of a visit closed on the spot', async () => {
    const visit = await createVisit({
      person: person({ name: '李建国', phone: '13900001111', idNumber: null }),
      channel: 'phone',
      subject: '咨询高龄津贴的申领条件。',
      outcome: 'on_spot',
      answer: '年满80周岁的本市户籍老人可凭身份证、户口簿到社区服务台申领，每月发放。',
    })
    const pdf = await renderPdf(signed, url('visit-receipt', visit.id), 'receipt-on-spot')
    expect(pdfInfo(pdf.file).pages).toBe(1)
    expect(pdf.announcedPages).toBe(1)
    const text = squeeze(pdfText(pdf.file))
    expectAll(text, [
      visit.number,
      visit.lookupCode,
      '来电',
      '当场办结',
      '年满80周岁的本市户籍老人可凭身份证、户口簿到社区服务台申领，每月发放。',
    ])
    expect(text).not.toContain('告知您是否受理')
    snapshotPages(pdf.file, 'intake-receipt-on-spot')
    await pdf.page.close()
  })

  it('keeps a group visit with three 诉求 and very long text on one sheet, wrapped inside the margins', async () => {
    const long = '<b>加装电梯</b>意见分歧较大，' + '一楼住户担心采光和噪音，高层住户希望尽快加装。'.repeat(60)
    const visit = await createVisit({
      person: person({ name: '王德明', phone: '13700002222', idNumber: null }),
      visitorCount: 5,
      involvedCount: 40,
      representatives: [{ name: '王德明' }, { name: '赵桂兰' }, { name: '陈志强' }],
      subject: long,
      complaints: [
        { kind: 'complaint', categoryId, request: 'A'.repeat(1500) },
        { kind: 'help', categoryId, request: long.slice(0, 1900) },
        { kind: 'suggestion', categoryId, request: '建议召开协商议事会。' },
      ],
    })
    const pdf = await renderPdf(signed, url('visit-receipt', visit.id), 'receipt-group')
    expect(pdfInfo(pdf.file).pages).toBe(1)
    expect(pdf.announcedPages).toBe(1)
    const text = squeeze(pdfText(pdf.file))
    // The 事由 is summarised on the slip; markup in it prints as text.
    expectAll(text, [
      '<b>加装电梯</b>意见分歧较大',
      '来访5人，涉及40人；代表：王德明、赵桂兰、陈志强',
      visit.lookupCode,
    ])
    for (const c of visit.complaints) expect(text).toContain(squeeze(`我单位将于${cn(c.acceptDue)}前告知您是否受理`))
    expect(await pdf.page.locator('article b').count()).toBe(0)
    expectInsideMargins(pdf.file, formA4)
    snapshotPages(pdf.file, 'intake-receipt-group')
    await pdf.page.close()
  })
})

describe('诉求 letters and the 诉求办理单', () => {
  let handled: ComplaintDetail
  let rejected: ComplaintDetail
  let visit: Visit

  beforeAll(async () => {
    visit = await createVisit({
      person: person({ name: '陈淑芬', phone: '13512340000', idNumber: null }),
      complaints: [
        {
          kind: 'complaint',
          categoryId,
          request: '请求物业每天按时清运垃圾。',
          facts: '近两周垃圾每三天才清运一次，楼道气味很大。',
          reasons: '物业服务合同约定生活垃圾日产日清。',
        },
      ],
    })
    const id = visit.complaints[0]!.id
    await act(id, { action: 'accept', note: '属于本社区受理范围' })
    await act(id, { action: 'assign', unitId: unit.id, assignee: '刘经理', note: '请三日内反馈' })
    await act(id, { action: 'start', note: null })
    await act(id, { action: 'extend', days: 20, approver: '王主任', reason: '需协调环卫所调整清运线路。' })
    await act(id, {
      action: 'resolve',
      result: '已与物业公司约谈，自下周一起每日清运一次，社区网格员每周抽查。',
      answer: 'explain',
    })
    handled = await act(id, {
      action: 'follow_up',
      date: new Date().toISOString().slice(0, 10),
      caller: '孙丽',
      satisfaction: 'satisfied',
      comment: '已按时清运，表示满意。',
    })

    const second = await createVisit({
      person: person({ name: '周海', phone: '13600003333', idNumber: null }),
      complaints: [{ kind: 'complaint', categoryId, request: '要求撤销法院对房屋纠纷的判决。' }],
    })
    rejected = await act(second.complaints[0]!.id, {
      action: 'reject',
      reason: '该事项已经人民法院判决，属于应当通过诉讼程序解决的事项',
    })
  })

  it('受理告知书: the person, number, dates, the unit and the handling due date', async () => {
    const accept = handled.timeline.find((e) => e.action === 'accept')!
    const dueOnAccept = accept.detail.handleDue as string
    const pdf = await renderPdf(signed, url('complaint-accept', handled.id), 'accept')
    const info = pdfInfo(pdf.file)
    expect(info.pages).toBe(pdf.announcedPages)
    expect(info.pages).toBe(1)
    const text = squeeze(pdfText(pdf.file))
    expectAll(text, [
      '受理告知书',
      `编号：${handled.number}`,
      '陈淑芬：',
      `你于${cn(handled.receivedDate)}反映的`,
      `已于${cn(handled.acceptedAt!)}依法受理`,
      `交由${unit.name}办理`,
      `我单位将于${cn(dueOnAccept)}前办结并答复`,
      '特此告知。',
      office.name,
      office.phone,
    ])
    expectCjkFontEmbedded(pdf.file)
    expectInsideMargins(pdf.file, officialA4)
    snapshotPages(pdf.file, 'intake-accept')
    await pdf.page.close()
  })

  it('不予受理告知书: the reason and the other channels', async () => {
    const pdf = await renderPdf(signed, url('complaint-reject', rejected.id), 'reject')
    expect(pdfInfo(pdf.file).pages).toBe(pdf.announcedPages)
    const text = squeeze(pdfText(pdf.file))
    expectAll(text, [
      '不予受理告知书',
      `编号：${rejected.number}`,
      '周海：',
      '决定不予受理',
      '该事项已经人民法院判决，属于应当通过诉讼程序解决的事项。',
      '诉讼、仲裁、行政复议等法定途径',
      office.name,
    ])
    snapshotPages(pdf.file, 'intake-reject')
    await pdf.page.close()
  })

  it('办理答复意见书: request, facts, result, answer and the 30 days to ask for 复查', async () => {
    const pdf = await renderPdf(signed, url('complaint-reply', handled.id), 'reply')
    expect(pdfInfo(pdf.file).pages).toBe(pdf.announcedPages)
    const text = squeeze(pdfText(pdf.file))
    expectAll(text, [
      '办理答复意见书',
      `编号：${handled.number}`,
      '请求物业每天按时清运垃圾。',
      '近两周垃圾每三天才清运一次，楼道气味很大。',
      '物业服务合同约定生活垃圾日产日清。',
      '已与物业公司约谈，自下周一起每日清运一次，社区网格员每周抽查。',
      '答复意见：解释。',
      '如对本答复意见不服，可以自收到本意见书之日起30日内',
      '请求复查',
      cn(handled.resolvedAt!),
    ])
    snapshotPages(pdf.file, 'intake-reply')
    await pdf.page.close()
  })

  it('延期告知书: the original due date, the days, the new due date, reason and approver', async () => {
    const extend = handled.timeline.find((e) => e.action === 'extend')!
    const pdf = await renderPdf(signed, url('complaint-extension', handled.id), 'extension')
    expect(pdfInfo(pdf.file).pages).toBe(pdf.announcedPages)
    const text = squeeze(pdfText(pdf.file))
    expectAll(text, [
      '延期告知书',
      `编号：${handled.number}`,
      `原定于${cn(extend.detail.from as string)}前办结`,
      '需协调环卫所调整清运线路。',
      '经王主任批准',
      '办理期限延长20日',
      `将于${cn(handled.handleDue!)}前办结并答复`,
      '第三十二条',
    ])
    snapshotPages(pdf.file, 'intake-extension')
    await pdf.page.close()
  })

  it('诉求办理单: every timeline action and the follow-up', async () => {
    const pdf = await renderPdf(signed, url('complaint-record', handled.id), 'record')
    expect(pdfInfo(pdf.file).pages).toBe(pdf.announcedPages)
    const text = squeeze(pdfText(pdf.file))
    const labels = handled.timeline.map((e) => complaintEventLabels[e.action as ComplaintEventKind])
    expect(labels).toEqual(['登记', '受理', '交办', '开始办理', '延期', '办结', '回访'])
    expectAll(text, [
      '诉求办理单',
      `编号：${handled.number}`,
      visit.number,
      '请求物业每天按时清运垃圾。',
      ...labels,
      '登记→已受理',
      '已受理→已交办',
      `承办单位：${unit.name}`,
      '承办人：刘经理',
      '延期20日',
      '批准人：王主任',
      '孙丽',
      '已按时清运，表示满意。',
      '负责人审核',
    ])
    for (const e of handled.timeline) expect(text).toContain(e.staffName)
    expectCjkFontEmbedded(pdf.file)
    expectInsideMargins(pdf.file, formA4)
    snapshotPages(pdf.file, 'intake-record')
    await pdf.page.close()
  })

  it('a long 诉求办理单 runs to several pages, exactly as many as the preview announced', async () => {
    const created = await createVisit({
      person: person({ name: '吴涛', phone: '13311112222', idNumber: null }),
      complaints: [
        {
          kind: 'complaint',
          categoryId,
          request: '请求解决楼顶漏水问题。'.repeat(40),
          facts: '每逢下雨顶楼住户家中天花板渗水，墙面发霉，已多次向物业报修未果。'.repeat(40),
        },
      ],
    })
    const id = created.complaints[0]!.id
    await act(id, { action: 'accept', note: '受理。'.repeat(100) })
    await act(id, { action: 'assign', unitId: unit.id, assignee: '刘经理', note: '请尽快查勘。'.repeat(60) })
    await act(id, { action: 'return', reason: '不属于物业维修范围，需由住建部门处理。'.repeat(30) })
    await act(id, { action: 'assign', unitId: unit.id, assignee: null, note: null })
    const last = await act(id, { action: 'resolve', result: '已完成防水层修复。'.repeat(120), answer: 'support' })
    const pdf = await renderPdf(signed, url('complaint-record', last.id), 'record-long')
    const info = pdfInfo(pdf.file)
    expect(info.pages).toBeGreaterThanOrEqual(3)
    expect(info.pages).toBe(pdf.announcedPages)
    const text = squeeze(pdfText(pdf.file))
    // The result is printed whole, twice (particulars and timeline). Counted by a character only it
    // contains, since columns side by side interleave in extracted text and a phrase may be cut across lines.
    expect(text.match(/防/g)?.length).toBe(240)
    expectAll(text, ['退单', '办结', '不属于物业维修范围，需由住建部门处理。'])
    expect(squeeze(pdfText(pdf.file, info.pages, info.pages))).toContain('负责人审核')
    expectInsideMargins(pdf.file, formA4)
    snapshotPages(pdf.file, 'intake-record-long')
    await pdf.page.close()
  })

  it('refuses a letter that does not fit the 诉求, with a reason', async () => {
    const page = await signedInPage(browser, server)
    await page.goto(url('complaint-reply', rejected.id))
    await expect(waitForPrintReady(page)).rejects.toThrow('该诉求尚未办结，不能打印办理答复意见书')
    await expect(page.getByRole('alert').innerText()).resolves.toBe('该诉求尚未办结，不能打印办理答复意见书')
    await page.goto(url('complaint-unknown', rejected.id))
    await page.reload()
    await expect(waitForPrintReady(page)).rejects.toThrow('打印地址不正确')
    await page.close()
  })
})
