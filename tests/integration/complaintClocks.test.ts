/**
 * The clocks on real 诉求: statutory calendar days, working days per kind
 * counted over the 2026 Spring Festival and National Day 调休, a year with no
 * bundled data using the schedule an administrator entered, the due-soon and
 * overdue states, the list filter and the 工作台 as days pass.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Ctx } from '../../electron/core/context'
import type { ComplaintContentInput } from '../../shared/api/complaints'
import type { IntakeOptions } from '../../shared/api/intakeSettings'
import { call, ctx } from '../fixtures/core'
import {
  act,
  at,
  complaintInput,
  createComplaint,
  createVisit,
  secondClerk,
  useIntakeCore,
  type IntakeRefs,
} from '../fixtures/intake'

async function setOptions(core: Core, change: Partial<IntakeOptions>): Promise<void> {
  const current = await call(core, 'intake.getOptions', {})
  await call(core, 'intake.saveOptions', { ...current, ...change })
}

/** Logs a 诉求 at `when` and accepts it the same moment. */
async function acceptedAt(core: Core, refs: IntakeRefs, when: string, content: Partial<ComplaintContentInput> = {}) {
  const clock = at(when)
  const c = await createComplaint(core, refs, content, clock)
  return act(core, refs, c, 'accept', {}, clock)
}

describe('statutory clocks (the default)', () => {
  const env = useIntakeCore()

  it('gives 15 calendar days to accept from the date of receipt', async () => {
    const c = await createComplaint(env.core, env.refs)
    expect(c).toMatchObject({
      status: 'registered',
      receivedDate: '2026-03-01',
      acceptDue: '2026-03-16',
      dueDate: '2026-03-16',
      handleDue: null,
      clockState: 'ok',
    })
  })

  it('counts from when the visit happened, not when it was typed in', async () => {
    const visit = await createVisit(env.core, env.refs, [complaintInput(env.refs)], {
      visitedAt: '2026-02-20T10:00:00+08:00',
    })
    const c = await call(env.core, 'complaints.get', { id: visit.complaints[0]!.id })
    expect(c).toMatchObject({ receivedDate: '2026-02-20', acceptDue: '2026-03-07', dueDate: '2026-03-07' })
    expect(visit.complaints[0]!.acceptDue).toBe('2026-03-07')
  })

  it('gives 60 calendar days to handle from the day of acceptance, and at most 30 more', async () => {
    const c = await createComplaint(env.core, env.refs)
    const accepted = await act(env.core, env.refs, c, 'accept', {}, at('2026-03-10T10:00:00+08:00'))
    expect(accepted).toMatchObject({ acceptDue: '2026-03-16', handleDue: '2026-05-09', dueDate: '2026-05-09' })
    expect(accepted.acceptedAt).toBe(new Date('2026-03-10T10:00:00+08:00').toISOString())
    expect(accepted.timeline.at(-1)!.detail).toEqual({ handleDue: '2026-05-09', clockMode: 'statutory' })
    const extended = await act(env.core, env.refs, accepted, 'extend', { days: 30 })
    expect(extended).toMatchObject({ handleDue: '2026-06-08', dueDate: '2026-06-08' })
  })

  it('counts holidays as calendar days too, whatever the kind or urgency', async () => {
    const c = await acceptedAt(env.core, env.refs, '2026-02-13T10:00:00+08:00', { kind: 'inquiry', urgency: 'urgent' })
    expect(c).toMatchObject({ receivedDate: '2026-02-13', acceptDue: '2026-02-28', handleDue: '2026-04-14' })
  })

  it('marks a 诉求 resolved after its due date as not on time', async () => {
    const c = await createComplaint(env.core, env.refs)
    let late = await act(env.core, env.refs, c, 'accept')
    late = await act(env.core, env.refs, late, 'assign')
    const afterDue = at('2026-05-01T10:00:00+08:00')
    expect((await call(env.core, 'complaints.get', { id: c.id }, afterDue)).clockState).toBe('overdue')
    late = await act(env.core, env.refs, late, 'resolve', {}, afterDue)
    expect(late).toMatchObject({ resolvedOnTime: false, dueDate: null, clockState: null })

    let onTime = await act(env.core, env.refs, await createComplaint(env.core, env.refs), 'accept')
    onTime = await act(env.core, env.refs, onTime, 'assign')
    onTime = await act(env.core, env.refs, onTime, 'resolve', {}, at('2026-04-30T10:00:00+08:00'))
    expect(onTime.resolvedOnTime).toBe(true)
  })
})

