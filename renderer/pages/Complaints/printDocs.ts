/**
 * The printouts of a 诉求 and when each makes sense: a 受理告知书 once it was
 * accepted, an 延期告知书 once extended, and the full record at any time.
 * The documents themselves live under renderer/print.
 */
import type { ComplaintDetail } from '../../../shared/api/complaints'
import type { PrintDocument } from '../../../shared/print/target'

export interface PrintDoc {
  label: string
  /** The print route's document segment: #/print/<document>/<id>. */
  document: PrintDocument
  id: number
}

export function printDocsFor(d: ComplaintDetail): PrintDoc[] {
  const docs: PrintDoc[] = []
  if (d.acceptedAt) docs.push({ label: '受理告知书', document: 'complaint-accept', id: d.id })
  if (d.rejectReason !== null) docs.push({ label: '不予受理告知书', document: 'complaint-reject', id: d.id })
  if (d.resolvedAt) docs.push({ label: '办理答复意见书', document: 'complaint-reply', id: d.id })
  if (d.extensionDays !== null) docs.push({ label: '延期告知书', document: 'complaint-extension', id: d.id })
  docs.push({ label: '诉求办理单（含全过程）', document: 'complaint-record', id: d.id })
  if (d.visitId) docs.push({ label: '来访登记回执', document: 'visit-receipt', id: d.visitId })
  return docs
}
