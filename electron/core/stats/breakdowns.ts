/**
 * The 诉求 figures by kind, category, community, compound and unit. SQL
 * groups the cohort twice: by (kind, category, unit), whose combinations
 * are few (hundreds), and by compound. Each breakdown is then a roll-up of
 * those group sums, named from the small lookup tables: kinds, top-level
 * categories (sub-categories counted under them), units; compounds and
 * their communities. Two index scans instead of five.
 */
import type { Knex } from 'knex'
import type { ComplaintBreakdownRow, ComplaintDimension } from '../../../shared/api/stats'
import { complaintKindLabels, complaintKinds, type ComplaintKind } from '../../../shared/intake/labels'
import { allCategories } from '../services/intake/categories'
import { addSums, figuresOf, zeroSums, type Sums } from './figures'
import { groupedSums, type Scope } from './cohort'

type Db = Knex | Knex.Transaction
type Key = string | number | null
type Grouped = { keys: Key[]; sums: Sums }[]

function rowsOf(groups: Map<Key, Sums>, label: (key: Key) => string): ComplaintBreakdownRow[] {
  return [...groups].map(([key, sums]) => ({ key, label: label(key), ...figuresOf(sums) }))
}

/** One collator: localeCompare with a locale builds a new one per call, slow over hundreds of compounds. */
const byName = new Intl.Collator('zh-CN').compare

/** Most 诉求 first; the 未填 row last; ties by name (pinyin order) so the order is stable. */
function byVolume(a: ComplaintBreakdownRow, b: ComplaintBreakdownRow): number {
  if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1
  return b.received - a.received || byName(a.label, b.label)
}

/** Sums per `to(keys)`, adding up the groups that map to the same key. */
function rollUp(groups: Grouped, to: (keys: Key[]) => Key): Map<Key, Sums> {
  const out = new Map<Key, Sums>()
  for (const g of groups) {
    const k = to(g.keys)
    out.set(k, addSums(out.get(k) ?? zeroSums(), g.sums))
  }
  return out
}

function kindRows(groups: Grouped): ComplaintBreakdownRow[] {
  const order = (k: Key) => complaintKinds.indexOf(k as ComplaintKind)
  return rowsOf(
    rollUp(groups, ([kind = null]) => kind),
    (k) => complaintKindLabels[k as ComplaintKind] ?? String(k),
  ).sort((a, b) => order(a.key) - order(b.key))
}

/** Each category counted under its top-level category, in the tree's own order. */
async function categoryRows(db: Db, groups: Grouped): Promise<ComplaintBreakdownRow[]> {
  const all = await allCategories(db)
  const byId = new Map(all.map((c) => [c.id, c]))
  const topOf = ([, id = null]: Key[]): Key => {
    let c = byId.get(Number(id))
    for (let depth = 0; c && c.parentId !== null && depth < 10; depth++) c = byId.get(c.parentId)
    return c?.id ?? id
  }
  const order = new Map(all.map((c, i) => [c.id as Key, i]))
  return rowsOf(rollUp(groups, topOf), (k) => byId.get(Number(k))?.name ?? '未知类别').sort(
    (a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0),
  )
}

async function placeRows(db: Db, groups: Grouped) {
  const compounds = (await db('compounds').select('id', 'name', 'community_id')) as {
    id: number
    name: string
    community_id: number
  }[]
  const communities = (await db('communities').select('id', 'name')) as { id: number; name: string }[]
  const compoundById = new Map(compounds.map((c) => [c.id as Key, c]))
  const communityName = new Map(communities.map((c) => [c.id as Key, c.name]))
  const compound = rowsOf(
    rollUp(groups, ([compoundId = null]) => compoundId),
    (k) => (k === null ? '未填' : (compoundById.get(k)?.name ?? '未知小区')),
  ).sort(byVolume)
  const community = rowsOf(
    rollUp(groups, ([k = null]) => (k === null ? null : (compoundById.get(k)?.community_id ?? null))),
    (k) => (k === null ? '未填' : (communityName.get(k) ?? '未知社区')),
  ).sort(byVolume)
  return { compound, community }
}

async function unitRows(db: Db, groups: Grouped): Promise<ComplaintBreakdownRow[]> {
  const units = (await db('units').select('id', 'name')) as { id: number; name: string }[]
  const name = new Map(units.map((u) => [u.id as Key, u.name]))
  return rowsOf(
    rollUp(groups, ([, , unitId = null]) => unitId),
    (k) => (k === null ? '未交办' : (name.get(k) ?? '未知单位')),
  ).sort(byVolume)
}

/** Every breakdown, and the total (the groups partition the cohort, so their sum is it). */
export async function breakdowns(
  db: Db,
  scope: Scope,
): Promise<{ total: Sums; byDimension: Record<ComplaintDimension, ComplaintBreakdownRow[]> }> {
  const byKindCategoryUnit = await groupedSums(db, scope, ['c.kind', 'c.category_id', 'c.unit_id'])
  const byCompound = await groupedSums(db, scope, ['c.compound_id'])
  const total = byKindCategoryUnit.reduce((s, g) => addSums(s, g.sums), zeroSums())
  const { compound, community } = await placeRows(db, byCompound)
  return {
    total,
    byDimension: {
      kind: kindRows(byKindCategoryUnit),
      category: await categoryRows(db, byKindCategoryUnit),
      community,
      compound,
      unit: await unitRows(db, byKindCategoryUnit),
    },
  }
}
