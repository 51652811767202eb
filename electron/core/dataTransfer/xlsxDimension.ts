/**
 * How many rows a worksheet says it has, read before the sheet itself: the
 * `<dimension ref="A1:H100001"/>` element Excel and WPS write at the top of
 * every sheet. Only the first kilobytes of the sheet are unpacked, so the
 * progress bar of a long .xlsx can move while exceljs reads it. A file
 * without the element (or an unusual zip) simply has no estimate.
 */
import { inflateRawSync, constants } from 'node:zlib'

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

interface Entry {
  name: string
  method: number
  compressedSize: number
  localOffset: number
}

function entries(zip: Buffer): Entry[] {
  // The end-of-central-directory record sits in the last 64 KB (after an optional comment).
  const from = Math.max(0, zip.length - 65_557)
  let eocd = -1
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return []
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const out: Entry[] = []
  for (let n = 0; n < count && at + 46 <= zip.length; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL) break
    const nameLength = zip.readUInt16LE(at + 28)
    const extra = zip.readUInt16LE(at + 30)
    const comment = zip.readUInt16LE(at + 32)
    out.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    })
    at += 46 + nameLength + extra + comment
  }
  return out
}

function head(zip: Buffer, entry: Entry): string | null {
  const at = entry.localOffset
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) return null
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  const slice = zip.subarray(start, Math.min(zip.length, start + Math.min(entry.compressedSize || 65_536, 65_536)))
  if (entry.method === 0) return slice.toString('utf8')
  if (entry.method !== 8) return null
  return inflateRawSync(slice, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8')
}

/** Rows the first worksheet (by part number) declares, or null when it does not say. */
export function declaredRows(zip: Buffer): number | null {
  try {
    const sheets = entries(zip)
      .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a.name)![1]) - Number(/(\d+)\.xml$/.exec(b.name)![1]))
    const first = sheets[0]
    if (!first) return null
    const text = head(zip, first)
    const m = text ? /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(text) : null
    return m ? Number(m[1]) : null
  } catch {
    return null
  }
}
