/**
 * 人民调解回访记录 (人民调解工作若干规定 第三十九条: the committee follows up
 * how an agreement is performed): the case and agreement it belongs to, who
 * was visited, when and by whom, how far the agreement is performed,
 * satisfaction, any lawsuit, remaining risk and the measures taken.
 */
import type { CaseFollowUp, MediationCaseDetail, MediationOptions } from '../../shared/api/mediation'
import { mediationOutcomeLabels, performanceStateLabels } from '../../shared/mediation/labels'
import { satisfactionLabels } from '../../shared/intake/labels'
import { printedDate } from './printDates'
import {
  MediationPrintRefused,
  formRows,
  partyRoster,
  requireAccepted,
  requireAccess,
  type FormRow,
} from './mediationCommon'

export interface PrintedFollowUp {
  committee: string
  title: string
  rows: FormRow[]
}

function lawsuitText(f: CaseFollowUp): string {
  if (f.lawsuit === null) return ''
  return f.lawsuit ? `是${f.lawsuitNote ? `：${f.lawsuitNote}` : ''}` : '否'
}

/** 协议编号 and its date: the agreement carries the case number. */
function agreementLine(d: MediationCaseDetail, number: string): string {
  if (!d.agreement || (d.outcome !== 'written_agreement' && d.outcome !== 'oral_agreement')) return '—'
  return `${number}（${mediationOutcomeLabels[d.outcome]}，${printedDate(d.agreement.agreedOn)}）`
}

export function printedFollowUp(d: MediationCaseDetail, options: MediationOptions, f: CaseFollowUp): PrintedFollowUp {
  const number = d.number ?? ''
  return {
    committee: options.committeeName,
    title: '人民调解回访记录',
    rows: formRows([
      { label: '案件编号', value: number },
      { label: '计划回访日期', value: printedDate(f.dueOn) },
      { label: '协议编号/日期', value: agreementLine(d, number), wide: true },
      { label: '回访对象', value: partyRoster(d), wide: true },
      { label: '回访日期', value: f.calledOn ? printedDate(f.calledOn) : '' },
      { label: '回访人', value: f.caller ?? '' },
      { label: '履行情况', value: f.performance ? performanceStateLabels[f.performance] : '' },
      { label: '满意度', value: f.satisfaction ? satisfactionLabels[f.satisfaction] : '' },
      { label: '是否起诉', value: lawsuitText(f), wide: true },
      { label: '遗留风险', value: f.risk ?? '无', wide: true },
      { label: '采取措施', value: f.measures ?? '无', wide: true },
    ]),
  }
}

/** The follow-ups to print: the one asked for (`part`), else every one already made, oldest first. */
export function printedFollowUps(d: MediationCaseDetail, options: MediationOptions, part?: number): PrintedFollowUp[] {
  requireAccess(d, 'mediation-followup')
  requireAccepted(d, 'mediation-followup')
  const done = d.followUps.filter((f) => f.calledOn !== null).sort((a, b) => a.calledOn!.localeCompare(b.calledOn!))
  if (part !== undefined) {
    const one = d.followUps.find((f) => f.id === part)
    if (!one) throw new MediationPrintRefused('该案件没有这次回访')
    if (one.calledOn === null) throw new MediationPrintRefused('这次回访尚未进行，不能打印回访记录')
    return [printedFollowUp(d, options, one)]
  }
  if (!done.length) throw new MediationPrintRefused('该案件还没有回访记录')
  return done.map((f) => printedFollowUp(d, options, f))
}
