/**
 * Retention (个人信息保护法 Art 19): how long closed records keep a person's
 * identity, and which people are past it. A person is past retention when
 * none of their 诉求 is still running (all 归档, 不予受理 or 合并), every
 * visit closed before the visit cutoff (当场办结 at the visit, one that
 * became 诉求 when the last of them closed), every 诉求's last step came
 * before the 诉求 cutoff, and nothing at all happened to them (visit, step,
 * edit) before the person cutoff.
 */
import type { Knex } from 'knex'
import { defaultRetention, retentionSettings, type RetentionSettings } from '../../../shared/api/privacy'
import { localDate } from '../../../shared/calendar/workCalendar'
import type { Ctx } from '../context'
import { settingsStore } from './settings'
import { caseFileHoldBindings, caseFileHoldSql } from './mediation/caseFileHold'

export const retentionKey = 'privacy.retention'

/** The statuses after which nothing more happens to a 诉求. */
export const closedComplaintStatuses = ['archived', 'rejected', 'merged'] as const

export async function loadRetention(db: Knex): Promise<RetentionSettings> {
  const stored = await settingsStore(db).get<unknown>(retentionKey)
  const parsed = retentionSettings.safeParse({ ...defaultRetention, ...(stored as object | null) })
  return parsed.success ? parsed.data : defaultRetention
}

/** Today minus `years` (29 February falls back to the 28th). */
export function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const day = m === 2 && d === 29 ? 28 : d
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export interface Cutoffs {
  /** The day the list is made for (a mediation case file's period runs to it). */
  today: string
  /** Calendar dates: closed before this day is past retention. */
  visits: string
  complaints: string
  persons: string
}

export function cutoffsOf(ctx: Ctx, r: RetentionSettings): Cutoffs {
  const today = localDate(ctx.clock.now())
  return {
    today,
    visits: yearsBefore(today, r.closedVisitYears),
    complaints: yearsBefore(today, r.closedComplaintYears),
    persons: yearsBefore(today, r.inactivePersonYears),
  }
}

/** The first instant of a local day, as stored instants are (UTC ISO strings compare in order). */
export function instantOf(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString()
}

export interface OverdueRow {
  id: number
  name: string
  phone: string | null
  id_number: string | null
  visits: number
  complaints: number
  last_activity_at: string
}

/**
 * The eligible people, oldest activity first. `onlyIds` narrows to a
 * selection (bulk anonymisation checks again what the list showed).
 */
export function overdueQuery(
  cutoffs: Cutoffs,
  onlyIds?: readonly number[],
): { sql: string; bindings: (string | number)[] } {
  const closed = closedComplaintStatuses.map(() => '?').join(', ')
  const only = onlyIds ? `AND p.id IN (${onlyIds.map(() => '?').join(', ') || 'NULL'})` : ''
  const sql = `
    WITH ce AS (
      SELECT complaint_id, max(at) AS last_at FROM complaint_events GROUP BY complaint_id
    ), pc AS (
      SELECT c.id, c.visit_id, coalesce(c.person_id, v.person_id) AS person_id, c.status,
             coalesce(ce.last_at, c.updated_at) AS last_at
      FROM complaints c
      LEFT JOIN visits v ON v.id = c.visit_id
      LEFT JOIN ce ON ce.complaint_id = c.id
    ), vc AS (
      SELECT visit_id, max(last_at) AS last_at FROM pc WHERE visit_id IS NOT NULL GROUP BY visit_id
    ), vagg AS (
      SELECT v.person_id, count(*) AS visits,
             max(CASE WHEN v.outcome = 'on_spot' THEN v.visited_at ELSE coalesce(vc.last_at, v.visited_at) END)
               AS closed_at
      FROM visits v LEFT JOIN vc ON vc.visit_id = v.id
      GROUP BY v.person_id
    ), cagg AS (
      SELECT person_id, count(*) AS complaints, sum(CASE WHEN status IN (${closed}) THEN 0 ELSE 1 END) AS running,
             max(last_at) AS closed_at
      FROM pc WHERE person_id IS NOT NULL GROUP BY person_id
    )
    SELECT p.id, p.name, p.phone, p.id_number,
           coalesce(vagg.visits, 0) AS visits, coalesce(cagg.complaints, 0) AS complaints,
           max(p.updated_at, coalesce(vagg.closed_at, ''), coalesce(cagg.closed_at, '')) AS last_activity_at
    FROM persons p
    LEFT JOIN vagg ON vagg.person_id = p.id
    LEFT JOIN cagg ON cagg.person_id = p.id
    WHERE p.anonymised_at IS NULL
      AND coalesce(cagg.running, 0) = 0
      AND (vagg.closed_at IS NULL OR vagg.closed_at < ?)
      AND (cagg.closed_at IS NULL OR cagg.closed_at < ?)
      AND max(p.updated_at, coalesce(vagg.closed_at, ''), coalesce(cagg.closed_at, '')) < ?
      AND NOT ${caseFileHoldSql('p.id')}
      ${only}`
  return {
    sql,
    bindings: [
      ...closedComplaintStatuses,
      instantOf(cutoffs.visits),
      instantOf(cutoffs.complaints),
      instantOf(cutoffs.persons),
      ...caseFileHoldBindings(cutoffs.today),
      ...(onlyIds ?? []),
    ],
  }
}

export async function overdueRows(
  db: Knex | Knex.Transaction,
  cutoffs: Cutoffs,
  page: { page: number; pageSize: number },
): Promise<{ rows: OverdueRow[]; total: number }> {
  const { sql, bindings } = overdueQuery(cutoffs)
  const [count] = (await db.raw(`SELECT count(*) AS n FROM (${sql})`, bindings)) as { n: number }[]
  const rows = (await db.raw(`${sql} ORDER BY last_activity_at, p.id LIMIT ? OFFSET ?`, [
    ...bindings,
    page.pageSize,
    (page.page - 1) * page.pageSize,
  ])) as OverdueRow[]
  return { rows, total: Number(count?.n ?? 0) }
}

export async function overdueAmong(
  db: Knex | Knex.Transaction,
  cutoffs: Cutoffs,
  ids: readonly number[],
): Promise<Set<number>> {
  const { sql, bindings } = overdueQuery(cutoffs, ids)
  return new Set(((await db.raw(sql, bindings)) as OverdueRow[]).map((r) => r.id))
}
