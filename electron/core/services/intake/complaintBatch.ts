/**
 * Registering many 诉求 at once: the 诉求登记历史 import and the benchmark
 * use it. One transaction writes the people the drafts bring (matched to the
 * registry the way the import matches them, never doubled), the 诉求 with
 * gapless numbers, their timeline events, and one audit event for the batch.
 * Rows are computed as the one-by-one path computes them (complaintBatchWorkflow)
 * and written in chunks by statements prepared once; anything wrong with any
 * draft is refused before a row is written.
 *
 * SIGNATURE (the benchmark codes against this; stable):
 *
 *   registerComplaintBatch(db: Knex, ctx: Ctx, drafts: readonly ComplaintBatchDraft[],
 *                          options?: ComplaintBatchOptions): Promise<ComplaintBatchResult>
 *     Its own transaction, including ONE audit event (create, complaint, entityId null).
 *     Throws ApiError('VALIDATION', '第N条诉求：…') and writes nothing on any bad draft.
 *
 *   writeComplaintBatch(trx: Knex.Transaction, ctx, drafts, options?)
 *     The same inside the caller's transaction, without the audit event.
 *
 *   ComplaintBatchDraft = {
 *     row?: number                                 // for messages; default position + 1
 *     person: { id: number } | PersonDraft | null  // registered person, one to match or add, or none
 *                                                  // (PersonDraft as draftFromParsedPerson makes it:
 *                                                  //  personInput's output, phone normalised)
 *     content: ComplaintContent                    // { kind, categoryId, urgency, compoundId,
 *                                                  //   locationDetail, request, facts, reasons }
 *                                                  // (complaintContent's output: absent values null)
 *     receivedAt: string                           // ISO instant (登记时间)
 *     history?: {                                  // an old register's row: the status it reached
 *       status: 'registered' | 'accepted' | 'resolved'
 *       resolvedAt?: string; result?: string; answer?: AnswerKind   // required for 'resolved'
 *       satisfaction?: Satisfaction | null                          // the 回访, 'resolved' only
 *     } | null
 *   }
 *   ComplaintBatchOptions = { progress?: (done: number, total: number) => void | Promise<void> }
 *   ComplaintBatchResult = { ids: number[]; numbers: string[]; newPeople: number; matchedPeople: number }
 *     (ids and numbers in draft order)
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import { localDate } from '../../../../shared/calendar/workCalendar'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { bulkWriter } from '../../dataTransfer/bulk'
import type { PersonDraft } from '../../dataTransfer/personDraft'
import { createPersonMatcher, loadExistingPeople, type PersonSlot } from '../../dataTransfer/personMatch'
import type { ProblemList } from '../../dataTransfer/problems'
import { fillMatchedPeople, writeNewPeople } from '../../dataTransfer/write'
import type { ComplaintContent } from './complaintRecords'
import {
  checkResolved,
  insertComplaints,
  loadComplaintRefs,
  type ComplaintHistory,
  type ResolvedComplaint,
} from './complaintBatchRows'

export type { ComplaintContent, ComplaintHistory, PersonDraft }

export interface ComplaintBatchDraft {
  row?: number
  person: { id: number } | PersonDraft | null
  content: ComplaintContent
  receivedAt: string
  history?: ComplaintHistory | null
}

export interface ComplaintBatchOptions {
  progress?: (done: number, total: number) => void | Promise<void>
}

export interface ComplaintBatchResult {
  ids: number[]
  numbers: string[]
  newPeople: number
  matchedPeople: number
}

function isPersonDraft(p: ComplaintBatchDraft['person']): p is PersonDraft {
  return p !== null && 'name' in p
}

/** The matcher reports conflicts into a problem list; here the first one refuses the batch. */
function refusingProblems(): ProblemList {
  const rows = new Set<number>()
  return {
    add(row, field, message) {
      throw new ApiError('VALIDATION', `第${row}条诉求：${message}`, field)
    },
    rowsWithProblems: rows,
    count: () => 0,
    listed: () => [],
  }
}

