/**
 * How a case is named and dated on screen. A case has no number until it is
 * accepted; until then it is “待受理” everywhere it is referred to.
 */
import { dateTime, today } from '../Complaints/format'
import type { MediationCase } from '../../../shared/api/mediation'

export { dateTime, today }

export function caseNumber(c: Pick<MediationCase, 'number'>): string {
  return c.number ?? '待受理'
}

/** ISO instant → `datetime-local` input value (local time, minutes). */
export function localInputValue(iso: string | null | undefined): string {
  const d = iso ? new Date(iso) : new Date()
  if (Number.isNaN(d.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** `datetime-local` value → ISO instant; a value that does not parse goes out as typed for the schema to refuse. */
export function isoFromInput(value: string): string {
  if (value === '') return ''
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? value : d.toISOString()
}
