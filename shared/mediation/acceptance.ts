/**
 * What a case needs before it can be accepted (受理): someone applying,
 * someone it is against, and the mediator who presides. Agents do not count
 * as parties here. Pure, so the form can show the same list core enforces.
 */
import type { MediatorRole, PartyRole } from './labels'

export function acceptanceGaps(
  parties: readonly { role: PartyRole }[],
  mediators: readonly { role: MediatorRole }[],
): string[] {
  const gaps: string[] = []
  if (!parties.some((p) => p.role === 'applicant')) gaps.push('申请人')
  if (!parties.some((p) => p.role === 'respondent')) gaps.push('被申请人')
  const presiding = mediators.filter((m) => m.role === 'presiding').length
  if (presiding === 0) gaps.push('主持调解员')
  if (presiding > 1) gaps.push('只能有一名主持调解员')
  return gaps
}
