/** Reading conventions: the filtered list, one convention in detail, one version. */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { Convention, ConventionDetail } from '../../../../shared/api/conventions'
import type { MethodOutput, ParsedInput } from '../../../../shared/api/contract'
import { whereNameLike } from '../rows'
import { fetchVersionRow, type ConventionRow, type Db, type VersionRow } from './rows'
import { articleCounts, toSummary, versionDetail } from './versionDetail'

type ListedRow = ConventionRow & { community_name: string; compound_name: string | null }

function selectConventions(db: Db): Knex.QueryBuilder {
  return db('conventions')
    .join('communities', 'communities.id', 'conventions.community_id')
    .leftJoin('compounds', 'compounds.id', 'conventions.compound_id')
    .select('conventions.*', 'communities.name as community_name', 'compounds.name as compound_name')
}

async function toConventions(db: Db, rows: readonly ListedRow[]): Promise<Convention[]> {
  const versionIds = rows.flatMap((r) => [r.current_version_id, r.working_version_id]).filter((v) => v !== null)
  const versions = versionIds.length
    ? ((await db('convention_versions').whereIn('id', versionIds)) as VersionRow[])
    : []
  const counts = await articleCounts(db, versionIds)
  const summary = (id: number | null) => {
    const v = id === null ? undefined : versions.find((x) => x.id === id)
    return v ? toSummary(v, counts.get(v.id) ?? 0) : null
  }
  return rows.map((r) => ({
    id: r.id,
    scope: r.scope,
    communityId: r.community_id,
    communityName: r.community_name,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    title: r.title,
    status: r.status,
    currentVersion: summary(r.current_version_id),
    workingVersion: summary(r.working_version_id),
    repealedOn: r.repealed_on,
    repealReason: r.repeal_reason,
    updatedAt: r.updated_at,
    version: r.version,
  }))
}

export async function listConventions(
  db: Db,
  input: ParsedInput<'conventions.list'>,
): Promise<MethodOutput<'conventions.list'>> {
  const q = selectConventions(db)
  if (input.communityId !== undefined) q.where('conventions.community_id', input.communityId)
  if (input.compoundId !== undefined) q.where('conventions.compound_id', input.compoundId)
  if (input.status !== undefined) q.where('conventions.status', input.status)
  if (input.stage !== undefined) {
    // A stage matches the version being worked on, or else the one in force.
    const stage = input.stage
    q.whereExists((sub) =>
      sub
        .from('convention_versions as v')
        .where('v.stage', stage)
        .whereRaw('v.id = coalesce(conventions.working_version_id, conventions.current_version_id)'),
    )
  }
  if (input.query) {
    const text = input.query
    q.where((w) => {
      whereNameLike(w, 'conventions.title', text)
      w.orWhere((o) => whereNameLike(o, 'communities.name', text))
      w.orWhere((o) => whereNameLike(o, 'compounds.name', text))
    })
  }
  const countRow = (await q.clone().clearSelect().clearOrder().count({ n: '*' }).first()) as { n: number }
  const rows = (await q
    .orderBy([
      { column: 'communities.id' },
      // 'community' sorts before 'compound': the 社区居民公约 heads its community.
      { column: 'conventions.scope' },
      { column: 'compounds.name' },
      { column: 'conventions.id' },
    ])
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)) as ListedRow[]
  return { items: await toConventions(db, rows), total: Number(countRow.n), page: input.page, pageSize: input.pageSize }
}

export async function fetchConvention(db: Db, id: number): Promise<Convention> {
  const row = (await selectConventions(db).where('conventions.id', id).first()) as ListedRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该公约不存在，请刷新列表')
  const [c] = await toConventions(db, [row])
  return c!
}

export async function fetchDetail(db: Db, id: number): Promise<ConventionDetail> {
  const c = await fetchConvention(db, id)
  const rows = (await db('convention_versions').where({ convention_id: id }).orderBy('number')) as VersionRow[]
  const counts = await articleCounts(
    db,
    rows.map((v) => v.id),
  )
  const full = async (versionId: number | null) => {
    const v = rows.find((x) => x.id === versionId)
    return v ? versionDetail(db, v) : null
  }
  return {
    ...c,
    versions: rows.map((v) => toSummary(v, counts.get(v.id) ?? 0)),
    current: await full(c.currentVersion?.id ?? null),
    working: await full(c.workingVersion?.id ?? null),
  }
}

export async function fetchVersion(db: Db, versionId: number) {
  return versionDetail(db, await fetchVersionRow(db, versionId))
}
