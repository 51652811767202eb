/**
 * The read-side figures on the seeded database, through core's own call
 * (what the HTTP server and Electron's IPC both go through): search by
 * query class, the same questions answered by LIKE scans, a filtered and
 * sorted 诉求 list page, a month's statistics dashboard. Also checks the
 * search answers against the LIKE answers (exact for Chinese text).
 */
import type { Knex } from 'knex'
import type { Core } from '../../electron/core/app'
import type { Ctx } from '../../electron/core/context'
import type { SearchResult } from '../../shared/api/search'
import { likePattern } from '../../electron/core/services/rows'
import { percentile, round1, sample } from './stats'
import { QUERIES } from './texts'

export type QueryClass = 'zh2' | 'zh3' | 'zh6' | 'pinyin'
export const queryClassLabels: Record<QueryClass, string> = {
  zh2: '2个汉字',
  zh3: '3个汉字',
  zh6: '6个汉字',
  pinyin: '拼音',
}

/** Full pinyin of residents spread over the registry: names that surely exist. */
export async function pinyinQueries(db: Knex): Promise<string[]> {
  const range = (await db('persons').min({ lo: 'id' }).max({ hi: 'id' }).first()) as { lo: number; hi: number }
  const out: string[] = []
  for (let k = 0; k < 5; k++) {
    const id = range.lo + Math.floor(((range.hi - range.lo) * (k * 2 + 1)) / 10)
    const row = (await db('persons').where('id', '>=', id).orderBy('id').first('name_pinyin')) as {
      name_pinyin: string
    }
    if (!out.includes(row.name_pinyin)) out.push(row.name_pinyin)
  }
  return out
}

export interface SearchCheck {
  class: QueryClass
  query: string
  /** The kind checked: 诉求 for Chinese text, residents for pinyin. */
  kind: 'complaint' | 'person'
  /** The search's total, which stops at 1000 (searchCapped then says more match). */
  searchTotal: number
  searchCapped: boolean
  likeCount: number
  /** Every returned hit of that kind really contains the query (or its pinyin starts with it). */
  hitsContainQuery: boolean
}

export interface SearchFigures {
  p50: Record<QueryClass, number>
  p95: Record<QueryClass, number>
  likeMs: Record<QueryClass, number>
  oursMs: Record<QueryClass, number>
  vsLike: Record<QueryClass, number>
  queries: Record<QueryClass, string[]>
  checks: SearchCheck[]
}

const TEXT_COLUMNS = ['request', 'facts', 'location_detail']

function complaintTextLike(db: Knex, q: string): Knex.QueryBuilder {
  const like = likePattern(q)
  return db('complaints').where((w) => {
    for (const c of TEXT_COLUMNS) w.orWhereRaw(`?? LIKE ? ESCAPE '\\'`, [c, like])
  })
}

/**
 * What a LIKE-only search would do for the same box: count and the newest 8
 * of 诉求, residents and mediation cases whose text contains the query; for
 * pinyin, first the residents whose pinyin starts with it, and then the same
 * text scans, because the box looks for the letters in the texts as well
 * (search.query counts them in the text index for every query). Until
 * 2026-11-27 the pinyin scan stopped after the residents, a tenth of the
 * work. (Compounds' pinyin, computed from a few dozen names, costs next to
 * nothing either way.)
 */
async function likeSearch(db: Knex, cls: QueryClass, q: string): Promise<void> {
  const like = likePattern(q)
  const both = async (qb: Knex.QueryBuilder, order: string) => {
    await qb.clone().count({ n: '*' })
    await qb.clone().orderBy(order, 'desc').limit(8).select('id')
  }
  if (cls === 'pinyin') {
    await both(
      db('persons').where((w) =>
        w.whereRaw(`name_pinyin LIKE ? ESCAPE '\\'`, [like]).orWhereRaw(`name_initials LIKE ? ESCAPE '\\'`, [like]),
      ),
      'id',
    )
  }
  await both(complaintTextLike(db, q), 'received_at')
  await both(db('persons').whereRaw(`name LIKE ? ESCAPE '\\'`, [like]), 'id')
  await both(db('mediation_cases').whereRaw(`facts LIKE ? ESCAPE '\\'`, [like]), 'registered_on')
}

