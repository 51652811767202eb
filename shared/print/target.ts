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
  'mediation-application',
  'mediation-registration',
  'mediation-rights',
  'mediation-session',
  'mediation-agreement',
  'mediation-oral',
  'mediation-followup',
  'mediation-cover',
  'mediation-index',
  'convention-poster',
  'convention-vote',
  'convention-opinion-form',
  /** 月报: id = year × 100 + month (202611); part = one community's id, absent = the whole center. */
  'monthly-report',
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
  'mediation-application': '人民调解申请书',
  'mediation-registration': '人民调解受理登记表',
  'mediation-rights': '人民调解权利义务告知书',
  'mediation-session': '人民调解笔录',
  'mediation-agreement': '人民调解协议书',
  'mediation-oral': '口头协议登记表',
  'mediation-followup': '人民调解回访记录',
  'mediation-cover': '卷宗封面',
  'mediation-index': '卷内目录',
  'convention-poster': '居民公约（张贴）',
  'convention-vote': '表决结果公示',
  'convention-opinion-form': '征求意见表',
  'monthly-report': '月度统计报表',
}

export const printTarget = z.object({
  document: z.enum(printDocuments, { error: '不支持打印此类文书' }),
  id: z.number().int().positive(),
  layout: z.enum(printLayouts, { error: '请选择版式' }),
  /** One copy per compound, with its name filled in; empty = one plain copy. */
  compoundIds: z.array(z.number().int().positive()).max(500, '一次最多批量打印500份').default([]),
  /**
   * One part of the record: a mediation session or follow-up of case `id`; a
   * convention's version (poster, 征求意见表) or vote (表决结果公示). Absent = all
   * of them; for a convention the version in force (the form: the one being
   * written) or the latest vote.
   */
  part: z.number().int().positive().optional(),
})
export type PrintTarget = z.input<typeof printTarget>

export function printRoute(target: PrintTarget): string {
  const params = new URLSearchParams({ layout: target.layout })
  if (target.compoundIds && target.compoundIds.length > 0) params.set('compounds', target.compoundIds.join(','))
  if (target.part) params.set('part', String(target.part))
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
