/**
 * The uploaded file as bytes: base64 decoded, gunzipped when the renderer
 * compressed it (bounded, so a small upload cannot unpack into gigabytes),
 * and its type decided by its content, not only by its name.
 */
import { gunzipSync } from 'node:zlib'
import { ApiError } from '../../../shared/api/errors'

/** Far above any register (200,000 rows of text), far below what would hurt the PC. */
export const maxUnpackedBytes = 96 * 1024 * 1024

export type FileType = 'xlsx' | 'csv'

export interface UploadedFile {
  name: string
  base64: string
  gzip: boolean
}

export interface FileBytes {
  type: FileType
  bytes: Buffer
}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** The old binary .xls (OLE compound file): exceljs cannot read it. */
function isOle(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
}

export function fileBytes(file: UploadedFile): FileBytes {
  let bytes = Buffer.from(file.base64, 'base64')
  if (file.gzip) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxUnpackedBytes })
    } catch {
      throw new ApiError('VALIDATION', '文件内容损坏或过大，无法读取，请重新选择文件', 'file')
    }
  }
  if (bytes.length === 0) throw new ApiError('VALIDATION', '文件是空的，请检查后重新选择', 'file')
  const byName: FileType = /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv'
  if (isOle(bytes)) {
    throw new ApiError(
      'VALIDATION',
      '这是旧版 Excel（.xls）文件，请先在 Excel 或 WPS 中“另存为” .xlsx 格式后再导入',
      'file',
    )
  }
  if (byName === 'xlsx' && !isZip(bytes)) {
    throw new ApiError('VALIDATION', '文件不是有效的 .xlsx 表格，请在 Excel 中打开确认后重新保存', 'file')
  }
  // A workbook renamed to .csv is still read as a workbook.
  return { type: isZip(bytes) ? 'xlsx' : 'csv', bytes }
}
