/** Times on the accounts page, as the desk reads them: local 2026-03-01 09:05. */
import { format } from 'date-fns'

export function dateTime(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : format(d, 'yyyy-MM-dd HH:mm')
}

/** A lockout still running at `now`: until when (HH:mm), else null. */
export function lockedUntilText(iso: string | null, now: Date): string | null {
  if (!iso) return null
  const until = new Date(iso)
  if (Number.isNaN(until.getTime()) || until <= now) return null
  return format(until, 'HH:mm')
}
