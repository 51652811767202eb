/**
 * 人民调解受理登记表: the register entry of a case as a ruled form — number,
 * source, type, the dates, every party with role and particulars, the facts,
 * the numbered 申请事项, the mediators, the decision on acceptance and who
 * registered it. Printable from registration on: before the decision the
 * number and 受理意见 stay blank for the pen.
 */
import type { MediationCaseDetail, MediationOptions } from '../../shared/api/mediation'
import { disputeTypeLabels, mediationSourceLabels } from '../../shared/mediation/labels'
import { printedDate } from './printDates'
import {
  formRows,
  mediatorLine,
  numbered,
  printedParties,
  requireAccess,
  type FormRow,
  type PrintedParty,
} from './mediationCommon'

export interface PrintedRegistration {
  committee: string
  title: string
  head: FormRow[]
  parties: PrintedParty[]
  body: FormRow[]
}

function source(d: MediationCaseDetail): string {
  const label = mediationSourceLabels[d.source]
  return d.complaint ? `${label}（诉求${d.complaint.number}）` : label
}

/** 受理意见: what was decided, or blank while the case waits. */
export function acceptanceOpinion(d: MediationCaseDetail): string {
  if (d.status === 'rejected') return `不予受理。理由：${d.rejectReason ?? ''}`
  if (d.acceptedOn) return `同意受理，于${printedDate(d.acceptedOn)}受理。`
  return ''
}

export function printedRegistration(d: MediationCaseDetail, options: MediationOptions): PrintedRegistration {
  requireAccess(d, 'mediation-registration')
  return {
    committee: options.committeeName,
    title: '人民调解受理登记表',
    head: formRows([
      { label: '编号', value: d.number ?? '' },
      { label: '登记日期', value: printedDate(d.registeredOn) },
      { label: '来源', value: source(d) },
      { label: '纠纷类型', value: disputeTypeLabels[d.disputeType] },
      { label: '受理日期', value: d.acceptedOn ? printedDate(d.acceptedOn) : '' },
      { label: '调解期限', value: d.dueDate ? printedDate(d.dueDate) : '' },
      d.visit ? { label: '来访登记', value: d.visit.number } : null,
    ]),
    parties: printedParties(d),
    body: formRows([
      { label: '纠纷简要情况', value: d.facts ?? '', wide: true },
      { label: '申请事项', value: numbered(d.requests).join('\n'), wide: true },
      { label: '调解员', value: mediatorLine(d), wide: true },
      { label: '受理意见', value: acceptanceOpinion(d), wide: true },
      { label: '登记人', value: d.registeredByName },
      { label: '负责人', value: '' },
    ]),
  }
}
