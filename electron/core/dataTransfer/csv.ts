/**
 * .csv as Chinese offices save it: UTF-8 with or without a BOM, GBK/GB18030
 * from Excel's 另存为 CSV, or UTF-16 from “Unicode 文本”; comma or tab
 * separated. Records follow RFC 4180 (quoted fields may hold commas, quotes
 * doubled, and line breaks), so record n is the row Excel shows as n.
 */

export interface DecodedText {
  text: string
  encoding: string
}

/** Node's TextDecoder (full ICU, also in Electron) knows GB18030, a superset of GBK and GB2312. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    // Not valid UTF-8: Excel's CSV on a Chinese Windows writes the ANSI code page, GBK.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' }
  }
}

/** Tab when the first line has tabs and no commas (“Unicode 文本” renamed to .csv), else comma. */
export function delimiterOf(text: string): ',' | '\t' {
  const end = text.search(/\r|\n/)
  const first = end < 0 ? text : text.slice(0, end)
  return first.includes('\t') && !first.includes(',') ? '\t' : ','
}

/**
 * Calls `onRecord` with each record's fields and its 1-based number. A
 * final line break does not make an extra record; blank lines are records
 * with one empty field (the caller skips them, keeping the numbering).
 */
export function parseCsv(text: string, onRecord: (fields: string[], n: number) => boolean | void): void {
  const sep = delimiterOf(text)
  const length = text.length
  let i = 0
  let n = 0
  while (i < length) {
    const fields: string[] = []
    for (;;) {
      let value: string
      if (text[i] === '"') {
        // Quoted: runs to the closing quote; "" is one quote.
        let out = ''
        let from = i + 1
        for (;;) {
          const q = text.indexOf('"', from)
          if (q < 0) {
            out += text.slice(from)
            i = length
            break
          }
          out += text.slice(from, q)
          if (text[q + 1] === '"') {
            out += '"'
            from = q + 2
          } else {
            i = q + 1
            break
          }
        }
        // Anything between the closing quote and the separator is kept, as Excel does.
        let j = i
        while (j < length && text[j] !== sep && text[j] !== '\n' && text[j] !== '\r') j++
        value = out + text.slice(i, j)
        i = j
      } else {
        let j = i
        while (j < length && text[j] !== sep && text[j] !== '\n' && text[j] !== '\r') j++
        value = text.slice(i, j)
        i = j
      }
      fields.push(value)
      if (i < length && text[i] === sep) {
        i++
        continue
      }
      break
    }
    if (text[i] === '\r') i++
    if (text[i] === '\n') i++
    n++
    if (onRecord(fields, n) === false) return
  }
}
