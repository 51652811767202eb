/**
 * A row of a 诉求登记 register (诉求登记历史): its resident checked with the
 * 来访人 form's schema, its content with the 诉求 form's (complaintContent),
 * 类型 / 分类 / 紧急程度 / 办理状态 / 答复类型 / 满意度 read from the words
 * registers use, and its history (登记, 受理 or 办结 with result, answer,
 * date and the 回访's satisfaction) checked the way the workflow would.
 * Planning matches the residents like the other kinds and skips a 诉求
 * already registered (same person, time of receipt and 诉求内容); writing
 * goes through the batch registration (services/intake/complaintBatchRows).
 */
import type { Knex } from 'knex'
import { complaintContent } from '../../../shared/api/complaints'
import { personInput } from '../../../shared/api/people'
import {
  answerKindLabels,
  answerKinds,
  complaintKindLabels,
  complaintKinds,
  satisfactionLabels,
  satisfactions,
  urgencyLabels,
  urgencies,
  type AnswerKind,
  type ComplaintKind,
  type Satisfaction,
  type Urgency,
} from '../../../shared/intake/labels'
import { localDate } from '../../../shared/calendar/workCalendar'
import type { Ctx } from '../context'
import { allCategories } from '../services/intake/categories'
import {
  checkResolved,
  insertComplaints,
  loadComplaintRefs,
  type ComplaintHistory,
  type HistoryStatus,
  type ResolvedComplaint,
} from '../services/intake/complaintBatchRows'
import type { ComplaintContent } from '../services/intake/complaintRecords'
import type { BulkWriter } from './bulk'
import { CellProblem, idNumberOf, instantOf, isoDateOf, optionalTextOf, phoneOf, textOf, wallTimeOf } from './cells'
import { compoundFromRow, draftFromParsedPerson, type PersonDraft } from './personDraft'
import type { createPersonMatcher, PersonSlot } from './personMatch'
import type { PlaceIndex } from './places'
import type { ProblemList } from './problems'
import { reportIssues, type RowCells } from './rowFields'
import type { Cell } from './sheetReader'

export interface ComplaintImportDraft {
  row: number
  person: PersonDraft | null
  content: ComplaintContent
  receivedAt: string
  history: ComplaintHistory
}

/** Words of the register → codes; each list's own labels and codes are accepted too. */
function reader<T extends string>(
  label: string,
  codes: readonly T[],
  labels: Record<T, string>,
  aliases: Record<string, T>,
): (cell: Cell) => T | null {
  return (cell) => {
    const s = textOf(cell).replace(/\s/g, '')
    if (s === '') return null
    const code = aliases[s] ?? codes.find((c) => labels[c] === s || c === s)
    if (code) return code
    throw new CellProblem(`${label}“${s.slice(0, 20)}”无法识别，应为：${codes.map((c) => labels[c]).join('、')}`)
  }
}

const kindOf = reader<ComplaintKind>('类型', complaintKinds, complaintKindLabels, {
  投诉类: 'complaint',
  举报: 'complaint',
  求助类: 'help',
  建议类: 'suggestion',
  意见建议: 'suggestion',
  咨询类: 'inquiry',
  询问: 'inquiry',
})
const urgencyOf = reader<Urgency>('紧急程度', urgencies, urgencyLabels, {
  普通: 'normal',
  否: 'normal',
  一般件: 'normal',
  急: 'urgent',
  是: 'urgent',
  紧急件: 'urgent',
  加急: 'urgent',
})
const answerOf = reader<AnswerKind>('答复类型', answerKinds, answerKindLabels, {
  支持类: 'support',
  解释说明: 'explain',
  解释类: 'explain',
  不支持: 'not_support',
})
const satisfactionOf = reader<Satisfaction>('满意度', satisfactions, satisfactionLabels, {
  非常满意: 'satisfied',
  比较满意: 'basically_satisfied',
  一般: 'basically_satisfied',
  基本满意的: 'basically_satisfied',
})

const historyLabels: Record<HistoryStatus, string> = { registered: '登记', accepted: '受理', resolved: '办结' }
const statusOf = reader<HistoryStatus>('办理状态', ['registered', 'accepted', 'resolved'], historyLabels, {
  已登记: 'registered',
  待受理: 'registered',
  未受理: 'registered',
  已受理: 'accepted',
  办理中: 'accepted',
  已办结: 'resolved',
  已回访: 'resolved',
  已完成: 'resolved',
  完成: 'resolved',
})

