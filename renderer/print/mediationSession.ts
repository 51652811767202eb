/**
 * 人民调解笔录 (人民调解工作若干规定 第三十五条: the record is signed by the
 * mediators and the parties): for one session its time, place, presiding
 * mediator, recorder, who attended in which capacity, whether it was open to
 * observers (and why not), the record itself, the next steps, and a
 * signature line for every attendee, the mediators and the recorder.
 */
import type { CaseSession, MediationCaseDetail, MediationOptions } from '../../shared/api/mediation'
import { disputeTypeLabels } from '../../shared/mediation/labels'
import { printedDateTime } from './printDates'
import {
  MediationPrintRefused,
  caseName,
  formRows,
  paragraphs,
  requireAccepted,
  requireAccess,
  type FormRow,
} from './mediationCommon'

export interface PrintedSession {
  committee: string
  title: string
  /** 第2次调解 */
  seqLabel: string
  number: string
  fields: FormRow[]
  /** The record as typed, one paragraph per line. */
  record: string[]
  nextSteps: string[]
  /** 张三（申请人）, 主持调解员王五, 记录人孙丽 — a line to sign each. */
  signers: string[]
}

export function openLine(s: CaseSession): string {
  return s.open ? '公开调解' : `不公开调解（理由：${s.closedReason ?? '未注明'}）`
}

export function attendeeLine(s: CaseSession): string {
  return s.attendees.map((a) => `${a.name}（${a.capacity}）`).join('、')
}

function signers(d: MediationCaseDetail, s: CaseSession): string[] {
  const lines = s.attendees.map((a) => `${a.name}（${a.capacity}）`)
  lines.push(`主持调解员${s.presidingName}`)
  for (const m of d.mediators) {
    if (m.staffId !== s.presidingStaffId) lines.push(`协助调解员${m.name}`)
  }
  lines.push(`记录人${s.recorder}`)
  return lines
}

export function printedSession(
  d: MediationCaseDetail,
  options: MediationOptions,
  s: CaseSession,
  number: string,
): PrintedSession {
  return {
    committee: options.committeeName,
    title: '人民调解笔录',
    seqLabel: `第${s.seq}次调解`,
    number,
    fields: formRows([
      { label: '时间', value: printedDateTime(s.heldAt) },
      { label: '地点', value: s.place },
      { label: '主持调解员', value: s.presidingName },
      { label: '记录人', value: s.recorder },
      { label: '案由', value: caseName(d), wide: true },
      { label: '纠纷类型', value: disputeTypeLabels[d.disputeType] },
      { label: '是否公开', value: openLine(s) },
      { label: '到场人员', value: attendeeLine(s), wide: true },
    ]),
    record: paragraphs(s.record),
    nextSteps: s.nextSteps ? paragraphs(s.nextSteps) : ['无'],
    signers: signers(d, s),
  }
}

/** The sessions to print: the one asked for (`part`), else all of them in order, each on its own pages. */
export function printedSessions(d: MediationCaseDetail, options: MediationOptions, part?: number): PrintedSession[] {
  requireAccess(d, 'mediation-session')
  const number = requireAccepted(d, 'mediation-session')
  const sessions = [...d.sessions].sort((a, b) => a.seq - b.seq)
  if (part !== undefined) {
    const one = sessions.find((s) => s.id === part)
    if (!one) throw new MediationPrintRefused('该案件没有这份调解笔录')
    return [printedSession(d, options, one, number)]
  }
  if (!sessions.length) throw new MediationPrintRefused('该案件还没有调解笔录')
  return sessions.map((s) => printedSession(d, options, s, number))
}
