/** Finding 诉求: the filtered, sorted, paged list (also used by the export) and one with its timeline. */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { Complaint, ComplaintDetail } from '../../../../shared/api/complaints'
import { COMPLAINT_COUNT_CAP } from '../../../../shared/api/complaints'
import type { complaintFilter } from '../../../../shared/api/complaints'
import type { z } from '../../../../shared/api/zod'
import { addCalendarDays, localDate } from '../../../../shared/calendar/workCalendar'
import { dueSoonDays } from '../../../../shared/complaints/clocks'
import type { Ctx } from '../../context'
import { likePattern } from '../rows'
import { complaintIdsMatching } from '../../search/listMatch'
import { allCategories, categoryWithDescendants } from './categories'
import {
  duplicateWindowDays,
  rowOfArray,
  selectComplaintArrays,
  selectComplaints,
  toComplaint,
  type ComplaintRow,
} from './complaintRows'

export type ComplaintFilter = z.output<typeof complaintFilter>

export function todayOf(ctx: Ctx): string {
  return localDate(ctx.clock.now())
}

const sortColumns = {
  receivedAt: 'complaints.received_at',
  dueDate: 'complaints.due_date',
  status: 'complaints.status',
} as const

/**
 * The filters, on the complaints table alone, so that counting and paging
 * stay quick with a million 诉求; `rowsOf` then reads the full rows of one
 * page. Wrapped in an object because a knex builder is thenable: returning
 * it from an async function would run it. `walkSortIndex` reads the table
 * in the order of the sort's own index (see `pageQuery`).
 */
export async function filteredComplaints(
  db: Knex | Knex.Transaction,
  ctx: Ctx,
  f: ComplaintFilter,
  walkSortIndex = false,
): Promise<{ q: Knex.QueryBuilder }> {
  // No joins: every filter is on the complaints row or a subquery, so a
  // count or a page walks one index of one table (at a million 诉求 a join
  // per row is most of the time a list takes).
  const index = walkSortIndex ? sortIndexes[f.sort] : undefined
  const q: Knex.QueryBuilder = index ? db.from(db.raw(`complaints INDEXED BY ${index}`)) : db('complaints')
  const today = todayOf(ctx)
  const text = f.query
  if (text) {
    // The search index (number, person, compound, place, request, facts…): composes with every filter below.
    const indexed = complaintIdsMatching(text)
    q.where((w) => {
      if (indexed) w.whereRaw(`complaints.id IN (${indexed.sql})`, indexed.bindings)
      else w.whereRaw(`complaints.number LIKE ? ESCAPE '\\'`, [likePattern(text)])
      w.orWhere('complaints.number', text.trim()).orWhereRaw(
        'complaints.visit_id IN (SELECT id FROM visits WHERE lookup_code = ?)',
        [text.trim().toUpperCase()],
      )
    })
  }
  if (f.status.length > 0) q.whereIn('complaints.status', f.status)
  if (f.excludeMerged) q.whereNot('complaints.status', 'merged')
  // resolved_at, not the status: an unsatisfied 回访 reopens the matter and clears it, as the statistics count.
  if (f.resolved) q.whereNotNull('complaints.resolved_at')
  if (f.kind) q.where('complaints.kind', f.kind)
  if (f.categoryId) q.whereIn('complaints.category_id', await categoryWithDescendants(db, f.categoryId))
  if (f.communityId) {
    q.whereRaw('complaints.compound_id IN (SELECT id FROM compounds WHERE community_id = ?)', [f.communityId])
  }
  if (f.compoundId) q.where('complaints.compound_id', f.compoundId)
  if (f.compoundMissing) q.whereNull('complaints.compound_id')
  if (f.unitId) q.where('complaints.unit_id', f.unitId)
  if (f.unitMissing) q.whereNull('complaints.unit_id')
  if (f.assignee) q.whereRaw(`complaints.assignee LIKE ? ESCAPE '\\'`, [likePattern(f.assignee)])
  if (f.ownerId) q.where('complaints.owner_id', f.ownerId)
  if (f.dateFrom) q.where('complaints.received_date', '>=', f.dateFrom)
  if (f.dateTo) q.where('complaints.received_date', '<=', f.dateTo)
  // The year of the number is the year of receipt (both from the same local instant): saying so lets a
  // page in number order walk (year, seq) within those years instead of sorting a year of matches.
  // Only then: a count would read every match's row for a condition its dates already imply.
  if (index && f.sort === 'number' && f.dateFrom) q.where('complaints.year', '>=', Number(f.dateFrom.slice(0, 4)))
  if (index && f.sort === 'number' && f.dateTo) q.where('complaints.year', '<=', Number(f.dateTo.slice(0, 4)))
  if (f.clock === 'overdue') q.where('complaints.due_date', '<', today)
  if (f.clock === 'due_soon') {
    q.whereBetween('complaints.due_date', [today, addCalendarDays(today, dueSoonDays)])
  }
  if (f.clock === 'ok') q.where('complaints.due_date', '>', addCalendarDays(today, dueSoonDays))
  return { q }
}

