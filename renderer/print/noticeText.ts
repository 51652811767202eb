/**
 * What a printed notice says, derived from the record: placeholders filled
 * for this copy, numbered items counted, 主送 line built from the audience.
 * Pure functions, shared by both layouts and the preview.
 */
import type { Notice } from '../../shared/api/notices'
import { fillPlaceholders, officialDate, type PlaceholderValues } from '../../shared/print/placeholders'

export interface PrintedBlock {
  kind: 'paragraph' | 'item'
  text: string
  bold: boolean
  /** "1．" for numbered items, restarting after each plain paragraph. */
  label: string
}

export interface PrintedNotice {
  title: string
  docNumber: string
  addressee: string
  blocks: PrintedBlock[]
  attachments: string[]
  issuerName: string
  date: string
  contact: string | null
}

export function placeholderValues(notice: Notice, compoundName: string | null): PlaceholderValues {
  return {
    社区名称: notice.communityName,
    发文单位: notice.issuerName,
    小区名称:
      compoundName ??
      (notice.compounds.length > 0 ? notice.compounds.map((c) => c.name).join('、') : notice.communityName),
  }
}

export function addresseeOf(notice: Notice, compoundName: string | null): string {
  if (compoundName) return `${compoundName}全体居民：`
  if (notice.audience === 'compounds' && notice.compounds.length > 0) {
    return `${notice.compounds.map((c) => c.name).join('、')}全体居民：`
  }
  return `${notice.communityName}全体居民：`
}

export function printedNotice(notice: Notice, compoundName: string | null): PrintedNotice {
  const values = placeholderValues(notice, compoundName)
  const fill = (s: string) => fillPlaceholders(s, values)
  let n = 0
  const blocks = notice.body
    .filter((b) => b.text.trim() !== '')
    .map((b): PrintedBlock => {
      n = b.type === 'item' ? n + 1 : 0
      return { kind: b.type, text: fill(b.text), bold: b.bold, label: b.type === 'item' ? `${n}．` : '' }
    })
  const attachments = (notice.attachmentsNote ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(fill)
  return {
    title: fill(notice.title),
    docNumber: notice.docNumber,
    addressee: addresseeOf(notice, compoundName),
    blocks,
    attachments,
    issuerName: notice.issuerName,
    date: officialDate(notice.issuedOn),
    contact: notice.contact,
  }
}
