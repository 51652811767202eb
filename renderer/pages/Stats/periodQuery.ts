/**
 * The chosen period and community in the address bar
 * (#/statistics?period=quarter&year=2026&n=4&community=2), so 返回 from a
 * list opened by clicking a bar lands on the same figures. Anything that does
 * not parse falls back to this month, never guessed.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { statsPeriodKinds, type StatsPeriodKind } from '../../../shared/api/stats'

export interface StatsChoice {
  kind: StatsPeriodKind
  year: number
  /** Month 1–12 or quarter 1–4; unused for a year. */
  number: number
  communityId: number | undefined
}

function one(q: LocationQuery, key: string): string | undefined {
  const v = q[key]
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s !== '' ? s : undefined
}

function intIn(s: string | undefined, min: number, max: number): number | undefined {
  const n = Number(s)
  return s !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : undefined
}

export function thisMonth(now = new Date()): StatsChoice {
  return { kind: 'month', year: now.getFullYear(), number: now.getMonth() + 1, communityId: undefined }
}

export function choiceFromQuery(q: LocationQuery, now = new Date()): StatsChoice {
  const fallback = thisMonth(now)
  const raw = one(q, 'period')
  const kind = (statsPeriodKinds as readonly string[]).includes(raw ?? '') ? (raw as StatsPeriodKind) : 'month'
  const year = intIn(one(q, 'year'), 2000, 2100) ?? fallback.year
  const max = kind === 'quarter' ? 4 : 12
  const number =
    kind === 'year'
      ? 1
      : (intIn(one(q, 'n'), 1, max) ?? (kind === 'quarter' ? Math.ceil(fallback.number / 3) : fallback.number))
  return { kind, year, number, communityId: intIn(one(q, 'community'), 1, Number.MAX_SAFE_INTEGER) }
}

export function queryFromChoice(c: StatsChoice): LocationQueryRaw {
  const q: Record<string, string> = { period: c.kind, year: String(c.year) }
  if (c.kind !== 'year') q.n = String(c.number)
  if (c.communityId) q.community = String(c.communityId)
  return q
}

/** The 月报's print id: year × 100 + month (202611), as shared/print/target.ts defines it. */
export function monthlyReportId(c: StatsChoice): number | null {
  return c.kind === 'month' ? c.year * 100 + c.number : null
}