describe('working-day clocks', () => {
  const env = useIntakeCore()
  beforeAll(async () => {
    await setOptions(env.core, { clockMode: 'workdays' })
  })

  it('count over the 2026 Spring Festival: 3 days for 咨询/求助, 13 for 投诉/建议, urgent the same day', async () => {
    const when = '2026-02-13T10:00:00+08:00' // a Friday; 02-14 is a make-up Saturday, 02-15..23 off
    const due = async (content: Partial<ComplaintContentInput>) =>
      (await acceptedAt(env.core, env.refs, when, content)).handleDue
    expect(await due({ kind: 'inquiry' })).toBe('2026-02-25')
    expect(await due({ kind: 'help' })).toBe('2026-02-25')
    expect(await due({ kind: 'complaint' })).toBe('2026-03-10') // counts the make-up Saturday 02-28
    expect(await due({ kind: 'suggestion' })).toBe('2026-03-10')
    expect(await due({ kind: 'complaint', urgency: 'urgent' })).toBe('2026-02-13')
  })

  it('keep acceptance on the statutory 15 calendar days', async () => {
    const c = await createComplaint(env.core, env.refs, { kind: 'inquiry' }, at('2026-02-13T10:00:00+08:00'))
    expect(c).toMatchObject({ acceptDue: '2026-02-28', dueDate: '2026-02-28' })
  })

  it('count over National Day and its make-up Sunday and Saturday', async () => {
    const due = async (when: string, content: Partial<ComplaintContentInput>) =>
      (await acceptedAt(env.core, env.refs, when, content)).handleDue
    expect(await due('2026-09-30T10:00:00+08:00', { kind: 'inquiry' })).toBe('2026-10-10')
    expect(await due('2026-09-30T10:00:00+08:00', { kind: 'complaint' })).toBe('2026-10-23')
    expect(await due('2026-09-18T10:00:00+08:00', { kind: 'help' })).toBe('2026-09-22') // Sunday 09-20 works
    expect(await due('2026-10-03T10:00:00+08:00', { kind: 'help', urgency: 'urgent' })).toBe('2026-10-08')
  })

  it('use the days an administrator set, for 诉求 accepted afterwards only', async () => {
    const before = await acceptedAt(env.core, env.refs, '2026-03-02T10:00:00+08:00', { kind: 'inquiry' })
    expect(before.handleDue).toBe('2026-03-05')
    await setOptions(env.core, { workdays: { inquiry: 1, help: 3, complaint: 13, suggestion: 13 } })
    const after = await acceptedAt(env.core, env.refs, '2026-03-02T10:00:00+08:00', { kind: 'inquiry' })
    expect(after.handleDue).toBe('2026-03-03')
    expect(after.timeline.at(-1)!.detail).toEqual({ handleDue: '2026-03-03', clockMode: 'workdays' })
    expect((await call(env.core, 'complaints.get', { id: before.id })).handleDue).toBe('2026-03-05')
    await setOptions(env.core, { workdays: { inquiry: 3, help: 3, complaint: 13, suggestion: 13 } })
  })
})

