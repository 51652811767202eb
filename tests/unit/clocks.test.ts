/** The clocks a 诉求 runs against: 信访工作条例 calendar days, or working days per kind. */
import { describe, expect, it } from 'vitest'
import {
  acceptDueOf,
  clockStateOf,
  defaultClockSettings,
  dueText,
  handleDueOf,
  runningClock,
  statutory,
  type ClockSettings,
} from '../../shared/complaints/clocks'
import { createWorkCalendar } from '../../shared/calendar/workCalendar'
import { complaintStatuses } from '../../shared/intake/labels'

const calendar = createWorkCalendar()
const workdays: ClockSettings = { ...defaultClockSettings, mode: 'workdays' }

describe('statutory clocks (calendar days)', () => {
  it('are 15 days to decide on acceptance, 60 to handle, at most 30 more', () => {
    expect(statutory).toMatchObject({ acceptDays: 15, handleDays: 60, maxExtensionDays: 30 })
  })

  it('count acceptance from the date of receipt, through holidays and year ends', () => {
    expect(acceptDueOf('2026-03-01')).toBe('2026-03-16')
    expect(acceptDueOf('2026-02-13')).toBe('2026-02-28')
    expect(acceptDueOf('2026-12-25')).toBe('2027-01-09')
  })

  it('count handling 60 calendar days from acceptance, whatever the kind or urgency', () => {
    for (const kind of ['complaint', 'help', 'suggestion', 'inquiry'] as const) {
      expect(handleDueOf(defaultClockSettings, calendar, kind, 'normal', '2026-03-01')).toBe('2026-04-30')
      expect(handleDueOf(defaultClockSettings, calendar, kind, 'urgent', '2026-03-01')).toBe('2026-04-30')
    }
    expect(handleDueOf(defaultClockSettings, calendar, 'complaint', 'normal', '2026-02-13')).toBe('2026-04-14')
  })
})

describe('working-day clocks', () => {
  it('default to 3 working days for 咨询/求助 and 13 for 投诉/建议', () => {
    expect(defaultClockSettings.mode).toBe('statutory')
    expect(defaultClockSettings.workdays).toEqual({ inquiry: 3, help: 3, complaint: 13, suggestion: 13 })
  })

  it('count over the 2026 Spring Festival with its make-up Saturdays', () => {
    expect(handleDueOf(workdays, calendar, 'inquiry', 'normal', '2026-02-13')).toBe('2026-02-25')
    expect(handleDueOf(workdays, calendar, 'help', 'normal', '2026-02-13')).toBe('2026-02-25')
    expect(handleDueOf(workdays, calendar, 'complaint', 'normal', '2026-02-13')).toBe('2026-03-10')
    expect(handleDueOf(workdays, calendar, 'suggestion', 'normal', '2026-02-13')).toBe('2026-03-10')
  })

  it('count over National Day with its make-up Sunday and Saturday', () => {
    expect(handleDueOf(workdays, calendar, 'inquiry', 'normal', '2026-09-30')).toBe('2026-10-10')
    expect(handleDueOf(workdays, calendar, 'complaint', 'normal', '2026-09-30')).toBe('2026-10-23')
    expect(handleDueOf(workdays, calendar, 'help', 'normal', '2026-09-18')).toBe('2026-09-22')
  })

  it('make an urgent matter due the same working day', () => {
    expect(handleDueOf(workdays, calendar, 'complaint', 'urgent', '2026-02-13')).toBe('2026-02-13')
    expect(handleDueOf(workdays, calendar, 'help', 'urgent', '2026-02-16')).toBe('2026-02-24')
    expect(handleDueOf(workdays, calendar, 'inquiry', 'urgent', '2026-09-20')).toBe('2026-09-20')
  })

  it('use the configured number of days per kind', () => {
    const custom: ClockSettings = { mode: 'workdays', workdays: { inquiry: 1, help: 2, complaint: 5, suggestion: 10 } }
    expect(handleDueOf(custom, calendar, 'inquiry', 'normal', '2026-03-02')).toBe('2026-03-03')
    expect(handleDueOf(custom, calendar, 'help', 'normal', '2026-03-02')).toBe('2026-03-04')
    expect(handleDueOf(custom, calendar, 'complaint', 'normal', '2026-03-02')).toBe('2026-03-09')
    expect(handleDueOf(custom, calendar, 'suggestion', 'normal', '2026-03-02')).toBe('2026-03-16')
  })
})

describe('which clock runs', () => {
  it('is acceptance while registered, handling while accepted/assigned/in progress, none after', () => {
    const expected = {
      registered: 'accept',
      accepted: 'handle',
      assigned: 'handle',
      in_progress: 'handle',
      rejected: null,
      resolved: null,
      followed_up: null,
      archived: null,
      merged: null,
    } as const
    for (const status of complaintStatuses) expect(runningClock(status), status).toBe(expected[status])
  })
})

describe('clock state and badge text', () => {
  it('is due soon from 3 days before through the due day, overdue the day after', () => {
    expect(clockStateOf(null, '2026-03-01')).toBeNull()
    expect(clockStateOf('2026-03-05', '2026-03-01')).toBe('ok')
    expect(clockStateOf('2026-03-04', '2026-03-01')).toBe('due_soon')
    expect(clockStateOf('2026-03-01', '2026-03-01')).toBe('due_soon')
    expect(clockStateOf('2026-02-28', '2026-03-01')).toBe('overdue')
  })

  it('says how many days are left or overdue', () => {
    expect(dueText('2026-03-04', '2026-03-01')).toBe('还剩3天')
    expect(dueText('2026-03-01', '2026-03-01')).toBe('今天到期')
    expect(dueText('2026-02-27', '2026-03-01')).toBe('已超期2天')
  })
})
