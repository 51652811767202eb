/** Pure mediation rules: who reads what, what acceptance needs, which step from which status, names and numbers. */
import { describe, expect, it } from 'vitest'
import { accessOf, mayReadNames } from '../../electron/core/services/mediation/access'
import { acceptanceGaps } from '../../shared/mediation/acceptance'
import { actionFrom, canTake, mediationActionLabels, refusalOf } from '../../shared/mediation/actions'
import { mediationCaseNumber, partyNamesOf } from '../../shared/mediation/partyNames'
import { mediationClockState, mediationDueDate } from '../../shared/mediation/clock'
import { mediationStatuses } from '../../shared/mediation/labels'
import { auditDetailText } from '../../electron/core/services/auditText'

const admin = { id: 1, name: '管理员', role: 'admin' as const }
const mediator = { id: 7, name: '王建国', role: 'mediator' as const }
const desk = { id: 8, name: '李萍', role: 'front_desk' as const }
const viewer = { id: 9, name: '赵主任', role: 'viewer' as const }

describe('access per case', () => {
  it('is full for administrators and the case’s mediators', () => {
    expect(accessOf(admin, 'closed', [7])).toBe('full')
    expect(accessOf(mediator, 'accepted', [3, 7])).toBe('full')
  })
  it('is full for any 调解员 only while a registered case has nobody mediating it', () => {
    expect(accessOf(mediator, 'registered', [])).toBe('full')
    expect(accessOf(mediator, 'registered', [3])).toBe('registration')
    expect(accessOf(mediator, 'accepted', [])).toBe('registration')
  })
  it('is summary for 前台, 领导 and nobody, even on a case nobody mediates', () => {
    for (const staff of [desk, viewer, null]) expect(accessOf(staff, 'registered', [])).toBe('summary')
    expect(mayReadNames(desk)).toBe(false)
    expect(mayReadNames(viewer)).toBe(false)
    expect(mayReadNames(mediator)).toBe(true)
  })
})

describe('acceptance', () => {
  it('needs an applicant, a respondent and exactly one presiding mediator; agents do not count', () => {
    expect(acceptanceGaps([{ role: 'applicant' }, { role: 'respondent' }], [{ role: 'presiding' }])).toEqual([])
    expect(acceptanceGaps([{ role: 'applicant' }, { role: 'agent' }], [{ role: 'assisting' }])).toEqual([
      '被申请人',
      '主持调解员',
    ])
    expect(acceptanceGaps([], [{ role: 'presiding' }, { role: 'presiding' }])).toEqual([
      '申请人',
      '被申请人',
      '只能有一名主持调解员',
    ])
  })
})

describe('steps and statuses', () => {
  it('has a label and allowed statuses for every step', () => {
    for (const action of Object.keys(actionFrom) as (keyof typeof actionFrom)[]) {
      expect(mediationActionLabels[action]).toMatch(/\p{Script=Han}/u)
      for (const status of actionFrom[action]) expect(mediationStatuses).toContain(status)
    }
  })
  it('allows 司法确认 after closing but nothing else', () => {
    const afterClose = (Object.keys(actionFrom) as (keyof typeof actionFrom)[]).filter((a) => canTake(a, 'closed'))
    expect(afterClose).toEqual(['judicial'])
    expect(refusalOf('close', 'closed')).toBe('案件已结案归档，不能修改')
    expect(refusalOf('accept', 'accepted')).toBe('案件当前为“调解中”，不能受理')
  })
})

describe('names and numbers', () => {
  it('names a case by its sides, leaving agents out', () => {
    expect(
      partyNamesOf([
        { role: 'applicant', name: '张三' },
        { role: 'applicant', name: '张四' },
        { role: 'agent', name: '刘律师' },
        { role: 'respondent', name: '李四' },
        { role: 'third_party', name: '王五' },
      ]),
    ).toBe('张三、张四 与 李四')
    expect(partyNamesOf([{ role: 'applicant', name: '张三' }])).toBe('张三')
    expect(partyNamesOf([{ role: 'agent', name: '刘律师' }])).toBeNull()
  })
  it('formats the case number', () => {
    expect(mediationCaseNumber(2026, '迎', 12)).toBe('（2026）迎人调字第12号')
  })
  it('keeps the clock the contract describes', () => {
    expect(mediationDueDate('2026-01-31')).toBe('2026-02-28')
    expect(mediationDueDate('2028-01-31')).toBe('2028-02-29')
    expect(mediationClockState('2026-03-08', '2026-03-01', true)).toBe('due_soon')
    expect(mediationClockState('2026-03-09', '2026-03-01', true)).toBe('ok')
    expect(mediationClockState('2026-02-28', '2026-03-01', true)).toBe('overdue')
    expect(mediationClockState('2026-02-28', '2026-03-01', false)).toBeNull()
  })
})

describe('the audit viewer’s words for mediation events', () => {
  it('labels the step, the statuses and the codes', () => {
    expect(auditDetailText({ mediationAction: 'accept', fromStatus: 'registered', toStatus: 'accepted' })).toBe(
      '调解操作：受理；原状态：待受理；新状态：调解中',
    )
    expect(auditDetailText({ caseSource: 'complaint', parties: 1 })).toBe('案件来源：诉求转入；当事人数：1')
    expect(auditDetailText({ followUp: 3, performance: 'not_performed', nextFollowUp: '2026-03-16' })).toBe(
      '回访编号：3；履行情况：未履行；下次回访：2026-03-16',
    )
  })
})
