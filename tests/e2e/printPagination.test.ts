/**
 * The preview's page count (共 N 页, the dashed page-break guides) against the
 * pages Chromium actually prints, for documents whose length walks across a
 * page boundary one line at a time. The preview counts content height /
 * text-block height, so anything that moves a line on paper only shows up as
 * one more or one fewer printed page at the step where the text ends on the
 * last line of a page: widow/orphan control (a line moved down), a margin on a
 * page break (dropped on paper), a block whose padding alone would end a page
 * (moved whole to the next one).
 *
 * The notices' bodies are two paragraphs of an exact number of grid lines (no
 * punctuation, so no line-breaking rule moves a character): the first ends
 * next to the first page break (a single line on one side of it, or the blank
 * line above 附件 on it), the second (or the attachment) grows step by step
 * across the second page break. The 诉求办理单 finds its lengths by measuring
 * the preview.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { launchChromium, startServer, tempDataDir, type RunningServer, signInContext } from './harness'
import { call } from './api'
import { pdfInfo, renderPdf, waitForPrintReady } from './pdf'
import { formA4, mmToPx, officialA4, textBlockMm, wallA3, type PageLayout } from '../../shared/print/geometry'

let browser: Browser
let server: RunningServer
let signed: BrowserContext
let communityId: number
let categoryId: number

const filler = '请各位居民自觉遵守垃圾分类规定按时按点投放大件垃圾预约清运不得堆放在楼道和消防通道内'

/** A paragraph exactly `lines` grid lines long: the first line is indented two characters. */
function paragraph(layout: PageLayout, lines: number): string {
  const chars = layout.charsPerLine * lines - 2
  return filler.repeat(Math.ceil(chars / filler.length)).slice(0, chars)
}

interface Step {
  second: number
  preview: number
  pdf: number
}

/**
 * `second` lines after a first paragraph of `first` lines: a second paragraph or, with `attachment`,
 * a one-line paragraph and then one attachment of `second` lines (附件： takes three characters of it).
 */
async function walk(kind: 'official' | 'wall', first: number, seconds: number[], attachment = false): Promise<Step[]> {
  const layout = kind === 'official' ? officialA4 : wallA3
  const steps: Step[] = []
  for (const second of seconds) {
    const notice = await call(server, 'notices.save', {
      communityId,
      title: '关于加强小区环境卫生管理的通知',
      audience: 'community',
      body: [
        { type: 'paragraph', text: paragraph(layout, first) },
        { type: 'paragraph', text: paragraph(layout, attachment ? 1 : second) },
      ],
      attachmentsNote: attachment ? paragraph(layout, second).slice(3) : null,
      issuerName: '红光社区居民委员会',
      issuedOn: '2026-03-01',
      contact: '王老师 023-45678103',
    })
    const pdf = await renderPdf(signed, `${server.url}#/print/notice/${notice.id}?layout=${kind}`, `${kind}-${second}`)
    steps.push({ second, preview: pdf.announcedPages, pdf: pdfInfo(pdf.file).pages })
    await pdf.page.close()
  }
  return steps
}

/** `n` short lines, each one grid line of a ruled cell. */
const shortLines = (n: number): string => Array.from({ length: n }, (_, i) => `第${i + 1}条情况`).join('\n')

/** A 诉求 with `facts` lines of 事实经过, accepted with a note of `note` lines; its 办理单's address. */
async function recordWith(facts: number, note: number): Promise<string> {
  const visit = await call(server, 'visits.create', {
    person: { name: '陈淑芬', phone: '13512340000', idNumber: null },
    channel: 'walk_in',
    subject: '反映小区垃圾清运不及时。',
    outcome: 'complaints',
    complaints: [{ kind: 'complaint', categoryId, request: '请求物业按时清运垃圾。', facts: shortLines(facts) }],
  })
  const c = await call(server, 'complaints.get', { id: visit.complaints[0]!.id })
  await call(server, 'complaints.act', { action: 'accept', id: c.id, version: c.version, note: shortLines(note) })
  return `${server.url}#/print/complaint-record/${c.id}`
}

/** Preview-only measure of a print page: a function of the laid-out sheet, in px. */
async function previewMeasure(url: string, what: 'fieldsBottom' | 'height'): Promise<number> {
  const page = await signed.newPage()
  await page.goto(url)
  await waitForPrintReady(page)
  const px = await page.evaluate((w) => {
    type El = { offsetTop: number; offsetHeight: number }
    const d = (globalThis as unknown as { document: { querySelector(s: string): El } }).document
    const content = d.querySelector('.sheet .content')
    if (w === 'height') return content.offsetHeight
    const fields = d.querySelector('.fields')
    return fields.offsetTop + fields.offsetHeight - content.offsetTop
  }, what)
  await page.close()
  return px
}

/**
 * 诉求办理单 (form grid): 事实经过 long enough that the 一、基本情况 table ends on the last line of page 1,
 * so the blank line above 二、办理过程 falls on the break; then the 受理 note grows until the 办理单 ends
 * on the first line of page 3 (the signature line alone there, its blank lines on page 2).
 */
async function walkRecord(): Promise<Step[]> {
  const pagePx = mmToPx(textBlockMm(formA4).height)
  const line = pagePx / formA4.linesPerPage
  const facts = 10 + Math.round((pagePx - (await previewMeasure(await recordWith(10, 2), 'fieldsBottom'))) / line)
  const h = await previewMeasure(await recordWith(facts, 2), 'height')
  const note = 2 + Math.round((2 * pagePx + line - h) / line)
  const steps: Step[] = []
  for (const n of [note - 1, note, note + 1]) {
    const pdf = await renderPdf(signed, await recordWith(facts, n), `record-${facts}-${n}`)
    steps.push({ second: n, preview: pdf.announcedPages, pdf: pdfInfo(pdf.file).pages })
    await pdf.page.close()
  }
  return steps
}

function expectSameCountsAcrossABreak(steps: Step[]): void {
  const differing = steps.filter((s) => s.preview !== s.pdf)
  expect(differing, JSON.stringify(steps)).toEqual([])
  // The walk really crossed a page boundary: otherwise it proved nothing.
  const counts = new Set(steps.map((s) => s.preview))
  expect(counts.size, JSON.stringify(steps)).toBeGreaterThan(1)
}

beforeAll(async () => {
  browser = await launchChromium()
  server = await startServer(tempDataDir(), ['--demo'])
  signed = await browser.newContext()
  await signInContext(signed, server)
  const communities = await call(server, 'places.listCommunities', {})
  communityId = communities[0]!.id

  categoryId = (await call(server, 'intake.listCategories', {}))[0]!.id
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('preview page count = printed page count near a page boundary', () => {
  it('A4 official: the second paragraph starts on the last line of page 1 (an orphan line)', async () => {
    expectSameCountsAcrossABreak(await walk('official', 14, [17, 18]))
  })

  it('A4 official: the first paragraph leaves one line at the top of page 2 (a widow line)', async () => {
    expectSameCountsAcrossABreak(await walk('official', 16, [15, 16]))
  })

  it('A4 official: the blank line above 附件 falls on the first break (a margin there is dropped on paper)', async () => {
    expectSameCountsAcrossABreak(await walk('official', 14, [15, 16], true))
  })

  it('诉求办理单: the blank line above 二、办理过程 falls on the first break', async () => {
    expectSameCountsAcrossABreak(await walkRecord())
  })

  it('A3 wall: orphan and widow lines at the first break', async () => {
    expectSameCountsAcrossABreak(await walk('wall', 16, [20, 21]))
    expectSameCountsAcrossABreak(await walk('wall', 18, [18, 19]))
  })
})
