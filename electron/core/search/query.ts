/**
 * search.query: per kind, the newest matching records the caller may see,
 * with how many match. Paths, in the order their hits are listed: exact
 * numbers, pinyin, then the text index (see shared/api/search.ts).
 *
 * Totals stop at `totalCap`, and say so (totalCapped): without filters a
 * kind's text total is a count of rowids in its range, no row read; with a
 * filter (dates, community, 未办结), or for mediation cases matched through
 * their restricted part, every candidate must be read. Either way an exact
 * figure for a common word would walk tens of thousands of matches.
 */
import type { Knex } from 'knex'
import type { ParsedInput } from '../../../shared/api/contract'
import { roleHas } from '../../../shared/api/methods'
import {
  searchKindLabels,
  searchKinds,
  type SearchGroup,
  type SearchKind,
  type SearchResult,
} from '../../../shared/api/search'
import type { Ctx, Staff } from '../context'
import { accessOf } from '../services/mediation/access'
import { compoundNamesByPinyin, numberRefs, pinyinPeople } from './extras'
import { filterSql, hasFilters, idBounds, type SearchFilters } from './filters'
import { hitsOf, type Found } from './hits'
import { keyOf, kindCodes, rangeOf, refOf, restrictedCode, topOf } from './kinds'
import { anyOfSpec, sourceOf, textSpec, type MatchSpec } from './match'
import { parseQuery } from './terms'

export const totalCap = 1000

type Input = ParsedInput<'search.query'>

const kindPermission: Partial<Record<SearchKind, 'notices.read' | 'mediation.read' | 'conventions.read'>> = {
  notice: 'notices.read',
  mediation: 'mediation.read',
  convention: 'conventions.read',
}

/** Kinds this caller may list at all. */
function visibleKinds(staff: Staff | null, wanted: readonly SearchKind[]): SearchKind[] {
  const kinds = wanted.length > 0 ? searchKinds.filter((k) => wanted.includes(k)) : [...searchKinds]
  return kinds.filter((k) => {
    const p = kindPermission[k]
    return !p || (staff !== null && roleHas(staff.role, p))
  })
}

/**
 * SQL (over mediation_cases r) for the cases whose restricted part the caller
 * may match: accessOf(...) === 'full'. Null when the caller may match none.
 */
function fullAccessSql(staff: Staff | null): { where: string; bindings: number[] } | null {
  if (!staff) return null
  if (staff.role === 'admin') return { where: '1', bindings: [] }
  if (staff.role !== 'mediator') return null
  return {
    where: `(EXISTS (SELECT 1 FROM mediation_mediators mm WHERE mm.case_id = r.id AND mm.staff_id = ?)
      OR (r.status = 'registered' AND NOT EXISTS (SELECT 1 FROM mediation_mediators mm WHERE mm.case_id = r.id)))`,
    bindings: [staff.id],
  }
}

interface Part {
  /** `SELECT f.key ${from}` lists the matches. */
  from: string
  sql: string
  /** The last rowid of the part's range: top - key is the record's id. */
  top: number
  bindings: (string | number)[]
  /** The count is exact without reading rows (no join). */
  cheapCount: boolean
}

/** Matching rowids of one code range, filtered: `SELECT f.key FROM … WHERE …`. */
function partOf(
  spec: MatchSpec,
  kind: SearchKind,
  code: number,
  filters: SearchFilters,
  access: { where: string; bindings: number[] } | null,
  ids: [number, number] | null,
): Part | null {
  const f = filterSql(kind, code, filters, access !== null)
  if (f.excluded) return null
  const [lo, hi] = ids ? [keyOf(code, ids[1]), keyOf(code, ids[0])] : rangeOf(code)
  const src = sourceOf(spec, lo, hi)
  const where = [...f.where, ...(access ? [access.where] : [])]
  const from = `FROM (${src.sql}) f ${f.joins} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`
  return {
    from,
    sql: `SELECT f.key ${from}`,
    top: topOf(code),
    bindings: [...src.bindings, ...f.bindings, ...(access?.bindings ?? [])],
    cheapCount: f.joins === '',
  }
}

async function newest(db: Knex, part: Part, limit: number): Promise<number[]> {
  // Ascending rowids are newest first (see kinds.ts), the order FTS5 streams without buffering.
  const rows = (await db.raw(`${part.sql} ORDER BY f.key LIMIT ?`, [...part.bindings, limit])) as { key: number }[]
  return rows.map((r) => refOf(r.key))
}

/**
 * How many documents match, per kind code, rowids only, each counted up to
 * totalCap + 1: a common word matches tens of thousands of 诉求 at a
 * million, and walking them all for an exact figure was most of the time
 * such a search took (37,000 phrase matches: 16 ms of about 20).
 */
