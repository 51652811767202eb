/**
 * The life of a 诉求 as a table: for each action, the statuses it may start
 * from and the status it leads to. Core refuses anything else with a message
 * that says why; the UI offers only what the table allows.
 *
 * 登记 → 受理 / 不予受理 → 交办 → 办理中 → 办结 → 回访 → 归档, with 退单 (a unit
 * hands it back to 已受理), 转办 (assign again), 延期 (once), escalation to
 * 调解 or 协商议事, and 合并 into an earlier duplicate.
 */
import { complaintStatusLabels, type ComplaintStatus } from '../intake/labels'

export const complaintActions = [
  'accept',
  'reject',
  'assign',
  'start',
  'return',
  'extend',
  'escalate_mediation',
  'consult',
  'resolve',
  'follow_up',
  'archive',
  'merge',
] as const
export type ComplaintAction = (typeof complaintActions)[number]

export const complaintActionLabels: Record<ComplaintAction, string> = {
  accept: '受理',
  reject: '不予受理',
  assign: '交办',
  start: '开始办理',
  return: '退单',
  extend: '延期',
  escalate_mediation: '转人民调解',
  consult: '提交协商议事',
  resolve: '办结',
  follow_up: '回访',
  archive: '归档',
  merge: '合并到其他诉求',
}

/** Events that are not transitions but still appear on the timeline. */
export const timelineOnlyEvents = ['register', 'reopen', 'link', 'merged_in', 'edit'] as const
export type TimelineOnlyEvent = (typeof timelineOnlyEvents)[number]
export type ComplaintEventKind = ComplaintAction | TimelineOnlyEvent
export const complaintEventLabels: Record<ComplaintEventKind, string> = {
  ...complaintActionLabels,
  register: '登记',
  reopen: '重新办理',
  link: '关联',
  merged_in: '并入重复诉求',
  edit: '修改内容',
}

const handling: readonly ComplaintStatus[] = ['accepted', 'assigned', 'in_progress']

interface Rule {
  from: readonly ComplaintStatus[]
  /** null: the status does not change (the action is recorded on the timeline). */
  to: ComplaintStatus | null
}

export const workflow: Record<ComplaintAction, Rule> = {
  accept: { from: ['registered'], to: 'accepted' },
  reject: { from: ['registered'], to: 'rejected' },
  assign: { from: handling, to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  return: { from: ['assigned', 'in_progress'], to: 'accepted' },
  extend: { from: handling, to: null },
  escalate_mediation: { from: handling, to: 'in_progress' },
  consult: { from: handling, to: 'in_progress' },
  resolve: { from: ['assigned', 'in_progress'], to: 'resolved' },
  // An unsatisfied follow-up sends it back to 办理中 instead (see nextStatus).
  follow_up: { from: ['resolved'], to: 'followed_up' },
  archive: { from: ['followed_up', 'rejected'], to: 'archived' },
  merge: { from: ['registered', ...handling], to: 'merged' },
}

export function allowedActions(status: ComplaintStatus): ComplaintAction[] {
  return complaintActions.filter((a) => workflow[a].from.includes(status))
}

export function canDo(action: ComplaintAction, status: ComplaintStatus): boolean {
  return workflow[action].from.includes(status)
}

/** Why an action is refused in a status, in words a clerk understands. */
export function refusalReason(action: ComplaintAction, status: ComplaintStatus): string {
  const from = workflow[action].from.map((s) => `“${complaintStatusLabels[s]}”`).join('、')
  return `该诉求当前为“${complaintStatusLabels[status]}”，不能${complaintActionLabels[action]}；只有${from}状态的诉求可以${complaintActionLabels[action]}`
}

export function nextStatus(action: ComplaintAction, status: ComplaintStatus, unsatisfied = false): ComplaintStatus {
  if (action === 'follow_up' && unsatisfied) return 'in_progress'
  return workflow[action].to ?? status
}

/** Statuses in which the matter is still open (counts for 工作台 and repeat-visit panels). */
export const openStatuses: readonly ComplaintStatus[] = ['registered', ...handling]
