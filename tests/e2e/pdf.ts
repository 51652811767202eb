/**
 * Print routes rendered to PDF by Chromium, read back with poppler
 * (pdftotext, pdfinfo, pdffonts) the way a person would check a printout.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page, BrowserContext } from 'playwright-core'

export interface RenderedPdf {
  file: string
  /** The page count the print page itself announced (its preview count). */
  announcedPages: number
  page: Page
}

interface PageGlobals {
  document: { documentElement: { dataset: Record<string, string | undefined> } }
}

export async function waitForPrintReady(page: Page): Promise<void> {
  // Functions, not strings (the page's CSP forbids eval); typed by hand since the node tsconfig has no DOM.
  await page.waitForFunction(
    () => {
      const d = (globalThis as unknown as PageGlobals).document.documentElement.dataset
      return d.printReady === 'true' || !!d.printError
    },
    null,
    { timeout: 60_000 },
  )
  const error = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.printError ?? null,
  )
  if (error) throw new Error(`print page error: ${error}`)
}

export async function renderPdf(browser: Browser | BrowserContext, url: string, name: string): Promise<RenderedPdf> {
  const page = await browser.newPage()
  await page.goto(url)
  await waitForPrintReady(page)
  const announced = await page.locator('.toolbar').innerText()
  const m = /共 (\d+) 页/.exec(announced)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cd-pdf-')), `${name}.pdf`)
  await page.pdf({ path: file, preferCSSPageSize: true })
  return { file, announcedPages: m?.[1] ? Number(m[1]) : NaN, page }
}

export function pdfText(file: string, firstPage?: number, lastPage?: number): string {
  const args = ['-layout', '-enc', 'UTF-8']
  if (firstPage) args.push('-f', String(firstPage))
  if (lastPage) args.push('-l', String(lastPage))
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' })
}

/** Text with all whitespace removed, to compare content across line wraps. */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, '')
}

export function pdfInfo(file: string): { pages: number; widthPt: number; heightPt: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1])
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) }
}

export interface PdfFont {
  name: string
  type: string
  embedded: boolean
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2)
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s{2,}/)
      const flags = l.trim().split(/\s+/)
      return { name: cols[0] ?? '', type: cols[1] ?? '', embedded: flags[flags.length - 5] === 'yes' }
    })
}

/** Right edge of every word on every page, in points (pdftotext -bbox). */
export function wordRightEdges(file: string): { word: string; xMax: number; pageWidth: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const out: { word: string; xMax: number; pageWidth: number }[] = []
  let pageWidth = 0
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)"/.exec(line)
    if (p) pageWidth = Number(p[1])
    const w = /<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(line)
    if (w) out.push({ word: w[2] ?? '', xMax: Number(w[1]), pageWidth })
  }
  return out
}
