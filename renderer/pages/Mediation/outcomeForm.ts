/**
 * The four ways a mediation ends, as one form: 达成书面协议 (terms with how,
 * where and by when), 达成口头协议 (its content), 调解不成 (the advice given)
 * and 终止 (the reason). `concludeInput` sends exactly the variant's fields.
 */
import type { MediationActInput } from '../../../shared/api/mediation'

export type ConcludeMode = 'conclude_written' | 'conclude_oral' | 'conclude_failed' | 'terminate'

export const concludeTitles: Record<ConcludeMode, string> = {
  conclude_written: '达成书面协议',
  conclude_oral: '达成口头协议',
  conclude_failed: '调解不成',
  terminate: '终止调解',
}

export interface TermForm {
  key: number
  content: string
  way: string
  place: string
  deadline: string
}

export interface ConcludeForm {
  date: string
  effectiveOn: string
  place: string
  disputePoints: string
  terms: TermForm[]
  content: string
  performBy: string
  text: string
}

let nextKey = 1

export function emptyTerm(): TermForm {
  return { key: nextKey++, content: '', way: '', place: '', deadline: '' }
}

/** What the law says the parties may do when mediation fails; the mediator adapts it. */
export const failedAdvice = '已告知当事人：可以依法向人民法院提起诉讼，或者向有关行政主管部门申请处理。'

export function emptyConcludeForm(mode: ConcludeMode, today: string, place: string): ConcludeForm {
  return {
    date: today,
    effectiveOn: today,
    place,
    disputePoints: '',
    terms: [emptyTerm()],
    content: '',
    performBy: '',
    text: mode === 'conclude_failed' ? failedAdvice : '',
  }
}

export function concludeInput(mode: ConcludeMode, id: number, version: number, f: ConcludeForm): MediationActInput {
  const target = { id, version }
  switch (mode) {
    case 'conclude_written':
      return {
        action: mode,
        ...target,
        agreedOn: f.date,
        effectiveOn: f.effectiveOn,
        place: f.place,
        disputePoints: f.disputePoints,
        terms: f.terms.map((t) => ({ content: t.content, way: t.way, place: t.place, deadline: t.deadline })),
      }
    case 'conclude_oral':
      return { action: mode, ...target, agreedOn: f.date, content: f.content, performBy: f.performBy }
    case 'conclude_failed':
      return { action: mode, ...target, date: f.date, advice: f.text }
    case 'terminate':
      return { action: mode, ...target, date: f.date, reason: f.text }
  }
}

/** The input fields each variant shows, for putting core's field errors in place. */
export const concludeFields: Record<ConcludeMode, string[]> = {
  conclude_written: ['agreedOn', 'effectiveOn', 'place', 'disputePoints', 'terms'],
  conclude_oral: ['agreedOn', 'content', 'performBy'],
  conclude_failed: ['date', 'advice'],
  terminate: ['date', 'reason'],
}
