/**
 * 口头协议登记表 (人民调解法 第二十八条: for an oral agreement the mediator
 * records its content; 第三十条: it takes effect when reached): the number,
 * parties, the dispute in brief, what was agreed, on which day, by when it is
 * performed, the mediator and who recorded it.
 */
import type { MediationCaseDetail, MediationOptions } from '../../shared/api/mediation'
import { disputeTypeLabels } from '../../shared/mediation/labels'
import { printedDate } from './printDates'
import {
  MediationPrintRefused,
  formRows,
  mediatorLine,
  partyRoster,
  requireAccepted,
  requireAccess,
  type FormRow,
} from './mediationCommon'

export interface PrintedOral {
  committee: string
  title: string
  rows: FormRow[]
  effect: string
}

export function printedOral(d: MediationCaseDetail, options: MediationOptions): PrintedOral {
  requireAccess(d, 'mediation-oral')
  const number = requireAccepted(d, 'mediation-oral')
  const a = d.agreement
  if (d.outcome !== 'oral_agreement' || !a) {
    throw new MediationPrintRefused('该案件没有达成口头协议，不能打印口头协议登记表')
  }
  const performBy = a.performBy
  return {
    committee: options.committeeName,
    title: '口头协议登记表',
    rows: formRows([
      { label: '编号', value: number },
      { label: '纠纷类型', value: disputeTypeLabels[d.disputeType] },
      { label: '当事人', value: partyRoster(d), wide: true },
      { label: '纠纷简要情况', value: d.facts ?? '', wide: true },
      { label: '协议内容', value: a.oralContent ?? '', wide: true },
      { label: '达成协议日期', value: printedDate(a.agreedOn) },
      { label: '履行期限', value: performBy ? `${printedDate(performBy)}前` : '' },
      { label: '调解员', value: mediatorLine(d), wide: true },
      // The mediator who presided records the agreement (第二十八条); the form leaves room to sign.
      { label: '登记人', value: d.presidingName ?? '' },
      { label: '登记日期', value: printedDate(a.agreedOn) },
    ]),
    effect: '口头调解协议自各方当事人达成协议之日起生效（《中华人民共和国人民调解法》第三十条）。',
  }
}
