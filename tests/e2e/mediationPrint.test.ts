/**
 * The mediation printouts rendered to PDF by Chromium and read back with
 * poppler: every element each one must carry (人民调解申请书, 受理登记表,
 * 权利义务告知书, 调解笔录 per session and all of them, 调解协议书, 口头协议
 * 登记表, 回访记录, 卷宗封面, 卷内目录), as many pages as the preview
 * announced, CJK fonts embedded, nothing past the right margin, markup
 * printed as text. Cases go in through the real HTTP API of `serve --demo`
 * as the demo administrator; a 前台接待 gets a reason instead of the notes.
 * Each PDF is also turned into PNGs in tests/e2e/screenshots/ to be looked at.
 */
import path from 'node:path'
import fs from 'node:fs'
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { launchChromium, screenshotDir, signInContext, startServer, tempDataDir, type RunningServer } from './harness'
import { call } from './api'
import { pdfFonts, pdfInfo, pdfText, renderPdf, squeeze, waitForPrintReady, wordRightEdges } from './pdf'
import type { MediationActInput, MediationCaseDetail, PartyInput } from '../../shared/api/mediation'
import { formA4, mmToPt, officialA4, type PageLayout } from '../../shared/print/geometry'

let browser: Browser
let server: RunningServer
let admin: BrowserContext
let written: MediationCaseDetail
let oral: MediationCaseDetail
const committee = '红光社区人民调解委员会'

/** Days from today as YYYY-MM-DD (local), so every recorded date is in the past as core demands. */
function day(offset: number): string {
  const d = new Date()
  d.setDate(d.getDate() + offset)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Whole years of age on a day. */
function ageAt(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4))
  return on.slice(5) < birth.slice(5) ? years - 1 : years
}

/** '2026-03-16' → '2026年3月16日', written out here so the test does not reuse the code it checks. */
function cn(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

function url(document: string, id: number, part?: number): string {
  return `${server.url}#/print/${document}/${id}?layout=official${part ? `&part=${part}` : ''}`
}

function snapshotPages(file: string, name: string): void {
  fs.mkdirSync(screenshotDir, { recursive: true })
  execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(screenshotDir, `mediation-print-${name}`)])
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

/** Renders a printout, checks pages, fonts and margins, snapshots it and returns its squeezed text. */
async function printed(
  document: string,
  id: number,
  name: string,
  layout: PageLayout,
  part?: number,
): Promise<{ text: string; pages: number; file: string }> {
  const pdf = await renderPdf(admin, url(document, id, part), name)
  const info = pdfInfo(pdf.file)
  expect(Math.round(info.widthPt)).toBe(595)
  expect(Math.round(info.heightPt)).toBe(842)
  expect(info.pages, `${name}: PDF pages = preview pages`).toBe(pdf.announcedPages)
  expectCjkFontEmbedded(pdf.file)
  expectInsideMargins(pdf.file, layout)
  // Markup typed into the case prints as text, never as elements.
  expect(await pdf.page.locator('article script, article b').count()).toBe(0)
  snapshotPages(pdf.file, name)
  await pdf.page.close()
  return { text: squeeze(pdfText(pdf.file)), pages: info.pages, file: pdf.file }
}

type ActBody<A> = A extends { action: infer K } ? Omit<A, 'id' | 'version'> & { action: K } : never

async function act(c: MediationCaseDetail, body: ActBody<MediationActInput>): Promise<MediationCaseDetail> {
  return call(server, 'mediation.act', { ...body, id: c.id, version: c.version } as MediationActInput)
}

const zhang: PartyInput = {
  person: {
    name: '张建华',
    sex: 'male',
    birthDate: '1975-08-20',
    ethnicity: '汉族',
    phone: '13812345678',
    address: '红光小区3栋2单元501室',
  },
  occupation: '退休工人',
  role: 'applicant',
  identityNote: '居民身份证',
}
const li: PartyInput = {
  person: {
    name: '李秀梅',
    sex: 'female',
    age: 48,
    ethnicity: '回族',
    phone: '13987654321',
    address: '红光小区3栋2单元601室',
  },
  occupation: '个体经营',
  role: 'respondent',
  identityNote: '居民身份证',
}
const agent: PartyInput = {
  person: { name: '王律师', sex: 'male', phone: '13700001111', address: '迎春路18号律师事务所' },
  role: 'agent',
  agentFor: 1,
  authorization: '特别授权：代为调解、签订调解协议',
  identityNote: '律师执业证',
}

