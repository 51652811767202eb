/** The 诉求 workflow table, checked against the life of a 诉求 as the issue describes it. */
import { describe, expect, it } from 'vitest'
import {
  allowedActions,
  canDo,
  complaintActionLabels,
  complaintActions,
  complaintEventLabels,
  nextStatus,
  openStatuses,
  refusalReason,
  timelineOnlyEvents,
  type ComplaintAction,
} from '../../shared/complaints/workflow'
import { complaintStatuses, type ComplaintStatus } from '../../shared/intake/labels'

/**
 * Written out by hand from the issue: 登记 → 受理 / 不予受理 → 交办 → 办理中 →
 * 办结 → 回访 → 归档; 退单 back to 已受理; 延期, 调解, 协商议事 while handling;
 * 合并 while still open. 已归档 and 已合并 are final.
 */
const expected: Record<ComplaintStatus, ComplaintAction[]> = {
  registered: ['accept', 'reject', 'merge'],
  accepted: ['assign', 'extend', 'escalate_mediation', 'consult', 'merge'],
  rejected: ['archive'],
  assigned: ['assign', 'start', 'return', 'extend', 'escalate_mediation', 'consult', 'resolve', 'merge'],
  in_progress: ['assign', 'return', 'extend', 'escalate_mediation', 'consult', 'resolve', 'merge'],
  resolved: ['follow_up'],
  followed_up: ['archive'],
  archived: [],
  merged: [],
}

const leadsTo: Record<ComplaintAction, ComplaintStatus | 'unchanged'> = {
  accept: 'accepted',
  reject: 'rejected',
  assign: 'assigned',
  start: 'in_progress',
  return: 'accepted',
  extend: 'unchanged',
  escalate_mediation: 'in_progress',
  consult: 'in_progress',
  resolve: 'resolved',
  follow_up: 'followed_up',
  archive: 'archived',
  merge: 'merged',
}

describe('workflow table', () => {
  it.each(complaintStatuses)('allows exactly the expected actions from %s', (status) => {
    expect(allowedActions(status)).toEqual(expected[status])
  })

  it('canDo agrees with allowedActions for every action × status', () => {
    let allowed = 0
    for (const status of complaintStatuses) {
      for (const action of complaintActions) {
        expect(canDo(action, status), `${action} from ${status}`).toBe(expected[status].includes(action))
        if (canDo(action, status)) allowed++
      }
    }
    expect(allowed).toBe(26)
  })

  it('leads each allowed action to the expected status', () => {
    for (const status of complaintStatuses) {
      for (const action of allowedActions(status)) {
        const want = leadsTo[action] === 'unchanged' ? status : leadsTo[action]
        expect(nextStatus(action, status), `${action} from ${status}`).toBe(want)
      }
    }
  })

  it('sends an unsatisfied follow-up back to 办理中, a satisfied one to 已回访', () => {
    expect(nextStatus('follow_up', 'resolved', true)).toBe('in_progress')
    expect(nextStatus('follow_up', 'resolved', false)).toBe('followed_up')
    // The flag means nothing for other actions.
    expect(nextStatus('resolve', 'in_progress', true)).toBe('resolved')
  })

  it('keeps 已归档 and 已合并 final, and counts only 登记 and handling statuses as open', () => {
    expect(allowedActions('archived')).toEqual([])
    expect(allowedActions('merged')).toEqual([])
    expect([...openStatuses].sort()).toEqual(['accepted', 'assigned', 'in_progress', 'registered'])
  })
})

describe('refusal reasons', () => {
  it('say in Chinese what the status is, what was refused, and from where it is possible', () => {
    expect(refusalReason('archive', 'registered')).toBe(
      '该诉求当前为“登记”，不能归档；只有“已回访”、“不予受理”状态的诉求可以归档',
    )
    expect(refusalReason('accept', 'archived')).toBe('该诉求当前为“已归档”，不能受理；只有“登记”状态的诉求可以受理')
    expect(refusalReason('resolve', 'accepted')).toBe(
      '该诉求当前为“已受理”，不能办结；只有“已交办”、“办理中”状态的诉求可以办结',
    )
  })

  it('exist for every refused combination and never mention an English code', () => {
    for (const status of complaintStatuses) {
      for (const action of complaintActions) {
        if (canDo(action, status)) continue
        const reason = refusalReason(action, status)
        expect(reason).toContain(complaintActionLabels[action])
        expect(reason).not.toMatch(/[a-z_]{3,}/)
      }
    }
  })
})

describe('labels', () => {
  it('name every action and every timeline event in Chinese', () => {
    for (const kind of [...complaintActions, ...timelineOnlyEvents]) {
      expect(complaintEventLabels[kind]).toMatch(/^[\u4e00-\u9fff]+$/)
    }
    expect(complaintEventLabels.reopen).toBe('重新办理')
    expect(complaintActionLabels.return).toBe('退单')
  })
})