async function checkQuery(core: Core, ctx: Ctx, cls: QueryClass, q: string): Promise<SearchCheck> {
  const db = core.db
  const result = (await core.call(ctx, 'search.query', { query: q, limit: 50 })) as SearchResult
  const kind = cls === 'pinyin' ? 'person' : 'complaint'
  const group = result.groups.find((g) => g.kind === kind)
  const ids = group?.hits.map((h) => h.id) ?? []
  let likeCount: number
  let contained: number
  if (kind === 'complaint') {
    likeCount = Number(((await complaintTextLike(db, q).count({ n: '*' }).first()) as { n: number }).n)
    contained = Number(
      ((await complaintTextLike(db, q).whereIn('id', ids).count({ n: '*' }).first()) as { n: number }).n,
    )
  } else {
    const prefix = (qb: Knex.QueryBuilder) => qb.whereRaw(`name_pinyin LIKE ? ESCAPE '\\'`, [likePattern(q).slice(1)])
    likeCount = Number(((await prefix(db('persons')).count({ n: '*' }).first()) as { n: number }).n)
    contained = Number(((await prefix(db('persons')).whereIn('id', ids).count({ n: '*' }).first()) as { n: number }).n)
  }
  return {
    class: cls,
    query: q,
    kind,
    searchTotal: group?.total ?? 0,
    searchCapped: group?.totalCapped ?? false,
    likeCount,
    hitsContainQuery: ids.length > 0 && contained === ids.length,
  }
}

export async function measureSearch(core: Core, ctx: Ctx, runsPerQuery: number): Promise<SearchFigures> {
  const queries: Record<QueryClass, string[]> = {
    zh2: [...QUERIES.zh2],
    zh3: [...QUERIES.zh3],
    zh6: [...QUERIES.zh6],
    pinyin: await pinyinQueries(core.db),
  }
  const classes = Object.keys(queries) as QueryClass[]
  const figures: SearchFigures = {
    p50: {} as Record<QueryClass, number>,
    p95: {} as Record<QueryClass, number>,
    likeMs: {} as Record<QueryClass, number>,
    oursMs: {} as Record<QueryClass, number>,
    vsLike: {} as Record<QueryClass, number>,
    queries,
    checks: [],
  }
  for (const cls of classes) {
    const all: number[] = []
    for (const q of queries[cls])
      all.push(...(await sample(runsPerQuery, () => core.call(ctx, 'search.query', { query: q }))))
    figures.p50[cls] = round1(percentile(all, 50))
    figures.p95[cls] = round1(percentile(all, 95))
    // LIKE scans are slow at scale: the first query of the class, against our time for that same query.
    const q = queries[cls][0]!
    const ours = percentile(await sample(5, () => core.call(ctx, 'search.query', { query: q })), 50)
    const like = percentile(await sample(3, () => likeSearch(core.db, cls, q)), 50)
    figures.oursMs[cls] = round1(ours)
    figures.likeMs[cls] = round1(like)
    // Three significant digits: at a small N a LIKE scan can beat the index, and the ratio must still show.
    figures.vsLike[cls] = Number((like / ours).toPrecision(3))
    for (const q2 of queries[cls]) figures.checks.push(await checkQuery(core, ctx, cls, q2))
  }
  return figures
}

export interface ListVariant {
  label: string
  input: Record<string, unknown>
}

/** 50-row pages as the 诉求 list asks for them: a filter and a sort each. */
export function listVariants(communityId: number, compoundId: number, categoryId: number, year: number): ListVariant[] {
  return [
    { label: '某社区·按登记时间', input: { communityId, sort: 'receivedAt', order: 'desc' } },
    { label: '未办结·按期限', input: { status: ['registered', 'accepted'], sort: 'dueDate', order: 'asc' } },
    {
      label: '某分类·某年·按编号',
      input: { categoryId, dateFrom: `${year}-01-01`, dateTo: `${year}-12-31`, sort: 'number', order: 'asc' },
    },
    { label: '某小区·投诉', input: { compoundId, kind: 'complaint', sort: 'receivedAt', order: 'desc' } },
  ].map((v) => ({ ...v, input: { ...v.input, page: 1, pageSize: 50 } }))
}

export async function measureList(core: Core, ctx: Ctx, variants: ListVariant[], runs: number) {
  const all: number[] = []
  let rows = 0
  for (const v of variants) {
    all.push(...(await sample(runs, () => core.call(ctx, 'complaints.list', v.input))))
    rows += ((await core.call(ctx, 'complaints.list', v.input)) as { items: unknown[] }).items.length
  }
  return { p50: round1(percentile(all, 50)), p95: round1(percentile(all, 95)), rowsReturned: rows }
}

/** The last full month before `now`. */
export function lastMonth(now: Date): { year: number; number: number } {
  const m = now.getMonth() // 0-based: the previous month's 1-based number
  return m === 0 ? { year: now.getFullYear() - 1, number: 12 } : { year: now.getFullYear(), number: m }
}

export async function measureStats(core: Core, ctx: Ctx, now: Date, runs: number) {
  const period = { kind: 'month', ...lastMonth(now) }
  const ms = await sample(runs, () => core.call(ctx, 'stats.dashboard', { period }))
  const d = (await core.call(ctx, 'stats.dashboard', { period })) as { complaints: { received: number } }
  return { p50: round1(percentile(ms, 50)), p95: round1(percentile(ms, 95)), period, received: d.complaints.received }
}
