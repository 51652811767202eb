/**
 * The cohort of 诉求 a period counts: registered (received_date) in it,
 * merged ones left out, optionally in one community's compounds; and the
 * aggregate that turns it into Sums, grouped by whatever a caller needs.
 * Everything is counted by SQL over the received_date index (see migration
 * 010): no 诉求 row is ever read into JS.
 */
import type { Knex } from 'knex'
import { openStatuses } from '../../../shared/complaints/workflow'
import type { DateRange } from './period'
import { sumKeys, type Sums } from './figures'

type Db = Knex | Knex.Transaction

export interface Scope {
  range: DateRange
  communityId: number | undefined
  /** Today (ctx.clock), for 超期. */
  today: string
}

const satisfiedAnswers = ['satisfied', 'basically_satisfied']

/**
 * The SQLite modifier that turns a UTC instant into local time. 'localtime'
 * costs a time-zone lookup per row (most of a month's dashboard time), so
 * where the zone keeps one offset all year (China does) a fixed shift does
 * the same for nothing; zones with summer time keep 'localtime'.
 */
function localShift(): string {
  const year = new Date().getFullYear()
  const offsets = new Set(
    [year - 10, year].flatMap((y) => [0, 6].map((month) => new Date(y, month, 1).getTimezoneOffset())),
  )
  if (offsets.size > 1) return `'localtime'`
  const minutes = -[...offsets][0]!
  return `'${minutes >= 0 ? '+' : ''}${minutes} minutes'`
}

/**
 * The Sums columns, in their cheapest exact form (each is evaluated for
 * every 诉求 of the period, several times per dashboard):
 * - 受理: accepted_at is set exactly by 受理, so it is there for every 诉求
 *   no longer 登记 and not 不予受理 (also once archived);
 * - 办结: has a result, resolved_at (an unsatisfied 回访 clears it when the
 *   matter reopens, with resolved_on_time);
 * - 按期: resolved_on_time is 1 or 0 exactly while resolved_at is set;
 * - 满意: the latest 回访 answer, kept on the 诉求;
 * - days: from the receipt date to the local date of 办结 (NULL unless resolved);
 * - 超期: open today (its status) and due before today.
 */
function sumColumns(db: Db, today: string): Knex.Raw[] {
  const open = openStatuses.map(() => '?').join(', ')
  return [
    db.raw('COUNT(*) AS received'),
    db.raw('COUNT(c.accepted_at) AS accepted'),
    db.raw('COUNT(c.resolved_at) AS resolved'),
    db.raw('SUM(c.resolved_on_time) AS onTime'),
    db.raw(`SUM(c.satisfaction IN (?, ?)) AS satisfied`, satisfiedAnswers),
    db.raw('COUNT(c.satisfaction) AS answered'),
    db.raw(`SUM(julianday(c.resolved_at, ${localShift()}, 'start of day') - julianday(c.received_date)) AS days`),
    db.raw(`SUM(CASE WHEN c.due_date < ? THEN c.status IN (${open}) END) AS overdue`, [today, ...openStatuses]),
  ]
}

/** The cohort's rows as a query on `complaints AS c` (wrapped: a knex builder is thenable). */
export function cohort(db: Db, scope: Scope): { q: Knex.QueryBuilder } {
  // Always the period's range of the stats index (migration 010), which holds every column read. Left
  // to itself, once ANALYZE has run, SQLite grouped by 小区 through the (compound, category, date) index
  // instead, skipping through its 小区 and categories and reading each row from the table: 58 ms of a
  // 160 ms dashboard at 1M.
  const q = db
    .from(db.raw('complaints AS c INDEXED BY complaints_stats'))
    .whereBetween('c.received_date', [scope.range.dateFrom, scope.range.dateTo])
    .whereNot('c.status', 'merged')
  if (scope.communityId !== undefined) {
    // The unary + keeps SQLite on the period's range of the stats index: left to itself it would
    // read every 诉求 the community ever had through the compound index.
    q.whereRaw('+c.compound_id IN (SELECT id FROM compounds WHERE community_id = ?)', [scope.communityId])
  }
  return { q }
}

function toSums(row: Record<string, unknown>): Sums {
  const s = {} as Sums
  for (const k of sumKeys) s[k] = Number(row[k] ?? 0)
  return s
}

/**
 * The cohort's Sums, one row per combination of `columns` (SQL expressions
 * on c; each comes back as k0, k1, …).
 */
export async function groupedSums(
  db: Db,
  scope: Scope,
  columns: string[],
): Promise<{ keys: (string | number | null)[]; sums: Sums }[]> {
  const { q } = cohort(db, scope)
  const rows = (await q
    .select(...columns.map((c, i) => db.raw(`${c} AS k${i}`)), ...sumColumns(db, scope.today))
    .groupByRaw(columns.join(', '))) as Record<string, unknown>[]
  return rows.map((r) => ({
    keys: columns.map((_, i) => r[`k${i}`] as string | number | null),
    sums: toSums(r),
  }))
}

/** The cohort's Sums in one row. */
export async function totalSums(db: Db, scope: Scope): Promise<Sums> {
  const { q } = cohort(db, scope)
  const row = (await q.select(...sumColumns(db, scope.today)).first()) as Record<string, unknown> | undefined
  return toSums(row ?? {})
}
