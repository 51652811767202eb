/**
 * The column mapping: which file column fills which field. It is checked
 * against the kind's fields and the file's headings, and remembered per file
 * layout (the kind and its normalised heading row) in `settings`, so next
 * month's register in the same layout comes preselected.
 */
import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import { importFields, normaliseHeader, type ColumnMapping, type ImportKind } from '../../../shared/dataTransfer/fields'
import { textOf } from './cells'
import type { SheetRow } from './sheetReader'

/** Rows searched for the heading row (a title and a blank line often sit above it). */
const HEADER_SEARCH_ROWS = 20

export interface Layout {
  /** Index in the table's rows of the heading row. */
  index: number
  /** Its spreadsheet row number. */
  row: number
  headers: string[]
}

/** The row among the first ones that names the most fields; the first non-empty row if none does. */
export function findLayout(rows: readonly SheetRow[], score: (cells: string[]) => number): Layout {
  let best = -1
  let bestScore = 0
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const s = score(rows[i]!.cells.map(textOf))
    if (s > bestScore) {
      best = i
      bestScore = s
    }
  }
  if (best < 0) best = 0
  const top = rows[best]
  if (!top) throw new ApiError('VALIDATION', '文件中没有内容，请检查是否选错了文件', 'file')
  const headers = top.cells.map(textOf)
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop()
  if (headers.length === 0) throw new ApiError('VALIDATION', '文件中没有找到标题行', 'file')
  return { index: best, row: top.row, headers }
}

/** The name a column goes by in problems and selects: its heading, or 第N列 when it has none. */
export function columnName(headers: readonly string[], column: number): string {
  return headers[column] || `第${column + 1}列`
}

export function layoutKey(kind: ImportKind, headers: readonly string[]): string {
  const normal = headers.map(normaliseHeader).join('\u001f')
  return `import.layout.${kind}.${createHash('sha256').update(normal).digest('hex').slice(0, 32)}`
}

interface Remembered {
  mapping: ColumnMapping
  savedAt: string
}

export async function rememberedMapping(
  db: Knex | Knex.Transaction,
  kind: ImportKind,
  headers: readonly string[],
): Promise<Remembered | null> {
  const row = (await db('settings')
    .where({ key: layoutKey(kind, headers) })
    .first('value')) as { value: string } | undefined
  if (!row) return null
  try {
    const saved = JSON.parse(row.value) as Remembered
    // A field added or a column gone since: keep what still fits.
    const mapping: ColumnMapping = {}
    for (const f of importFields[kind]) {
      const col = saved.mapping[f.key]
      mapping[f.key] = typeof col === 'number' && col < headers.length ? col : null
    }
    return { mapping, savedAt: saved.savedAt }
  } catch {
    return null
  }
}

export async function rememberMapping(
  trx: Knex.Transaction,
  kind: ImportKind,
  headers: readonly string[],
  mapping: ColumnMapping,
  now: string,
): Promise<void> {
  const value: Remembered = { mapping, savedAt: now }
  await trx('settings')
    .insert({ key: layoutKey(kind, headers), value: JSON.stringify(value), updated_at: now })
    .onConflict('key')
    .merge()
}

/**
 * The mapping a run uses: only the kind's fields, columns that exist, each
 * column once, and every required field present. Problems name the field
 * (`mapping.<field>`) so the mapping table can mark the row.
 */
export function checkedMapping(
  kind: ImportKind,
  mapping: Record<string, number | null>,
  headers: readonly string[],
): Map<string, number> {
  const fields = importFields[kind]
  const result = new Map<string, number>()
  const byColumn = new Map<number, string>()
  for (const [key, column] of Object.entries(mapping)) {
    const field = fields.find((f) => f.key === key)
    if (!field) throw new ApiError('VALIDATION', `“${key}”不是可导入的项目，请刷新页面后重新对应`, `mapping.${key}`)
    if (column === null) continue
    if (column >= headers.length) {
      throw new ApiError('VALIDATION', `${field.label}对应的列在文件中不存在，请重新选择`, `mapping.${key}`)
    }
    const other = byColumn.get(column)
    if (other !== undefined) {
      const otherLabel = fields.find((f) => f.key === other)?.label ?? other
      throw new ApiError(
        'VALIDATION',
        `“${columnName(headers, column)}”列同时对应了${otherLabel}和${field.label}，一列只能对应一项`,
        `mapping.${key}`,
      )
    }
    byColumn.set(column, key)
    result.set(key, column)
  }
  for (const f of fields) {
    if (f.required && !result.has(f.key)) {
      throw new ApiError('VALIDATION', `请为“${f.label}”选择文件中的列（必填项）`, `mapping.${f.key}`)
    }
  }
  return result
}
