/**
 * The dry run's findings: each problem tied to the spreadsheet row and the
 * column (by its heading in the file) it is about, in row order and, within
 * a row, column order. All are counted; the first ones are listed.
 */
import { maxListedProblems, type ImportProblem } from '../../../shared/api/dataTransfer'
import { fieldOf, type ImportKind } from '../../../shared/dataTransfer/fields'
import { columnName } from './mapping'

export interface ProblemList {
  add(row: number, field: string, message: string): void
  rowsWithProblems: Set<number>
  count(): number
  listed(): ImportProblem[]
}

export function problemList(kind: ImportKind, headers: readonly string[], columns: Map<string, number>): ProblemList {
  // Each with the position of its column, so a row's problems read left to right as in Excel.
  const items: (ImportProblem & { at: number })[] = []
  const rows = new Set<number>()
  let count = 0
  const seen = new Set<string>()
  return {
    add(row, field, message) {
      // One message per cell: a field failing two checks shows its first reason.
      const key = `${row}\u0000${field}`
      if (seen.has(key)) return
      seen.add(key)
      rows.add(row)
      count++
      const column = columns.get(field)
      const label = column === undefined ? (fieldOf(kind, field)?.label ?? field) : columnName(headers, column)
      items.push({ row, column: label, message, at: column ?? Number.MAX_SAFE_INTEGER })
    },
    rowsWithProblems: rows,
    count: () => count,
    listed: () =>
      items
        .sort((a, b) => a.row - b.row || a.at - b.at)
        .slice(0, maxListedProblems)
        .map(({ row, column, message }) => ({ row, column, message })),
  }
}
