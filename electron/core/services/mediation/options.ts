/**
 * 调解设置: the committee's name and short name (in every case number), the
 * default session place and the 司法确认 window. Stored like the intake
 * options, in the settings table; a missing key reads as the defaults.
 */
import type { Knex } from 'knex'
import type { MediationOptions } from '../../../../shared/api/mediation'
import type { ParsedInput } from '../../../../shared/api/contract'
import { mediationClock } from '../../../../shared/mediation/clock'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { settingsStore } from '../settings'
import { nowIso } from '../rows'

const OPTIONS_KEY = 'mediation.options'

export const defaultMediationOptions: MediationOptions = {
  committeeName: '红光社区人民调解委员会',
  shortName: '红',
  defaultPlace: '社区人民调解室',
  judicialConfirmDays: mediationClock.judicialConfirmDays,
  judicialReminderDays: 7,
}

export async function readMediationOptions(db: Knex | Knex.Transaction): Promise<MediationOptions> {
  const stored = await settingsStore(db as Knex).get<Partial<MediationOptions>>(OPTIONS_KEY)
  return { ...defaultMediationOptions, ...stored }
}

export function mediationOptionsService(db: Knex) {
  return {
    getOptions(): Promise<MediationOptions> {
      return readMediationOptions(db)
    },

    async saveOptions(ctx: Ctx, input: ParsedInput<'mediation.saveOptions'>): Promise<MediationOptions> {
      await db.transaction(async (trx) => {
        await settingsStore(trx).set(OPTIONS_KEY, input, nowIso(ctx))
        await recordAudit(trx, ctx, { action: 'update', entity: 'mediation_options', entityId: null })
      })
      return readMediationOptions(db)
    },
  }
}
