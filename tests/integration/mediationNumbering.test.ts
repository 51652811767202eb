/**
 * Case numbers （2026）红人调字第N号: given at acceptance, by the year of
 * acceptance, restarting each year, gapless (a refused acceptance takes no
 * number) and unique when several are accepted at the same moment.
 */
import { describe, expect, it } from 'vitest'
import { apiErrorOf, call } from '../fixtures/core'
import { act, caseInput, useMediationCore } from './mediationFixtures'

describe('case numbers', () => {
  const env = useMediationCore('test')

  it('restart each year and follow the committee’s short name', async () => {
    const register = (registeredOn: string) =>
      call(env.core, 'mediation.register', caseInput({ registeredOn }), env.mediator)
    const late2025 = await act(env, await register('2025-12-29'), { action: 'accept', acceptedOn: '2025-12-30' })
    const also2025 = await act(env, await register('2025-12-30'), { action: 'accept', acceptedOn: '2025-12-31' })
    // Registered in 2025, accepted in 2026: the year of acceptance counts.
    const first2026 = await act(env, await register('2025-12-31'), { action: 'accept', acceptedOn: '2026-01-04' })
    expect([late2025.number, also2025.number, first2026.number]).toEqual([
      '（2025）红人调字第1号',
      '（2025）红人调字第2号',
      '（2026）红人调字第1号',
    ])
    await call(
      env.core,
      'mediation.saveOptions',
      { committeeName: '迎春社区人民调解委员会', shortName: '迎', judicialConfirmDays: 30, judicialReminderDays: 7 },
      env.admin,
    )
    const next = await act(env, await register('2026-02-01'), { action: 'accept', acceptedOn: '2026-02-02' })
    expect(next).toMatchObject({ number: '（2026）迎人调字第2号', year: 2026 })
    const byYear = await call(env.core, 'mediation.list', { year: 2025 }, env.mediator)
    expect(byYear.items.map((c) => c.number).sort()).toEqual(['（2025）红人调字第1号', '（2025）红人调字第2号'])
  })

  it('skip no number when an acceptance is refused', async () => {
    const a = await call(env.core, 'mediation.register', caseInput(), env.mediator)
    const refused = await apiErrorOf(() => act(env, a, { action: 'accept', acceptedOn: '2026-03-05' }))
    expect(refused.field).toBe('acceptedOn')
    const accepted = await act(env, a, { action: 'accept', acceptedOn: '2026-02-20' })
    expect(accepted.number).toBe('（2026）红人调字第1号')
  })

  it('are unique and gapless when accepted all at once', async () => {
    const cases = []
    for (let i = 0; i < 6; i++) cases.push(await call(env.core, 'mediation.register', caseInput(), env.mediator))
    const accepted = await Promise.all(cases.map((c) => act(env, c, { action: 'accept', acceptedOn: '2026-02-20' })))
    const seqs = accepted.map((c) => Number(/第(\d+)号/.exec(c.number!)![1])).sort((a, b) => a - b)
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6])
  })
})
