/**
 * Every notice layout rendered to PDF by Chromium and checked the way a clerk
 * would: the right paper, every field present, a CJK font embedded, long
 * bodies paginated without losing a line, hostile input printed as text.
 */
import path from 'node:path'
import fs from 'node:fs'
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { launchChromium, screenshotDir, startServer, tempDataDir, type RunningServer, signInContext } from './harness'
import { call } from './api'
import { pdfFonts, pdfInfo, pdfText, renderPdf, squeeze, wordRightEdges } from './pdf'
import type { SaveNoticeInput } from '../../shared/api/notices'
import { mmToPt, officialA4 } from '../../shared/print/geometry'

let browser: Browser
let server: RunningServer
let signed: BrowserContext
let redLight: number
let compounds: { id: number; name: string }[]

const base = (over: Partial<SaveNoticeInput>): SaveNoticeInput => ({
  communityId: redLight,
  title: '关于桂北小区临时停水的通知',
  audience: 'community',
  body: [{ type: 'paragraph', text: '因管网检修，小区将临时停水。' }],
  issuerName: '红光社区居民委员会',
  issuedOn: '2026-03-01',
  ...over,
})

function printUrl(id: number, layout: 'official' | 'wall', compoundIds: number[] = []): string {
  const q = compoundIds.length ? `&compounds=${compoundIds.join(',')}` : ''
  return `${server.url}#/print/notice/${id}?layout=${layout}${q}`
}

function snapshotPages(file: string, name: string): void {
  fs.mkdirSync(screenshotDir, { recursive: true })
  execFileSync('pdftoppm', ['-r', '50', '-png', file, path.join(screenshotDir, name)])
}

