/**
 * What to print: a document kind, the record, the layout and (for batch
 * printing) the compounds to make one copy each for. `printRoute` turns it
 * into the renderer route that shows exactly that printout.
 */
import { z } from '../api/zod'
import { printLayouts } from '../labels'

export const printDocuments = [
  'notice',
  'visit-receipt',
  'complaint-accept',
  'complaint-reject',
  'complaint-reply',
  'complaint-extension',
  'complaint-record',
] as const
export type PrintDocument = (typeof printDocuments)[number]

/** What each printout is called on buttons, tabs and audit entries. */
export const printDocumentLabels: Record<PrintDocument, string> = {
  notice: '通知',
  'visit-receipt': '来访登记回执',
  'complaint-accept': '受理告知书',
  'complaint-reject': '不予受理告知书',
  'complaint-reply': '办理答复意见书',
  'complaint-extension': '延期告知书',
  'complaint-record': '诉求办理单',
}

export const printTarget = z.object({
  document: z.enum(printDocuments, { error: '不支持打印此类文书' }),
  id: z.number().int().positive(),
  layout: z.enum(printLayouts, { error: '请选择版式' }),
  /** One copy per compound, with its name filled in; empty = one plain copy. */
  compoundIds: z.array(z.number().int().positive()).max(500, '一次最多批量打印500份').default([]),
})
export type PrintTarget = z.input<typeof printTarget>

export function printRoute(target: PrintTarget): string {
  const params = new URLSearchParams({ layout: target.layout })
  if (target.compoundIds && target.compoundIds.length > 0) params.set('compounds', target.compoundIds.join(','))
  return `/print/${target.document}/${target.id}?${params.toString()}`
}

/** Parses the `compounds` query parameter back into ids, ignoring junk. */
export function parseCompoundIds(raw: unknown): number[] {
  if (typeof raw !== 'string' || raw === '') return []
  return raw
    .split(',')
    .map((s) => Number(s))
    .filter((n) => Number.isInteger(n) && n > 0)
}
