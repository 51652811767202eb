/**
 * The 诉求 figures as sums SQL can add up (so a breakdown can be rolled up,
 * e.g. sub-categories into their top-level category) and the rates derived
 * from them, exactly as shared/api/stats.ts defines them.
 */
import type { ComplaintFigures } from '../../../shared/api/stats'

export interface Sums {
  received: number
  accepted: number
  resolved: number
  onTime: number
  satisfied: number
  answered: number
  /** Calendar days from receipt to 办结, summed over the resolved. */
  days: number
  overdue: number
}

export const sumKeys = [
  'received',
  'accepted',
  'resolved',
  'onTime',
  'satisfied',
  'answered',
  'days',
  'overdue',
] as const

export function zeroSums(): Sums {
  return { received: 0, accepted: 0, resolved: 0, onTime: 0, satisfied: 0, answered: 0, days: 0, overdue: 0 }
}

export function addSums(into: Sums, more: Sums): Sums {
  for (const k of sumKeys) into[k] += more[k]
  return into
}

/** A 0–1 rate with 4 decimals; null when there is nothing to divide by. */
export function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10000) / 10000
}

export function figuresOf(s: Sums): ComplaintFigures {
  return {
    received: s.received,
    accepted: s.accepted,
    resolved: s.resolved,
    resolvedRate: rateOf(s.resolved, s.accepted),
    onTimeRate: rateOf(s.onTime, s.resolved),
    satisfactionRate: rateOf(s.satisfied, s.answered),
    avgDaysToResolve: s.resolved === 0 ? null : Math.round((s.days / s.resolved) * 10) / 10,
    overdue: s.overdue,
  }
}
