/**
 * The 居民公约 printouts rendered to PDF by Chromium and read back with
 * poppler: the wall poster on A4 and on A3 (title, chapters, numbered
 * articles, the adoption and filing lines, the committee and date; a long
 * convention over as many pages as the preview announced, the A3 one in
 * larger type), the 表决结果公示 of a passed and of a failed vote, and the
 * blank 征求意见表. Data goes in through the real HTTP API of `serve --demo`.
 * Each PDF is turned into PNGs in tests/e2e/screenshots/ to be looked at.
 */
import path from 'node:path'
import fs from 'node:fs'
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import {
  launchChromium,
  screenshotDir,
  signedInPage,
  signInContext,
  startServer,
  tempDataDir,
  type RunningServer,
} from './harness'
import { call } from './api'
import { pdfFonts, pdfInfo, pdfText, renderPdf, squeeze, waitForPrintReady, wordRightEdges } from './pdf'
import type { MethodInput } from '../../shared/api/contract'
import type { ConventionActInput, ConventionDetail } from '../../shared/api/conventions'
import { formA4, mmToPt, officialA4, pageSizeMm, wallA3, type PageLayout } from '../../shared/print/geometry'

let browser: Browser
let server: RunningServer
let signed: BrowserContext
const office = { name: '红光社区党群服务中心', phone: '023-45678100' }

type Articles = MethodInput<'conventions.saveArticles'>['articles']
type ActBody<A> = A extends { action: infer K } ? Omit<A, 'id' | 'version'> & { action: K } : never
type VoteBody = Omit<Extract<ConventionActInput, { action: 'vote' }>, 'id' | 'version' | 'action'>

function url(document: string, id: number, query: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({
    layout: 'official',
    ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
  })
  return `${server.url}#/print/${document}/${id}?${params.toString()}`
}

function snapshotPages(file: string, name: string): void {
  fs.mkdirSync(screenshotDir, { recursive: true })
  execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(screenshotDir, `conventions-print-${name}`)])
}

function expectCjkFontEmbedded(file: string): void {
  const fonts = pdfFonts(file)
  expect(
    fonts.some(
      (f) => f.embedded && /CID TrueType/.test(f.type) && /UMing|UKai|MicroHei|SimSun|FangSong|Song|Hei/i.test(f.name),
    ),
    JSON.stringify(fonts),
  ).toBe(true)
  expect(
    fonts.filter((f) => !f.embedded),
    'every font embedded',
  ).toEqual([])
}

/** No word may reach into the right margin of its paper: long text wraps inside the text block. */
function expectInsideMargins(file: string, layout: PageLayout): void {
  const limit = mmToPt(pageSizeMm(layout).width - layout.margins.right) + 2
  const words = wordRightEdges(file)
  expect(words.length).toBeGreaterThan(0)
  const outside = words.filter((w) => w.xMax > limit)
  expect(outside, JSON.stringify(outside.slice(0, 3))).toEqual([])
}

function expectAll(text: string, expected: string[]): void {
  for (const e of expected) expect(text, e).toContain(squeeze(e))
}

/** The median height of the words pdftotext finds: the body's type size, near enough. */
function medianWordHeight(file: string): number {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const heights = [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)]
    .map((m) => Number(m[2]) - Number(m[1]))
    .sort((a, b) => a - b)
  return heights[Math.floor(heights.length / 2)] ?? 0
}

function pageSize(file: string): [number, number] {
  const info = pdfInfo(file)
  return [Math.round(info.widthPt), Math.round(info.heightPt)]
}

async function act(id: number, body: ActBody<ConventionActInput>): Promise<ConventionDetail> {
  const current = await call(server, 'conventions.get', { id })
  return call(server, 'conventions.act', { ...body, id, version: current.version } as ConventionActInput)
}

async function saveArticles(id: number, articles: Articles): Promise<ConventionDetail> {
  const current = await call(server, 'conventions.get', { id })
  return call(server, 'conventions.saveArticles', { id, version: current.version, articles })
}

