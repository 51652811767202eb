/**
 * The one-month clock on real cases at a fixed today (2026-03-01): the due
 * date a month after acceptance (1月31日 → 2月28日), due-soon and overdue
 * states in the list, its filter and the 工作台, and an extension only
 * with the parties' consent recorded, keeping the original due date.
 */
import { describe, expect, it } from 'vitest'
import type { MediationCaseDetail } from '../../shared/api/mediation'
import { apiErrorOf, call } from '../fixtures/core'
import { act, caseInput, useMediationCore, type MediationEnv } from './mediationFixtures'

async function acceptedOn(env: MediationEnv, day: string, as = env.mediator): Promise<MediationCaseDetail> {
  const c = await call(env.core, 'mediation.register', caseInput({ registeredOn: '2026-01-20' }), as)
  return act(env, c, { action: 'accept', acceptedOn: day }, as)
}

describe('the mediation clock', () => {
  const env = useMediationCore()
  const cases: Record<string, MediationCaseDetail> = {}

  it('is due one month after acceptance, the month’s last day when shorter', async () => {
    cases.jan31 = await acceptedOn(env, '2026-01-31')
    expect(cases.jan31).toMatchObject({ dueDate: '2026-02-28', originalDueDate: '2026-02-28', clockState: 'overdue' })
    cases.soon = await acceptedOn(env, '2026-02-05')
    expect(cases.soon).toMatchObject({ dueDate: '2026-03-05', clockState: 'due_soon' })
    cases.ok = await acceptedOn(env, '2026-02-25')
    expect(cases.ok).toMatchObject({ dueDate: '2026-03-25', clockState: 'ok' })
    // Due today still counts as due soon, not overdue.
    cases.today = await acceptedOn(env, '2026-02-01')
    expect(cases.today).toMatchObject({ dueDate: '2026-03-01', clockState: 'due_soon' })
    cases.others = await acceptedOn(env, '2026-02-02', env.otherMediator)
    expect(cases.others.clockState).toBe('due_soon')
  })

  it('filters the list by clock state', async () => {
    const ids = async (clock: 'ok' | 'due_soon' | 'overdue') =>
      (await call(env.core, 'mediation.list', { clock }, env.mediator)).items.map((c) => c.id).sort()
    expect(await ids('overdue')).toEqual([cases.jan31!.id])
    expect(await ids('due_soon')).toEqual([cases.soon!.id, cases.today!.id, cases.others!.id].sort())
    expect(await ids('ok')).toEqual([cases.ok!.id])
  })

  it('puts my due-soon and overdue cases on my 工作台, not other mediators’', async () => {
    const mine = await call(env.core, 'mediation.dashboard', {}, env.mediator)
    expect(mine.today).toBe('2026-03-01')
    expect(mine.dueSoon.map((c) => c.id)).toEqual([cases.jan31!.id, cases.today!.id, cases.soon!.id])
    const admin = await call(env.core, 'mediation.dashboard', {}, env.admin)
    expect(admin.dueSoon.map((c) => c.id)).toContain(cases.others!.id)
    expect((await call(env.core, 'mediation.dashboard', {}, env.viewer)).dueSoon).toEqual([])
  })

  it('stops once an outcome is recorded', async () => {
    const ended = await act(env, cases.jan31!, { action: 'terminate', date: '2026-02-20', reason: '申请人撤回申请' })
    expect(ended.clockState).toBeNull()
    expect(ended.dueDate).toBe('2026-02-28')
    const dash = await call(env.core, 'mediation.dashboard', {}, env.mediator)
    expect(dash.dueSoon.map((c) => c.id)).not.toContain(ended.id)
  })

  it('extends only to a later date with the parties’ consent, keeping the original due date', async () => {
    const c = cases.soon!
    const same = await apiErrorOf(() =>
      act(env, c, { action: 'extend', consentedOn: '2026-03-01', way: 'written', newDueDate: '2026-03-05' }),
    )
    expect(same).toMatchObject({
      code: 'VALIDATION',
      field: 'newDueDate',
      message: '延长后的期限应晚于当前期限（2026-03-05）',
    })
    const before = await apiErrorOf(() =>
      act(env, c, { action: 'extend', consentedOn: '2026-02-01', way: 'written', newDueDate: '2026-04-15' }),
    )
    expect(before.field).toBe('consentedOn')
    const noWay = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.act',
        {
          action: 'extend',
          id: c.id,
          version: c.version,
          consentedOn: '2026-03-01',
          newDueDate: '2026-04-15',
        } as never,
        env.mediator,
      ),
    )
    expect(noWay).toMatchObject({ field: 'way', message: '请选择双方同意的方式（书面/口头）' })
    const extended = await act(env, c, {
      action: 'extend',
      consentedOn: '2026-03-01',
      way: 'written',
      newDueDate: '2026-04-15',
      note: '需等待房屋鉴定结果',
    })
    expect(extended).toMatchObject({ dueDate: '2026-04-15', originalDueDate: '2026-03-05', clockState: 'ok' })
    expect(extended.extensions).toEqual([
      {
        consentedOn: '2026-03-01',
        way: 'written',
        fromDue: '2026-03-05',
        toDue: '2026-04-15',
        note: '需等待房屋鉴定结果',
        staffName: '王建国',
      },
    ])
    const again = await act(env, extended, {
      action: 'extend',
      consentedOn: '2026-03-01',
      way: 'oral',
      newDueDate: '2026-04-30',
    })
    expect(again.extensions.map((e) => [e.fromDue, e.toDue])).toEqual([
      ['2026-03-05', '2026-04-15'],
      ['2026-04-15', '2026-04-30'],
    ])
    expect(again.originalDueDate).toBe('2026-03-05')
  })
})
