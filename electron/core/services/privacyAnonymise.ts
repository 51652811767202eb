/**
 * Anonymising one person (个人信息保护法 Art 47), inside the caller's
 * transaction. The person row stays, so every visit and 诉求 keeps pointing at
 * it and every count and statistic is unchanged; what identifies them goes:
 * name, phone, ID number, birth date and age, the address inside the compound
 * (the compound itself stays, for statistics by place), notes. Sex and
 * ethnicity stay for the same statistics. In their visits and 诉求 the free
 * text loses whatever looks like an ID or phone number, and their own name;
 * the representatives of their group visits are cleared too. The 诉求
 * timeline (complaint_events) is append-only evidence and is not rewritten.
 * A party to a mediation case is refused while the case file holds them
 * (see mediation/caseFileHold.ts).
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import { openStatuses } from '../../../shared/complaints/workflow'
import { scrubSensitive } from '../../../shared/validation/sensitiveText'
import type { Ctx } from '../context'
import { changeStamp, nowIso, staffId } from './rows'
import { recordAudit } from '../audit/trail'
import { localDate } from '../../../shared/calendar/workCalendar'
import { refuseIfHeldByCaseFile } from './mediation/caseFileHold'

export const anonymisedName = '已匿名化'
export const nameMark = '〔姓名已删除〕'

const visitText = ['subject', 'answer', 'notes'] as const
const complaintText = [
  'location_detail',
  'request',
  'facts',
  'reasons',
  'result',
  'extension_reason',
  'reject_reason',
] as const

type TextRow = { id: number; version?: number } & Record<string, unknown>

function scrub(text: unknown, name: string): unknown {
  if (typeof text !== 'string' || text === '') return text
  const out = scrubSensitive(text)
  // A one-character name would cut that character out of every word it appears in.
  return name.length >= 2 ? out.split(name).join(nameMark) : out
}

/** Rewrites the listed text columns of each row where scrubbing changes them; returns how many fields changed. */
async function scrubRows(
  trx: Knex.Transaction,
  table: string,
  rows: TextRow[],
  columns: readonly string[],
  name: string,
  stamp: Record<string, unknown>,
): Promise<number> {
  let fields = 0
  for (const row of rows) {
    const changes: Record<string, unknown> = {}
    for (const column of columns) {
      const next = scrub(row[column], name)
      if (next !== row[column]) changes[column] = next
    }
    const n = Object.keys(changes).length
    if (n === 0) continue
    fields += n
    const versioned = row.version === undefined ? {} : { version: row.version + 1 }
    await trx(table)
      .where({ id: row.id })
      .update({ ...changes, ...stamp, ...versioned })
  }
  return fields
}

export interface AnonymiseOptions {
  reason: string
  /** Refuse while a 诉求 of theirs is still being handled (single anonymisation; bulk checks retention instead). */
  refuseRunning: boolean
  bulk?: boolean
}

export async function anonymisePerson(
  trx: Knex.Transaction,
  ctx: Ctx,
  personId: number,
  options: AnonymiseOptions,
): Promise<{ anonymisedAt: string; scrubbedFields: number }> {
  const person = (await trx('persons').where({ id: personId }).first('id', 'name', 'anonymised_at', 'version')) as
    { id: number; name: string; anonymised_at: string | null; version: number } | undefined
  if (!person) throw new ApiError('NOT_FOUND', '该来访人不存在，请重新查找')
  if (person.anonymised_at) throw new ApiError('CONFLICT', '该来访人已经匿名化，无需再次处理')
  await refuseIfHeldByCaseFile(trx, personId, localDate(ctx.clock.now()))

  const visits = (await trx('visits')
    .where({ person_id: personId })
    .select('id', 'version', ...visitText)) as TextRow[]
  const visitIds = visits.map((v) => v.id)
  const complaints = (await trx('complaints')
    .where('person_id', personId)
    .orWhereIn('visit_id', visitIds)
    .select('id', 'number', 'status', 'version', ...complaintText)) as (TextRow & { number: string; status: string })[]
  if (options.refuseRunning) {
    const running = complaints.filter((c) => (openStatuses as readonly string[]).includes(c.status))
    if (running.length > 0) {
      const numbers = running.slice(0, 3).map((c) => c.number)
      throw new ApiError(
        'CONFLICT',
        `该来访人还有${running.length}件诉求正在办理（${numbers.join('、')}${running.length > 3 ? '等' : ''}），办结后才能匿名化`,
      )
    }
  }

  const stamp = changeStamp(ctx)
  let scrubbedFields = await scrubRows(trx, 'visits', visits, visitText, person.name, stamp)
  scrubbedFields += await scrubRows(trx, 'complaints', complaints, complaintText, person.name, stamp)
  const followUps = (await trx('complaint_followups')
    .whereIn(
      'complaint_id',
      complaints.map((c) => c.id),
    )
    .select('id', 'comment')) as TextRow[]
  scrubbedFields += await scrubRows(trx, 'complaint_followups', followUps, ['comment'], person.name, {})
  await trx('visit_representatives').whereIn('visit_id', visitIds).update({ name: anonymisedName, phone: null })

  const anonymisedAt = nowIso(ctx)
  await trx('persons')
    .where({ id: personId })
    .update({
      name: anonymisedName,
      name_pinyin: '',
      name_initials: '',
      phone: null,
      id_number: null,
      birth_date: null,
      age: null,
      age_recorded_on: null,
      building: null,
      unit: null,
      room: null,
      address_text: null,
      notes: null,
      anonymised_at: anonymisedAt,
      anonymised_by: staffId(ctx),
      ...stamp,
      version: person.version + 1,
    })
  await recordAudit(trx, ctx, {
    action: 'anonymise',
    entity: 'person',
    entityId: personId,
    detail: { reason: options.reason, scrubbedFields, ...(options.bulk ? { bulk: true } : {}) },
  })
  return { anonymisedAt, scrubbedFields }
}
