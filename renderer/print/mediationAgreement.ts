/**
 * 人民调解协议书 (人民调解法 第二十九条): each party's particulars (with the
 * full phone number: the parties sign and keep it), the main facts, points in
 * dispute and responsibilities, the numbered terms with how, where and by
 * when each is performed, the copies sentence, when it takes effect, a
 * signature-and-fingerprint box per party, the mediators' signatures and the
 * committee's seal with the date.
 */
import type { MediationCaseDetail, MediationOptions } from '../../shared/api/mediation'
import { printedDate } from './printDates'
import {
  MediationPrintRefused,
  chineseNumber,
  paragraphs,
  printedParties,
  requireAccepted,
  requireAccess,
  type PrintedParty,
} from './mediationCommon'

export interface PrintedTerm {
  /** 1. 2. … */
  label: string
  content: string
  /** 履行方式：…；履行地点：…；履行期限：2026年4月1日前 */
  performance: string
}

export interface PrintedAgreement {
  title: string
  number: string
  parties: PrintedParty[]
  facts: string[]
  disputePoints: string[]
  terms: PrintedTerm[]
  /** The copies sentence, when it takes effect, and the 司法确认 it may get. */
  closing: string[]
  /** 申请人：张三 — a box to sign and fingerprint each. */
  signers: string[]
  /** Mediators' names, presiding first. */
  mediators: string[]
  committee: string
  place: string | null
  date: string
}

export const effectSentence =
  '本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。'

export function copiesSentence(copies: number): string {
  return `本协议一式${chineseNumber(copies)}份，当事人各持一份，人民调解委员会留存一份。`
}

export function printedAgreement(d: MediationCaseDetail, options: MediationOptions): PrintedAgreement {
  requireAccess(d, 'mediation-agreement')
  const number = requireAccepted(d, 'mediation-agreement')
  const a = d.agreement
  if (d.outcome !== 'written_agreement' || !a) {
    throw new MediationPrintRefused('该案件没有达成书面调解协议，不能打印调解协议书')
  }
  const parties = printedParties(d, true)
  const principals = d.parties.filter((p) => p.role !== 'agent').length
  return {
    title: '人民调解协议书',
    number: `编号：${number}`,
    parties,
    facts: paragraphs(d.facts),
    disputePoints: paragraphs(a.disputePoints),
    terms: a.terms.map((t, i) => ({
      label: `${i + 1}.`,
      content: t.content,
      performance: [
        `履行方式：${t.way}`,
        t.place ? `履行地点：${t.place}` : null,
        `履行期限：${printedDate(t.deadline)}前`,
      ]
        .filter(Boolean)
        .join('；'),
    })),
    closing: [
      copiesSentence(a.copies ?? principals + 1),
      effectSentence,
      `经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。双方当事人认为有必要的，可以自本协议生效之日起${chineseNumber(options.judicialConfirmDays)}日内共同向人民法院申请司法确认。`,
    ],
    signers: parties.map((p) => `${p.role}：${p.name}`),
    mediators: [...d.mediators]
      .sort((x, y) => (x.role === y.role ? 0 : x.role === 'presiding' ? -1 : 1))
      .map((m) => m.name),
    committee: options.committeeName,
    place: a.place,
    date: printedDate(a.agreedOn),
  }
}
