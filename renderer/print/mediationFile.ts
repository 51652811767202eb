/**
 * The 卷宗: its cover (卷名, 卷号, 调解员, 调解起止日期, 立卷人, 立卷日期,
 * 保管期限) and the 卷内目录 listing every item in order with its date and
 * page numbers, required items marked *. Before the case is closed both
 * print as a preview: what filing will fill in stays blank.
 */
import type { MediationCaseDetail, MediationOptions } from '../../shared/api/mediation'
import { mediationOutcomeLabels, retentionPeriodLabels } from '../../shared/mediation/labels'
import { printedDate } from './printDates'
import { caseName, requireAccepted, requireAccess, type FormRow } from './mediationCommon'

export interface PrintedCover {
  committee: string
  title: string
  rows: FormRow[]
  /** Not closed yet: the filing fields are blank. */
  preview: boolean
}

export interface PrintedIndexRow {
  seq: number
  title: string
  date: string
  pages: string
  /** * for an item the 卷宗 must hold. */
  note: string
}

export interface PrintedIndex {
  committee: string
  title: string
  caseName: string
  number: string
  rows: PrintedIndexRow[]
  footnote: string
  preview: boolean
}

/** 2026年3月2日至2026年3月20日; the end stays blank while mediation goes on. */
export function mediationPeriod(d: MediationCaseDetail): string {
  const from = d.acceptedOn ? printedDate(d.acceptedOn) : ''
  const to = d.concludedOn ? printedDate(d.concludedOn) : '　　年　　月　　日'
  return `${from}至${to}`
}

export function printedCover(d: MediationCaseDetail, options: MediationOptions): PrintedCover {
  requireAccess(d, 'mediation-cover')
  const number = requireAccepted(d, 'mediation-cover')
  return {
    committee: options.committeeName,
    title: '人民调解卷宗',
    rows: [
      { label: '卷名', value: caseName(d) },
      { label: '卷号', value: number },
      { label: '调解员', value: d.mediators.map((m) => m.name).join('、') },
      { label: '调解起止日期', value: mediationPeriod(d) },
      { label: '调解结果', value: d.outcome ? mediationOutcomeLabels[d.outcome] : '' },
      { label: '立卷人', value: d.file.filer ?? '' },
      { label: '立卷日期', value: d.file.filedOn ? printedDate(d.file.filedOn) : '' },
      { label: '保管期限', value: d.file.retention ? retentionPeriodLabels[d.file.retention] : '' },
    ],
    preview: d.status !== 'closed',
  }
}

export function printedIndex(d: MediationCaseDetail, options: MediationOptions): PrintedIndex {
  requireAccess(d, 'mediation-index')
  const number = requireAccepted(d, 'mediation-index')
  return {
    committee: options.committeeName,
    title: '卷内目录',
    caseName: caseName(d),
    number,
    rows: d.file.index.map((item, i) => ({
      seq: i + 1,
      title: item.title,
      date: item.date ? printedDate(item.date) : '',
      pages: item.pageRange,
      note: item.required ? '*' : '',
    })),
    footnote: '注：备注栏标“*”的为必备材料。',
    preview: d.status !== 'closed',
  }
}
