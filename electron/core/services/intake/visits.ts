/**
 * 来访登记: one transaction writes the person (new or updated), the visit
 * with its representatives, and every 诉求 it becomes, so a failure leaves
 * nothing half-saved.
 */
import { randomInt } from 'node:crypto'
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { Visit } from '../../../../shared/api/visits'
import type { MethodOutput, ParsedInput } from '../../../../shared/api/contract'
import type { VisitChannel, VisitOutcome } from '../../../../shared/intake/labels'
import { localDate } from '../../../../shared/calendar/workCalendar'
import { maskPhone } from '../../../../shared/validation/phone'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { changeStamp, createStamp, likePattern } from '../rows'
import { nextInSequence } from './sequences'
import { savePerson } from './people'
import { selectPersons, toSummary, type PersonRow } from './personRows'
import { registerComplaint } from './complaintRecords'
import { allCategories } from './categories'
import { duplicateExists } from './complaintRows'

/** Letters and digits a resident can read back over the phone without confusion (no 0/O, 1/I/L). */
const LOOKUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

function lookupCode(): string {
  return Array.from({ length: 6 }, () => LOOKUP_ALPHABET[randomInt(LOOKUP_ALPHABET.length)]).join('')
}

export function visitNumber(year: number, seq: number): string {
  return `LF${year}-${String(seq).padStart(6, '0')}`
}

interface VisitRow {
  id: number
  number: string
  lookup_code: string
  person_id: number
  visited_at: string
  channel: VisitChannel
  visitor_count: number
  involved_count: number | null
  subject: string
  outcome: VisitOutcome
  answer: string | null
  notes: string | null
  received_by: string
  created_at: string
}

function selectVisits(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return db('visits').join('staff', 'staff.id', 'visits.created_by').select('visits.*', 'staff.name as received_by')
}

async function toVisits(db: Knex | Knex.Transaction, ctx: Ctx, rows: VisitRow[]): Promise<Visit[]> {
  const ids = rows.map((r) => r.id)
  const today = localDate(ctx.clock.now())
  const people = (await selectPersons(db).whereIn(
    'persons.id',
    rows.map((r) => r.person_id),
  )) as PersonRow[]
  const reps = (await db('visit_representatives').whereIn('visit_id', ids).orderBy(['visit_id', 'position'])) as {
    visit_id: number
    name: string
    phone: string | null
  }[]
  const complaints = (await db('complaints')
    .whereIn('visit_id', ids)
    .orderBy('id')
    .select('id', 'visit_id', 'number', 'kind', 'category_id', 'status', 'accept_due', 'request')
    .select(db.raw(`${duplicateExists} as has_duplicate`))) as {
    id: number
    visit_id: number
    number: string
    kind: Visit['complaints'][number]['kind']
    category_id: number
    status: Visit['complaints'][number]['status']
    accept_due: string
    request: string
    has_duplicate: number
  }[]
  const categories = new Map((await allCategories(db)).map((c) => [c.id, c]))
  return rows.map((r) => {
    const person = people.find((p) => p.id === r.person_id)
    if (!person) throw new ApiError('INTERNAL', '来访记录缺少来访人，请联系管理员')
    return {
      id: r.id,
      number: r.number,
      lookupCode: r.lookup_code,
      person: toSummary(person, today),
      visitedAt: r.visited_at,
      channel: r.channel,
      visitorCount: r.visitor_count,
      involvedCount: r.involved_count,
      representatives: reps
        .filter((x) => x.visit_id === r.id)
        .map((x) => ({ name: x.name, phoneMasked: x.phone ? maskPhone(x.phone) : null })),
      subject: r.subject,
      outcome: r.outcome,
      answer: r.answer,
      notes: r.notes,
      receivedBy: r.received_by,
      complaints: complaints
        .filter((c) => c.visit_id === r.id)
        .map((c) => ({
          id: c.id,
          number: c.number,
          kind: c.kind,
          categoryName: categories.get(c.category_id)?.path ?? '',
          status: c.status,
          acceptDue: c.accept_due,
          request: c.request,
          hasPossibleDuplicate: c.has_duplicate === 1,
        })),
      createdAt: r.created_at,
    }
  })
}

export async function fetchVisit(db: Knex | Knex.Transaction, ctx: Ctx, id: number): Promise<Visit> {
  const row = (await selectVisits(db).where('visits.id', id).first()) as VisitRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该来访记录不存在')
  const [visit] = await toVisits(db, ctx, [row])
  return visit!
}

