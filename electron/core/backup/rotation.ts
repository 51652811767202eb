/**
 * Grandfather-father-son rotation of the automatic backups, the way restic's
 * `forget --keep-daily/weekly/monthly` counts: newest first, a backup is kept
 * when it is the newest of a day (up to keepDaily days that have backups),
 * of an ISO week (up to keepWeekly weeks) or of a month (up to keepMonthly
 * months). Days, weeks and months are local time (the center's calendar).
 * Manual backups are never removed; 升级前 and 恢复前 copies keep the newest few.
 */
import { rotatedBackupKinds, type BackupKind } from '../../../shared/api/backup'

export interface Keep {
  keepDaily: number
  keepWeekly: number
  keepMonthly: number
}

export interface Rotatable {
  id: string
  kind: BackupKind
  createdAt: Date
  /** false: known damaged; such a copy never counts as the one kept for its day. */
  verified: boolean | null
}

/** How many of each one-off kind are kept. */
export const keepOneOff = 5

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`
}

function monthKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}`
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekKey(d: Date): string {
  // The local calendar date, computed on in UTC so no time zone or DST shifts it.
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()))
  const weekday = t.getUTCDay() || 7
  t.setUTCDate(t.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${t.getUTCFullYear()}-W${week}`
}

function keepNewestPerBucket(sorted: Rotatable[], limit: number, key: (d: Date) => string, kept: Set<string>): void {
  let last: string | null = null
  let count = 0
  for (const b of sorted) {
    if (count >= limit) return
    const k = key(b.createdAt)
    if (k === last) continue
    last = k
    kept.add(b.id)
    count++
  }
}

/** The ids to remove. */
export function backupsToRemove(backups: readonly Rotatable[], keep: Keep): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  const automatic = newestFirst.filter((b) => rotatedBackupKinds.includes(b.kind))
  const good = automatic.filter((b) => b.verified !== false)
  const kept = new Set<string>()
  keepNewestPerBucket(good, keep.keepDaily, dayKey, kept)
  keepNewestPerBucket(good, keep.keepWeekly, isoWeekKey, kept)
  keepNewestPerBucket(good, keep.keepMonthly, monthKey, kept)
  const remove = automatic.filter((b) => !kept.has(b.id)).map((b) => b.id)
  for (const kind of ['pre_migrate', 'pre_restore'] as const) {
    remove.push(
      ...newestFirst
        .filter((b) => b.kind === kind)
        .slice(keepOneOff)
        .map((b) => b.id),
    )
  }
  return remove
}
