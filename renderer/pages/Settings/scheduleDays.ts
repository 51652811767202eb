/**
 * Day-level helpers for the holiday editor: what a day is under a schedule,
 * what one click turns it into, the month grids, and the dates written the
 * way the State Council notice writes them, for checking against it.
 * Dates are 'YYYY-MM-DD'; weekdays are computed in UTC so no time zone
 * can shift a date by one.
 */
export type DayState = 'workday' | 'weekend' | 'holiday' | 'makeup'

export const dayStateLabels: Record<DayState, string> = {
  workday: '工作日',
  weekend: '周末休息',
  holiday: '放假',
  makeup: '调休上班',
}

const weekdayNames = ['日', '一', '二', '三', '四', '五', '六']

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number)
  return [y ?? 0, m ?? 1, d ?? 1]
}

function utc(date: string): Date {
  const [y, m, d] = parts(date)
  return new Date(Date.UTC(y, m - 1, d))
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10)
}

export function isWeekendDay(date: string): boolean {
  const day = utc(date).getUTCDay()
  return day === 0 || day === 6
}

export function weekdayName(date: string): string {
  return `周${weekdayNames[utc(date).getUTCDay()]}`
}

export function dayState(date: string, holidays: ReadonlySet<string>, workdays: ReadonlySet<string>): DayState {
  if (workdays.has(date)) return 'makeup'
  if (holidays.has(date)) return 'holiday'
  return isWeekendDay(date) ? 'weekend' : 'workday'
}

/**
 * One click: a weekday toggles 工作日 ↔ 放假; a weekend day goes
 * 休息 → 调休上班 → 放假 → 休息 (make-up days are what a notice adds to
 * weekends most, so they come first; a weekday can never be a make-up day).
 */
export function nextState(date: string, current: DayState): DayState {
  if (!isWeekendDay(date)) return current === 'holiday' ? 'workday' : 'holiday'
  if (current === 'weekend') return 'makeup'
  if (current === 'makeup') return 'holiday'
  return 'weekend'
}

/** Applies a state to the two lists, returning new sorted lists. */
export function withState(
  date: string,
  state: DayState,
  holidays: readonly string[],
  workdays: readonly string[],
): { holidays: string[]; workdays: string[] } {
  const h = holidays.filter((d) => d !== date)
  const w = workdays.filter((d) => d !== date)
  if (state === 'holiday') h.push(date)
  if (state === 'makeup') w.push(date)
  return { holidays: h.sort(), workdays: w.sort() }
}

export interface MonthGrid {
  month: number
  /** Weeks Monday-first; null pads the days outside the month. */
  weeks: (string | null)[][]
}

export function monthGrids(year: number): MonthGrid[] {
  return Array.from({ length: 12 }, (_, i) => {
    const first = new Date(Date.UTC(year, i, 1))
    const days = new Date(Date.UTC(year, i + 1, 0)).getUTCDate()
    const cells: (string | null)[] = Array.from({ length: (first.getUTCDay() + 6) % 7 }, () => null)
    for (let d = 1; d <= days; d++) cells.push(iso(new Date(Date.UTC(year, i, d))))
    while (cells.length % 7 !== 0) cells.push(null)
    const weeks: (string | null)[][] = []
    for (let k = 0; k < cells.length; k += 7) weeks.push(cells.slice(k, k + 7))
    return { month: i + 1, weeks }
  })
}

function nextDay(date: string): string {
  const d = utc(date)
  d.setUTCDate(d.getUTCDate() + 1)
  return iso(d)
}

function monthDay(date: string): string {
  const [, m, d] = parts(date)
  return `${m}月${d}日`
}

/** Consecutive runs, e.g. ['2027-01-01','2027-01-02'] → [['2027-01-01','2027-01-02']]. */
export function runs(dates: readonly string[]): string[][] {
  const sorted = [...new Set(dates)].sort()
  const out: string[][] = []
  for (const date of sorted) {
    const last = out[out.length - 1]
    if (last && nextDay(last[last.length - 1]!) === date) last.push(date)
    else out.push([date])
  }
  return out
}

/** “1月1日至3日（3天）”, the way the notice lists a holiday. */
export function runText(run: readonly string[]): string {
  const first = run[0]!
  const last = run[run.length - 1]!
  if (run.length === 1) return monthDay(first)
  const [, m1] = parts(first)
  const [, m2, d2] = parts(last)
  const end = m1 === m2 ? `${d2}日` : monthDay(last)
  return `${monthDay(first)}至${end}（${run.length}天）`
}

/** “2月20日（周六）” for a make-up day. */
export function dayText(date: string): string {
  return `${monthDay(date)}（${weekdayName(date)}）`
}