describe('a year with no bundled data', () => {
  const env = useIntakeCore()
  beforeAll(async () => {
    await setOptions(env.core, { clockMode: 'workdays' })
  })

  it('is listed as missing until an administrator enters its schedule', async () => {
    const in2026 = await call(env.core, 'intake.listSchedules', {})
    expect(in2026.bundledYears).toContain(2026)
    expect(in2026.bundledYears).not.toContain(2027)
    expect(in2026.missingYears).toEqual([2027])
    expect(in2026.entered).toEqual([])
    const in2027 = at('2027-01-04T10:00:00+08:00')
    expect((await call(env.core, 'intake.listSchedules', {}, in2027)).missingYears).toEqual([2027, 2028])

    const saved = await call(env.core, 'intake.saveSchedule', {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-01'],
      workdays: ['2027-01-09'],
    })
    expect(saved.entered).toEqual([{ year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-09'] }])
    expect(saved.missingYears).toEqual([])
    expect((await call(env.core, 'intake.listSchedules', {}, in2027)).missingYears).toEqual([2028])

    const removed = await call(env.core, 'intake.deleteSchedule', { year: 2027 })
    expect(removed.entered).toEqual([])
    expect(removed.missingYears).toEqual([2027])
  })

  it('counts with the entered schedule: the holiday is skipped and the make-up Saturday counts', async () => {
    const newYearsEve = '2026-12-31T10:00:00+08:00'
    const firstFriday = '2027-01-08T10:00:00+08:00'
    // Without a 2027 schedule only weekends are known.
    const plainA = await acceptedAt(env.core, env.refs, newYearsEve, { kind: 'inquiry' })
    const plainB = await acceptedAt(env.core, env.refs, firstFriday, { kind: 'help' })
    expect(plainA.handleDue).toBe('2027-01-05')
    expect(plainB.handleDue).toBe('2027-01-13')
    expect(plainB.number).toBe('2027-000001')

    await call(env.core, 'intake.saveSchedule', { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-09'] })
    const enteredA = await acceptedAt(env.core, env.refs, newYearsEve, { kind: 'inquiry' })
    const enteredB = await acceptedAt(env.core, env.refs, firstFriday, { kind: 'help' })
    expect(enteredA.handleDue).toBe('2027-01-06') // 01-01 off: 01-04, 01-05, 01-06
    expect(enteredB.handleDue).toBe('2027-01-12') // 01-09 works: 01-09, 01-11, 01-12
    expect(enteredB.timeline.at(-1)!.detail).toEqual({ handleDue: '2027-01-12', clockMode: 'workdays' })
  })
})

describe('due soon, overdue, the list filter and the 工作台', () => {
  const env = useIntakeCore()
  let other: Ctx
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    other = at('2026-02-01T10:00:00+08:00', await secondClerk(env.core))
    // Registered on these days, so on 03-01 (the fixed clock) their 15-day acceptance clocks are:
    const received: Record<string, string> = {
      overdue15: '2026-02-01', // due 02-16, 13 days overdue
      overdue1: '2026-02-13', // due 02-28, 1 day overdue
      today: '2026-02-14', // due 03-01
      inThree: '2026-02-17', // due 03-04
      inFour: '2026-02-18', // due 03-05
    }
    for (const [key, date] of Object.entries(received)) {
      const c = await createComplaint(env.core, env.refs, { request: `诉求${key}` }, at(`${date}T10:00:00+08:00`))
      ids[key] = c.id
    }
    const done = await act(
      env.core,
      env.refs,
      await createComplaint(env.core, env.refs, { request: '已驳回' }),
      'reject',
    )
    ids.rejected = done.id
    // Another clerk's: one overdue, one due soon.
    ids.othersOverdue = (await createComplaint(env.core, env.refs, { request: '他人超期' }, other)).id
    const othersSoon = at('2026-02-16T10:00:00+08:00', other.staff!)
    ids.othersSoon = (await createComplaint(env.core, env.refs, { request: '他人将到期' }, othersSoon)).id
  })

  const idsOf = (items: { id: number }[]) => items.map((c) => c.id).sort((a, b) => a - b)
  const sortedIds = (...keys: string[]) => keys.map((k) => ids[k]!).sort((a, b) => a - b)

  it('gives each 诉求 its clock state', async () => {
    const page = await call(env.core, 'complaints.list', { pageSize: 100 })
    const state = Object.fromEntries(page.items.map((c) => [c.id, c.clockState]))
    expect(state[ids.overdue15!]).toBe('overdue')
    expect(state[ids.overdue1!]).toBe('overdue')
    expect(state[ids.today!]).toBe('due_soon')
    expect(state[ids.inThree!]).toBe('due_soon')
    expect(state[ids.inFour!]).toBe('ok')
    expect(state[ids.rejected!]).toBeNull()
  })

  it('filters the list by clock state', async () => {
    const list = async (clock: 'ok' | 'due_soon' | 'overdue', as: Ctx = ctx) =>
      idsOf((await call(env.core, 'complaints.list', { clock, pageSize: 100 }, as)).items)
    expect(await list('overdue')).toEqual(sortedIds('overdue15', 'overdue1', 'othersOverdue'))
    expect(await list('due_soon')).toEqual(sortedIds('today', 'inThree', 'othersSoon'))
    expect(await list('ok')).toEqual(sortedIds('inFour'))
    // Four days later the ones due soon have run out and the 'ok' one is due today.
    const later = at('2026-03-05T10:00:00+08:00')
    expect(await list('overdue', later)).toEqual(
      sortedIds('overdue15', 'overdue1', 'today', 'inThree', 'othersOverdue', 'othersSoon'),
    )
    expect(await list('due_soon', later)).toEqual(sortedIds('inFour'))
  })

  it('shows on the 工作台 my 诉求 due within 3 days and everyone’s overdue ones', async () => {
    const board = await call(env.core, 'complaints.dashboard', {})
    expect(board.today).toBe('2026-03-01')
    // Mine: overdue or due within 3 days, most urgent first; not the other clerk's, not the 'ok' one.
    expect(board.mine.map((c) => c.id)).toEqual(['overdue15', 'overdue1', 'today', 'inThree'].map((k) => ids[k]))
    expect(board.mine.map((c) => c.dueDate)).toEqual(['2026-02-16', '2026-02-28', '2026-03-01', '2026-03-04'])
    expect(idsOf(board.overdue)).toEqual(sortedIds('overdue15', 'overdue1', 'othersOverdue'))
    expect(board.overdue.every((c) => c.clockState === 'overdue')).toBe(true)
    expect(board.counts).toEqual({ open: 7, dueSoon: 3, overdue: 3, registeredToday: 1 })

    // The other clerk sees their own.
    const theirs = await call(env.core, 'complaints.dashboard', {}, { ...other, clock: ctx.clock })
    expect(idsOf(theirs.mine)).toEqual(sortedIds('othersOverdue', 'othersSoon'))
  })

  it('ages as days pass and drops 诉求 once handled', async () => {
    const later = at('2026-03-05T10:00:00+08:00')
    const board = await call(env.core, 'complaints.dashboard', {}, later)
    expect(board.mine.map((c) => c.id)).toEqual(
      ['overdue15', 'overdue1', 'today', 'inThree', 'inFour'].map((k) => ids[k]),
    )
    expect(board.mine.at(-1)!.clockState).toBe('due_soon')
    expect(board.counts).toMatchObject({ overdue: 6, dueSoon: 1, registeredToday: 0 })

    // Accepting the overdue one starts its 60-day handling clock: it leaves both lists.
    const c = await call(env.core, 'complaints.get', { id: ids.overdue15! }, later)
    await act(env.core, env.refs, c, 'accept', {}, later)
    const after = await call(env.core, 'complaints.dashboard', {}, later)
    expect(after.mine.map((x) => x.id)).not.toContain(ids.overdue15)
    expect(after.overdue.map((x) => x.id)).not.toContain(ids.overdue15)
    expect(after.counts.overdue).toBe(5)
  })
})