/** Through 审核 to 待表决, from 征集意见 or 草案. */
async function toVote(id: number): Promise<void> {
  const c = await call(server, 'conventions.get', { id })
  if (c.working?.stage === 'collecting') await act(id, { action: 'start_draft', note: null })
  await act(id, { action: 'submit_review', note: null })
  await act(id, {
    action: 'review',
    unit: '红光街道办事处',
    reviewedOn: '2026-02-10',
    opinion: '内容符合法律法规，同意提请表决。',
    legalOpinion: null,
    result: 'passed',
  })
}

async function vote(id: number, body: VoteBody): Promise<ConventionDetail> {
  return act(id, { action: 'vote', ...body })
}

async function place(
  communityName: string,
  compoundName?: string,
): Promise<{ communityId: number; compoundId: number | null }> {
  const communities = await call(server, 'places.listCommunities', { query: communityName, includeArchived: false })
  const community = communities.find((c) => c.name === communityName)!
  if (!compoundName) return { communityId: community.id, compoundId: null }
  const compounds = await call(server, 'places.listCompounds', {
    query: compoundName,
    communityId: community.id,
    includeArchived: false,
    page: 1,
    pageSize: 20,
  } as MethodInput<'places.listCompounds'>)
  return { communityId: community.id, compoundId: compounds.items.find((c) => c.name === compoundName)!.id }
}

const guibeiArticles: Articles = [
  {
    chapter: '总则',
    text: '为维护桂北小区良好秩序，营造文明和谐的居住环境，根据有关法律法规，结合本小区实际，制定本公约。',
    tags: ['日常行为'],
  },
  { chapter: null, text: '本小区全体居民、租户均应遵守本公约。', tags: [] },
  { chapter: '公共秩序', text: '爱护公共设施，不私搭乱建，不占用楼道堆放杂物。', tags: ['公共秩序'] },
  {
    chapter: null,
    text: '车辆按指定位置停放，不在消防通道停车。\n电动自行车不进楼道、不入户充电。',
    tags: ['停车', '消防安全'],
  },
  { chapter: '附则', text: '本公约自公布之日起施行。', tags: [] },
]

