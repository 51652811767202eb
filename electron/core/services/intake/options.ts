/**
 * Intake settings (office name, numbering, clock rule) and the working-day
 * calendar built from bundled data plus the years an administrator entered.
 */
import type { Knex } from 'knex'
import type { IntakeOptions } from '../../../../shared/api/intakeSettings'
import type { MethodOutput, ParsedInput } from '../../../../shared/api/contract'
import { defaultClockSettings, type ClockSettings } from '../../../../shared/complaints/clocks'
import { defaultNumberPattern } from '../../../../shared/complaints/numbering'
import {
  bundledYears,
  createWorkCalendar,
  type WorkCalendar,
  type YearSchedule,
} from '../../../../shared/calendar/workCalendar'
import { settingsStore } from '../settings'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { nowIso, staffId } from '../rows'

const OPTIONS_KEY = 'intake.options'

export const defaultIntakeOptions: IntakeOptions = {
  officeName: '社区党群服务中心',
  officePhone: null,
  numberPattern: defaultNumberPattern,
  clockMode: defaultClockSettings.mode,
  workdays: { ...defaultClockSettings.workdays },
}

export async function readOptions(db: Knex | Knex.Transaction): Promise<IntakeOptions> {
  const stored = await settingsStore(db as Knex).get<Partial<IntakeOptions>>(OPTIONS_KEY)
  return { ...defaultIntakeOptions, ...stored, workdays: { ...defaultIntakeOptions.workdays, ...stored?.workdays } }
}

export function clockSettingsOf(options: IntakeOptions): ClockSettings {
  return { mode: options.clockMode, workdays: options.workdays }
}

async function enteredSchedules(db: Knex | Knex.Transaction): Promise<YearSchedule[]> {
  const rows = (await db('work_schedules').orderBy('year')) as { year: number; holidays: string; workdays: string }[]
  return rows.map((r) => ({
    year: r.year,
    holidays: JSON.parse(r.holidays) as string[],
    workdays: JSON.parse(r.workdays) as string[],
  }))
}

export async function loadWorkCalendar(db: Knex | Knex.Transaction): Promise<WorkCalendar> {
  return createWorkCalendar(await enteredSchedules(db))
}

export function intakeOptionsService(db: Knex) {
  async function schedules(ctx: Ctx): Promise<MethodOutput<'intake.listSchedules'>> {
    const entered = await enteredSchedules(db)
    const calendar = createWorkCalendar(entered)
    const thisYear = ctx.clock.now().getFullYear()
    const missingYears = [thisYear, thisYear + 1].filter((y) => calendar.sourceOf(y) === 'none')
    return { bundledYears: bundledYears(), entered, missingYears }
  }

  return {
    getOptions(): Promise<IntakeOptions> {
      return readOptions(db)
    },

    async saveOptions(ctx: Ctx, input: ParsedInput<'intake.saveOptions'>): Promise<IntakeOptions> {
      await db.transaction(async (trx) => {
        await settingsStore(trx).set(OPTIONS_KEY, input, nowIso(ctx))
        await recordAudit(trx, ctx, { action: 'update', entity: 'intake_options', entityId: null })
      })
      return readOptions(db)
    },

    listSchedules: (ctx: Ctx) => schedules(ctx),

    async saveSchedule(ctx: Ctx, input: ParsedInput<'intake.saveSchedule'>) {
      await db.transaction(async (trx) => {
        await trx('work_schedules')
          .insert({
            year: input.year,
            holidays: JSON.stringify([...new Set(input.holidays)].sort()),
            workdays: JSON.stringify([...new Set(input.workdays)].sort()),
            updated_at: nowIso(ctx),
            updated_by: staffId(ctx),
          })
          .onConflict('year')
          .merge()
        await recordAudit(trx, ctx, { action: 'update', entity: 'work_schedule', entityId: input.year })
      })
      return schedules(ctx)
    },

    async deleteSchedule(ctx: Ctx, input: ParsedInput<'intake.deleteSchedule'>) {
      await db.transaction(async (trx) => {
        await trx('work_schedules').where({ year: input.year }).delete()
        await recordAudit(trx, ctx, { action: 'delete', entity: 'work_schedule', entityId: input.year })
      })
      return schedules(ctx)
    },
  }
}
