/**
 * Who may read what of a case (人民调解法: mediators keep the parties'
 * privacy). Decided here, in core, per case; the UI only shows what it gets.
 */
import { ApiError } from '../../../../shared/api/errors'
import type { MediationAccess } from '../../../../shared/api/mediation'
import type { MediationStatus } from '../../../../shared/mediation/labels'
import type { Staff } from '../../context'

/**
 * 'full' for administrators and the case's own mediators, and for any 调解员
 * while a registered case still has no mediator (someone has to take it up);
 * 'registration' for other 调解员; 'summary' for everyone else.
 */
export function accessOf(
  staff: Staff | null,
  status: MediationStatus,
  mediatorIds: readonly number[],
): MediationAccess {
  if (!staff) return 'summary'
  if (staff.role === 'admin') return 'full'
  if (staff.role !== 'mediator') return 'summary'
  if (mediatorIds.includes(staff.id)) return 'full'
  if (status === 'registered' && mediatorIds.length === 0) return 'full'
  return 'registration'
}

/** Whether a caller's role may ever read parties' names (used to allow a name search in lists). */
export function mayReadNames(staff: Staff | null): boolean {
  return staff?.role === 'admin' || staff?.role === 'mediator'
}

/** Writes need full access; `what` completes the sentence: 只有本案调解员和管理员可以{what}. */
export function requireFull(access: MediationAccess, what: string): void {
  if (access === 'full') return
  throw new ApiError('FORBIDDEN', `只有本案调解员和管理员可以${what}`)
}
