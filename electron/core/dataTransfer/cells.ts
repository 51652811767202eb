/**
 * Turning a cell into what a form field holds. Excel hands over numbers for
 * what people see as text (a phone typed without a leading apostrophe, a
 * date), and loses digits of an ID number kept as a number: such cells are
 * converted where that is exact and refused with a reason where it is not.
 */
import type { Cell } from './sheetReader'

export class CellProblem extends Error {}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_DAYS = 25569

/** The cell as the text Excel shows for it (numbers without grouping or exponent where exact). */
export function textOf(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'string') return unwrapFormulaText(cell).trim()
  if (typeof cell === 'boolean') return cell ? '是' : '否'
  if (Number.isInteger(cell) && Math.abs(cell) < Number.MAX_SAFE_INTEGER) return cell.toFixed(0)
  return String(cell)
}

/** `="0851-8123456"`: how CSV writers keep Excel from turning text into a number. */
function unwrapFormulaText(s: string): string {
  const m = /^="(.*)"$/.exec(s.trim())
  return m ? m[1]!.replace(/""/g, '"') : s
}

/** Null for an empty cell, else the trimmed text. */
export function optionalTextOf(cell: Cell): string | null {
  const s = textOf(cell)
  return s === '' ? null : s
}

/** A phone number: a number cell is fine (11 digits survive); ‘1.38E+10’ text is not. */
export function phoneOf(cell: Cell): string | null {
  const s = textOf(cell)
  if (/^\d(\.\d+)?E\+\d+$/i.test(s)) {
    throw new CellProblem('电话号码被 Excel 显示成了科学计数法，请把该列设为文本格式后重新填写')
  }
  return s === '' ? null : s
}

/**
 * An ID number. Stored as a number, Excel keeps only 15 significant digits:
 * the last ones are already lost in the file, so the row is refused.
 */
export function idNumberOf(cell: Cell): string | null {
  if (typeof cell === 'number' || /^\d(\.\d+)?E\+\d+$/i.test(textOf(cell))) {
    throw new CellProblem('身份证号在 Excel 中被存成了数字，后几位已经丢失；请把该列设为文本格式，重新填写号码后再导入')
  }
  const s = textOf(cell).replace(/\s/g, '')
  return s === '' ? null : s
}

export function integerOf(cell: Cell, label: string): number | null {
  const s = textOf(cell)
    .replace(/[,，\s]/g, '')
    .replace(/[人户栋岁]$/, '')
  if (s === '') return null
  if (!/^-?\d+$/.test(s)) throw new CellProblem(`${label}应为整数，文件中为“${textOf(cell).slice(0, 20)}”`)
  return Number(s)
}

export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** The cell held a time of day, not only a date. */
  hasTime: boolean
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function valid(t: WallTime): boolean {
  const d = new Date(Date.UTC(t.year, t.month - 1, t.day))
  return (
    t.year >= 1900 &&
    t.year <= 2100 &&
    d.getUTCFullYear() === t.year &&
    d.getUTCMonth() === t.month - 1 &&
    d.getUTCDate() === t.day &&
    t.hour < 24 &&
    t.minute < 60 &&
    t.second < 60
  )
}

function fromSerial(serial: number): WallTime {
  const ms = Math.round((serial - EXCEL_EPOCH_DAYS) * 86_400_000)
  const d = new Date(ms)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    hasTime: serial % 1 !== 0,
  }
}

const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(上午|下午)?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*(?:[:：分]\s*(\d{1,2})\s*秒?)?\s*分?)?$/

/**
 * A date, with or without a time, as registers write them: 2025-03-01,
 * 2025/3/1 9:30, 2025.3.1, 2025年3月1日, 20250301, or an Excel date.
 */
export function wallTimeOf(cell: Cell, label: string): WallTime | null {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return null
  const problem = () =>
    new CellProblem(`${label}“${textOf(cell).slice(0, 30)}”不是有效的日期，请写成 2025-03-01 或 2025-03-01 09:30`)
  if (typeof cell === 'number') {
    // 20250301 typed as a number is a date written without separators, not day 20 million.
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 21001231) return wallTimeOf(String(cell), label)
    if (cell < 1 || cell > 73051) throw problem()
    const t = fromSerial(cell)
    if (!valid(t)) throw problem()
    return t
  }
  const s = textOf(cell)
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  const m = compact ? null : DATE_TEXT.exec(s)
  if (!compact && !m) throw problem()
  const parts = (compact ?? m)!
  let hour = m?.[5] ? Number(m[5]) : 0
  if (m?.[4] === '下午' && hour < 12) hour += 12
  if (m?.[4] === '上午' && hour === 12) hour = 0
  const t: WallTime = {
    year: Number(parts[1]),
    month: Number(parts[2]),
    day: Number(parts[3]),
    hour,
    minute: m?.[6] ? Number(m[6]) : 0,
    second: m?.[7] ? Number(m[7]) : 0,
    hasTime: Boolean(m?.[5]),
  }
  if (!valid(t)) throw problem()
  return t
}

export function isoDateOf(t: WallTime): string {
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`
}

/** The instant a wall-clock time in the center's time zone (this machine's) stands for. */
export function instantOf(t: WallTime): string {
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second).toISOString()
}
