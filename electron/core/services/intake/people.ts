/**
 * 来访人: find while typing (phone, ID number, name, pinyin), the repeat-visit
 * history, edits with a version, and revealing a masked value (audited with
 * the reason given). Anonymised people are not found and not edited.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { Person, PersonMatch } from '../../../../shared/api/people'
import type { MethodOutput, ParsedInput } from '../../../../shared/api/contract'
import { birthDateOf, sexOf } from '../../../../shared/validation/idNumber'
import { localDate } from '../../../../shared/calendar/workCalendar'
import { openStatuses } from '../../../../shared/complaints/workflow'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { changeStamp, createStamp, insertOrUpdate, likePattern } from '../rows'
import { pinyinKeys, selectPersons, toPerson, toSummary, type PersonRow } from './personRows'

export type PersonInput = ParsedInput<'people.save'>

function today(ctx: Ctx): string {
  return localDate(ctx.clock.now())
}

export async function fetchPerson(db: Knex | Knex.Transaction, ctx: Ctx, id: number): Promise<Person> {
  const row = (await selectPersons(db).where('persons.id', id).first()) as PersonRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该来访人不存在，请重新查找')
  return toPerson(row, today(ctx))
}

async function storedIdNumber(trx: Knex.Transaction, id: number): Promise<string | null> {
  const row = (await trx('persons').where({ id }).first('id_number')) as { id_number: string | null } | undefined
  return row?.id_number ?? null
}

/**
 * Insert or update a person inside the caller's transaction. For an existing
 * person an omitted phone or ID number keeps the stored one (the form only
 * ever saw it masked). `field` prefixes error paths ('person.' in a visit).
 * The audit event is written here, not by each caller, because people are
 * also created and edited as part of a visit or a mediation case: every such
 * write leaves its own 'create'/'update' of the person (id only, no values).
 */
export async function savePerson(trx: Knex.Transaction, ctx: Ctx, input: PersonInput, field = ''): Promise<number> {
  if (input.id !== undefined) {
    const current = (await trx('persons').where({ id: input.id }).first('anonymised_at')) as
      { anonymised_at: string | null } | undefined
    if (current?.anonymised_at) {
      throw new ApiError('CONFLICT', '该来访人已匿名化，不能再修改；如再次来访请作为新来访人登记', `${field}id`)
    }
  }
  if (input.compoundId !== null) {
    const compound = await trx('compounds').where({ id: input.compoundId }).first('id')
    if (!compound) throw new ApiError('VALIDATION', '所选小区不存在，请重新选择', `${field}compoundId`)
  }
  if (input.idNumber) {
    const holder = (await trx('persons')
      .where({ id_number: input.idNumber })
      .whereNot({ id: input.id ?? 0 })
      .first('id', 'name')) as { id: number; name: string } | undefined
    if (holder) {
      throw new ApiError(
        'CONFLICT',
        `该身份证号已登记在来访人“${holder.name.slice(0, 1)}*”名下，请在查找结果中选择该来访人`,
        `${field}idNumber`,
      )
    }
  }
  // The ID number decides birth date and sex: the one typed now, or (editing) the one stored.
  const idNumber = input.idNumber ?? (input.id === undefined ? null : await storedIdNumber(trx, input.id))
  if (idNumber && !input.idNumber) {
    if (input.birthDate && input.birthDate !== birthDateOf(idNumber)) {
      throw new ApiError(
        'VALIDATION',
        `出生日期与已登记的身份证号不一致：身份证号中为 ${birthDateOf(idNumber)}，请核对`,
        `${field}birthDate`,
      )
    }
    if (input.sex && input.sex !== sexOf(idNumber)) {
      throw new ApiError('VALIDATION', '性别与已登记的身份证号不一致，请核对', `${field}sex`)
    }
  }
  const values: Record<string, unknown> = {
    name: input.name,
    ...pinyinKeys(input.name),
    sex: input.sex ?? (idNumber ? sexOf(idNumber) : null),
    birth_date: input.birthDate ?? (idNumber ? birthDateOf(idNumber) : null),
    age: input.age,
    age_recorded_on: input.age === null ? null : today(ctx),
    ethnicity: input.ethnicity,
    compound_id: input.compoundId,
    building: input.building,
    unit: input.unit,
    room: input.room,
    address_text: input.address,
    notes: input.notes,
    ...changeStamp(ctx),
  }
  if (input.phone || input.id === undefined) values.phone = input.phone
  if (input.idNumber || input.id === undefined) values.id_number = input.idNumber
  if (input.id !== undefined && input.version === undefined) {
    throw new ApiError('VALIDATION', '来访人信息缺少版本号，请重新选择来访人', `${field}id`)
  }
  const id = await insertOrUpdate(trx, 'persons', input, values, createStamp(ctx), '来访人')
  await recordAudit(trx, ctx, { action: input.id === undefined ? 'create' : 'update', entity: 'person', entityId: id })
  return id
}

/** What kind of text the clerk typed decides where to look. */
function classify(query: string): 'digits' | 'latin' | 'name' {
  const q = query.replace(/[\s-]/g, '')
  if (/^\+?\d+[xX]?$/.test(q)) return 'digits'
  if (/^[a-zA-Z]+$/.test(q)) return 'latin'
  return 'name'
}