async function countsByCode(db: Knex, spec: MatchSpec | null): Promise<Map<number, number>> {
  if (!spec) return new Map()
  const parts = allCodes.map((code) => {
    const src = sourceOf(spec, ...rangeOf(code))
    return {
      sql: `SELECT ${code} AS code, count(*) AS n FROM (${src.sql} LIMIT ${totalCap + 1})`,
      bindings: src.bindings,
    }
  })
  const rows = (await db.raw(
    parts.map((p) => p.sql).join(' UNION ALL '),
    parts.flatMap((p) => p.bindings),
  )) as { code: number; n: number }[]
  return new Map(rows.filter((r) => Number(r.n) > 0).map((r) => [Number(r.code), Number(r.n)]))
}

/** Every kind code of the index, the restricted part included. */
const allCodes = [...Object.values(kindCodes), restrictedCode].sort((a, b) => a - b)

/** Which of `refs` (of one kind) pass the filters; order kept. */
async function passing(db: Knex, kind: SearchKind, refs: number[], filters: SearchFilters): Promise<number[]> {
  if (refs.length === 0 || !hasFilters(filters)) return refs
  const code = kindCodes[kind]
  const f = filterSql(kind, code, filters)
  if (f.excluded) return []
  const values = refs.map(() => 'SELECT ? AS key').join(' UNION ALL ')
  const rows = (await db.raw(
    `SELECT f.key FROM (${values}) f ${f.joins} ${f.where.length > 0 ? `WHERE ${f.where.join(' AND ')}` : ''}`,
    [...refs.map((r) => keyOf(code, r)), ...f.bindings],
  )) as { key: number }[]
  const ok = new Set(rows.map((r) => refOf(r.key)))
  return refs.filter((r) => ok.has(r))
}

/** Of `refs`, those the text parts already count (so totals do not count a record twice). */
async function alsoIn(db: Knex, parts: Part[], kind: SearchKind, refs: number[]): Promise<Set<number>> {
  if (refs.length === 0 || parts.length === 0) return new Set()
  const keys = refs.map((r) => keyOf(kindCodes[kind], r))
  const found = new Set<number>()
  for (const part of parts) {
    const rows = (await db.raw(`SELECT key FROM (${part.sql}) WHERE key IN (${keys.map(() => '?').join(', ')})`, [
      ...part.bindings,
      ...keys,
    ])) as { key: number }[]
    for (const r of rows) found.add(refOf(r.key))
  }
  return found
}