async function uniqueLookupCode(trx: Knex.Transaction): Promise<string> {
  for (;;) {
    const code = lookupCode()
    if (!(await trx('visits').where({ lookup_code: code }).first('id'))) return code
  }
}

export function visitService(db: Knex) {
  return {
    async create(ctx: Ctx, input: ParsedInput<'visits.create'>): Promise<Visit> {
      const visitedAt = input.visitedAt ? new Date(input.visitedAt).toISOString() : ctx.clock.now().toISOString()
      const id = await db.transaction(async (trx) => {
        const personId = await savePerson(trx, ctx, input.person, 'person.')
        const year = new Date(visitedAt).getFullYear()
        const seq = await nextInSequence(trx, `visit:${year}`)
        const [row] = (await trx('visits')
          .insert({
            number: visitNumber(year, seq),
            lookup_code: await uniqueLookupCode(trx),
            person_id: personId,
            visited_at: visitedAt,
            channel: input.channel,
            visitor_count: input.visitorCount,
            involved_count: input.involvedCount,
            subject: input.subject,
            outcome: input.outcome,
            answer: input.outcome === 'on_spot' ? input.answer : null,
            notes: input.notes,
            ...changeStamp(ctx),
            ...createStamp(ctx),
          })
          .returning('id')) as { id: number }[]
        const visitId = row!.id
        if (input.representatives.length > 0) {
          await trx('visit_representatives').insert(
            input.representatives.map((r, position) => ({ visit_id: visitId, position, name: r.name, phone: r.phone })),
          )
        }
        if (input.outcome === 'complaints') {
          for (const [i, content] of input.complaints.entries()) {
            const complaintId = await registerComplaint(
              trx,
              ctx,
              { ...content, compoundId: content.compoundId ?? input.person.compoundId },
              { visitId, personId, receivedAt: visitedAt },
              `complaints.${i}.`,
            )
            // Each 诉求 is a record of its own: its creation is on the trail, not only the visit's.
            await recordAudit(trx, ctx, { action: 'create', entity: 'complaint', entityId: complaintId })
          }
        }
        await recordAudit(trx, ctx, { action: 'create', entity: 'visit', entityId: visitId })
        return visitId
      })
      return fetchVisit(db, ctx, id)
    },

    get(ctx: Ctx, input: ParsedInput<'visits.get'>): Promise<Visit> {
      return fetchVisit(db, ctx, input.id)
    },

    async list(ctx: Ctx, input: ParsedInput<'visits.list'>): Promise<MethodOutput<'visits.list'>> {
      const q = selectVisits(db).join('persons', 'persons.id', 'visits.person_id')
      if (input.query) {
        const text = input.query
        const digits = text.replace(/[\s-]/g, '')
        q.where((w) => {
          w.where('visits.number', text.toUpperCase())
            .orWhere('visits.lookup_code', text.toUpperCase())
            .orWhereRaw(`persons.name LIKE ? ESCAPE '\\'`, [likePattern(text)])
            .orWhereRaw(`visits.subject LIKE ? ESCAPE '\\'`, [likePattern(text)])
          if (/^\d{4,}$/.test(digits)) w.orWhereRaw(`replace(persons.phone, '-', '') LIKE ?`, [`%${digits}%`])
        })
      }
      if (input.channel) q.where('visits.channel', input.channel)
      if (input.outcome) q.where('visits.outcome', input.outcome)
      if (input.dateFrom) q.where('visits.visited_at', '>=', new Date(`${input.dateFrom}T00:00:00`).toISOString())
      if (input.dateTo) q.where('visits.visited_at', '<', new Date(`${input.dateTo}T24:00:00`).toISOString())
      const counted = (await q.clone().clearSelect().count({ n: '*' }).first()) as { n: number }
      // The id breaks ties (visits in the same minute) in the same direction, so paging never repeats a row.
      const rows = (await q
        .orderBy(input.sort === 'number' ? 'visits.number' : 'visits.visited_at', input.order)
        .orderBy('visits.id', input.order)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)) as VisitRow[]
      return {
        items: await toVisits(db, ctx, rows),
        total: Number(counted.n),
        page: input.page,
        pageSize: input.pageSize,
      }
    },
  }
}