export function peopleService(db: Knex) {
  return {
    async search(ctx: Ctx, input: ParsedInput<'people.search'>): Promise<PersonMatch[]> {
      const kind = classify(input.query)
      // Anonymised people keep their visits and 诉求 but can no longer be found.
      const q = selectPersons(db).whereNull('persons.anonymised_at')
      let matchedBy: (r: PersonRow) => PersonMatch['matchedBy']
      if (kind === 'digits') {
        const digits = input.query.replace(/[\s-]/g, '').replace(/^\+86/, '').toUpperCase()
        q.where((w) => {
          w.whereRaw(`replace(persons.phone, '-', '') LIKE ? ESCAPE '\\'`, [likePattern(digits)]).orWhere(
            'persons.id_number',
            'like',
            `${digits}%`,
          )
        })
        matchedBy = (r) => (r.id_number?.startsWith(digits) ? 'idNumber' : 'phone')
      } else if (kind === 'latin') {
        const letters = input.query.toLowerCase().replace(/\s/g, '')
        q.where((w) => {
          w.where('persons.name_pinyin', 'like', `${letters}%`).orWhere('persons.name_initials', 'like', `${letters}%`)
        })
        matchedBy = () => 'pinyin'
      } else {
        q.whereRaw(`persons.name LIKE ? ESCAPE '\\'`, [likePattern(input.query)])
        matchedBy = () => 'name'
      }
      const rows = (await q.orderBy('persons.updated_at', 'desc').limit(input.limit)) as PersonRow[]
      const ids = rows.map((r) => r.id)
      const open = (await db('complaints')
        .whereIn('person_id', ids)
        .whereIn('status', openStatuses)
        .groupBy('person_id')
        .select('person_id', db.raw('count(*) as n'))) as { person_id: number; n: number }[]
      const last = (await db('visits')
        .whereIn('person_id', ids)
        .groupBy('person_id')
        .select('person_id', db.raw('max(visited_at) as at'))) as { person_id: number; at: string }[]
      return rows.map((r) => ({
        ...toSummary(r, today(ctx)),
        matchedBy: matchedBy(r),
        openComplaints: Number(open.find((o) => o.person_id === r.id)?.n ?? 0),
        lastVisitAt: last.find((l) => l.person_id === r.id)?.at ?? null,
      }))
    },

    async history(ctx: Ctx, input: ParsedInput<'people.history'>): Promise<MethodOutput<'people.history'>> {
      const person = await fetchPerson(db, ctx, input.id)
      const visits = (await db('visits')
        .where({ person_id: input.id })
        .orderBy('visited_at', 'desc')
        .limit(20)
        .select('id', 'number', 'visited_at', 'channel', 'subject', 'outcome')) as {
        id: number
        number: string
        visited_at: string
        channel: string
        subject: string
        outcome: string
      }[]
      const total = (await db('visits').where({ person_id: input.id }).count({ n: '*' }).first()) as { n: number }
      const complaints = (await db('complaints')
        .join('complaint_categories', 'complaint_categories.id', 'complaints.category_id')
        .where('complaints.person_id', input.id)
        .whereIn('complaints.status', openStatuses)
        .orderBy('complaints.received_at', 'desc')
        .select(
          'complaints.id',
          'complaints.number',
          'complaints.kind',
          'complaint_categories.name as category_name',
          'complaints.status',
          'complaints.received_at',
          'complaints.due_date',
          'complaints.request',
        )) as {
        id: number
        number: string
        kind: string
        category_name: string
        status: string
        received_at: string
        due_date: string | null
        request: string
      }[]
      return {
        person,
        totalVisits: Number(total.n),
        visits: visits.map((v) => ({
          id: v.id,
          number: v.number,
          visitedAt: v.visited_at,
          channel: v.channel,
          subject: v.subject,
          outcome: v.outcome,
        })),
        openComplaints: complaints.map((c) => ({
          id: c.id,
          number: c.number,
          kind: c.kind,
          categoryName: c.category_name,
          status: c.status,
          receivedAt: c.received_at,
          dueDate: c.due_date,
          request: c.request,
        })),
      }
    },

    async save(ctx: Ctx, input: ParsedInput<'people.save'>): Promise<Person> {
      if (input.id === undefined) throw new ApiError('VALIDATION', '来访人随来访登记一起新建，这里只能修改', 'id')
      return db.transaction(async (trx) => {
        // savePerson writes the 'update' audit event.
        const id = await savePerson(trx, ctx, input)
        return fetchPerson(trx, ctx, id)
      })
    },

    async reveal(ctx: Ctx, input: ParsedInput<'people.reveal'>): Promise<{ value: string | null }> {
      return db.transaction(async (trx) => {
        const row = (await trx('persons').where({ id: input.id }).first('phone', 'id_number')) as
          { phone: string | null; id_number: string | null } | undefined
        if (!row) throw new ApiError('NOT_FOUND', '该来访人不存在，请重新查找')
        await recordAudit(trx, ctx, {
          action: 'reveal',
          entity: 'person',
          entityId: input.id,
          // The field and why, never the value itself.
          detail: { field: input.field, reason: input.reason },
        })
        return { value: input.field === 'phone' ? row.phone : row.id_number }
      })
    },
  }
}