beforeAll(async () => {
  browser = await launchChromium()
  server = await startServer(tempDataDir(), ['--demo'])
  signed = await browser.newContext()
  await signInContext(signed, server)
  const options = await call(server, 'intake.getOptions', {})
  await call(server, 'intake.saveOptions', { ...options, officeName: office.name, officePhone: office.phone })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a compound convention in force: poster on A4 and A3, and its 表决结果公示', () => {
  let guibei: ConventionDetail

  beforeAll(async () => {
    const where = await place('红光社区', '桂北小区')
    const created = await call(server, 'conventions.create', { scope: 'compound', ...where, title: '桂北小区居民公约' })
    await saveArticles(created.id, guibeiArticles)
    await toVote(created.id)
    await vote(created.id, {
      meetingKind: 'households',
      heldOn: '2026-03-01',
      place: '桂北小区活动室',
      entitled: 120,
      present: 95,
      womenPresent: 48,
      inFavour: 88,
      against: 4,
      abstain: 3,
    })
    await act(created.id, {
      action: 'file',
      authority: '红光街道办事处',
      filedOn: '2026-03-05',
      reference: '红街备〔2026〕3号',
    })
    guibei = await act(created.id, { action: 'post', place: '小区东门公示栏', postedOn: '2026-03-08', photos: [] })
    expect(guibei.current?.stage).toBe('posted')
  })

  const posterFacts = [
    '《桂北小区居民公约》',
    '第一章总则',
    '第一条为维护桂北小区良好秩序',
    '第二条本小区全体居民、租户均应遵守本公约。',
    '第二章公共秩序',
    '第三条爱护公共设施',
    '第四条车辆按指定位置停放，不在消防通道停车。',
    '电动自行车不进楼道、不入户充电。',
    '第三章附则',
    '第五条本公约自公布之日起施行。',
    '本公约经2026年3月1日红光社区桂北小区户代表会议表决通过。',
    '本公约已报红光街道办事处备案（2026年3月5日），备案号：红街备〔2026〕3号。',
    '红光社区居民委员会',
    '2026年3月8日',
  ]

  it('A4 poster: title, chapters, numbered articles, adoption, filing, committee and date', async () => {
    const pdf = await renderPdf(signed, url('convention-poster', guibei.id), 'poster-a4')
    expect(pageSize(pdf.file)).toEqual([595, 842])
    const info = pdfInfo(pdf.file)
    expect(info.pages).toBe(pdf.announcedPages)
    const text = squeeze(pdfText(pdf.file))
    expectAll(text, posterFacts)
    // The 落款 never stands alone: the adoption and filing lines share its page.
    expectAll(squeeze(pdfText(pdf.file, info.pages, info.pages)), posterFacts.slice(-4))
    // Articles in order; no draft mark on the text in force.
    expect(text.indexOf('第一条')).toBeLessThan(text.indexOf('第五条'))
    expect(text).not.toContain('草案')
    await pdf.page.setViewportSize({ width: 1100, height: 1300 })
    await pdf.page.screenshot({ path: path.join(screenshotDir, 'conventions-print-poster-a4-tab.png') })
    await expect(pdf.page.getByTestId('print-pages').innerText()).resolves.toBe(`共 ${info.pages} 页`)
    expectCjkFontEmbedded(pdf.file)
    expectInsideMargins(pdf.file, officialA4)
    snapshotPages(pdf.file, 'poster-a4')
    await pdf.page.close()
  })

  it('A3 poster: the same text on A3 in larger type', async () => {
    const a4 = await renderPdf(signed, url('convention-poster', guibei.id), 'poster-a4-again')
    const pdf = await renderPdf(signed, url('convention-poster', guibei.id, { layout: 'wall' }), 'poster-a3')
    expect(pageSize(pdf.file)).toEqual([842, 1191])
    expect(pdfInfo(pdf.file).pages).toBe(pdf.announcedPages)
    expectAll(squeeze(pdfText(pdf.file)), posterFacts)
    // 30 pt on the wall against 16 pt on A4.
    expect(medianWordHeight(pdf.file) / medianWordHeight(a4.file)).toBeGreaterThan(1.6)
    await expect(pdf.page.locator('.toolbar').innerText()).resolves.toContain('A3')
    expectCjkFontEmbedded(pdf.file)
    expectInsideMargins(pdf.file, wallA3)
    snapshotPages(pdf.file, 'poster-a3')
    await a4.page.close()
    await pdf.page.close()
  })

  it('表决结果公示: meeting, date, place, counts, quorum and pass arithmetic, result, signoff and 公示期', async () => {
    const record = guibei.current!.votes[0]!
    const pdf = await renderPdf(signed, url('convention-vote', guibei.id), 'vote-passed')
    expect(pageSize(pdf.file)).toEqual([595, 842])
    expect(pdfInfo(pdf.file).pages).toBe(pdf.announcedPages)
    expect(pdf.announcedPages).toBe(1)
    const text = squeeze(pdfText(pdf.file))
    const today = new Date()
    expectAll(text, [
      '关于《桂北小区居民公约》表决结果的公示',
      '2026年3月1日，红光社区桂北小区在桂北小区活动室召开户代表会议，对《桂北小区居民公约》进行表决。',
      '应到',
      '120人',
      '实到',
      '95人',
      '其中妇女',
      '48人',
      '赞成',
      '88票',
      '反对',
      '4票',
      '弃权',
      '3票',
      '其中妇女48人，占实到人数的50.5%。',
      record.quorumText,
      record.passText,
      '表决结果：通过。',
      '公示期为7天，自公示之日起计算。',
      `请在公示期内向红光社区居民委员会反映（联系电话：${office.phone}）。`,
      '红光社区居民委员会',
      `${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`,
    ])
    expect(record.quorumText.length).toBeGreaterThan(5)
    expect(text).not.toContain('未通过')
    expectCjkFontEmbedded(pdf.file)
    expectInsideMargins(pdf.file, officialA4)
    snapshotPages(pdf.file, 'vote-passed')
    await pdf.page.close()
  })

  it('prints the revision draft by its version id, marked as such, while the poster stays on the text in force', async () => {
    const revised = await act(guibei.id, { action: 'revise', note: '增加垃圾分类条款' })
    const working = revised.working!
    await saveArticles(guibei.id, [
      ...guibeiArticles.slice(0, 4),
      { chapter: null, text: '生活垃圾按可回收物、有害垃圾、厨余垃圾和其他垃圾分类投放。', tags: ['垃圾分类'] },
      guibeiArticles[4]!,
    ])
    const draft = await renderPdf(signed, url('convention-poster', guibei.id, { part: working.id }), 'poster-revision')
    const draftText = squeeze(pdfText(draft.file))
    expectAll(draftText, [
      '《桂北小区居民公约》',
      '（修订草案）',
      '第五条生活垃圾按可回收物',
      '第六条本公约自公布之日起施行。',
    ])
    expect(draftText).not.toContain('表决通过')
    snapshotPages(draft.file, 'poster-revision')
    await draft.page.close()
    const inForce = squeeze(
      pdfText((await renderPdf(signed, url('convention-poster', guibei.id), 'poster-in-force')).file),
    )
    expect(inForce).not.toContain('垃圾分类投放')
    expect(inForce).toContain(squeeze('第五条本公约自公布之日起施行。'))
  })
})

