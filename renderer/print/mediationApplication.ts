/**
 * 人民调解申请书 (司法部 2010 文书格式): the parties with their particulars,
 * 纠纷简要情况, the numbered 申请事项, addressed to the committee and signed
 * by each applicant on the day of the application.
 */
import type { MediationCaseDetail, MediationOptions } from '../../shared/api/mediation'
import { printedDate } from './printDates'
import { numbered, paragraphs, printedParties, requireAccess, type PrintedParty } from './mediationCommon'

export interface PrintedApplication {
  title: string
  parties: PrintedParty[]
  facts: string[]
  requests: string[]
  /** The committee the application is made to (此致 …). */
  committee: string
  /** 申请人张三 — one signature line each. */
  signers: string[]
  date: string
}

export function printedApplication(d: MediationCaseDetail, options: MediationOptions): PrintedApplication {
  requireAccess(d, 'mediation-application')
  const parties = printedParties(d)
  const applicants = d.parties.filter((p) => p.role === 'applicant')
  // A case the committee took up by itself (主动调解) may have no applicant: every party then signs.
  const signing = applicants.length ? applicants : d.parties.filter((p) => p.role !== 'agent')
  return {
    title: '人民调解申请书',
    parties,
    facts: paragraphs(d.facts),
    requests: numbered(d.requests),
    committee: options.committeeName,
    signers: signing.map((p) => `${parties.find((x) => x.id === p.id)?.role ?? '申请人'}${p.person.name}`),
    date: printedDate(d.registeredOn),
  }
}