/** 分类 by its path (物业服务/电梯) or, when unique, its own name; only categories in use. */
export async function categoryReader(db: Knex | Knex.Transaction): Promise<(cell: Cell) => number | null> {
  const all = await allCategories(db)
  const byPath = new Map(all.map((c) => [c.path, c]))
  const byName = new Map<string, typeof all>()
  for (const c of all) byName.set(c.name, [...(byName.get(c.name) ?? []), c])
  const inUse = all
    .filter((c) => c.parentId === null && !c.archivedAt)
    .map((c) => c.name)
    .slice(0, 12)
  return (cell) => {
    const s = textOf(cell)
      .replace(/\s/g, '')
      .replace(/[／\\>＞—-]+/g, '/')
    if (s === '') return null
    const named = byName.get(s) ?? []
    const found = byPath.get(s) ?? (named.length === 1 ? named[0] : undefined)
    if (!found && named.length > 1) {
      throw new CellProblem(`有${named.length}个名为“${s}”的类别，请写出上级类别，如“${named[0]!.path}”`)
    }
    if (!found) {
      throw new CellProblem(`找不到诉求类别“${s.slice(0, 30)}”，应为系统设置中的类别，如：${inUse.join('、')}`)
    }
    if (found.archivedAt) throw new CellProblem(`诉求类别“${found.path}”已停用，请改用在用的类别`)
    return found.id
  }
}

/** Schema paths → import fields. */
const contentFields: Record<string, string> = { categoryId: 'category', compoundId: 'compound' }

function personOf(
  r: RowCells,
  problems: ProblemList,
  compoundId: number | null | undefined,
): PersonDraft | null | undefined {
  const name = textOf(r.cell('name'))
  const phone = r.convert('phone', phoneOf)
  const idNumber = r.convert('idNumber', idNumberOf)
  // No one named: a matter reported without a resident (网格员上报, 12345 without contact).
  if (name === '' && !phone && !idNumber && phone !== undefined && idNumber !== undefined) return null
  const parsed = personInput.safeParse({ name, phone, idNumber, compoundId: compoundId ?? null })
  if (!parsed.success) {
    reportIssues(problems, r.row, parsed.error, (path) => String(path[0] === 'compoundId' ? 'compound' : path[0]))
    return undefined
  }
  const p = parsed.data
  return draftFromParsedPerson(r.row, {
    name: p.name,
    phone: p.phone,
    idNumber: p.idNumber,
    compoundId: p.compoundId,
    address: null,
  })
}

/** A wall time read from a date column, as an instant; null when empty, undefined on a problem. */
function dateOf(r: RowCells, field: string, label: string, problems: ProblemList, now: Date) {
  const wall = r.convert(field, (c) => wallTimeOf(c, label))
  if (!wall) return wall
  // A date alone is that day (its start); compared with today as a day, so today's rows pass.
  const instant = instantOf(wall)
  const late = wall.hasTime ? Date.parse(instant) > now.getTime() + 5 * 60_000 : isoDateOf(wall) > localDate(now)
  if (late) {
    problems.add(r.row, field, `${label}不能晚于今天`)
    return undefined
  }
  return { instant, day: isoDateOf(wall) }
}

export type ComplaintRowDrafter = (
  r: RowCells,
  places: PlaceIndex,
  problems: ProblemList,
  defaultCommunity: number | null,
) => ComplaintImportDraft | null

/** The drafting function for a file, with the categories as they stand and the clock of the run. */
export async function complaintDrafter(db: Knex | Knex.Transaction, now: Date): Promise<ComplaintRowDrafter> {
  const categoryOf = await categoryReader(db)
  return (r, places, problems, defaultCommunity) => {
    const before = problems.count()
    const received = dateOf(r, 'receivedAt', '登记日期', problems, now)
    if (received === null) problems.add(r.row, 'receivedAt', '请填写登记日期')
    const compoundId = compoundFromRow(r, places, problems, defaultCommunity)
    const person = personOf(r, problems, compoundId)
    const raw = {
      kind: r.convert('kind', kindOf) ?? undefined,
      categoryId: r.convert('category', categoryOf) ?? undefined,
      urgency: r.convert('urgency', urgencyOf) ?? undefined,
      compoundId: compoundId ?? null,
      locationDetail: optionalTextOf(r.cell('locationDetail')),
      request: textOf(r.cell('request')),
      facts: optionalTextOf(r.cell('facts')),
      reasons: optionalTextOf(r.cell('reasons')),
    }
    const parsed = complaintContent.safeParse(raw)
    if (!parsed.success) {
      reportIssues(problems, r.row, parsed.error, (path) => {
        const key = String(path[0] ?? 'request')
        return contentFields[key] ?? key
      })
    }
    const history = historyOf(r, problems, now, received ? received.day : null)
    if (problems.count() > before || !parsed.success || !received || !history || person === undefined) return null
    return { row: r.row, person, content: parsed.data, receivedAt: received.instant, history }
  }
}

