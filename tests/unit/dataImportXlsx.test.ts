/**
 * Reading workbooks: the rows as Excel numbers them (blank rows skipped, not
 * renumbered), rich text and formula results as their text, a chosen sheet,
 * a damaged file refused in Chinese, and the row count a sheet declares
 * (for the progress bar).
 */
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { readSheet } from '../../electron/core/dataTransfer/sheetReader'
import { declaredRows } from '../../electron/core/dataTransfer/xlsxDimension'
import { fileBytes } from '../../electron/core/dataTransfer/fileBytes'
import { xlsxBytes } from '../fixtures/dataImport'

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('说明').addRow(['本表为示例'])
  const sheet = book.addWorksheet('名单')
  sheet.addRow(['姓名', '电话', '户数'])
  sheet.addRow(['张三', 13812345678, 3])
  sheet.addRow([])
  sheet.addRow([{ richText: [{ text: '欧阳' }, { text: '娜娜' }] }, '0851-8123456', { formula: 'B2*0+5', result: 5 }])
  return Buffer.from(await book.xlsx.writeBuffer())
}

describe('readSheet (.xlsx)', () => {
  it('reads the chosen sheet with Excel’s row numbers and plain values', async () => {
    const table = await readSheet({ type: 'xlsx', bytes: await workbook() }, { sheet: '名单' })
    expect(table.sheetName).toBe('名单')
    expect(table.sheetNames).toEqual(['说明', '名单'])
    expect(table.rows).toEqual([
      { row: 1, cells: ['姓名', '电话', '户数'] },
      { row: 2, cells: ['张三', 13812345678, 3] },
      { row: 4, cells: ['欧阳娜娜', '0851-8123456', 5] },
    ])
  })

  it('gives dates as day numbers, or as text for the preview', async () => {
    const bytes = await xlsxBytes({
      a: [['日期'], [new Date(Date.UTC(2024, 4, 6, 9, 30))], [new Date(Date.UTC(2024, 4, 7))]],
    })
    const read = await readSheet({ type: 'xlsx', bytes })
    expect(read.rows[1]!.cells[0]).toBeCloseTo(45418.3958, 3)
    const shown = await readSheet({ type: 'xlsx', bytes }, { datesAsText: true })
    expect(shown.rows.slice(1).map((r) => r.cells[0])).toEqual(['2024-05-06 09:30', '2024-05-07'])
  })

  it('reads the first sheet when none is chosen, and stops early for a preview', async () => {
    const bytes = await xlsxBytes({ 甲: Array.from({ length: 100 }, (_, i) => [`第${i + 1}行`]) })
    const table = await readSheet({ type: 'xlsx', bytes }, { limit: 5 })
    expect(table.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5])
  })

  it('refuses a damaged workbook or a missing sheet in Chinese', async () => {
    const bytes = await workbook()
    await expect(readSheet({ type: 'xlsx', bytes }, { sheet: '没有' })).rejects.toThrow('文件中没有名为“没有”的工作表')
    const broken = Buffer.concat([bytes.subarray(0, 200), Buffer.alloc(500)])
    await expect(readSheet({ type: 'xlsx', bytes: broken })).rejects.toThrow('无法读取该 .xlsx 文件')
  })
})

describe('fileBytes', () => {
  it('tells an old .xls and a workbook renamed to .csv apart by content', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2]).toString('base64')
    expect(() => fileBytes({ name: 'a.xlsx', base64: ole, gzip: false })).toThrow('旧版 Excel')
    const zip = (await workbook()).toString('base64')
    expect(fileBytes({ name: '名单.csv', base64: zip, gzip: false }).type).toBe('xlsx')
    expect(() => fileBytes({ name: 'a.csv', base64: 'AAAA', gzip: true })).toThrow('文件内容损坏或过大')
  })
})

describe('declaredRows', () => {
  it('reads the row count a sheet declares at its top', async () => {
    expect(declaredRows(await xlsxBytes({ a: Array.from({ length: 1234 }, (_, i) => ['x', i]) }))).toBe(1234)
    expect(declaredRows(Buffer.from('not a zip file, only text long enough to look through'))).toBeNull()
  })
})