/** Sorts whose order an index holds (ties by rowid, i.e. by id, in the same direction). */
const sortIndexes: Partial<Record<ComplaintFilter['sort'], string>> = {
  receivedAt: 'complaints_received_at_index',
  number: 'complaints_year_seq_unique',
}

/**
 * The query one page is read with. SQLite picks the index of the most
 * selective filter and then sorts every match; when the matches are many
 * (a whole community, a year) that sort is most of the time a page takes.
 * Walking the sort's own index instead and keeping the rows that pass the
 * filters stops after one page: with at least 1 in 100 rows passing, that
 * is a few thousand rows at most. With fewer matches the filter's index
 * and a sort of those few is quicker, so it stays as it is; so it does
 * with a date range, which its own index narrows before anything is read.
 */
export async function pageQuery(
  db: Knex | Knex.Transaction,
  ctx: Ctx,
  f: ComplaintFilter,
  q: Knex.QueryBuilder,
  count: { total: number; capped: boolean },
  upTo: number,
): Promise<{ q: Knex.QueryBuilder }> {
  const { total, capped } = count
  if (total === 0) return { q }
  if (f.sort === 'dueDate' && f.status.length > 1) return eachStatus(db, ctx, f, upTo)
  // A date range narrows received_date's index before anything is read, so the few matches are sorted;
  // number order instead walks (year, seq) within the range's years.
  if (!sortIndexes[f.sort] || (f.sort !== 'number' && (f.dateFrom || f.dateTo))) return { q }
  // A capped count means more matches than the cap: many, whatever the table's size.
  if (capped) return filteredComplaints(db, ctx, f, true)
  const top = (await db('complaints').max({ n: 'id' }).first()) as { n: number | null } | undefined
  if (total * 100 < Number(top?.n ?? 0)) return { q }
  return filteredComplaints(db, ctx, f, true)
}

/**
 * Sorted by 期限 with several statuses (未办结 is three): an index holds
 * each status's matches in that order (migration 012), not their union, so
 * SQLite would sort every match (82,000 open 诉求 at 1M) for one page.
 * Each status instead gives its first `upTo` in index order and only those
 * are sorted. The result stands in for the complaints table (same name, the
 * id and due_date columns), so `rowsOf` sorts and cuts it as it would the
 * table.
 */
async function eachStatus(
  db: Knex | Knex.Transaction,
  ctx: Ctx,
  f: ComplaintFilter,
  upTo: number,
): Promise<{ q: Knex.QueryBuilder }> {
  const arms = await Promise.all(
    f.status.map(async (status) => {
      const { q } = await filteredComplaints(db, ctx, { ...f, status: [status] })
      const first = sorted(q.select('complaints.id', 'complaints.due_date'), f).limit(upTo)
      return db.select('*').from(first.as('arm')).toSQL()
    }),
  )
  const sql = arms.map((a) => a.sql).join(' UNION ALL ')
  return {
    q: db.from(
      db.raw(
        `(${sql}) AS complaints`,
        arms.flatMap((a) => [...a.bindings]),
      ),
    ),
  }
}

/** The number of matches, counted up to `cap` + 1 only (see complaintPage in the contract). */
export async function countOf(
  db: Knex | Knex.Transaction,
  q: Knex.QueryBuilder,
  cap = COMPLAINT_COUNT_CAP,
): Promise<{ total: number; capped: boolean }> {
  const upTo = q
    .clone()
    .clearSelect()
    .clearOrder()
    .select(db.raw('1'))
    .limit(cap + 1)
  const row = (await db.from(upTo.as('m')).count({ n: '*' }).first()) as { n: number }
  const n = Number(row.n)
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false }
}

/**
 * Full rows for one page of a filtered query, in its sort order. One
 * statement: the page's ids are cut in a subquery (which reads the filter's
 * indexes only) and the wide rows and their joins are read for those alone,
 * sorted again (a few rows) since IN keeps no order.
 */
export async function rowsOf(
  db: Knex | Knex.Transaction,
  q: Knex.QueryBuilder,
  f: ComplaintFilter,
  limit: number,
  offset = 0,
): Promise<ComplaintRow[]> {
  const page = sorted(q.clone().select('complaints.id'), f).limit(limit).offset(offset)
  const rows = (await sorted(selectComplaintArrays(db).whereIn('complaints.id', page), f)) as { r: string }[]
  return rows.map((x) => rowOfArray(x.r))
}

/** The due date with "no clock" as the latest date; the same expression as the index of migration 012. */
const dueLast = "coalesce(complaints.due_date, '9999-12-31')"

export function sorted(q: Knex.QueryBuilder, f: ComplaintFilter): Knex.QueryBuilder {
  // Matters with no running clock sort after those with one, whichever the direction: soonest first
  // through the expression migration 012 indexes (status, that expression); latest first NULL,
  // the lowest value, comes last by itself and (status, due_date) holds the order.
  if (f.sort === 'dueDate' && f.order === 'asc') q.orderByRaw(`${dueLast} asc`)
  // Number order is the order numbers were given: year, then sequence. The same as the text's order
  // under the default pattern (2026-000123), right under any pattern, and the (year, seq) index holds it.
  else if (f.sort === 'number') q.orderBy('complaints.year', f.order).orderBy('complaints.seq', f.order)
  else q.orderBy(sortColumns[f.sort], f.order)
  return q.orderBy('complaints.id', f.order)
}