beforeAll(async () => {
  browser = await launchChromium()
  server = await startServer(tempDataDir(), ['--demo'])
  signed = await browser.newContext()
  await signInContext(signed, server)
  const communities = await call(server, 'places.listCommunities', {})
  redLight = communities.find((c) => c.name === '红光社区')!.id
  compounds = (await call(server, 'places.listCompounds', { communityId: redLight })).items
  const extra = await call(server, 'places.saveCompound', {
    communityId: redLight,
    name: '光明巷院落',
    kind: 'old',
    management: 'none',
  })
  compounds.push({ id: extra.id, name: extra.name })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('notice printouts', () => {
  it('A4 official layout: GB/T 9704 paper, every field, an embedded CJK font', async () => {
    const notice = await call(
      server,
      'notices.save',
      base({
        body: [
          { type: 'paragraph', text: '因供水管网检修，桂北小区将临时停水，具体安排如下：' },
          { type: 'item', text: '停水时间：3月5日8时至18时。', bold: true },
          { type: 'item', text: '请居民提前储水。' },
        ],
        attachmentsNote: '停水范围示意图\n检修单位联系方式',
        contact: '王老师 023-45678103',
      }),
    )
    const pdf = await renderPdf(signed, printUrl(notice.id, 'official'), 'official')
    const info = pdfInfo(pdf.file)
    expect(Math.round(info.widthPt)).toBe(595)
    expect(Math.round(info.heightPt)).toBe(842)
    expect(info.pages).toBe(pdf.announcedPages)
    const text = squeeze(pdfText(pdf.file))
    for (const expected of [
      '关于桂北小区临时停水的通知',
      notice.docNumber,
      '红光社区全体居民：',
      '因供水管网检修，桂北小区将临时停水，具体安排如下：',
      '1．停水时间：3月5日8时至18时。',
      '2．请居民提前储水。',
      '附件：1．停水范围示意图',
      '2．检修单位联系方式',
      '红光社区居民委员会',
      '2026年3月1日',
      '王老师023-45678103',
    ]) {
      expect(text, expected).toContain(squeeze(expected))
    }
    // The seal area is a guide on screen; the paper (and the PDF's text) has only the real seal's space.
    expect(text).not.toContain('盖章处')
    const fonts = pdfFonts(pdf.file)
    expect(
      fonts.some(
        (f) =>
          f.embedded && /CID TrueType/.test(f.type) && /UMing|UKai|MicroHei|SimSun|FangSong|Song|Hei/i.test(f.name),
      ),
    ).toBe(true)
    snapshotPages(pdf.file, 'notice-official')
    await pdf.page.close()
  })

  it('A3 wall layout: large paper, same content', async () => {
    const notice = await call(
      server,
      'notices.save',
      base({ title: '关于开展环境卫生集中整治的通知', contact: '李主任 13800000009' }),
    )
    const pdf = await renderPdf(signed, printUrl(notice.id, 'wall'), 'wall')
    const info = pdfInfo(pdf.file)
    expect(Math.round(info.widthPt)).toBe(842)
    expect(Math.round(info.heightPt)).toBe(1191)
    expect(info.pages).toBe(pdf.announcedPages)
    const text = squeeze(pdfText(pdf.file))
    for (const expected of [
      '关于开展环境卫生集中整治的通知',
      notice.docNumber,
      '因管网检修，小区将临时停水。',
      '红光社区居民委员会',
      '2026年3月1日',
      '李主任13800000009',
    ]) {
      expect(text, expected).toContain(squeeze(expected))
    }
    snapshotPages(pdf.file, 'notice-wall')
    await pdf.page.close()
  })

  it('a body three pages long paginates as announced, with no line lost', async () => {
    const paragraphs = Array.from({ length: 11 }, (_, k) => ({
      type: 'paragraph' as const,
      text: `第${k + 1}段：${'为进一步加强小区环境卫生管理，营造整洁有序的居住环境，请各位居民自觉遵守垃圾分类规定。'.repeat(3)}结束${k + 1}。`,
    }))
    const notice = await call(
      server,
      'notices.save',
      base({ title: '关于加强小区环境卫生管理的通知', body: paragraphs }),
    )
    const pdf = await renderPdf(signed, printUrl(notice.id, 'official'), 'long')
    const info = pdfInfo(pdf.file)
    expect(info.pages).toBeGreaterThanOrEqual(3)
    expect(info.pages).toBe(pdf.announcedPages)
    const text = squeeze(pdfText(pdf.file))
    for (const p of paragraphs) expect(text).toContain(squeeze(p.text))
    expect(squeeze(pdfText(pdf.file, info.pages, info.pages))).toContain('2026年3月1日')
    snapshotPages(pdf.file, 'notice-long')
    await pdf.page.close()
  })

  it('prints hostile input as text, wrapped inside the margins, never executed', async () => {
    const notice = await call(
      server,
      'notices.save',
      base({
        title: '<script>window.__pwned=1</script>{{1+1}}',
        body: [
          { type: 'paragraph', text: '<img src=x onerror="window.__pwned=2"><b>不加粗</b>' },
          { type: 'paragraph', text: "{{ constructor.constructor('window.__pwned=3')() }}" },
          { type: 'paragraph', text: 'A'.repeat(2000) },
          { type: 'paragraph', text: '测'.repeat(2000) },
          { type: 'paragraph', text: '' },
        ],
        attachmentsNote: null,
        contact: null,
      }),
    )
    const pdf = await renderPdf(signed, printUrl(notice.id, 'official'), 'hostile')
    expect(await pdf.page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await pdf.page.locator('img').count()).toBe(0)
    const text = squeeze(pdfText(pdf.file))
    expect(text).toContain('<script>window.__pwned=1</script>{{1+1}}')
    expect(text).toContain('<imgsrc=xonerror="window.__pwned=2"><b>不加粗</b>')
    expect(text).toContain("{{constructor.constructor('window.__pwned=3')()}}")
    expect(text.match(/A/g)?.length).toBeGreaterThanOrEqual(2000)
    expect(text.match(/测/g)?.length).toBeGreaterThanOrEqual(2000)
    const rightEdgeLimit = mmToPt(210 - officialA4.margins.right) + 2
    const words = wordRightEdges(pdf.file)
    expect(words.length).toBeGreaterThan(0)
    const outside = words.filter((w) => w.xMax > rightEdgeLimit)
    expect(outside, JSON.stringify(outside.slice(0, 3))).toEqual([])
    expect(pdfInfo(pdf.file).pages).toBe(pdf.announcedPages)
    snapshotPages(pdf.file, 'notice-hostile')
    await pdf.page.close()
  })

  it('batch: one copy per compound, each with its own name filled in', async () => {
    const picked = compounds.slice(0, 3)
    const notice = await call(server, 'notices.fromTemplate', {
      templateId: 1,
      communityId: redLight,
      compoundIds: picked.map((c) => c.id),
    })
    expect(notice.title).toContain('{{小区名称}}')
    const pdf = await renderPdf(
      signed,
      printUrl(
        notice.id,
        'official',
        picked.map((c) => c.id),
      ),
      'batch',
    )
    const info = pdfInfo(pdf.file)
    expect(info.pages).toBe(picked.length)
    expect(info.pages).toBe(pdf.announcedPages)
    picked.forEach((c, i) => {
      const page = squeeze(pdfText(pdf.file, i + 1, i + 1))
      expect(page).toContain(`关于${c.name}临时停水停电的通知`)
      expect(page).toContain(`${c.name}全体居民：`)
      expect(page).not.toContain('{{')
    })
    await pdf.page.close()
  })
  it('announces no page count and offers no 打印 while the notice is still loading', async () => {
    const notice = await call(server, 'notices.save', base({}))
    const page = await signed.newPage()
    let release: () => void = () => undefined
    const held = new Promise<void>((r) => (release = r))
    await page.route('**/api/notices.get', async (route) => {
      await held
      await route.continue()
    })
    await page.goto(printUrl(notice.id, 'official'))
    await page.getByRole('button', { name: '关闭' }).waitFor()
    expect(await page.getByTestId('print-pages').count()).toBe(0)
    expect(await page.getByRole('button', { name: '打印' }).count()).toBe(0)
    release()
    await expect(page.getByTestId('print-pages').innerText()).resolves.toBe('共 1 页')
    await page.getByRole('button', { name: '打印' }).waitFor()
    await page.close()
  })
})
