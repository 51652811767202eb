/**
 * 个人信息保护 for the administrator: retention settings and the people past
 * them, a person's data exported for them, and anonymisation (one person, or
 * many past retention). Each export and anonymisation leaves an audit event.
 */
import type { Knex } from 'knex'
import type { MethodOutput, ParsedInput } from '../../../shared/api/contract'
import { maskIdNumber } from '../../../shared/validation/idNumber'
import { maskPhone } from '../../../shared/validation/phone'
import { localDate } from '../../../shared/calendar/workCalendar'
import type { Ctx } from '../context'
import { nowIso } from './rows'
import { settingsStore } from './settings'
import { recordAudit } from '../audit/trail'
import { cutoffsOf, loadRetention, overdueAmong, overdueRows, retentionKey } from './privacyRetention'
import { anonymisePerson } from './privacyAnonymise'
import { collectPersonData } from './privacyExport'
import { personWorkbook } from './privacyWorkbook'

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** File names carry the record number, not the name: the file may sit in a downloads folder. */
function exportName(id: number, ctx: Ctx, ext: string): string {
  return `个人信息-来访人${id}-${localDate(ctx.clock.now())}.${ext}`
}

export function privacyService(db: Knex) {
  return {
    getRetention(): Promise<MethodOutput<'privacy.getRetention'>> {
      return loadRetention(db)
    },

    async saveRetention(
      ctx: Ctx,
      input: ParsedInput<'privacy.saveRetention'>,
    ): Promise<MethodOutput<'privacy.saveRetention'>> {
      await db.transaction(async (trx) => {
        await settingsStore(trx).set(retentionKey, input, nowIso(ctx))
        await recordAudit(trx, ctx, {
          action: 'update',
          entity: 'retention_settings',
          entityId: null,
          detail: { ...input },
        })
      })
      return loadRetention(db)
    },

    async listOverdue(
      ctx: Ctx,
      input: ParsedInput<'privacy.listOverdue'>,
    ): Promise<MethodOutput<'privacy.listOverdue'>> {
      const cutoffs = cutoffsOf(ctx, await loadRetention(db))
      const { rows, total } = await overdueRows(db, cutoffs, input)
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          phoneMasked: r.phone ? maskPhone(r.phone) : null,
          idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
          visits: Number(r.visits),
          complaints: Number(r.complaints),
          lastActivityAt: r.last_activity_at,
        })),
        total,
        page: input.page,
        pageSize: input.pageSize,
        cutoffs,
      }
    },

    async exportPerson(
      ctx: Ctx,
      input: ParsedInput<'privacy.exportPerson'>,
    ): Promise<MethodOutput<'privacy.exportPerson'>> {
      const data = await collectPersonData(db, ctx, input.id)
      const file =
        input.format === 'xlsx'
          ? {
              fileName: exportName(input.id, ctx, 'xlsx'),
              mime: xlsxMime,
              base64: (await personWorkbook(data, ctx.clock.now())).toString('base64'),
            }
          : {
              fileName: exportName(input.id, ctx, 'json'),
              mime: 'application/json',
              base64: Buffer.from(JSON.stringify(data, null, 2), 'utf8').toString('base64'),
            }
      await db.transaction((trx) =>
        recordAudit(trx, ctx, {
          action: 'export',
          entity: 'person',
          entityId: input.id,
          detail: { format: input.format, visits: data.visits.length, complaints: data.complaints.length },
        }),
      )
      return file
    },

    async anonymisePerson(
      ctx: Ctx,
      input: ParsedInput<'privacy.anonymisePerson'>,
    ): Promise<MethodOutput<'privacy.anonymisePerson'>> {
      const done = await db.transaction((trx) =>
        anonymisePerson(trx, ctx, input.id, { reason: input.reason, refuseRunning: true }),
      )
      return { id: input.id, ...done }
    },

    async anonymiseMany(
      ctx: Ctx,
      input: ParsedInput<'privacy.anonymiseMany'>,
    ): Promise<MethodOutput<'privacy.anonymiseMany'>> {
      const ids = [...new Set(input.ids)]
      const cutoffs = cutoffsOf(ctx, await loadRetention(db))
      // One transaction: the selection is anonymised completely or, on any failure, not at all.
      return db.transaction(async (trx) => {
        const eligible = await overdueAmong(trx, cutoffs, ids)
        const skippedIds = ids.filter((id) => !eligible.has(id))
        const skipped = (await trx('persons').whereIn('id', skippedIds).select('id', 'name')) as {
          id: number
          name: string
        }[]
        for (const id of ids) {
          if (eligible.has(id))
            await anonymisePerson(trx, ctx, id, { reason: input.reason, refuseRunning: false, bulk: true })
        }
        return { anonymised: eligible.size, skipped }
      })
    },
  }
}
