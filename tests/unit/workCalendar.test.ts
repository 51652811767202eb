/**
 * The official working-day calendar. Expected dates are counted by hand from
 * the State Council notices (and checked against the bundled chinese-days
 * data): 2026 春节 off 02-15..02-23 with make-up Saturdays 02-14 and 02-28;
 * 国庆 off 10-01..10-07 with make-up Sunday 09-20 and Saturday 10-10; 中秋
 * off 09-25..09-27.
 */
import { describe, expect, it } from 'vitest'
import { differenceInCalendarDays, parseISO } from 'date-fns'
import bundledData from 'chinese-days/dist/chinese-days.json'
import {
  addCalendarDays,
  addWorkdays,
  bundledSchedule,
  bundledYears,
  createWorkCalendar,
  daysBetween,
  isIsoDate,
  isWeekend,
  localDate,
} from '../../shared/calendar/workCalendar'

const calendar = createWorkCalendar()
const data = bundledData as { holidays: Record<string, string>; workdays: Record<string, string> }

function range(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d)
  return out
}

describe('the bundled 2026 data', () => {
  it('has the 2026 Spring Festival and National Day as the notice says', () => {
    for (const d of range('2026-02-15', '2026-02-23')) expect(data.holidays[d], d).toMatch(/春节/)
    for (const d of range('2026-10-01', '2026-10-07')) expect(data.holidays[d], d).toMatch(/国庆/)
    expect(
      Object.keys(data.workdays)
        .filter((d) => d.startsWith('2026-'))
        .sort(),
    ).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
  })

  it('covers 2026 but not 2027, which an administrator must enter', () => {
    expect(bundledYears()).toContain(2026)
    expect(bundledYears()).not.toContain(2027)
    expect(calendar.sourceOf(2026)).toBe('bundled')
    expect(calendar.sourceOf(2027)).toBe('none')
    expect(bundledSchedule(2027)).toBeNull()
    const y2026 = bundledSchedule(2026)!
    expect(y2026.holidays).toContain('2026-02-17')
    expect(y2026.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
  })
})

describe('isWorkday', () => {
  it('knows the Spring Festival holiday and its make-up Saturdays', () => {
    expect(isWeekend('2026-02-14')).toBe(true)
    expect(calendar.isWorkday('2026-02-14')).toBe(true)
    expect(calendar.isWorkday('2026-02-28')).toBe(true)
    for (const d of range('2026-02-15', '2026-02-23')) expect(calendar.isWorkday(d), d).toBe(false)
    expect(calendar.isWorkday('2026-02-13')).toBe(true)
    expect(calendar.isWorkday('2026-02-24')).toBe(true)
    expect(calendar.isWorkday('2026-03-01')).toBe(false) // an ordinary Sunday
  })

  it('knows National Day and its make-up Sunday and Saturday', () => {
    expect(new Date('2026-09-20T12:00:00Z').getUTCDay()).toBe(0)
    expect(calendar.isWorkday('2026-09-20')).toBe(true)
    expect(calendar.isWorkday('2026-10-10')).toBe(true)
    for (const d of range('2026-10-01', '2026-10-07')) expect(calendar.isWorkday(d), d).toBe(false)
    expect(calendar.isWorkday('2026-10-08')).toBe(true)
    expect(calendar.isWorkday('2026-10-11')).toBe(false)
  })

  it('knows only weekends in a year without data', () => {
    expect(calendar.isWorkday('2027-01-01')).toBe(true) // a Friday; the real holiday is unknown
    expect(calendar.isWorkday('2027-01-02')).toBe(false)
  })

  it('uses an entered schedule for its year, over bundled data too', () => {
    const entered = createWorkCalendar([
      { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-09'] },
      { year: 2026, holidays: ['2026-03-02'], workdays: [] },
    ])
    expect(entered.sourceOf(2027)).toBe('entered')
    expect(entered.sourceOf(2026)).toBe('entered')
    expect(entered.isWorkday('2027-01-01')).toBe(false)
    expect(entered.isWorkday('2027-01-09')).toBe(true)
    expect(entered.isWorkday('2027-01-10')).toBe(false)
    expect(entered.isWorkday('2026-03-02')).toBe(false)
    // The entered 2026 replaces the bundled one: the Spring Festival is no longer known.
    expect(entered.isWorkday('2026-02-16')).toBe(true)
    expect(entered.isWorkday('2026-02-14')).toBe(false)
    expect(entered.sourceOf(2028)).toBe('none')
  })
})

describe('addWorkdays', () => {
  it('counts over the Spring Festival: 3 and 13 working days from Friday 02-13', () => {
    // 02-14 (make-up Sat) 1, 02-24 2, 02-25 3.
    expect(addWorkdays(calendar, '2026-02-13', 3)).toBe('2026-02-25')
    // …02-26 4, 02-27 5, 02-28 (make-up Sat) 6, 03-02..03-06 7–11, 03-09 12, 03-10 13.
    expect(addWorkdays(calendar, '2026-02-13', 13)).toBe('2026-03-10')
    expect(addWorkdays(calendar, '2026-02-13', 1)).toBe('2026-02-14')
  })

  it('counts over National Day and 中秋', () => {
    // From Wed 09-30: 10-08 1, 10-09 2, 10-10 (make-up Sat) 3.
    expect(addWorkdays(calendar, '2026-09-30', 3)).toBe('2026-10-10')
    expect(addWorkdays(calendar, '2026-09-30', 13)).toBe('2026-10-23')
    // From Fri 09-18: 09-20 (make-up Sun) 1, 09-21 2, 09-22 3.
    expect(addWorkdays(calendar, '2026-09-18', 3)).toBe('2026-09-22')
    // …09-23 4, 09-24 5, (09-25..27 中秋) 09-28 6, 09-29 7, 09-30 8, 10-08 9, 10-09 10, 10-10 11, 10-12 12, 10-13 13.
    expect(addWorkdays(calendar, '2026-09-18', 13)).toBe('2026-10-13')
  })

  it('with 0 days is the same working day, or the next one after a holiday', () => {
    expect(addWorkdays(calendar, '2026-02-13', 0)).toBe('2026-02-13')
    expect(addWorkdays(calendar, '2026-02-15', 0)).toBe('2026-02-24')
    expect(addWorkdays(calendar, '2026-02-14', 0)).toBe('2026-02-14')
    expect(addWorkdays(calendar, '2026-10-03', 0)).toBe('2026-10-08')
  })

  it('differs across a year boundary once the next year is entered', () => {
    const without = createWorkCalendar()
    const withSchedule = createWorkCalendar([{ year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-09'] }])
    expect(addWorkdays(without, '2026-12-31', 3)).toBe('2027-01-05')
    expect(addWorkdays(withSchedule, '2026-12-31', 3)).toBe('2027-01-06')
    expect(addWorkdays(without, '2027-01-08', 3)).toBe('2027-01-13')
    expect(addWorkdays(withSchedule, '2027-01-08', 3)).toBe('2027-01-12')
  })
})

describe('plain dates', () => {
  it('add calendar days over month ends and leap days', () => {
    expect(addCalendarDays('2026-03-01', 15)).toBe('2026-03-16')
    expect(addCalendarDays('2026-03-01', 60)).toBe('2026-04-30')
    expect(addCalendarDays('2026-12-20', 15)).toBe('2027-01-04')
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01')
  })

  it('count days between, negative when earlier', () => {
    expect(daysBetween('2026-03-01', '2026-03-04')).toBe(3)
    expect(daysBetween('2026-03-04', '2026-03-01')).toBe(-3)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('1949-10-01', '2026-10-01')).toBe(28_124)
    // A date with a time still counts local calendar days.
    expect(daysBetween('2026-03-01T23:30', '2026-03-02T00:10')).toBe(1)
  })

  it('count days between plain dates as date-fns does, over years and leap days', () => {
    const day = (n: number) => addCalendarDays('1996-01-01', n)
    for (let i = 0; i < 400; i++) {
      const from = day((i * 7919) % 12_000)
      const to = day((i * 104_729) % 12_000)
      expect(daysBetween(from, to), `${from} → ${to}`).toBe(differenceInCalendarDays(parseISO(to), parseISO(from)))
    }
  })

  it('recognise real ISO dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2026-2-28')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('')).toBe(false)
  })

  it('give the local calendar date of an instant', () => {
    expect(localDate(new Date(2026, 1, 13, 23, 59))).toBe('2026-02-13')
  })
})
