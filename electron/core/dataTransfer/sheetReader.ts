/**
 * Reads an uploaded .xlsx or .csv into rows of cells. Workbooks go through
 * exceljs's streaming reader (a fraction of the memory and about half the
 * time of loading the whole workbook), styles ignored: a date then arrives
 * as Excel's day number, which the date fields convert themselves.
 */
import { Readable } from 'node:stream'
import { ApiError } from '../../../shared/api/errors'
import { maxImportRows } from '../../../shared/api/dataTransfer'
import type { FileBytes, FileType } from './fileBytes'
import { decodeText, parseCsv } from './csv'
import { declaredRows } from './xlsxDimension'

/** A cell as read: text, a number (also Excel dates), a boolean, or nothing. */
export type Cell = string | number | boolean | null

export interface SheetRow {
  /** The row number Excel shows. */
  row: number
  cells: Cell[]
}

export interface SheetTable {
  type: FileType
  encoding: string | null
  sheetName: string | null
  sheetNames: string[]
  rows: SheetRow[]
}

export interface ReadOptions {
  sheet?: string | undefined
  /** Stop after this many rows (the preview needs only the top). */
  limit?: number
  /**
   * Dates as the text Excel shows (2024-05-06 09:30) rather than its day
   * numbers: for the preview's examples, where no field says which column
   * holds dates. Costs reading the styles, so only for the first rows.
   */
  datesAsText?: boolean
  /** Called now and then with the rows read so far; may throw to stop (cancel). */
  onProgress?: (rowsRead: number, fraction: number) => Promise<void> | void
}

function isBlank(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))
}

function tooMany(): ApiError {
  return new ApiError('VALIDATION', `文件超过${maxImportRows / 10000}万行，请分成几个文件分别导入`, 'file')
}

/** A date cell as Excel shows it (exceljs gives the wall time in UTC fields). */
function dateText(d: Date): string {
  const iso = d.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
}

/** exceljs's value shapes: rich text, formulas (their result), hyperlinks, errors. */
export function cellOf(value: unknown, datesAsText = false): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return datesAsText ? dateText(value) : value.getTime() / 86_400_000 + 25569
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('')
    if ('result' in v) return cellOf(v.result, datesAsText)
    if ('formula' in v || 'sharedFormula' in v) return null
    if ('text' in v) return cellOf(v.text, datesAsText)
    if ('error' in v) return null
  }
  return String(value)
}

async function readXlsx(bytes: Buffer, options: ReadOptions): Promise<SheetTable> {
  // The sheet's own row count, for the progress bar (the first sheet's; unknown for another).
  const declared = options.sheet === undefined ? declaredRows(bytes) : null
  // Loaded on first use, not at start-up (see xlsx.ts).
  const { default: ExcelJS } = await import('exceljs')
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: options.datesAsText ? 'cache' : 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  const rows: SheetRow[] = []
  const seen: string[] = []
  let sheetName: string | null = null
  const limit = options.limit ?? Infinity
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${seen.length + 1}`
      seen.push(name)
      if (options.sheet !== undefined && options.sheet !== name) {
        // Another sheet: read past it (the zip is read in order).
        for await (const row of worksheet) void row
        continue
      }
      for await (const row of worksheet) {
        const values = row.values as unknown[]
        const cells: Cell[] = []
        for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i], options.datesAsText))
        if (isBlank(cells)) continue
        rows.push({ row: row.number, cells })
        if (rows.length >= limit) break
        if (rows.length > maxImportRows) throw tooMany()
        if (rows.length % 2000 === 0) await options.onProgress?.(rows.length, declared ? rows.length / declared : 0)
      }
      sheetName = name
      break
    }
  } catch (err) {
    if (err instanceof ApiError) throw err
    throw new ApiError(
      'VALIDATION',
      '无法读取该 .xlsx 文件，可能已损坏或受密码保护，请在 Excel 中打开确认后重新保存',
      'file',
    )
  }
  const model = (reader as unknown as { model?: { sheets?: { name?: string }[] } }).model
  const listed = model?.sheets?.map((s) => s.name ?? '').filter(Boolean) ?? []
  if (sheetName === null) {
    if (options.sheet !== undefined) {
      throw new ApiError('VALIDATION', `文件中没有名为“${options.sheet}”的工作表，请重新选择`, 'sheet')
    }
    throw new ApiError('VALIDATION', '文件中没有工作表', 'file')
  }
  await options.onProgress?.(rows.length, 1)
  return { type: 'xlsx', encoding: null, sheetName, sheetNames: listed.length ? listed : seen, rows }
}

async function readCsv(bytes: Buffer, options: ReadOptions): Promise<SheetTable> {
  const { text, encoding } = decodeText(bytes)
  const rows: SheetRow[] = []
  const limit = options.limit ?? Infinity
  parseCsv(text, (fields, n) => {
    if (isBlank(fields)) return true
    rows.push({ row: n, cells: fields })
    if (rows.length > maxImportRows) throw tooMany()
    return rows.length < limit
  })
  await options.onProgress?.(rows.length, 1)
  return { type: 'csv', encoding, sheetName: null, sheetNames: [], rows }
}

export function readSheet(file: FileBytes, options: ReadOptions = {}): Promise<SheetTable> {
  return file.type === 'xlsx' ? readXlsx(file.bytes, options) : readCsv(file.bytes, options)
}
