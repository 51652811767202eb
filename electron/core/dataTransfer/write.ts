/**
 * Writing a checked plan inside the import's transaction, in batches: new
 * 小区, new people (pinyin keys computed in bulk), empty fields of matched
 * people filled, then visits with their numbers (per year, after those the
 * year already has, in the order of the visits) and 查询码. `tick` runs
 * between batches; it throws to cancel, which rolls everything back.
 */
import { randomInt } from 'node:crypto'
import type { Knex } from 'knex'
import type { Ctx } from '../context'
import { changeStamp, createStamp } from '../services/rows'
import { visitNumber } from '../services/intake/visits'
import { takeInSequence } from '../services/intake/sequences'
import { BATCH_ROWS, bulkWriter, type BulkWriter } from './bulk'
import type { Plan } from './check'
import { fillableColumns } from './personDraft'
import type { PersonSlot } from './personMatch'
import { createPinyinCache } from './pinyinBulk'
import { writeComplaintPlan } from './complaintDraft'

export type WriteTick = (done: number, total: number) => Promise<void>

/** The same alphabet as the visit form's codes (no 0/O, 1/I/L). */
const LOOKUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

function stampValues(ctx: Ctx): Record<string, unknown> {
  return { ...changeStamp(ctx), ...createStamp(ctx) }
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += BATCH_ROWS) out.push(items.slice(i, i + BATCH_ROWS))
  return out
}

async function writeCompounds(
  bulk: BulkWriter,
  ctx: Ctx,
  plan: Extract<Plan, { kind: 'compounds' }>,
  tick: WriteTick,
): Promise<void> {
  const stamp = stampValues(ctx)
  const columns = [
    'community_id',
    'name',
    'address',
    'kind',
    'management',
    'property_company',
    'households',
    'buildings',
    'notes',
    ...Object.keys(stamp),
    'version',
  ]
  let done = 0
  for (const batch of batches(plan.create)) {
    await tick(done, plan.create.length)
    await bulk.insert(
      'compounds',
      columns,
      batch.map((c) => [
        c.communityId,
        c.name,
        c.values.address,
        c.values.kind,
        c.values.management,
        c.values.property_company,
        c.values.households,
        c.values.buildings,
        c.values.notes,
        ...Object.values(stamp),
        1,
      ]),
    )
    done += batch.length
  }
  await tick(done, plan.create.length)
}

export async function writeNewPeople(
  bulk: BulkWriter,
  ctx: Ctx,
  slots: readonly PersonSlot[],
  today: string,
  progress: (n: number) => Promise<void>,
): Promise<void> {
  const keysOf = createPinyinCache()
  const stamp = stampValues(ctx)
  const columns = [
    'name',
    'name_pinyin',
    'name_initials',
    ...fillableColumns,
    'age_recorded_on',
    'notes',
    ...Object.keys(stamp),
    'version',
  ]
  for (const batch of batches(slots)) {
    const rows = batch.map((s) => {
      const keys = keysOf(s.name)
      return [
        s.name,
        keys.name_pinyin,
        keys.name_initials,
        ...fillableColumns.map((c) => s.values[c]),
        s.values.age === null ? null : today,
        s.values.notes,
        ...Object.values(stamp),
        1,
      ]
    })
    const ids = await bulk.insert('persons', columns, rows)
    batch.forEach((s, i) => (s.id = ids[i]!))
    await progress(batch.length)
  }
}

export async function fillMatchedPeople(
  bulk: BulkWriter,
  ctx: Ctx,
  slots: readonly PersonSlot[],
  today: string,
  progress: (n: number) => Promise<void>,
): Promise<void> {
  const stamp = changeStamp(ctx)
  // Rows are [id, ...fillableColumns].
  const ageAt = fillableColumns.indexOf('age') + 1
  const extra = {
    sql:
      `age_recorded_on = CASE WHEN persons.age IS NULL AND v.value ->> ${ageAt} IS NOT NULL ` +
      'THEN ? ELSE persons.age_recorded_on END, ' +
      'version = persons.version + 1, updated_at = ?, updated_by = ?',
    params: [today, stamp.updated_at, stamp.updated_by],
  }
  for (const batch of batches(slots)) {
    const rows = batch.map((s) => [
      s.existing!.id,
      ...fillableColumns.map((c) => (s.fills?.has(c) ? s.values[c] : null)),
    ])
    await bulk.fillEmpty('persons', fillableColumns, rows, extra)
    await progress(batch.length)
  }
}

