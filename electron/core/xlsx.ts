/**
 * .xlsx files written with exceljs's streaming writer (several times faster
 * than building the workbook in memory), collected into one Buffer. Each
 * sheet has a bold, frozen header row. exceljs is loaded on the first
 * export, not at start-up: requiring it (and its zip libraries) took about a
 * tenth of serve mode's cold start, for a feature used a few times a day.
 */
import { PassThrough } from 'node:stream'

export interface XlsxColumn {
  header: string
  key: string
  width: number
}

export interface XlsxWorkbook {
  addSheet(name: string, columns: XlsxColumn[], rows: Iterable<Record<string, unknown>>): void
  finish(): Promise<Buffer>
}

export async function xlsxWorkbook(created: Date): Promise<XlsxWorkbook> {
  const { default: ExcelJS } = await import('exceljs')
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true })
  book.creator = '社区服务台'
  book.created = created
  return {
    addSheet(name, columns, rows) {
      const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
      sheet.columns = columns
      sheet.getRow(1).font = { bold: true }
      sheet.getRow(1).commit()
      for (const r of rows) sheet.addRow(r).commit()
      sheet.commit()
    },
    async finish() {
      await book.commit()
      return Buffer.concat(chunks)
    },
  }
}
