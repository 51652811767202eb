/**
 * One form for every 办理 action; `actInput` picks exactly the fields of the
 * action's variant in `complaintActInput`, so what is sent is what the
 * dialog showed and nothing else.
 */
import type { ComplaintActInput } from '../../../shared/api/complaints'
import type { ComplaintAction } from '../../../shared/complaints/workflow'
import type { AnswerKind, Satisfaction } from '../../../shared/intake/labels'
import type { DisputeType } from '../../../shared/mediation/labels'

export interface ActionForm {
  note: string
  reason: string
  unitId: number | undefined
  assignee: string
  days: number | undefined
  approver: string
  meetingDate: string
  participants: string
  decision: string
  result: string
  answer: AnswerKind | undefined
  date: string
  caller: string
  satisfaction: Satisfaction | undefined
  comment: string
  targetId: number | undefined
  /** 转人民调解: the type the registered case starts with. */
  disputeType: DisputeType | undefined
}

export function emptyActionForm(today: string, staffName: string): ActionForm {
  return {
    note: '',
    reason: '',
    unitId: undefined,
    assignee: '',
    days: undefined,
    approver: '',
    meetingDate: today,
    participants: '',
    decision: '',
    result: '',
    answer: undefined,
    date: today,
    caller: staffName,
    satisfaction: undefined,
    comment: '',
    targetId: undefined,
    disputeType: 'other',
  }
}

// Unset selects go out as undefined so the schema's own "请选择…" message shows at the field.
export function actInput(action: ComplaintAction, id: number, version: number, f: ActionForm): ComplaintActInput {
  const target = { id, version }
  switch (action) {
    case 'accept':
    case 'start':
    case 'archive':
      return { action, ...target, note: f.note }
    case 'escalate_mediation':
      return { action, ...target, note: f.note, disputeType: f.disputeType as DisputeType }
    case 'reject':
    case 'return':
      return { action, ...target, reason: f.reason }
    case 'assign':
      return { action, ...target, unitId: f.unitId as number, assignee: f.assignee, note: f.note }
    case 'extend':
      return { action, ...target, days: f.days as number, approver: f.approver, reason: f.reason }
    case 'consult':
      return {
        action,
        ...target,
        meetingDate: f.meetingDate ?? '',
        participants: f.participants,
        decision: f.decision,
      }
    case 'resolve':
      return { action, ...target, result: f.result, answer: f.answer as AnswerKind }
    case 'follow_up':
      return {
        action,
        ...target,
        date: f.date ?? '',
        caller: f.caller,
        satisfaction: f.satisfaction as Satisfaction,
        comment: f.comment,
      }
    case 'merge':
      return { action, ...target, targetId: f.targetId as number }
  }
}

/** What the dialog says above the fields: the consequence of the step, in the clerk's words. */
export const actionHints: Partial<Record<ComplaintAction, string>> = {
  accept: '受理后按规定时限办理，可打印《受理告知书》交来访人。',
  reject: '不予受理须书面说明理由，可打印《不予受理告知书》。',
  assign: '交办给承办单位后，由其开始办理；承办单位可退单。',
  start: '承办单位已着手办理。',
  return: '退回后诉求回到“已受理”，可重新交办。',
  extend: '办理期限只能延长一次，最多30日，须经批准并书面告知来访人（《延期告知书》）。',
  escalate_mediation: '转入人民调解程序：登记一件待受理的调解案件，由调解员受理；诉求保持“办理中”。',
  consult: '记录协商议事会的日期、参加人员和议定事项，诉求保持“办理中”。',
  resolve: '办结后须书面答复（《办理答复意见书》），再进行回访。',
  follow_up: '回访“不满意”时，诉求将重新回到“办理中”。',
  archive: '归档后不再办理，记录完整保留。',
  merge: '合并后本诉求不再单独办理，其办理过程并入目标诉求的时间线。',
}