async function checkPersonIds(trx: Knex.Transaction, drafts: readonly ComplaintBatchDraft[]): Promise<void> {
  const wanted = new Map<number, number>()
  drafts.forEach((d, i) => {
    if (d.person && !isPersonDraft(d.person) && !wanted.has(d.person.id)) wanted.set(d.person.id, d.row ?? i + 1)
  })
  const ids = [...wanted.keys()]
  const found = new Set<number>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = (await trx('persons')
      .whereIn('id', ids.slice(i, i + 500))
      .select('id')) as { id: number }[]
    for (const r of rows) found.add(r.id)
  }
  for (const [id, row] of wanted) {
    if (!found.has(id)) throw new ApiError('VALIDATION', `第${row}条诉求：所选来访人不存在`, 'person')
  }
}

export async function writeComplaintBatch(
  trx: Knex.Transaction,
  ctx: Ctx,
  drafts: readonly ComplaintBatchDraft[],
  options: ComplaintBatchOptions = {},
): Promise<ComplaintBatchResult> {
  const now = ctx.clock.now()
  const refs = await loadComplaintRefs(trx)
  await checkPersonIds(trx, drafts)

  // People first matched in memory (nothing written yet), as the import matches them.
  const slots: (PersonSlot | null)[] = new Array<PersonSlot | null>(drafts.length).fill(null)
  let matcher: ReturnType<typeof createPersonMatcher> | null = null
  if (drafts.some((d) => isPersonDraft(d.person))) {
    matcher = createPersonMatcher(await loadExistingPeople(trx))
    const problems = refusingProblems()
    drafts.forEach((d, i) => {
      if (isPersonDraft(d.person)) slots[i] = matcher!.resolve({ ...d.person, row: d.row ?? i + 1 }, problems)
    })
  }
  const items: ResolvedComplaint[] = drafts.map((d, i) => ({
    row: d.row ?? i + 1,
    personId: d.person && !isPersonDraft(d.person) ? d.person.id : null,
    content: d.content,
    receivedAt: d.receivedAt,
    history: d.history ?? null,
  }))
  for (const item of items) checkResolved(item, refs, now)

  const created = matcher?.created ?? []
  const filled = [...(matcher?.matched ?? [])].filter((s) => s.fills !== null)
  const total = created.length + filled.length + items.length
  let done = 0
  const progress = async (n: number) => {
    done += n
    await options.progress?.(done, total)
  }
  const bulk = await bulkWriter(trx)
  try {
    const today = localDate(now)
    await writeNewPeople(bulk, ctx, created, today, progress)
    await fillMatchedPeople(bulk, ctx, filled, today, progress)
    slots.forEach((slot, i) => {
      if (slot) items[i]!.personId = slot.existing?.id ?? slot.id
    })
    const written = await insertComplaints(trx, bulk, ctx, items, progress)
    return { ...written, newPeople: created.length, matchedPeople: matcher?.matched.size ?? 0 }
  } finally {
    await bulk.close()
  }
}

export async function registerComplaintBatch(
  db: Knex,
  ctx: Ctx,
  drafts: readonly ComplaintBatchDraft[],
  options: ComplaintBatchOptions = {},
): Promise<ComplaintBatchResult> {
  if (drafts.length === 0) return { ids: [], numbers: [], newPeople: 0, matchedPeople: 0 }
  return db.transaction(async (trx) => {
    const result = await writeComplaintBatch(trx, ctx, drafts, options)
    // One event for the batch, counts only (no names or numbers), as the import records.
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'complaint',
      entityId: null,
      detail: {
        batch: true,
        complaints: result.ids.length,
        newPeople: result.newPeople,
        matchedPeople: result.matchedPeople,
      },
    })
    return result
  })
}
