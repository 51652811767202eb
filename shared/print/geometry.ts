/**
 * Page geometry for every printout, declared once in millimetres. The print
 * CSS (@page), the on-screen preview and Electron's printToPDF/print options
 * are all derived from these numbers, so preview = printout.
 *
 * The official layout follows GB/T 9704-2012: A4, top margin 37 mm, left
 * 28 mm, text block 156 × 225 mm holding 22 lines of 28 characters, title in
 * 2号 (22 pt) 小标宋, body in 3号 (16 pt) 仿宋.
 */
export type Paper = 'A4' | 'A3'
export type Orientation = 'portrait' | 'landscape'

export const paperSizesMm: Record<Paper, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
}

export interface Margins {
  top: number
  right: number
  bottom: number
  left: number
}

export interface PageLayout {
  paper: Paper
  orientation: Orientation
  /** Millimetres. */
  margins: Margins
  /** Text lines per page; every vertical distance is a whole number of lines. */
  linesPerPage: number
  charsPerLine: number
  bodyFontPt: number
  titleFontPt: number
}

export function pageSizeMm(layout: Pick<PageLayout, 'paper' | 'orientation'>): { width: number; height: number } {
  const size = paperSizesMm[layout.paper]
  return layout.orientation === 'portrait' ? size : { width: size.height, height: size.width }
}

export function textBlockMm(layout: PageLayout): { width: number; height: number } {
  const page = pageSizeMm(layout)
  return {
    width: page.width - layout.margins.left - layout.margins.right,
    height: page.height - layout.margins.top - layout.margins.bottom,
  }
}

/** Line pitch in mm: the text block height divided into equal lines. */
export function lineHeightMm(layout: PageLayout): number {
  return textBlockMm(layout).height / layout.linesPerPage
}

/** Character pitch in mm: the text block width divided into equal characters. */
export function charPitchMm(layout: PageLayout): number {
  return textBlockMm(layout).width / layout.charsPerLine
}

/** GB/T 9704-2012 公文 layout on A4. */
export const officialA4: PageLayout = {
  paper: 'A4',
  orientation: 'portrait',
  margins: { top: 37, right: 26, bottom: 35, left: 28 },
  linesPerPage: 22,
  charsPerLine: 28,
  bodyFontPt: 16,
  titleFontPt: 22,
}

/** Large type for the notice board, on A3: readable from a few steps away. */
export const wallA3: PageLayout = {
  paper: 'A3',
  orientation: 'portrait',
  margins: { top: 30, right: 25, bottom: 30, left: 25 },
  linesPerPage: 24,
  charsPerLine: 23,
  bodyFontPt: 30,
  titleFontPt: 48,
}

/**
 * Forms on A4 (来访登记回执, 诉求办理单): tighter margins and 12 pt type on a
 * 40-line grid, so a receipt's two parts fit on one sheet and a timeline
 * reads like a register. Same rule as the official layout: every vertical
 * distance is a whole number of lines, so the preview counts pages exactly.
 */
export const formA4: PageLayout = {
  paper: 'A4',
  orientation: 'portrait',
  margins: { top: 18, right: 18, bottom: 18, left: 22 },
  linesPerPage: 40,
  charsPerLine: 40,
  bodyFontPt: 12,
  titleFontPt: 18,
}

export const MM_PER_INCH = 25.4
export const PX_PER_INCH = 96
export const PT_PER_INCH = 72

export const mmToInches = (mm: number): number => mm / MM_PER_INCH
export const mmToPx = (mm: number): number => (mm / MM_PER_INCH) * PX_PER_INCH
export const mmToPt = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH
export const mmToMicrons = (mm: number): number => Math.round(mm * 1000)

/** The CSS @page rule for a layout. */
export function cssPageRule(layout: PageLayout): string {
  const m = layout.margins
  return `@page { size: ${layout.paper} ${layout.orientation}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`
}

/** Options for Electron's webContents.printToPDF (inches). */
export function electronPdfOptions(layout: PageLayout) {
  const m = layout.margins
  return {
    pageSize: layout.paper,
    landscape: layout.orientation === 'landscape',
    margins: {
      top: mmToInches(m.top),
      right: mmToInches(m.right),
      bottom: mmToInches(m.bottom),
      left: mmToInches(m.left),
    },
    printBackground: true,
    preferCSSPageSize: true,
  }
}

/** Options for Electron's webContents.print (page size in microns). */
export function electronPrintPageSize(paper: Paper): { width: number; height: number } {
  const size = paperSizesMm[paper]
  return { width: mmToMicrons(size.width), height: mmToMicrons(size.height) }
}

/** How many pages a document of this rendered height fills (preview page count). */
export function pagesFor(layout: PageLayout, contentHeightPx: number): number {
  const pagePx = mmToPx(textBlockMm(layout).height)
  // A hair of tolerance: layout rounding must not invent an empty page.
  return Math.max(1, Math.ceil((contentHeightPx - 0.5) / pagePx))
}
