/**
 * The dry run proper, in two stages. Drafting checks every data row with the
 * forms' own rules and turns it into what a record holds (this is the slow,
 * database-free part, apart from 社区 and 小区 names). Planning matches the
 * drafts against what is registered (people, 小区, visits already there) and
 * gives what a commit writes. The commit plans again inside its transaction,
 * so what it writes is checked against the database as it is at that moment.
 */
import type { Knex } from 'knex'
import type { ImportCounts } from '../../../shared/api/dataTransfer'
import type { ImportKind } from '../../../shared/dataTransfer/fields'
import { complaintDrafter, planComplaints, type ComplaintImportDraft, type ComplaintPlanItem } from './complaintDraft'
import { compoundDraft, type CompoundDraft } from './compoundDraft'
import { personDraft, type PersonDraft } from './personDraft'
import { createPersonMatcher, loadExistingPeople, type PersonSlot } from './personMatch'
import { loadPlaces, placeKey } from './places'
import type { ProblemList } from './problems'
import { rowReader } from './rowFields'
import type { SheetRow } from './sheetReader'
import { visitDraft, type VisitDraft } from './visitDraft'

export type Drafts =
  | { kind: 'compounds'; drafts: CompoundDraft[] }
  | { kind: 'people'; drafts: PersonDraft[] }
  | { kind: 'visits'; drafts: VisitDraft[] }
  | { kind: 'complaints'; drafts: ComplaintImportDraft[] }

export type Plan =
  | { kind: 'compounds'; create: CompoundDraft[] }
  | { kind: 'people'; matcher: ReturnType<typeof createPersonMatcher> }
  | {
      kind: 'visits'
      matcher: ReturnType<typeof createPersonMatcher>
      visits: { draft: VisitDraft; slot: PersonSlot }[]
    }
  | { kind: 'complaints'; matcher: ReturnType<typeof createPersonMatcher>; complaints: ComplaintPlanItem[] }

/** Called every few thousand rows with the rows done; may throw to stop (cancel). */
export type Tick = (rowsDone: number) => Promise<void>

const TICK_ROWS = 2000

/** Every row checked; the ones without problems as drafts (the others' problems in `problems`). */
export async function draftRows(
  db: Knex | Knex.Transaction,
  kind: ImportKind,
  rows: readonly SheetRow[],
  columns: Map<string, number>,
  defaultCommunity: number | null,
  problems: ProblemList,
  tick: Tick,
): Promise<Drafts> {
  const places = await loadPlaces(db)
  const reader = rowReader(columns, problems)
  const complaintRow = kind === 'complaints' ? await complaintDrafter(db, new Date()) : null
  const drafts: (CompoundDraft | PersonDraft | VisitDraft | ComplaintImportDraft)[] = []
  for (let i = 0; i < rows.length; i++) {
    if (i % TICK_ROWS === 0) await tick(i)
    const r = reader.at(rows[i]!)
    const draft =
      kind === 'compounds'
        ? compoundDraft(r, places, problems, defaultCommunity)
        : kind === 'people'
          ? personDraft(r, places, problems, defaultCommunity)
          : complaintRow
            ? complaintRow(r, places, problems, defaultCommunity)
            : visitDraft(r, places, problems, defaultCommunity)
    if (draft) drafts.push(draft)
  }
  await tick(rows.length)
  return { kind, drafts } as Drafts
}

async function visitKeysOf(db: Knex | Knex.Transaction, personIds: number[]): Promise<Set<string>> {
  const keys = new Set<string>()
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = (await db('visits')
      .whereIn('person_id', personIds.slice(i, i + 500))
      .select('person_id', 'visited_at', 'subject')) as { person_id: number; visited_at: string; subject: string }[]
    for (const r of rows) keys.add(`${r.person_id}\u0000${r.visited_at}\u0000${r.subject}`)
  }
  return keys
}

/**
 * The drafts against the registry. `rowCount` counts every data row (with
 * problems or not); `problems` holds the drafting's problems and gets the
 * matching's (an ID number under another name, a 小区 twice in the file).
 */
export async function planDrafts(
  db: Knex | Knex.Transaction,
  drafted: Drafts,
  rowCount: number,
  problems: ProblemList,
  tick: Tick,
): Promise<{ plan: Plan; counts: ImportCounts }> {
  let created = 0
  let matched = 0
  let plan: Plan

  if (drafted.kind === 'compounds') {
    const existing = new Set(
      ((await db('compounds').select('community_id', 'name')) as { community_id: number; name: string }[]).map(
        (c) => `${c.community_id}\u0000${placeKey(c.name)}`,
      ),
    )
    const inFile = new Map<string, number>()
    const create: CompoundDraft[] = []
    for (const draft of drafted.drafts) {
      const key = `${draft.communityId}\u0000${placeKey(draft.name)}`
      const earlier = inFile.get(key)
      if (earlier !== undefined) {
        problems.add(draft.row, 'name', `与第${earlier}行是同一小区（同一社区下名称相同），请合并为一行`)
      } else if (existing.has(key)) {
        // Already registered: kept as it is, not doubled.
        matched++
        inFile.set(key, draft.row)
      } else {
        inFile.set(key, draft.row)
        create.push(draft)
      }
    }
    created = create.length
    plan = { kind: 'compounds', create }
  } else {
    const matcher = createPersonMatcher(await loadExistingPeople(db))
    if (drafted.kind === 'people') {
      let resolved = 0
      for (const [i, draft] of drafted.drafts.entries()) {
        if (i % TICK_ROWS === 0) await tick(i)
        if (matcher.resolve(draft, problems)) resolved++
      }
      created = matcher.created.length
      matched = resolved - created
      plan = { kind: 'people', matcher }
    } else if (drafted.kind === 'complaints') {
      const { items, matched: known } = await planComplaints(db, drafted.drafts, matcher, problems, tick)
      created = items.length
      matched = known
      plan = { kind: 'complaints', matcher, complaints: items }
    } else {
      const visits: { draft: VisitDraft; slot: PersonSlot }[] = []
      for (const [i, draft] of drafted.drafts.entries()) {
        if (i % TICK_ROWS === 0) await tick(i)
        const slot = matcher.resolve(draft.person, problems)
        if (slot) visits.push({ draft, slot })
      }
      // A visit already registered (same person, time and 事由) is not registered twice.
      const known = await visitKeysOf(
        db,
        [...matcher.matched].map((s) => s.existing!.id),
      )
      const seen = new Map<PersonSlot, Set<string>>()
      const fresh: typeof visits = []
      for (const v of visits) {
        const key = `${v.draft.values.visited_at}\u0000${v.draft.values.subject}`
        const mine = seen.get(v.slot) ?? new Set<string>()
        seen.set(v.slot, mine)
        if (mine.has(key) || (v.slot.existing && known.has(`${v.slot.existing.id}\u0000${key}`))) {
          matched++
          continue
        }
        mine.add(key)
        fresh.push(v)
      }
      created = fresh.length
      plan = { kind: 'visits', matcher, visits: fresh }
    }
  }

  const people = plan.kind === 'compounds' ? null : plan.matcher
  const problemRows = problems.rowsWithProblems.size
  return {
    plan,
    counts: {
      rowCount,
      okCount: rowCount - problemRows,
      problemRows,
      problemCount: problems.count(),
      created,
      matched,
      newPeople: people?.created.length ?? 0,
      matchedPeople: people?.matched.size ?? 0,
      updatedPeople: people ? [...people.matched].filter((s) => s.fills !== null).length : 0,
    },
  }
}