const markup = '<script>alert(1)</script><b>加粗</b>'
const longFacts =
  `${markup}李秀梅家卫生间防水层老化，自去年冬天起持续向楼下张建华家渗水，张建华家卫生间及客厅天花板发霉、墙皮脱落。` +
  '双方多次协商未果，张建华向本委员会申请调解。'.repeat(3) +
  'W'.repeat(120)
const longRecord = Array.from(
  { length: 45 },
  (_, i) =>
    `${i + 1}. 调解员：请双方陈述意见。张建华：漏水已经持续半年，楼下无法正常使用卫生间，要求对方修复并赔偿。李秀梅：愿意维修，但认为赔偿数额过高。`,
).join('\n')

beforeAll(async () => {
  browser = await launchChromium()
  server = await startServer(tempDataDir(), ['--demo'])
  admin = await browser.newContext()
  await signInContext(admin, server)
  const options = await call(server, 'mediation.getOptions', {})
  await call(server, 'mediation.saveOptions', { ...options, committeeName: committee, shortName: '红' })
  const mediators = await call(server, 'mediation.listMediators', {})
  const presiding = mediators.find((m) => m.name !== '') ?? mediators[0]!
  const assisting = mediators.find((m) => m.staffId !== presiding.staffId)
  const team = [
    { staffId: presiding.staffId, role: 'presiding' as const },
    ...(assisting ? [{ staffId: assisting.staffId, role: 'assisting' as const }] : []),
  ]

  // A written agreement, followed up and filed.
  let c = await call(server, 'mediation.register', {
    source: 'application',
    disputeType: 'neighbour',
    registeredOn: day(-30),
    parties: [zhang, li, agent],
    mediators: team,
    facts: longFacts,
    requests: ['请求被申请人修复卫生间防水层。', '请求被申请人赔偿房屋修缮费用3000元。'],
  })
  c = await act(c, { action: 'accept', acceptedOn: day(-29), note: null })
  c = await act(c, { action: 'notify_rights', date: day(-28), way: 'written' })
  const attendees = [
    { partyId: c.parties[0]!.id, name: '张建华', capacity: '申请人', signed: true },
    { partyId: c.parties[1]!.id, name: '李秀梅', capacity: '被申请人', signed: true },
    { partyId: null, name: '赵大妈', capacity: '邻居', signed: false },
  ]
  const session = {
    caseId: c.id,
    place: '红光社区调解室',
    presidingStaffId: presiding.staffId,
    recorder: '孙记录',
    attendees,
  }
  c = await call(server, 'mediation.saveSession', {
    ...session,
    heldAt: `${day(-27)}T09:30:00`,
    open: true,
    record: '第一次调解：双方陈述各自意见，同意三日后现场查看漏水情况。',
    nextSteps: '三日后到601室现场查看。',
  })
  c = await call(server, 'mediation.saveSession', {
    ...session,
    heldAt: `${day(-24)}T14:00:00`,
    open: false,
    closedReason: '涉及当事人家庭隐私',
    record: longRecord,
    nextSteps: null,
  })
  c = await act(c, {
    action: 'conclude_written',
    agreedOn: day(-22),
    effectiveOn: day(-22),
    place: '红光社区调解室',
    disputePoints: '争议焦点为维修责任与赔偿数额。经查，漏水系601室防水层老化所致，李秀梅负主要责任。',
    terms: [
      {
        content: '李秀梅负责修复601室卫生间防水层。',
        way: '自行聘请施工队维修',
        place: '红光小区3栋601室',
        deadline: day(-12),
      },
      { content: '李秀梅赔偿张建华房屋修缮费用2000元。', way: '一次性现金支付', place: null, deadline: day(-10) },
    ],
  })
  const due = c.followUps.find((f) => f.calledOn === null)!
  c = await call(server, 'mediation.recordFollowUp', {
    caseId: c.id,
    id: due.id,
    calledOn: day(-5),
    caller: '孙记录',
    performance: 'partly',
    satisfaction: 'basically_satisfied',
    lawsuit: false,
    risk: '赔偿款尚余500元未付。',
    measures: '电话督促李秀梅在月底前付清。',
  })
  c = await act(c, { action: 'close', filer: '孙记录', filedOn: day(-1), retention: 'years_10', pages: {} })
  written = c

  // An oral agreement, not filed: its 卷宗 prints as a preview.
  let o = await call(server, 'mediation.register', {
    source: 'own_initiative',
    disputeType: 'property_management',
    registeredOn: day(-12),
    parties: [
      { ...zhang, person: { ...zhang.person, name: '陈国强', phone: '13611112222' } },
      { ...li, person: { ...li.person, name: '周丽', phone: '13622223333' } },
    ],
    mediators: team,
    facts: '楼道堆放杂物引发争执。',
    requests: ['请求清理楼道杂物。'],
  })
  o = await act(o, { action: 'accept', acceptedOn: day(-11), note: null })
  o = await act(o, { action: 'notify_rights', date: day(-11), way: 'oral' })
  o = await call(server, 'mediation.saveSession', {
    ...session,
    caseId: o.id,
    attendees: [
      { partyId: o.parties[0]!.id, name: '陈国强', capacity: '申请人', signed: true },
      { partyId: o.parties[1]!.id, name: '周丽', capacity: '被申请人', signed: true },
    ],
    heldAt: `${day(-10)}T10:00:00`,
    open: true,
    record: '双方当场协商。',
    nextSteps: null,
  })
  oral = await act(o, {
    action: 'conclude_oral',
    agreedOn: day(-10),
    content: '周丽于三日内清理楼道杂物，今后不再堆放。',
    performBy: day(-7),
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('registration papers', () => {
  it('人民调解申请书: each party’s particulars, facts, numbered requests, to the committee, signature and date', async () => {
    const { text } = await printed('mediation-application', written.id, 'application', officialA4)
    expectAll(text, [
      '人民调解申请书',
      '申请人：',
      '被申请人：',
      '代理人（李秀梅的委托代理人）：',
      '姓名：张建华',
      '性别：男',
      '民族：汉族',
      `年龄：${ageAt('1975-08-20', written.registeredOn)}岁`,
      '职业：退休工人',
      '住址：红光小区3栋2单元501室',
      '联系方式：138****5678',
      '姓名：李秀梅',
      '性别：女',
      '民族：回族',
      '年龄：48岁',
      '职业：个体经营',
      '授权委托：特别授权：代为调解、签订调解协议',
      '纠纷简要情况',
      longFacts,
      '申请事项',
      '1. 请求被申请人修复卫生间防水层。',
      '2. 请求被申请人赔偿房屋修缮费用3000元。',
      '此致',
      committee,
      '申请人张建华（签名）：',
      cn(written.registeredOn),
    ])
    // Not the 协议书: phones stay masked.
    expect(text).not.toContain('13812345678')
  })

  it('人民调解受理登记表: number, source, type, dates, parties with roles, facts, requests, mediators, opinion, registrar', async () => {
    const { text } = await printed('mediation-registration', written.id, 'registration', formA4)
    expectAll(text, [
      '人民调解受理登记表',
      committee,
      '编号',
      written.number!,
      '来源当事人申请',
      '纠纷类型邻里',
      `登记日期${cn(written.registeredOn)}`,
      `受理日期${cn(written.acceptedOn!)}`,
      '身份姓名性别民族年龄职业住址联系方式',
      '申请人张建华男汉族',
      '被申请人李秀梅女回族48岁个体经营',
      '纠纷简要情况',
      '申请事项',
      '1. 请求被申请人修复卫生间防水层。',
      '调解员',
      `${written.presidingName}（主持调解员）`,
      '受理意见',
      `同意受理，于${cn(written.acceptedOn!)}受理。`,
      '登记人',
      written.registeredByName,
    ])
    // The long unbroken text wraps inside the form, whole.
    expect(text.match(/W/g)?.length).toBeGreaterThanOrEqual(120)
  })

  it('权利义务告知书: nature, principles, effect, rights and duties in the law’s words, when and how, a line per party', async () => {
    const { text } = await printed('mediation-rights', written.id, 'rights', officialA4)
    expectAll(text, [
      '人民调解权利义务告知书',
      committee,
      `编号：${written.number}`,
      '张建华、李秀梅：',
      '一、人民调解的性质',
      '群众性组织',
      '二、人民调解的原则',
      '在当事人自愿、平等的基础上进行调解',
      '不违背法律、法规和国家政策',
      '尊重当事人的权利，不得因调解而阻止当事人依法通过仲裁、行政、司法等途径维护自己的权利',
      '三、人民调解的效力',
      '经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。',
      '可以自调解协议生效之日起三十日内共同向人民法院申请司法确认',
      '四、当事人在人民调解活动中享有下列权利',
      '（一）选择或者接受人民调解员；',
      '（二）接受调解、拒绝调解或者要求终止调解；',
      '（三）要求调解公开进行或者不公开进行；',
      '（四）自主表达意愿、自愿达成调解协议。',
      '五、当事人在人民调解活动中履行下列义务',
      '（一）如实陈述纠纷事实；',
      '（二）遵守调解现场秩序，尊重人民调解员；',
      '（三）尊重对方当事人行使权利。',
      `告知日期：${cn(written.rightsNotice!.date)}`,
      '告知方式：书面告知',
      '申请人张建华（签名）：',
      '被申请人李秀梅（签名）：',
      '代理人（李秀梅的委托代理人）王律师（签名）：',
      `${committee}（印章）`,
    ])
  })
})

describe('调解笔录', () => {
  it('one long session: particulars, closed with the reason, the whole record over pages, numbered, signatures', async () => {
    const second = written.sessions.find((s) => s.seq === 2)!
    const { text, pages, file } = await printed('mediation-session', written.id, 'session-2', formA4, second.id)
    expect(pages).toBeGreaterThanOrEqual(2)
    expectAll(text, [
      '人民调解笔录',
      committee,
      `编号：${written.number}`,
      '第2次调解',
      `时间${cn(day(-24))}14:00`,
      '地点红光社区调解室',
      `主持调解员${written.presidingName}`,
      '记录人孙记录',
      '案由张建华与李秀梅邻里纠纷',
      '不公开调解（理由：涉及当事人家庭隐私）',
      '到场人员张建华（申请人）、李秀梅（被申请人）、赵大妈（邻居）',
      '调解记录',
      '下一步安排',
      '张建华（申请人）（签名）：',
      '李秀梅（被申请人）（签名）：',
      '赵大妈（邻居）（签名）：',
      `主持调解员${written.presidingName}（签名）：`,
      '记录人孙记录（签名）：',
      `第1页共${pages}页`,
      `第${pages}页共${pages}页`,
    ])
    // Every line of the record is there (45 numbered turns).
    for (const n of [1, 23, 45]) expect(text).toContain(squeeze(`${n}. 调解员：请双方陈述意见。`))
    expect(text.match(/漏水已经持续半年/g)?.length).toBe(45)
    expect(squeeze(pdfText(file, pages, pages))).toContain('记录人孙记录（签名）：')
  })

  it('all sessions: each starts on a new page', async () => {
    const { text, pages, file } = await printed('mediation-session', written.id, 'sessions-all', formA4)
    expectAll(text, ['第1次调解', '第2次调解', '公开调解', '三日后到601室现场查看。'])
    const first = squeeze(pdfText(file, 1, 1))
    expect(first).toContain('第1次调解')
    expect(first).not.toContain('第2次调解')
    // The second session's title opens a page of its own.
    const starts = Array.from({ length: pages }, (_, i) => squeeze(pdfText(file, i + 1, i + 1)))
    const k = starts.findIndex((p) => p.includes('第2次调解'))
    expect(k).toBeGreaterThan(0)
    expect(starts[k]!.indexOf('人民调解笔录')).toBeLessThan(starts[k]!.indexOf('第2次调解'))
    expect(starts[k]).not.toContain('三日后到601室现场查看。')
  })
})

describe('agreements', () => {
  it('人民调解协议书: particulars with full phones, facts and points, terms with how/where/when, copies, effect, boxes, seal', async () => {
    const { text } = await printed('mediation-agreement', written.id, 'agreement', officialA4)
    expectAll(text, [
      '人民调解协议书',
      committee,
      `编号：${written.number}`,
      '姓名：张建华',
      '性别：男',
      '民族：汉族',
      '年龄：',
      '职业：退休工人',
      '住址：红光小区3栋2单元501室',
      '联系方式：13812345678',
      '联系方式：13987654321',
      '纠纷主要事实、争议事项及各方责任',
      '争议焦点为维修责任与赔偿数额。经查，漏水系601室防水层老化所致，李秀梅负主要责任。',
      '协议内容',
      '1. 李秀梅负责修复601室卫生间防水层。',
      `履行方式：自行聘请施工队维修；履行地点：红光小区3栋601室；履行期限：${cn(day(-12))}前`,
      '2. 李秀梅赔偿张建华房屋修缮费用2000元。',
      `履行方式：一次性现金支付；履行期限：${cn(day(-10))}前`,
      '本协议一式三份，当事人各持一份，人民调解委员会留存一份。',
      '本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。',
      '申请人：张建华',
      '被申请人：李秀梅',
      '签名（盖章）：',
      '按指印',
      `人民调解员${written.presidingName}（签名）：`,
      '签订地点：红光社区调解室',
      `${committee}（印章）`,
      cn(written.agreement!.agreedOn),
    ])
    expect(text.match(/按指印/g)?.length).toBeGreaterThanOrEqual(3 + 1)
  })

  it('口头协议登记表: number, parties, summary, content, agreed day, deadline, mediator, registrar', async () => {
    const { text } = await printed('mediation-oral', oral.id, 'oral', formA4)
    expectAll(text, [
      '口头协议登记表',
      committee,
      `编号${oral.number}`,
      '当事人陈国强（申请人）、周丽（被申请人）',
      '纠纷简要情况楼道堆放杂物引发争执。',
      '协议内容周丽于三日内清理楼道杂物，今后不再堆放。',
      `达成协议日期${cn(day(-10))}`,
      `履行期限${cn(day(-7))}前`,
      '调解员',
      `登记人${oral.presidingName}`,
      '第三十条',
    ])
  })
})

describe('回访记录 and the 卷宗', () => {
  it('回访记录: case and agreement numbers, day, caller, performance, satisfaction, lawsuit, risk, measures, parties', async () => {
    const done = written.followUps.find((f) => f.calledOn !== null)!
    const { text } = await printed('mediation-followup', written.id, 'followup', formA4, done.id)
    expectAll(text, [
      '人民调解回访记录',
      `案件编号${written.number}`,
      `协议编号/日期${written.number}（达成书面协议，${cn(written.agreement!.agreedOn)}）`,
      `回访日期${cn(day(-5))}`,
      '回访人孙记录',
      '履行情况部分履行',
      '满意度基本满意',
      '是否起诉否',
      '遗留风险赔偿款尚余500元未付。',
      '采取措施电话督促李秀梅在月底前付清。',
      '回访对象张建华（申请人）、李秀梅（被申请人）',
    ])
  })

  it('卷宗封面: 卷名, 卷号, 调解员, 起止日期, 立卷人, 立卷日期, 保管期限, committee', async () => {
    const { text, pages } = await printed('mediation-cover', written.id, 'cover', officialA4)
    expect(pages).toBe(1)
    expectAll(text, [
      committee,
      '人民调解卷宗',
      '卷名张建华与李秀梅邻里纠纷',
      `卷号${written.number}`,
      `调解员${written.mediators.map((m) => m.name).join('、')}`,
      `调解起止日期${cn(written.acceptedOn!)}至${cn(written.concludedOn!)}`,
      '立卷人孙记录',
      `立卷日期${cn(day(-1))}`,
      '保管期限10年',
    ])
  })

  it('卷内目录: every index item in order with 序号, date, page numbers and * for required ones', async () => {
    const { text } = await printed('mediation-index', written.id, 'index', formA4)
    expectAll(text, ['卷内目录', `卷号：${written.number}`, '序号材料名称日期页号备注', '标“*”的为必备材料'])
    let at = 0
    for (const [i, item] of written.file.index.entries()) {
      const row = squeeze(
        `${i + 1}${item.title}${item.date ? cn(item.date) : ''}${item.pageRange}${item.required ? '*' : ''}`,
      )
      const found = text.indexOf(row, at)
      expect(found, row).toBeGreaterThanOrEqual(at)
      at = found + row.length
    }
  })

  it('before filing the cover and index print as a preview with the filing fields blank', async () => {
    const pdf = await renderPdf(admin, url('mediation-cover', oral.id), 'cover-preview')
    await expect(pdf.page.locator('.toolbar strong').innerText()).resolves.toContain('预览，尚未立卷')
    expect(pdfInfo(pdf.file).pages).toBe(pdf.announcedPages)
    const text = squeeze(pdfText(pdf.file))
    expectAll(text, ['卷名陈国强与周丽物业纠纷', `卷号${oral.number}`, '立卷人立卷日期保管期限'])
    snapshotPages(pdf.file, 'cover-preview')
    await pdf.page.close()
  })
})

describe('the case page’s 打印 menu', () => {
  it('offers what the case has and opens one session in a print tab with its part', async () => {
    const page = await admin.newPage()
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${server.url}#/mediation/${written.id}`)
    await page.getByRole('button', { name: '打印文书' }).click()
    const menu = page.locator('.el-dropdown-menu:visible')
    await expect(menu.innerText()).resolves.toContain('调解笔录（全部2次）')
    const items = (await menu.locator('.el-dropdown-menu__item').allInnerTexts()).map((t) => t.trim())
    const second = written.sessions.find((s) => s.seq === 2)!
    const followUp = written.followUps.find((f) => f.calledOn !== null)!
    expect(items).toEqual([
      '人民调解申请书',
      '人民调解受理登记表',
      '人民调解权利义务告知书',
      `调解笔录（第1次，${cn(day(-27))}）`,
      `调解笔录（第2次，${cn(day(-24))}）`,
      '调解笔录（全部2次）',
      '人民调解协议书',
      `回访记录（${cn(followUp.calledOn!)}）`,
      '卷宗封面',
      '卷内目录',
    ])
    await page.screenshot({ path: path.join(screenshotDir, 'mediation-print-menu.png') })
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      menu.getByText(`调解笔录（第2次，${cn(day(-24))}）`).click(),
    ])
    await waitForPrintReady(tab)
    expect(tab.url()).toContain(`#/print/mediation-session/${written.id}?`)
    expect(tab.url()).toContain(`part=${second.id}`)
    await expect(tab.locator('article').count()).resolves.toBe(1)
    await expect(tab.locator('article').innerText()).resolves.toContain('第2次调解')
    await tab.close()
    await page.close()
  })

  it('is not there for a 前台接待, who may not print the case', async () => {
    const context = await browser.newContext()
    await signInContext(context, server, { login: 'qiantai', password: 'Guixi@2026-qt' })
    const page = await context.newPage()
    await page.goto(`${server.url}#/mediation/${written.id}`)
    await page.getByText(written.number!).first().waitFor()
    await expect(page.getByRole('button', { name: '打印文书' }).count()).resolves.toBe(0)
    await context.close()
  })
})

describe('refusals', () => {
  it('a 前台接待 gets a reason instead of the agreement, its notes never rendered', async () => {
    const context = await browser.newContext()
    await signInContext(context, server, { login: 'qiantai', password: 'Guixi@2026-qt' })
    const page = await context.newPage()
    await page.goto(url('mediation-agreement', written.id))
    await expect(waitForPrintReady(page)).rejects.toThrow('只有本案调解员和管理员可以打印调解笔录、协议和回访记录')
    await expect(page.getByRole('alert').innerText()).resolves.toBe(
      '只有本案调解员和管理员可以打印调解笔录、协议和回访记录',
    )
    expect(await page.locator('article').count()).toBe(0)
    const body = await page.locator('body').innerText()
    expect(body).not.toContain('李秀梅负责修复')
    await page.setViewportSize({ width: 1000, height: 400 })
    await page.screenshot({ path: path.join(screenshotDir, 'mediation-print-refused-qiantai.png') })
    await context.close()
  })

  it('refuses a document the case has not reached and a part it does not have', async () => {
    const page = await admin.newPage()
    await page.goto(url('mediation-agreement', oral.id))
    await expect(waitForPrintReady(page)).rejects.toThrow('该案件没有达成书面调解协议，不能打印调解协议书')
    await page.goto(url('mediation-session', written.id, 999999))
    await page.reload()
    await expect(waitForPrintReady(page)).rejects.toThrow('该案件没有这份调解笔录')
    await page.goto(`${server.url}#/print/mediation-session/${written.id}?layout=official&part=abc`)
    await page.reload()
    await expect(waitForPrintReady(page)).rejects.toThrow('打印地址不正确')
    await page.close()
  })
})
