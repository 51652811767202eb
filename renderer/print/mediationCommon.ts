/**
 * What every mediation printout needs from a case: who may print it, the
 * parties with their particulars, the case's name (张三与李四邻里纠纷), the
 * mediators, and numbers in words. Pure functions over the
 * MediationCaseDetail core returned; nothing here reads the clock.
 */
import type { CaseParty, MediationCaseDetail } from '../../shared/api/mediation'
import { disputeTypeLabels, mediatorRoleLabels, partyRoleLabels } from '../../shared/mediation/labels'
import { sexLabels } from '../../shared/intake/labels'
import { printDocumentLabels, type PrintDocument } from '../../shared/print/target'

/** A printout this case cannot give (not the caller's to read, or not reached yet), with the reason. */
export class MediationPrintRefused extends Error {}

/** Notes (笔录, 协议, 回访) are for the case's mediators and administrators only; core sends others none. */
export const notesRefusal = '只有本案调解员和管理员可以打印调解笔录、协议和回访记录'

const noteDocuments: ReadonlySet<PrintDocument> = new Set<PrintDocument>([
  'mediation-session',
  'mediation-agreement',
  'mediation-oral',
  'mediation-followup',
])

/**
 * Refuses a printout whose content the caller did not get. The check is on
 * `access`, never on empty fields: an empty list must not print as a blank
 * form that looks complete.
 */
export function requireAccess(d: MediationCaseDetail, document: PrintDocument): void {
  const label = printDocumentLabels[document]
  const needsFull = document !== 'mediation-application' && document !== 'mediation-registration'
  if (needsFull && d.access !== 'full') {
    throw new MediationPrintRefused(
      noteDocuments.has(document) ? notesRefusal : `只有本案调解员和管理员可以打印${label}`,
    )
  }
  if (d.access === 'summary') throw new MediationPrintRefused(`无权查看本案当事人信息，不能打印${label}`)
}

/** Refuses documents of the 卷宗 and the rights notice before acceptance: the case has no number yet. */
export function requireAccepted(d: MediationCaseDetail, document: PrintDocument): string {
  if (d.number) return d.number
  const why = d.status === 'rejected' ? '该案件不予受理' : '该案件尚未受理'
  throw new MediationPrintRefused(`${why}，不能打印${printDocumentLabels[document]}`)
}

