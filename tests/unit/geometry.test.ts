/** Page geometry in millimetres (GB/T 9704-2012 for the official layout) and what is derived from it. */
import { describe, expect, it } from 'vitest'
import {
  charPitchMm,
  cssPageRule,
  electronPdfOptions,
  electronPrintPageSize,
  lineHeightMm,
  mmToInches,
  mmToMicrons,
  mmToPt,
  mmToPx,
  officialA4,
  pageSizeMm,
  pagesFor,
  textBlockMm,
  wallA3,
} from '../../shared/print/geometry'

describe('officialA4 (GB/T 9704-2012)', () => {
  it('has a 156 × 225 mm text block at top 37 mm, left 28 mm', () => {
    expect(textBlockMm(officialA4)).toEqual({ width: 156, height: 225 })
    expect(officialA4.margins.top).toBe(37)
    expect(officialA4.margins.left).toBe(28)
    expect(officialA4.paper).toBe('A4')
    expect(officialA4.orientation).toBe('portrait')
  })

  it('holds 22 lines of 28 characters, evenly pitched', () => {
    expect(officialA4.linesPerPage).toBe(22)
    expect(officialA4.charsPerLine).toBe(28)
    expect(lineHeightMm(officialA4)).toBeCloseTo(225 / 22, 10)
    expect(charPitchMm(officialA4)).toBeCloseTo(156 / 28, 10)
  })
})

describe('page sizes', () => {
  it('are A4 210 × 297 and A3 297 × 420 in portrait', () => {
    expect(pageSizeMm({ paper: 'A4', orientation: 'portrait' })).toEqual({ width: 210, height: 297 })
    expect(pageSizeMm({ paper: 'A3', orientation: 'portrait' })).toEqual({ width: 297, height: 420 })
  })

  it('swap width and height in landscape', () => {
    expect(pageSizeMm({ paper: 'A4', orientation: 'landscape' })).toEqual({ width: 297, height: 210 })
    expect(pageSizeMm({ paper: 'A3', orientation: 'landscape' })).toEqual({ width: 420, height: 297 })
  })
})

describe('unit conversions', () => {
  it('use 25.4 mm per inch, 96 px and 72 pt per inch', () => {
    expect(mmToInches(25.4)).toBe(1)
    expect(mmToPx(25.4)).toBe(96)
    expect(mmToPt(25.4)).toBe(72)
    expect(mmToMicrons(210)).toBe(210000)
    expect(mmToMicrons(0.0004)).toBe(0)
  })
})

describe('Electron options', () => {
  it('printToPDF gets the official margins in inches, A4, CSS page size preferred', () => {
    const options = electronPdfOptions(officialA4)
    expect(options.pageSize).toBe('A4')
    expect(options.landscape).toBe(false)
    expect(options.preferCSSPageSize).toBe(true)
    expect(options.margins.top).toBeCloseTo(37 / 25.4, 10)
    expect(options.margins.right).toBeCloseTo(26 / 25.4, 10)
    expect(options.margins.bottom).toBeCloseTo(35 / 25.4, 10)
    expect(options.margins.left).toBeCloseTo(28 / 25.4, 10)
  })

  it('print gets the page size in microns', () => {
    expect(electronPrintPageSize('A3')).toEqual({ width: 297000, height: 420000 })
    expect(electronPrintPageSize('A4')).toEqual({ width: 210000, height: 297000 })
  })
})

describe('cssPageRule', () => {
  it('declares the official size and margins in mm (top right bottom left)', () => {
    const rule = cssPageRule(officialA4)
    expect(rule).toContain('size: A4 portrait')
    expect(rule).toContain('margin: 37mm 26mm 35mm 28mm')
  })
})

describe('pagesFor', () => {
  const pagePx = mmToPx(225)

  it('counts exactly one page height as one page, one pixel more as two', () => {
    expect(pagesFor(officialA4, pagePx)).toBe(1)
    expect(pagesFor(officialA4, pagePx + 1)).toBe(2)
    expect(pagesFor(officialA4, pagePx * 3)).toBe(3)
  })

  it('never reports fewer than one page', () => {
    expect(pagesFor(officialA4, 0)).toBe(1)
  })
})

describe('wallA3', () => {
  it('is A3 with a text block that fits inside the page', () => {
    expect(wallA3.paper).toBe('A3')
    const page = pageSizeMm(wallA3)
    const block = textBlockMm(wallA3)
    expect(block.width).toBeGreaterThan(0)
    expect(block.height).toBeGreaterThan(0)
    expect(block.width + wallA3.margins.left + wallA3.margins.right).toBe(page.width)
    expect(block.height + wallA3.margins.top + wallA3.margins.bottom).toBe(page.height)
    expect(block.width).toBeLessThanOrEqual(297)
    expect(block.height).toBeLessThanOrEqual(420)
  })
})