/** 办理状态 and what only a 办结 has; problems at the column that is wrong. */
function historyOf(r: RowCells, problems: ProblemList, now: Date, receivedDay: string | null): ComplaintHistory | null {
  const status = r.convert('status', statusOf)
  const result = optionalTextOf(r.cell('result'))
  const answer = r.convert('answer', answerOf)
  const satisfaction = r.convert('satisfaction', satisfactionOf)
  const resolved = dateOf(r, 'resolvedDate', '办结日期', problems, now)
  if (status === undefined || answer === undefined || satisfaction === undefined || resolved === undefined) return null
  if (status !== 'resolved') {
    const extra: [string, unknown][] = [
      ['result', result],
      ['answer', answer],
      ['resolvedDate', resolved],
      ['satisfaction', satisfaction],
    ]
    const stray = extra.filter(([, v]) => v !== null)
    for (const [field] of stray) problems.add(r.row, field, '只有办理状态为“办结”的诉求才填写此项，请核对办理状态')
    return stray.length > 0 ? null : { status: status ?? 'registered' }
  }
  let ok = true
  const need = (field: string, value: unknown, message: string) => {
    if (value === null) {
      problems.add(r.row, field, message)
      ok = false
    }
  }
  need('result', result, '已办结的诉求请填写办理结果')
  need('answer', answer, '已办结的诉求请填写答复类型（支持、解释、不予支持）')
  need('resolvedDate', resolved, '已办结的诉求请填写办结日期')
  if (resolved && receivedDay && resolved.day < receivedDay) {
    problems.add(r.row, 'resolvedDate', '办结日期不能早于登记日期')
    ok = false
  }
  if (!ok) return null
  return { status, resolvedAt: resolved!.instant, result, answer, satisfaction }
}

/** Existing 诉求 received at any of these instants, as keys person\0time\0content. */
async function knownKeys(db: Knex | Knex.Transaction, instants: string[]): Promise<Set<string>> {
  const keys = new Set<string>()
  for (let i = 0; i < instants.length; i += 500) {
    const rows = (await db('complaints')
      .whereIn('received_at', instants.slice(i, i + 500))
      .select('person_id', 'received_at', 'request')) as {
      person_id: number | null
      received_at: string
      request: string
    }[]
    for (const r of rows) keys.add(`${r.person_id ?? ''}\u0000${r.received_at}\u0000${r.request}`)
  }
  return keys
}

export interface ComplaintPlanItem {
  draft: ComplaintImportDraft
  slot: PersonSlot | null
}

/**
 * The drafts against the registry: residents matched (or added once), and a
 * 诉求 already there (or twice in the file) counted as matched, not doubled.
 */
export async function planComplaints(
  db: Knex | Knex.Transaction,
  drafts: readonly ComplaintImportDraft[],
  matcher: ReturnType<typeof createPersonMatcher>,
  problems: ProblemList,
  tick: (done: number) => Promise<void>,
): Promise<{ items: ComplaintPlanItem[]; matched: number }> {
  const resolved: ComplaintPlanItem[] = []
  for (const [i, draft] of drafts.entries()) {
    if (i % 2000 === 0) await tick(i)
    if (draft.person === null) {
      resolved.push({ draft, slot: null })
      continue
    }
    const slot = matcher.resolve(draft.person, problems)
    if (slot) resolved.push({ draft, slot })
  }
  const known = await knownKeys(db, [...new Set(resolved.map((c) => c.draft.receivedAt))])
  const seen = new Map<PersonSlot | null, Set<string>>()
  const items: ComplaintPlanItem[] = []
  let matched = 0
  for (const c of resolved) {
    const key = `${c.draft.receivedAt}\u0000${c.draft.content.request}`
    const mine = seen.get(c.slot) ?? new Set<string>()
    seen.set(c.slot, mine)
    const registered = c.slot === null || c.slot.existing ? `${c.slot?.existing?.id ?? ''}\u0000${key}` : null
    if (mine.has(key) || (registered !== null && known.has(registered))) {
      matched++
      continue
    }
    mine.add(key)
    items.push(c)
  }
  return { items, matched }
}

/** After the people are written: the 诉求, checked again against the categories and 小区 as they stand. */
export async function writeComplaintPlan(
  trx: Knex.Transaction,
  bulk: BulkWriter,
  ctx: Ctx,
  items: readonly ComplaintPlanItem[],
  progress: (n: number) => Promise<void>,
): Promise<void> {
  const refs = await loadComplaintRefs(trx)
  const now = ctx.clock.now()
  const resolved: ResolvedComplaint[] = items.map(({ draft, slot }) => {
    const personId = slot === null ? null : (slot.existing?.id ?? slot.id)
    if (slot !== null && personId === null) throw new Error('import: a 诉求 refers to a person that was not written')
    return {
      row: draft.row,
      personId,
      content: draft.content,
      receivedAt: draft.receivedAt,
      history: draft.history,
    }
  })
  for (const c of resolved) checkResolved(c, refs, now)
  await insertComplaints(trx, bulk, ctx, resolved, progress)
}
