/** The demo set's mediation cases: one in each state, mostly the demo 调解员's, who can sign in with them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { localContext } from '../../electron/core/context'
import { createDemoAccounts } from '../../electron/core/demo/accounts'
import { call, openTestCore } from '../fixtures/core'

let core: Core
beforeAll(async () => {
  core = await openTestCore()
  await core.call(localContext(), 'system.loadDemo', {})
  expect(await createDemoAccounts(core.db)).toBe(true)
}, 60_000)
afterAll(async () => {
  await core.close()
})

describe('demo mediation cases', () => {
  it('shows a case in each state, mostly presided by the demo 调解员', async () => {
    const { items } = await call(core, 'mediation.list', {}, localContext())
    expect(items.map((c) => c.status).sort()).toEqual(['accepted', 'accepted', 'closed', 'concluded', 'registered'])
    expect(items.filter((c) => c.presidingName === '陈建军')).toHaveLength(4)
    const escalated = items.find((c) => c.status === 'registered')!
    const detail = await call(core, 'mediation.get', { id: escalated.id }, localContext())
    expect(detail.complaint).not.toBeNull()
    expect(detail.parties.map((p) => p.role)).toEqual(['applicant', 'respondent'])
  })

  it('gives the demo 调解员 a sign-in, full access to the cases, and a 工作台 with each reminder', async () => {
    const signedIn = await call(
      core,
      'auth.signIn',
      { login: 'tiaojie', password: 'Guixi@2026-tj' },
      { ...localContext(), staff: null },
    )
    const staff = (await core.db('staff').where({ login: 'tiaojie' }).select('id', 'name', 'role')) as {
      id: number
      name: string
      role: 'mediator'
    }[]
    expect(staff).toHaveLength(1)
    expect(signedIn.staff.name).toBe('陈建军')
    const as = { ...localContext(), staff: staff[0]! }
    const dash = await call(core, 'mediation.dashboard', {}, as)
    expect(dash.dueSoon.length).toBeGreaterThan(0)
    expect(dash.followUps.length).toBeGreaterThan(0)
    expect(dash.judicial.length).toBeGreaterThan(0)
    const closed = (await call(core, 'mediation.list', { status: ['closed'] }, as)).items[0]!
    const file = (await call(core, 'mediation.get', { id: closed.id }, as)).file
    expect(file.missing).toEqual([])
    expect(file.index.map((i) => i.kind)).toEqual(
      expect.arrayContaining([
        'registration',
        'rights_notice',
        'identity',
        'session',
        'outcome',
        'follow_up',
        'back_cover',
      ]),
    )
  })
})