async function groupOf(
  db: Knex,
  ctx: Ctx,
  kind: SearchKind,
  input: Input,
  text: MatchSpec | null,
  compounds: MatchSpec | null,
  q: ReturnType<typeof parseQuery>,
  matches: { text: Map<number, number>; compounds: Map<number, number> },
): Promise<SearchGroup | null> {
  const filters: SearchFilters = input
  const code = kindCodes[kind]
  const found: Found[] = []
  const seen = new Set<number>()
  const add = (refs: number[], matchedBy: Found['matchedBy'], restricted = false) => {
    for (const ref of refs) {
      if (seen.has(ref)) continue
      seen.add(ref)
      found.push({ ref, matchedBy, restricted })
    }
  }

  // Exact numbers and pinyin people: few, listed first.
  const numbers = await passing(db, kind, await numberRefs(db, q, kind), filters)
  add(numbers, 'number')
  let pinyinTotal = 0
  let pinyinRefs: number[] = []
  if (kind === 'person' && q.pinyin && !filters.openOnly && !filters.dateFrom && !filters.dateTo) {
    const people = pinyinPeople(db, q.pinyin)
    if (filters.communityId !== undefined) {
      people
        .join('compounds', 'compounds.id', 'persons.compound_id')
        .where('compounds.community_id', filters.communityId)
    }
    pinyinRefs = (
      (await people.clone().orderBy('persons.id', 'desc').limit(input.limit).select('persons.id')) as {
        id: number
      }[]
    ).map((r) => r.id)
    // Fewer than a page: that is all of them, no count to run.
    pinyinTotal =
      pinyinRefs.length < input.limit
        ? pinyinRefs.length
        : (
            (await people
              .clone()
              .limit(totalCap + 1)
              .select('persons.id')) as unknown[]
          ).length
    add(pinyinRefs, 'pinyin')
  }

  // The text index (and compounds found by pinyin, matched by their names).
  const access = kind === 'mediation' ? fullAccessSql(ctx.staff) : null
  const textParts: { part: Part; matchedBy: Found['matchedBy']; restricted: boolean; exact: number }[] = []
  const bounds = await idBounds(db, kind, filters)
  const ids = bounds && bounds.length === 2 ? bounds : null
  const noneDated = bounds !== null && bounds.length === 0
  for (const [spec, matchedBy, counts] of [
    [compounds, 'pinyin', matches.compounds],
    [text, 'text', matches.text],
  ] as const) {
    if (!spec || noneDated) continue
    // A kind with no match at all (known from one count over every kind) costs no further query.
    const part = counts.has(code) ? partOf(spec, kind, code, filters, null, ids) : null
    if (part) textParts.push({ part, matchedBy, restricted: false, exact: counts.get(code) ?? 0 })
    if (access && counts.has(restrictedCode)) {
      const r = partOf(spec, kind, restrictedCode, filters, access, ids)
      if (r) textParts.push({ part: r, matchedBy, restricted: true, exact: 0 })
    }
  }
  const lists = await Promise.all(textParts.map((t) => newest(db, t.part, input.limit)))
  // Newest first across the parts of one path (a case found by its number and by its parties is one hit).
  for (const matchedBy of ['pinyin', 'text'] as const) {
    const merged = textParts
      .flatMap((t, i) =>
        t.matchedBy === matchedBy ? (lists[i] ?? []).map((ref) => ({ ref, restricted: t.restricted })) : [],
      )
      .sort((a, b) => b.ref - a.ref || Number(a.restricted) - Number(b.restricted))
    for (const m of merged) add([m.ref], matchedBy, m.restricted)
  }

  // Totals.
  let total: number
  if (textParts.length === 1 && textParts[0]?.part.cheapCount) {
    total = textParts[0].exact
  } else if (textParts.length > 0) {
    // Distinct records across the parts (a case matched by its number and by its parties counts once).
    const union = textParts.map((t) => `SELECT ${t.part.top} - f.key AS ref ${t.part.from}`).join(' UNION ')
    const rows = (await db.raw(
      `SELECT count(*) AS n FROM (SELECT ref FROM (${union}) LIMIT ${totalCap + 1})`,
      textParts.flatMap((t) => t.part.bindings),
    )) as { n: number }[]
    total = Number(rows[0]?.n ?? 0)
  } else {
    total = 0
  }
  const extras = [...new Set([...numbers, ...pinyinRefs])]
  const counted = await alsoIn(
    db,
    textParts.filter((t) => !t.restricted).map((t) => t.part),
    kind,
    extras,
  )
  total += extras.filter((r) => !counted.has(r)).length + Math.max(0, pinyinTotal - pinyinRefs.length)

  if (found.length === 0) return null
  const hits = await hitsOf(db, kind, found.slice(0, input.limit), q.words)
  // Defence in depth: a restricted hit is shown only if the case's own rule says full access.
  const checked = kind === 'mediation' ? await mediationCheck(db, ctx, hits, found) : hits
  return {
    kind,
    label: searchKindLabels[kind],
    total: Math.max(Math.min(total, totalCap), checked.length),
    totalCapped: total > totalCap,
    hits: checked,
  }
}

async function mediationCheck<T extends { id: number }>(db: Knex, ctx: Ctx, hits: T[], found: Found[]): Promise<T[]> {
  const restricted = new Set(found.filter((f) => f.restricted).map((f) => f.ref))
  const ids = hits.filter((h) => restricted.has(h.id)).map((h) => h.id)
  if (ids.length === 0) return hits
  const cases = (await db('mediation_cases').whereIn('id', ids).select('id', 'status')) as {
    id: number
    status: Parameters<typeof accessOf>[1]
  }[]
  const mediators = (await db('mediation_mediators').whereIn('case_id', ids).select('case_id', 'staff_id')) as {
    case_id: number
    staff_id: number
  }[]
  const full = new Set(
    cases
      .filter(
        (c) =>
          accessOf(
            ctx.staff,
            c.status,
            mediators.filter((m) => m.case_id === c.id).map((m) => m.staff_id),
          ) === 'full',
      )
      .map((c) => c.id),
  )
  return hits.filter((h) => !restricted.has(h.id) || full.has(h.id))
}

export async function searchQuery(db: Knex, ctx: Ctx, input: Input): Promise<SearchResult> {
  const q = parseQuery(input.query)
  const text = textSpec(q)
  const compounds = q.pinyin ? anyOfSpec(await compoundNamesByPinyin(db, q.pinyin)) : null
  const matches = { text: await countsByCode(db, text), compounds: await countsByCode(db, compounds) }
  const groups: SearchGroup[] = []
  for (const kind of visibleKinds(ctx.staff, input.kinds)) {
    const group = await groupOf(db, ctx, kind, input, text, compounds, q, matches)
    if (group) groups.push(group)
  }
  return { query: q.text, groups }
}
