/**
 * Which page geometry each printout uses, in one place: the print page sets
 * its @page rule from it and Electron's print window can pass the same
 * paper and margins to printToPDF, so preview and printout agree.
 */
import { formA4, officialA4, wallA3, type PageLayout } from './geometry'
import type { PrintDocument } from './target'
import type { PrintLayoutKind } from '../labels'

export function pageLayoutOf(document: PrintDocument, layout: PrintLayoutKind = 'official'): PageLayout {
  if (document === 'notice') return layout === 'wall' ? wallA3 : officialA4
  // Forms (a receipt to cut in two, a register of events) use the tighter form grid; letters are 公文.
  return document === 'visit-receipt' || document === 'complaint-record' ? formA4 : officialA4
}