/* ---------- numbers ---------- */

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 30 → 三十, 99 → 九十九; larger numbers stay Arabic. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n)
  if (n < 10) return digits[n]!
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : digits[tens]}十${ones ? digits[ones] : ''}`
}

/**
 * Typed text as printed paragraphs, one per line typed, each indented on its
 * own; an empty line stays an empty line (a single space keeps its height).
 */
export function paragraphs(text: string | null): string[] {
  if (!text) return []
  return text
    .replace(/\s+$/u, '')
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? ' ' : line))
}

/** 申请事项 and agreement terms are numbered 1. 2. … as the forms number them. */
export function numbered(items: string[]): string[] {
  return items.map((text, i) => `${i + 1}. ${text}`)
}

/* ---------- parties ---------- */

export interface PartyField {
  label: string
  /** '' leaves a blank for the pen. */
  value: string
}

export interface PrintedParty {
  id: number
  /** 申请人, 被申请人, 第三人, or 代理人（张三的委托代理人）. */
  role: string
  name: string
  /** 姓名 性别 民族 年龄 职业 住址 联系方式, in the order the 司法部 forms list them. */
  fields: PartyField[]
  /** An agent's 授权委托, as recorded. */
  authorization: string | null
}

function partyById(d: MediationCaseDetail, id: number | null): CaseParty | undefined {
  return id === null ? undefined : d.parties.find((p) => p.id === id)
}

export function partyRole(d: MediationCaseDetail, p: CaseParty): string {
  if (p.role !== 'agent') return partyRoleLabels[p.role]
  const principal = partyById(d, p.agentForPartyId)
  return principal ? `代理人（${principal.person.name}的委托代理人）` : partyRoleLabels.agent
}

/** Whole years from a birth date to a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

function ageText(p: CaseParty, on: string): string {
  if (p.person.age !== null) return `${p.person.age}岁`
  return p.birthDate ? `${ageOn(p.birthDate, on)}岁` : ''
}

/**
 * A party's particulars. The phone is masked everywhere except the 协议书,
 * which the parties sign and keep (`fullPhone`), and there only when core
 * sent the full number (full access).
 */
export function printedParty(d: MediationCaseDetail, p: CaseParty, fullPhone: boolean): PrintedParty {
  const phone = (fullPhone ? p.phone : null) ?? p.person.phoneMasked ?? ''
  return {
    id: p.id,
    role: partyRole(d, p),
    name: p.person.name,
    fields: [
      { label: '姓名', value: p.person.name },
      { label: '性别', value: p.person.sex ? sexLabels[p.person.sex] : '' },
      { label: '民族', value: p.ethnicity ?? '' },
      { label: '年龄', value: ageText(p, d.registeredOn) },
      { label: '职业', value: p.occupation ?? '' },
      { label: '住址', value: p.person.address },
      { label: '联系方式', value: phone },
    ],
    authorization: p.role === 'agent' ? p.authorization : null,
  }
}

export function printedParties(d: MediationCaseDetail, fullPhone = false): PrintedParty[] {
  return [...d.parties].sort((a, b) => a.position - b.position).map((p) => printedParty(d, p, fullPhone))
}

/** 张三（申请人）、李四（被申请人）、王五（李四的委托代理人） */
export function partyRoster(d: MediationCaseDetail): string {
  return [...d.parties]
    .sort((a, b) => a.position - b.position)
    .map((p) => {
      const principal = p.role === 'agent' ? partyById(d, p.agentForPartyId) : undefined
      const standing = principal ? `${principal.person.name}的委托代理人` : partyRoleLabels[p.role]
      return `${p.person.name}（${standing}）`
    })
    .join('、')
}

/** The parties themselves, without agents: they are the ones a dispute is between. */
function principals(d: MediationCaseDetail): CaseParty[] {
  return [...d.parties].filter((p) => p.role !== 'agent').sort((a, b) => a.position - b.position)
}

/** The two sides' names: applicants against respondents, else the first party against the others. */
function sides(d: MediationCaseDetail): [string, string] {
  const all = principals(d)
  const names = (list: CaseParty[]) => list.map((p) => p.person.name).join('、')
  const applicants = all.filter((p) => p.role === 'applicant')
  const respondents = all.filter((p) => p.role === 'respondent')
  if (applicants.length && respondents.length) return [names(applicants), names(respondents)]
  return [names(all.slice(0, 1)), names(all.slice(1))]
}

/** 卷名 and 案由: 张三与李四邻里纠纷 (其他 types read just 纠纷). */
export function caseName(d: MediationCaseDetail): string {
  const [a, b] = sides(d)
  const type = d.disputeType === 'other' ? '' : disputeTypeLabels[d.disputeType]
  return `${b ? `${a}与${b}` : a}${type}纠纷`
}

/** Everyone the paper is addressed to: 张三、李四 */
export function principalNames(d: MediationCaseDetail): string {
  return principals(d)
    .map((p) => p.person.name)
    .join('、')
}

/** 王五（主持调解员）、赵六（协助调解员） */
export function mediatorLine(d: MediationCaseDetail): string {
  const sorted = [...d.mediators].sort((a, b) => (a.role === b.role ? 0 : a.role === 'presiding' ? -1 : 1))
  return sorted.map((m) => `${m.name}（${mediatorRoleLabels[m.role]}）`).join('、')
}

/* ---------- ruled forms ---------- */

export interface FormRow {
  label: string
  /** '' leaves the cell blank for the pen. */
  value: string
  /** Long text: the row spans the whole width. */
  wide?: boolean
}

/**
 * Short rows sit two to a line and long ones span it, in the order given;
 * an odd short row before a wide one (or at the end) gets an empty partner
 * so the ruled grid stays whole.
 */
export function formRows(rows: (FormRow | null)[]): FormRow[] {
  const out: FormRow[] = []
  let open = 0
  for (const row of rows) {
    if (!row) continue
    if (row.wide && open % 2 === 1) {
      out.push({ label: '', value: '' })
      open = 0
    }
    out.push(row)
    open = row.wide ? 0 : open + 1
  }
  if (open % 2 === 1) out.push({ label: '', value: '' })
  return out
}
