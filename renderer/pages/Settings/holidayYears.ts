/**
 * Where each year's working-day schedule comes from: entered here by an
 * administrator (wins), bundled with the app (the chinese-days package), or
 * missing (then only weekends count). Also the rows of the year list.
 */
import { computed, type Ref } from 'vue'
import { bundledSchedule, type YearSchedule } from '../../../shared/calendar/workCalendar'
import { useIntakeSettingsStore } from '../../stores/intakeSettings'

export type Source = 'entered' | 'bundled' | 'none'

export interface YearRow {
  year: number
  source: Source
  overridesBundled: boolean
  holidayDays: number
  makeupDays: number
}

export const sourceTags: Record<Source, { text: string; type: 'success' | 'info' | 'danger' }> = {
  entered: { text: '已录入', type: 'success' },
  bundled: { text: '内置', type: 'info' },
  none: { text: '未录入', type: 'danger' },
}

/** `open` is the year being edited: it always has a row, even far from today. */
export function useHolidayYears(open: Readonly<Ref<number>>, thisYear: number) {
  const store = useIntakeSettingsStore()
  const entered = computed(() => new Map((store.schedules?.entered ?? []).map((s) => [s.year, s])))
  const bundledSet = computed(() => new Set(store.schedules?.bundledYears ?? []))
  const missingYears = computed(() => store.schedules?.missingYears ?? [])

  function sourceOf(y: number): Source {
    if (entered.value.has(y)) return 'entered'
    return bundledSet.value.has(y) ? 'bundled' : 'none'
  }

  function savedScheduleOf(y: number): YearSchedule | null {
    return entered.value.get(y) ?? (bundledSet.value.has(y) ? bundledSchedule(y) : null)
  }

  const yearRows = computed<YearRow[]>(() => {
    const years = new Set<number>([
      ...bundledSet.value,
      ...entered.value.keys(),
      ...missingYears.value,
      thisYear,
      thisYear + 1,
      open.value,
    ])
    return [...years]
      .sort((a, b) => b - a)
      .map((y) => {
        const s = savedScheduleOf(y)
        return {
          year: y,
          source: sourceOf(y),
          overridesBundled: entered.value.has(y) && bundledSet.value.has(y),
          holidayDays: s?.holidays.length ?? 0,
          makeupDays: s?.workdays.length ?? 0,
        }
      })
  })

  const bundledRange = computed(() => {
    const years = store.schedules?.bundledYears ?? []
    return years.length ? `${years[0]}年至${years[years.length - 1]}年` : '无'
  })

  return { bundledSet, missingYears, sourceOf, savedScheduleOf, yearRows, bundledRange }
}
