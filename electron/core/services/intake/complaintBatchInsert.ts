/**
 * Writes a checked batch of 诉求 (see complaintBatchCheck) with the rows
 * complaintBatchWorkflow works out, in chunks by statements prepared once on
 * the transaction's connection. Numbers come from number_sequences, taken
 * once per year for the whole batch, so they stay gapless after existing ones
 * and a rollback gives them back.
 */
import type { Knex } from 'knex'
import { acceptDueOf } from '../../../../shared/complaints/clocks'
import { formatNumber } from '../../../../shared/complaints/numbering'
import type { Ctx } from '../../context'
import type { BulkWriter } from '../../dataTransfer/bulk'
import { BATCH_ROWS } from '../../dataTransfer/bulk'
import { changeStamp, createStamp, nowIso, staffId } from '../rows'
import type { ResolvedComplaint } from './complaintBatchCheck'
import { computeRow, historyFollowUpCaller, localDates, memo, versionOf } from './complaintBatchWorkflow'
import { clockSettingsOf, loadWorkCalendar, readOptions } from './options'
import { takeInSequence } from './sequences'

/** The chunks rows are written in: BATCH_ROWS each, one bound JSON text per statement (see bulk). */
function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += BATCH_ROWS) out.push(items.slice(i, i + BATCH_ROWS))
  return out
}

/** Per year, the first number of the batch: the counter is moved once per year by the whole count. */
async function takeNumbers(trx: Knex.Transaction, perYear: Map<number, number>): Promise<Map<number, number>> {
  const first = new Map<number, number>()
  for (const [year, count] of perYear) first.set(year, await takeInSequence(trx, `complaint:${year}`, count))
  return first
}

const complaintColumns = [
  'number',
  'year',
  'seq',
  'visit_id',
  'person_id',
  'kind',
  'category_id',
  'urgency',
  'compound_id',
  'location_detail',
  'request',
  'facts',
  'reasons',
  'status',
  'received_at',
  'received_date',
  'accept_due',
  'accepted_at',
  'handle_due',
  'resolved_at',
  'resolved_on_time',
  'result',
  'answer',
  'due_date',
  'satisfaction',
  'owner_id',
  'updated_at',
  'updated_by',
  'created_at',
  'created_by',
  'version',
] as const

const eventColumns = ['complaint_id', 'at', 'staff_id', 'action', 'from_status', 'to_status', 'note', 'detail'] as const

const followUpColumns = ['complaint_id', 'date', 'caller', 'satisfaction', 'comment', 'at', 'staff_id'] as const

export interface WrittenComplaints {
  /** In the order of `items`. */
  ids: number[]
  numbers: string[]
}

/**
 * Writes checked complaints (see checkResolved) with numbers in the order
 * they were received. `progress` gets the count written after each chunk; it
 * may throw to cancel (the caller's transaction then rolls everything back).
 */
export async function insertComplaints(
  trx: Knex.Transaction,
  bulk: BulkWriter,
  ctx: Ctx,
  items: readonly ResolvedComplaint[],
  progress: (n: number) => Promise<void>,
): Promise<WrittenComplaints> {
  const ids: number[] = new Array<number>(items.length)
  const numbers: string[] = new Array<string>(items.length)
  if (items.length === 0) return { ids, numbers }

  const options = await readOptions(trx)
  const settings = clockSettingsOf(options)
  // Only a history row past 登记 runs the handling clock (working days under the workdays rule).
  const handled = items.some((c) => c.history && c.history.status !== 'registered')
  const calendar = handled ? await loadWorkCalendar(trx) : null
  const acceptDue = memo(acceptDueOf)
  const dayOf = localDates()

  // Numbered in the order they were received (the draft order breaks ties), per year of receipt.
  const years = items.map((c) => new Date(c.receivedAt).getFullYear())
  const order = items.map((_, i) => i)
  order.sort((a, b) => {
    const x = items[a]!.receivedAt
    const y = items[b]!.receivedAt
    return x < y ? -1 : x > y ? 1 : a - b
  })
  const perYear = new Map<number, number>()
  for (const y of years) perYear.set(y, (perYear.get(y) ?? 0) + 1)
  const next = await takeNumbers(trx, perYear)

  const owner = staffId(ctx)
  const stamp = { ...changeStamp(ctx), ...createStamp(ctx) }
  const now = nowIso(ctx)
  for (const chunk of batches(order)) {
    const computed = chunk.map((i) => computeRow(items[i]!, settings, calendar, acceptDue, dayOf))
    const rows = chunk.map((i, n) => {
      const c = items[i]!
      const k = c.content
      const r = computed[n]!
      const year = years[i]!
      const seq = next.get(year)!
      next.set(year, seq + 1)
      const number = formatNumber(options.numberPattern, year, seq)
      numbers[i] = number
      return [
        number,
        year,
        seq,
        null,
        c.personId,
        k.kind,
        k.categoryId,
        k.urgency,
        k.compoundId,
        k.locationDetail,
        k.request,
        k.facts,
        k.reasons,
        r.status,
        c.receivedAt,
        r.receivedDate,
        r.acceptDue,
        r.acceptedAt,
        r.handleDue,
        r.resolvedAt,
        r.resolvedOnTime,
        r.result,
        r.answer,
        r.dueDate,
        r.satisfaction,
        owner,
        stamp.updated_at,
        stamp.updated_by,
        stamp.created_at,
        stamp.created_by,
        versionOf(r.events),
      ]
    })
    const written = await bulk.insert('complaints', complaintColumns, rows)
    if (written.length !== chunk.length) throw new Error('complaint batch: the database returned too few ids')
    const events: unknown[][] = []
    const followUps: unknown[][] = []
    chunk.forEach((i, n) => {
      const id = written[n]!
      ids[i] = id
      const r = computed[n]!
      for (const e of r.events) events.push([id, now, owner, e.action, e.from, e.to, e.note, e.detail])
      if (r.followUp) {
        followUps.push([id, r.followUp.date, historyFollowUpCaller, r.followUp.satisfaction, null, now, owner])
      }
    })
    await bulk.insert('complaint_events', eventColumns, events)
    if (followUps.length > 0) await bulk.insert('complaint_followups', followUpColumns, followUps)
    await progress(chunk.length)
  }
  return { ids, numbers }
}