describe('a long community convention: a failed vote, then a passed one', () => {
  let hongguang: ConventionDetail
  let failedVoteId: number
  const chapters = ['总则', '日常行为', '公共秩序', '环境卫生', '邻里互助', '附则']
  const long: Articles = Array.from({ length: 24 }, (_, i) => ({
    chapter: i % 4 === 0 ? chapters[i / 4]! : null,
    text:
      i === 5
        ? '<script>alert("公约")</script>居民之间发生矛盾纠纷，应本着互谅互让的原则协商解决，协商不成的，可以申请社区人民调解委员会调解。'
        : `第${i + 1}项约定：居民应当遵守社会公德，弘扬邻里守望相助的传统美德，共同维护小区的安宁、整洁与和谐，自觉做到文明礼让、诚实守信、尊老爱幼。`,
    tags: [],
  }))

  beforeAll(async () => {
    const where = await place('红光社区')
    const created = await call(server, 'conventions.create', {
      scope: 'community',
      ...where,
      title: '《红光社区居民公约》',
    })
    await saveArticles(created.id, long)
    await toVote(created.id)
    const failed = await vote(created.id, {
      meetingKind: 'representatives',
      heldOn: '2026-02-20',
      place: '红光社区党群服务中心三楼会议室',
      entitled: 60,
      present: 25,
      womenPresent: 12,
      inFavour: 20,
      against: 3,
      abstain: 2,
    })
    expect(failed.working?.stage).toBe('drafting')
    failedVoteId = failed.working!.votes[0]!.id
    hongguang = failed
  })

  it('公示 of the failed vote: 未通过, the quorum arithmetic, and the draft goes back', async () => {
    const record = hongguang.working!.votes[0]!
    expect(record.quorumMet).toBe(false)
    const pdf = await renderPdf(signed, url('convention-vote', hongguang.id), 'vote-failed')
    expect(pdfInfo(pdf.file).pages).toBe(pdf.announcedPages)
    // One sheet for the notice board, even with the extra sentence of a failed vote.
    expect(pdf.announcedPages).toBe(1)
    const text = squeeze(pdfText(pdf.file))
    expectAll(text, [
      '关于《红光社区居民公约》表决结果的公示',
      '2026年2月20日，红光社区在红光社区党群服务中心三楼会议室召开居民代表会议',
      record.quorumText,
      record.passText,
      '表决结果：未通过。',
      '《红光社区居民公约》草案将根据居民意见修改完善后，另行提请表决。',
    ])
    const pages = pdfInfo(pdf.file).pages
    expectAll(squeeze(pdfText(pdf.file, pages, pages)), ['公示期为7天', '红光社区居民委员会'])
    snapshotPages(pdf.file, 'vote-failed')
    await pdf.page.close()
  })

  it('the draft poster runs over several pages as announced, marked 草案, markup printed as text', async () => {
    const pdf = await renderPdf(signed, url('convention-poster', hongguang.id), 'poster-draft-long')
    const info = pdfInfo(pdf.file)
    expect(info.pages).toBeGreaterThanOrEqual(3)
    expect(info.pages).toBe(pdf.announcedPages)
    const text = squeeze(pdfText(pdf.file))
    expectAll(text, [
      '《红光社区居民公约》',
      '（草案）',
      '第一章总则',
      '第六章附则',
      '第二十四条',
      '<script>alert("公约")</script>居民之间发生矛盾纠纷',
    ])
    expect(text).not.toContain('《《')
    expect(text).not.toContain('表决通过')
    expect(await pdf.page.locator('article script').count()).toBe(0)
    // A draft has no adoption line: its last article keeps the 落款 company.
    expectAll(squeeze(pdfText(pdf.file, info.pages, info.pages)), ['第二十四条', '红光社区居民委员会'])
    expectInsideMargins(pdf.file, officialA4)
    snapshotPages(pdf.file, 'poster-draft-long')
    await pdf.page.close()
  })

  it('after a passed vote: the latest 公示 by default, the failed one by its id, long posters on A4 and A3', async () => {
    await toVote(hongguang.id)
    hongguang = await vote(hongguang.id, {
      meetingKind: 'residents',
      heldOn: '2026-03-15',
      place: '红光社区文化广场',
      entitled: 300,
      present: 210,
      womenPresent: 118,
      inFavour: 180,
      against: 20,
      abstain: 10,
    })
    expect(hongguang.current?.stage).toBe('adopted')

    const latest = squeeze(pdfText((await renderPdf(signed, url('convention-vote', hongguang.id), 'vote-latest')).file))
    expectAll(latest, ['2026年3月15日，红光社区在红光社区文化广场召开居民会议', '表决结果：通过。'])
    const earlier = squeeze(
      pdfText(
        (await renderPdf(signed, url('convention-vote', hongguang.id, { part: failedVoteId }), 'vote-earlier')).file,
      ),
    )
    expectAll(earlier, ['2026年2月20日', '表决结果：未通过。'])

    const a4 = await renderPdf(signed, url('convention-poster', hongguang.id), 'poster-long-a4')
    const a3 = await renderPdf(signed, url('convention-poster', hongguang.id, { layout: 'wall' }), 'poster-long-a3')
    for (const pdf of [a4, a3]) {
      const info = pdfInfo(pdf.file)
      expect(info.pages).toBe(pdf.announcedPages)
      const text = squeeze(pdfText(pdf.file))
      expectAll(text, [
        '第二十四条',
        '本公约经2026年3月15日红光社区居民会议表决通过。',
        '红光社区居民委员会',
        '2026年3月15日',
      ])
      expect(text).not.toContain('草案')
      // The adoption line and the 落款 close the last page together.
      expectAll(squeeze(pdfText(pdf.file, info.pages, info.pages)), ['表决通过', '红光社区居民委员会'])
    }
    expect(pageSize(a3.file)).toEqual([842, 1191])
    expect(pdfInfo(a3.file).pages).toBeGreaterThanOrEqual(pdfInfo(a4.file).pages)
    expectInsideMargins(a4.file, officialA4)
    expectInsideMargins(a3.file, wallA3)
    snapshotPages(a4.file, 'poster-long-a4')
    snapshotPages(a3.file, 'poster-long-a3')
  })
})

