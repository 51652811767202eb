/**
 * Reading one row's mapped cells, and turning the schema's complaints about
 * the row (zod issues on the form's own schema) into problems at the column
 * the field came from.
 */
import type { z } from '../../../shared/api/zod'
import { CellProblem } from './cells'
import type { ProblemList } from './problems'
import type { Cell, SheetRow } from './sheetReader'

export interface RowCells {
  row: number
  /** The cell mapped to `field` (null when the field is not mapped or the cell is empty). */
  cell(field: string): Cell
  /** Runs a conversion; a CellProblem becomes a problem at the field and the value `undefined`. */
  convert<T>(field: string, run: (cell: Cell) => T): T | undefined
}

/**
 * One reader for all rows (`at` moves it to the next): a big file is
 * 100,000 rows, and an object per row is garbage the collector must chase.
 */
export function rowReader(
  columns: Map<string, number>,
  problems: ProblemList,
): RowCells & { at(r: SheetRow): RowCells } {
  let current: SheetRow = { row: 0, cells: [] }
  const reader = {
    get row() {
      return current.row
    },
    at(r: SheetRow) {
      current = r
      return reader
    },
    cell(field: string): Cell {
      const c = columns.get(field)
      return c === undefined ? null : (current.cells[c] ?? null)
    },
    convert<T>(field: string, run: (cell: Cell) => T): T | undefined {
      try {
        return run(reader.cell(field))
      } catch (err) {
        if (!(err instanceof CellProblem)) throw err
        problems.add(current.row, field, err.message)
        return undefined
      }
    },
  }
  return reader
}

/** Each issue at the field its path names (`toField` maps schema paths to import fields). */
export function reportIssues(
  problems: ProblemList,
  row: number,
  error: z.ZodError,
  toField: (path: PropertyKey[]) => string,
): void {
  for (const issue of error.issues) {
    const field = toField(issue.path)
    // zod's own defaults do not say which field; ours do.
    const message = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '内容格式不正确'
    problems.add(row, field, message)
  }
}
