/**
 * How a case is named in lists and on covers: 张三 与 李四 (applicants, then
 * respondents); agents are not parties to the dispute and are left out.
 */
import type { PartyRole } from './labels'

export function partyNamesOf(parties: readonly { role: PartyRole; name: string }[]): string | null {
  const principal = parties.filter((p) => p.role !== 'agent')
  if (principal.length === 0) return null
  const applicants = principal.filter((p) => p.role === 'applicant').map((p) => p.name)
  const respondents = principal.filter((p) => p.role === 'respondent').map((p) => p.name)
  if (applicants.length === 0 || respondents.length === 0) return principal.map((p) => p.name).join('、')
  return `${applicants.join('、')} 与 ${respondents.join('、')}`
}

/** The case number: （2026）红人调字第12号. */
export function mediationCaseNumber(year: number, shortName: string, seq: number): string {
  return `（${year}）${shortName}人调字第${seq}号`
}