async function lookupCodes(trx: Knex.Transaction, count: number): Promise<string[]> {
  const taken = new Set(
    ((await trx('visits').select('lookup_code')) as { lookup_code: string }[]).map((r) => r.lookup_code),
  )
  const codes: string[] = []
  while (codes.length < count) {
    const code = Array.from({ length: 6 }, () => LOOKUP_ALPHABET[randomInt(LOOKUP_ALPHABET.length)]).join('')
    if (taken.has(code)) continue
    taken.add(code)
    codes.push(code)
  }
  return codes
}

async function writeVisits(
  trx: Knex.Transaction,
  bulk: BulkWriter,
  ctx: Ctx,
  plan: Extract<Plan, { kind: 'visits' }>,
  progress: (n: number) => Promise<void>,
): Promise<void> {
  // Numbered in the order they happened, after the numbers each year already has.
  const visits = [...plan.visits].sort((a, b) =>
    a.draft.values.visited_at < b.draft.values.visited_at
      ? -1
      : a.draft.values.visited_at > b.draft.values.visited_at
        ? 1
        : a.draft.row - b.draft.row,
  )
  const perYear = new Map<number, number>()
  for (const v of visits) {
    const year = new Date(v.draft.values.visited_at).getFullYear()
    perYear.set(year, (perYear.get(year) ?? 0) + 1)
  }
  const next = new Map<number, number>()
  for (const [year, count] of perYear) next.set(year, await takeInSequence(trx, `visit:${year}`, count))
  const codes = await lookupCodes(trx, visits.length)
  const stamp = stampValues(ctx)
  const columns = [
    'number',
    'lookup_code',
    'person_id',
    'visited_at',
    'channel',
    'visitor_count',
    'involved_count',
    'subject',
    'outcome',
    'answer',
    'notes',
    ...Object.keys(stamp),
    'version',
  ]
  let i = 0
  for (const batch of batches(visits)) {
    const rows = batch.map((v) => {
      const year = new Date(v.draft.values.visited_at).getFullYear()
      const seq = next.get(year)!
      next.set(year, seq + 1)
      const personId = v.slot.existing?.id ?? v.slot.id
      if (personId === null) throw new Error('import: a visit refers to a person that was not written')
      return [
        visitNumber(year, seq),
        codes[i++],
        personId,
        v.draft.values.visited_at,
        v.draft.values.channel,
        v.draft.values.visitor_count,
        null,
        v.draft.values.subject,
        'on_spot',
        v.draft.values.answer,
        v.draft.values.notes,
        ...Object.values(stamp),
        1,
      ]
    })
    await bulk.insert('visits', columns, rows)
    await progress(batch.length)
  }
}

export async function writePlan(
  trx: Knex.Transaction,
  ctx: Ctx,
  plan: Plan,
  today: string,
  tick: WriteTick,
): Promise<void> {
  const bulk = await bulkWriter(trx)
  try {
    if (plan.kind === 'compounds') return await writeCompounds(bulk, ctx, plan, tick)
    const created = plan.matcher.created
    const filled = [...plan.matcher.matched].filter((s) => s.fills !== null)
    const visitCount =
      plan.kind === 'visits' ? plan.visits.length : plan.kind === 'complaints' ? plan.complaints.length : 0
    const total = created.length + filled.length + visitCount
    let done = 0
    const progress = async (n: number) => {
      done += n
      await tick(done, total)
    }
    await tick(0, total)
    await writeNewPeople(bulk, ctx, created, today, progress)
    await fillMatchedPeople(bulk, ctx, filled, today, progress)
    if (plan.kind === 'visits') await writeVisits(trx, bulk, ctx, plan, progress)
    if (plan.kind === 'complaints') await writeComplaintPlan(trx, bulk, ctx, plan.complaints, progress)
  } finally {
    await bulk.close()
  }
}
