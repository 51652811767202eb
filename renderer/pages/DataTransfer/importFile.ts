/**
 * The file picked for import, ready for the API: its bytes as base64, a
 * .csv gzip-compressed first (CompressionStream, in Chromium and Electron)
 * so a register of 100,000 residents fits in one request. An .xlsx is a zip
 * already and goes as it is.
 */
import { maxImportBase64 } from '../../../shared/api/dataTransfer'

export interface PickedFile {
  name: string
  base64: string
  gzip: boolean
  /** The file's own size in bytes, for the screen. */
  size: number
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}

async function gzipped(bytes: Uint8Array): Promise<Uint8Array | null> {
  if (typeof CompressionStream === 'undefined') return null
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** The file ready to send, or a message saying why it cannot be imported. */
export async function readImportFile(file: File): Promise<PickedFile | string> {
  if (!/\.(xlsx|csv)$/i.test(file.name)) {
    return /\.xls$/i.test(file.name)
      ? '这是旧版 Excel（.xls）文件，请先在 Excel 或 WPS 中“另存为” .xlsx 格式后再导入'
      : '只能导入 .xlsx 或 .csv 文件'
  }
  if (file.size === 0) return '文件是空的，请检查后重新选择'
  const bytes = new Uint8Array(await file.arrayBuffer())
  const packed = /\.csv$/i.test(file.name) ? await gzipped(bytes) : null
  const base64 = toBase64(packed ?? bytes)
  if (base64.length > maxImportBase64) {
    return '文件过大（超过约5.8MB），请分成几个文件分别导入，或在 Excel 中另存为 .csv 后再导入'
  }
  return { name: file.name.slice(-200), base64, gzip: packed !== null, size: file.size }
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
