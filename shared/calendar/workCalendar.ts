/**
 * The official working-day calendar: weekends off, State Council holidays off,
 * 调休 make-up Saturdays/Sundays on. Bundled data (chinese-days) covers the
 * years announced when the package was published; for later years an
 * administrator enters the notice, which then wins over anything bundled.
 * Dates are plain calendar dates, 'YYYY-MM-DD', in the desk's own time zone.
 */
import { addDays, differenceInCalendarDays, format, getDay, parseISO } from 'date-fns'
import bundled from 'chinese-days/dist/chinese-days.json'

export interface YearSchedule {
  year: number
  /** Official days off that fall on weekdays or weekends (every day of each holiday). */
  holidays: string[]
  /** 调休: weekend days that are working days. */
  workdays: string[]
}

export type ScheduleSource = 'entered' | 'bundled' | 'none'

export interface WorkCalendar {
  isWorkday(date: string): boolean
  sourceOf(year: number): ScheduleSource
}

const data = bundled as { holidays: Record<string, string>; workdays: Record<string, string> }

function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

/** Years the bundled package has holiday data for. */
export function bundledYears(): number[] {
  const years = new Set(Object.keys(data.holidays).map(yearOf))
  return [...years].sort((a, b) => a - b)
}

/** A bundled year as a schedule, to pre-fill or compare with what an administrator enters. */
export function bundledSchedule(year: number): YearSchedule | null {
  const prefix = `${year}-`
  const holidays = Object.keys(data.holidays).filter((d) => d.startsWith(prefix))
  if (holidays.length === 0) return null
  const workdays = Object.keys(data.workdays).filter((d) => d.startsWith(prefix))
  return { year, holidays: holidays.sort(), workdays: workdays.sort() }
}

export function isWeekend(date: string): boolean {
  const day = getDay(parseISO(date))
  return day === 0 || day === 6
}

export function createWorkCalendar(entered: readonly YearSchedule[] = []): WorkCalendar {
  const enteredByYear = new Map(
    entered.map((s) => [s.year, { holidays: new Set(s.holidays), workdays: new Set(s.workdays) }]),
  )
  const bundledSet = new Set(bundledYears())
  return {
    sourceOf(year) {
      if (enteredByYear.has(year)) return 'entered'
      return bundledSet.has(year) ? 'bundled' : 'none'
    },
    isWorkday(date) {
      const own = enteredByYear.get(yearOf(date))
      if (own) {
        if (own.workdays.has(date)) return true
        if (own.holidays.has(date)) return false
        return !isWeekend(date)
      }
      if (data.workdays[date]) return true
      if (data.holidays[date]) return false
      // Without data for the year only weekends are known; the settings screen warns about it.
      return !isWeekend(date)
    },
  }
}

export function addCalendarDays(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd')
}

/**
 * The date `n` working days after `from` (from itself not counted), so a
 * matter received on a Friday with 3 working days is due the next Wednesday.
 * `n = 0` means the same day, or the next working day if `from` is not one.
 */
export function addWorkdays(calendar: WorkCalendar, from: string, n: number): string {
  let date = from
  if (n === 0) {
    while (!calendar.isWorkday(date)) date = addCalendarDays(date, 1)
    return date
  }
  let left = n
  while (left > 0) {
    date = addCalendarDays(date, 1)
    if (calendar.isWorkday(date)) left -= 1
  }
  return date
}

const plainDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** A yyyy-MM-dd date as whole days since 1970-01-01 (UTC: every day exactly 86,400 s). */
function dayNumber(date: string): number | null {
  const m = plainDate.exec(date)
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : null
}

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier).
 * Plain dates are counted directly: every row of a 诉求 list asks this for
 * its clock, and date-fns' local-time parsing was 7% of a 50-row page.
 */
export function daysBetween(from: string, to: string): number {
  const a = dayNumber(from)
  const b = dayNumber(to)
  if (a !== null && b !== null) return b - a
  return differenceInCalendarDays(parseISO(to), parseISO(from))
}

/** The local calendar date of an instant. */
export function localDate(d: Date): string {
  return format(d, 'yyyy-MM-dd')
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = parseISO(s)
  return !Number.isNaN(d.getTime()) && format(d, 'yyyy-MM-dd') === s
}
