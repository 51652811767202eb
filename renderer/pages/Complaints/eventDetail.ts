/**
 * A timeline event in words: which unit, how many days, the meeting's
 * participants, and the note under the name it has for that step (a 退单's
 * note is its reason, a 办结's is the result). What core records only for
 * itself (the clock mode, the previous unit) is left out.
 */
import type { ComplaintEvent } from '../../../shared/api/complaints'
import { answerKindLabels, satisfactionLabels, type AnswerKind, type Satisfaction } from '../../../shared/intake/labels'

export interface EventLine {
  label: string
  value: string
}

/** Per action: the detail keys shown, with their labels, in this order. */
const shownKeys: Record<string, [key: string, label: string][]> = {
  accept: [['handleDue', '办理期限']],
  assign: [
    ['unit', '承办单位'],
    ['assignee', '承办人'],
  ],
  return: [['unit', '退单单位']],
  extend: [
    ['days', '延期天数'],
    ['approver', '批准人'],
    ['to', '延至'],
  ],
  escalate_mediation: [['unit', '转交']],
  consult: [
    ['meetingDate', '议事日期'],
    ['participants', '参加人员'],
    ['decision', '议定事项'],
  ],
  resolve: [['answer', '答复意见']],
  follow_up: [
    ['date', '回访日期'],
    ['caller', '回访人'],
    ['satisfaction', '满意度'],
  ],
  merge: [['into', '合并到']],
  merged_in: [['from', '并入诉求']],
  link: [['other', '关联诉求']],
}

const noteLabels: Record<string, string> = {
  reject: '不予受理理由',
  return: '退单理由',
  extend: '延期理由',
  resolve: '办理结果',
  follow_up: '回访意见',
}

function valueText(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return null
  const s = String(value)
  if (key === 'days') return `${s}日`
  if (key === 'answer') return answerKindLabels[s as AnswerKind] ?? s
  if (key === 'satisfaction') return satisfactionLabels[s as Satisfaction] ?? s
  return s
}

export function eventLines(e: ComplaintEvent): EventLine[] {
  const lines: EventLine[] = []
  for (const [key, label] of shownKeys[e.action] ?? []) {
    const value = valueText(key, e.detail[key])
    if (value) lines.push({ label, value })
  }
  // 协商议事 records its decision as the note too; say it once.
  if (e.note && !lines.some((l) => l.value === e.note)) {
    lines.push({ label: noteLabels[e.action] ?? '备注', value: e.note })
  }
  return lines
}
