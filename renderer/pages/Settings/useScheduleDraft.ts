/**
 * The year being edited in 节假日安排: its holiday and 调休上班 lists as the
 * administrator marks them, against what is saved, so unsaved changes can be
 * outlined, counted and undone. Lists are kept sorted.
 */
import { computed, ref } from 'vue'
import type { YearSchedule } from '../../../shared/calendar/workCalendar'
import { dayState, nextState, withState } from './scheduleDays'

export function useScheduleDraft(firstYear: number) {
  const year = ref(firstYear)
  const holidays = ref<string[]>([])
  const workdays = ref<string[]>([])
  const baseline = ref<{ holidays: string[]; workdays: string[] }>({ holidays: [], workdays: [] })
  /** The date range picked for 整段标为放假, cleared whenever a year is (re)loaded. */
  const range = ref<[string, string] | null>(null)

  const dirty = computed(
    () =>
      holidays.value.join() !== baseline.value.holidays.join() ||
      workdays.value.join() !== baseline.value.workdays.join(),
  )

  /** Days whose state differs from what is saved, outlined in the grid. */
  const changed = computed(() => {
    const before = { h: new Set(baseline.value.holidays), w: new Set(baseline.value.workdays) }
    const now = { h: new Set(holidays.value), w: new Set(workdays.value) }
    const out = new Set<string>()
    for (const d of [...before.h, ...before.w, ...now.h, ...now.w]) {
      if (dayState(d, before.h, before.w) !== dayState(d, now.h, now.w)) out.add(d)
    }
    return out
  })

  /** Start editing `y` from its saved schedule (null: nothing saved or bundled). */
  function load(y: number, saved: YearSchedule | null): void {
    year.value = y
    baseline.value = { holidays: [...(saved?.holidays ?? [])].sort(), workdays: [...(saved?.workdays ?? [])].sort() }
    holidays.value = [...baseline.value.holidays]
    workdays.value = [...baseline.value.workdays]
    range.value = null
  }

  function cycle(date: string): void {
    const next = nextState(date, dayState(date, new Set(holidays.value), new Set(workdays.value)))
    const lists = withState(date, next, holidays.value, workdays.value)
    holidays.value = lists.holidays
    workdays.value = lists.workdays
  }

  function markRange(): void {
    if (!range.value) return
    const [from, to] = range.value
    let h = holidays.value
    let w = workdays.value
    for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
      const lists = withState(d.toISOString().slice(0, 10), 'holiday', h, w)
      h = lists.holidays
      w = lists.workdays
    }
    holidays.value = h
    workdays.value = w
    range.value = null
  }

  function fill(schedule: YearSchedule | null): void {
    if (!schedule) return
    holidays.value = [...schedule.holidays]
    workdays.value = [...schedule.workdays]
  }

  function clearMarks(): void {
    holidays.value = []
    workdays.value = []
  }

  return { year, holidays, workdays, range, dirty, changed, load, cycle, markRange, fill, clearMarks }
}