describe('the 打印 menu on the convention page', () => {
  it('offers the posters, each vote’s 公示 and the form, and opens the chosen one in a print tab', async () => {
    const list = await call(server, 'conventions.list', {
      query: '红光社区居民公约',
      page: 1,
      pageSize: 10,
    } as MethodInput<'conventions.list'>)
    const convention = await call(server, 'conventions.get', { id: list.items[0]!.id })
    const [passed, failed] = [...convention.current!.votes].sort((a, b) => b.id - a.id)
    expect(failed?.passed).toBe(false)
    const page = await signedInPage(browser, server, { width: 1280, height: 900 })
    await page.goto(`${server.url}#/conventions/${convention.id}`)
    await page.getByRole('button', { name: '打印公约' }).click()
    const menu = page.getByRole('menu')
    await expect(menu.getByRole('menuitem').allInnerTexts()).resolves.toEqual([
      '张贴版（A4）',
      '张贴版（A3）',
      '表决结果公示（2026年3月15日，通过，最近一次）',
      '表决结果公示（2026年2月20日，未通过）',
      '征求意见表',
    ])
    await page.screenshot({ path: path.join(screenshotDir, 'conventions-print-menu.png') })

    const opened = page.context().waitForEvent('page')
    await menu.getByRole('menuitem', { name: '表决结果公示（2026年2月20日，未通过）' }).click()
    const tab = await opened
    await tab.waitForURL(/#\/print\//)
    expect(tab.url()).toContain(`#/print/convention-vote/${convention.id}?layout=official&part=${failed!.id}`)
    await waitForPrintReady(tab)
    await expect(tab.locator('article').innerText()).resolves.toContain('表决结果：未通过。')
    await tab.close()

    await page.getByRole('button', { name: '打印公约' }).click()
    const wall = page.context().waitForEvent('page')
    await page.getByRole('menu').getByRole('menuitem', { name: '张贴版（A3）' }).click()
    const wallTab = await wall
    await wallTab.waitForURL(/#\/print\//)
    expect(wallTab.url()).toContain(`#/print/convention-poster/${convention.id}?layout=wall`)
    await waitForPrintReady(wallTab)
    await expect(wallTab.locator('.toolbar').innerText()).resolves.toContain('A3')
    expect(passed?.passed).toBe(true)
    await page.close()
  })
})

describe('征求意见表 and refusals', () => {
  let fresh: ConventionDetail

  beforeAll(async () => {
    const where = await place('红光社区', '红光小区')
    fresh = await call(server, 'conventions.create', { scope: 'compound', ...where, title: '红光小区居民公约' })
    expect(fresh.working?.articles).toEqual([])
  })

  it('prints a blank form for a convention with no articles yet', async () => {
    const pdf = await renderPdf(signed, url('convention-opinion-form', fresh.id), 'opinion-form')
    expect(pageSize(pdf.file)).toEqual([595, 842])
    expect(pdfInfo(pdf.file).pages).toBe(1)
    expect(pdf.announcedPages).toBe(1)
    const text = squeeze(pdfText(pdf.file))
    expectAll(text, [
      office.name,
      '《红光小区居民公约》征求意见表',
      '公约名称',
      '《红光小区居民公约》（草案）',
      '姓名',
      '住户（楼栋单元房号）',
      '联系电话',
      '是否同意草案',
      '□同意',
      '□基本同意，有修改意见',
      '□不同意',
      '意见和建议',
      '（不够可另附页）',
      '填表日期',
      '年月日',
      `填写后请交回${office.name}（联系电话：${office.phone}）。`,
    ])
    expectCjkFontEmbedded(pdf.file)
    expectInsideMargins(pdf.file, formA4)
    snapshotPages(pdf.file, 'opinion-form')
    await pdf.page.close()
  })

  it('refuses a poster without articles, a vote never held, and a part of another convention', async () => {
    const page = await signedInPage(browser, server)
    const expectRefusal = async (address: string, message: string) => {
      await page.goto(address)
      await page.reload()
      await expect(waitForPrintReady(page)).rejects.toThrow(message)
      await expect(page.getByRole('alert').innerText()).resolves.toContain(message)
    }
    await expectRefusal(url('convention-poster', fresh.id), '第1版还没有条文，无法打印张贴版')
    await expectRefusal(url('convention-vote', fresh.id), '该公约还没有表决记录，无法打印表决结果公示')
    const other = await call(server, 'conventions.list', {
      query: '桂北小区',
      page: 1,
      pageSize: 10,
    } as MethodInput<'conventions.list'>)
    const guibei = await call(server, 'conventions.get', { id: other.items[0]!.id })
    await expectRefusal(url('convention-poster', fresh.id, { part: guibei.current!.id }), '该版本不属于此公约')
    await expectRefusal(
      url('convention-vote', fresh.id, { part: guibei.current!.votes[0]!.id }),
      '该表决记录不属于此公约',
    )
    await expectRefusal(url('convention-poster', fresh.id, { part: 'abc' }), '打印地址不正确')
    await page.close()
  })
})