export async function categoryMap(db: Knex | Knex.Transaction) {
  return new Map((await allCategories(db)).map((c) => [c.id, c]))
}

export async function toComplaints(db: Knex | Knex.Transaction, ctx: Ctx, rows: ComplaintRow[]): Promise<Complaint[]> {
  const categories = await categoryMap(db)
  const today = todayOf(ctx)
  return rows.map((r) => toComplaint(r, categories, today))
}

export async function fetchComplaint(db: Knex | Knex.Transaction, ctx: Ctx, id: number): Promise<Complaint> {
  const row = (await selectComplaints(db).where('complaints.id', id).first()) as ComplaintRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该诉求不存在，请刷新列表')
  return toComplaint(row, await categoryMap(db), todayOf(ctx))
}

interface EventRow {
  id: number
  complaint_number: string
  at: string
  staff_name: string
  action: string
  from_status: ComplaintDetail['timeline'][number]['fromStatus']
  to_status: ComplaintDetail['timeline'][number]['toStatus']
  note: string | null
  detail: string
}

/** Every 诉求 merged into this one, directly or through a chain (A into B, then B into C). */
async function mergedInto(db: Knex | Knex.Transaction, id: number): Promise<{ id: number; number: string }[]> {
  const found: { id: number; number: string }[] = []
  let frontier = [id]
  while (frontier.length > 0) {
    const next = (await db('complaints').whereIn('merged_into', frontier).orderBy('id').select('id', 'number')) as {
      id: number
      number: string
    }[]
    found.push(...next)
    frontier = next.map((c) => c.id)
  }
  return found
}

export async function fetchComplaintDetail(
  db: Knex | Knex.Transaction,
  ctx: Ctx,
  id: number,
): Promise<ComplaintDetail> {
  const complaint = await fetchComplaint(db, ctx, id)
  const mergedIn = await mergedInto(db, id)
  // A merged duplicate keeps its own timeline; the surviving 诉求 shows both, each event with its number.
  const events = (await db('complaint_events')
    .join('complaints', 'complaints.id', 'complaint_events.complaint_id')
    .join('staff', 'staff.id', 'complaint_events.staff_id')
    .whereIn('complaint_events.complaint_id', [id, ...mergedIn.map((m) => m.id)])
    .orderBy(['complaint_events.at', 'complaint_events.id'])
    .select('complaint_events.*', 'complaints.number as complaint_number', 'staff.name as staff_name')) as EventRow[]
  const followUps = (await db('complaint_followups').where({ complaint_id: id }).orderBy('id')) as {
    id: number
    date: string
    caller: string
    satisfaction: ComplaintDetail['followUps'][number]['satisfaction']
    comment: string | null
    at: string
  }[]
  const links = (await db('complaint_links').where({ a_id: id }).orWhere({ b_id: id }).select('a_id', 'b_id')) as {
    a_id: number
    b_id: number
  }[]
  const linkedIds = links.map((l) => (l.a_id === id ? l.b_id : l.a_id))
  const linked = (await db('complaints').whereIn('id', linkedIds).orderBy('id').select('id', 'number')) as {
    id: number
    number: string
  }[]
  const duplicates =
    complaint.compoundId === null || complaint.status === 'merged'
      ? []
      : ((await db('complaints')
          .whereNot({ id })
          .whereNotIn('id', linkedIds)
          .where({ compound_id: complaint.compoundId, category_id: complaint.categoryId })
          .whereNot({ status: 'merged' })
          .whereRaw('abs(julianday(received_date) - julianday(?)) <= ?', [complaint.receivedDate, duplicateWindowDays])
          .orderBy('received_at')
          .select('id', 'number', 'received_at', 'status')) as {
          id: number
          number: string
          received_at: string
          status: ComplaintDetail['status']
        }[])
  const mediationCases = (await db('mediation_cases')
    .where({ complaint_id: id })
    .orderBy('id')
    .select('id', 'number')) as {
    id: number
    number: string | null
  }[]
  return {
    ...complaint,
    mediationCases,
    timeline: events.map((e) => ({
      id: e.id,
      complaintNumber: e.complaint_number,
      at: e.at,
      staffName: e.staff_name,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
      detail: JSON.parse(e.detail) as Record<string, unknown>,
    })),
    followUps: followUps.map((f) => ({
      id: f.id,
      date: f.date,
      caller: f.caller,
      satisfaction: f.satisfaction,
      comment: f.comment,
      at: f.at,
    })),
    possibleDuplicates: duplicates.map((d) => ({
      id: d.id,
      number: d.number,
      receivedAt: d.received_at,
      status: d.status,
    })),
    linked,
    mergedIn,
  }
}
