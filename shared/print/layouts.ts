/**
 * Which page geometry each printout uses, in one place: the print page sets
 * its @page rule from it and Electron's print window can pass the same
 * paper and margins to printToPDF, so preview and printout agree.
 */
import { formA4, officialA4, wallA3, type PageLayout } from './geometry'
import type { PrintDocument } from './target'
import type { PrintLayoutKind } from '../labels'

/**
 * Forms (a receipt to cut in two, registers, records with many fields, tables) use the tighter form
 * grid; documents read as letters or signed as one text (告知书, 申请书, 协议书, the 卷宗 cover) are 公文.
 */
const formDocuments: ReadonlySet<PrintDocument> = new Set<PrintDocument>([
  'visit-receipt',
  'complaint-record',
  'mediation-registration',
  'mediation-session',
  'mediation-oral',
  'mediation-followup',
  'mediation-index',
  'convention-opinion-form',
  'monthly-report',
])

export function pageLayoutOf(document: PrintDocument, layout: PrintLayoutKind = 'official'): PageLayout {
  if (document === 'notice') return layout === 'wall' ? wallA3 : officialA4
  // The 居民公约 goes on the wall like a notice: A4, or A3 in large type.
  if (document === 'convention-poster') return layout === 'wall' ? wallA3 : officialA4
  return formDocuments.has(document) ? formA4 : officialA4
}
