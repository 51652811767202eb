/** 小区: paged list with filters, read, save (with 楼栋长), archive. Never deleted. */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type { BuildingLeader, Compound } from '../../../shared/api/places'
import type { ParsedInput, MethodOutput } from '../../../shared/api/contract'
import type { CompoundKind, ManagementKind } from '../../../shared/labels'
import type { Ctx } from '../context'
import { isUniqueViolation } from '../db/sqlite'
import { recordAudit } from '../audit/trail'
import { changeStamp, createStamp, insertOrUpdate, setArchived, whereNameLike } from './rows'

interface CompoundRow {
  id: number
  community_id: number
  community_name: string
  name: string
  address: string | null
  kind: CompoundKind
  management: ManagementKind
  property_company: string | null
  households: number | null
  buildings: number | null
  notes: string | null
  archived_at: string | null
  created_at: string
  updated_at: string
  version: number
}

function toCompound(r: CompoundRow, leaders: BuildingLeader[]): Compound {
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    name: r.name,
    address: r.address,
    kind: r.kind,
    management: r.management,
    propertyCompany: r.property_company,
    households: r.households,
    buildings: r.buildings,
    leaders,
    notes: r.notes,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }
}

function selectCompounds(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return db('compounds')
    .join('communities', 'communities.id', 'compounds.community_id')
    .select('compounds.*', 'communities.name as community_name')
}

async function leadersOf(db: Knex | Knex.Transaction, ids: number[]): Promise<Map<number, BuildingLeader[]>> {
  const byCompound = new Map<number, BuildingLeader[]>(ids.map((id) => [id, []]))
  if (ids.length === 0) return byCompound
  const rows = (await db('building_leaders').whereIn('compound_id', ids).orderBy(['compound_id', 'position'])) as {
    compound_id: number
    building: string
    name: string
    phone: string | null
  }[]
  for (const r of rows) byCompound.get(r.compound_id)?.push({ building: r.building, name: r.name, phone: r.phone })
  return byCompound
}

async function fetchCompound(db: Knex | Knex.Transaction, id: number): Promise<Compound> {
  const row = (await selectCompounds(db).where('compounds.id', id).first()) as CompoundRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该小区不存在，请刷新列表')
  const leaders = await leadersOf(db, [id])
  return toCompound(row, leaders.get(id) ?? [])
}

async function assertCommunityUsable(trx: Knex.Transaction, input: ParsedInput<'places.saveCompound'>): Promise<void> {
  const community = (await trx('communities').where({ id: input.communityId }).first('id', 'archived_at')) as
    { id: number; archived_at: string | null } | undefined
  if (!community) throw new ApiError('VALIDATION', '所选社区不存在，请重新选择', 'communityId')
  if (community.archived_at) {
    const before = input.id ? await trx('compounds').where({ id: input.id }).first('community_id') : undefined
    // An archived community may keep its compounds, but no compound may move into it.
    if ((before as { community_id?: number } | undefined)?.community_id !== input.communityId) {
      throw new ApiError('VALIDATION', '所选社区已归档，请选择其他社区', 'communityId')
    }
  }
  const sameName = await trx('compounds')
    .where({ community_id: input.communityId, name: input.name })
    .whereNot({ id: input.id ?? 0 })
    .first('id')
  if (sameName) throw new ApiError('CONFLICT', `该社区已有名为“${input.name}”的小区，请换一个名称`, 'name')
}

export function compoundService(db: Knex) {
  return {
    async list(_ctx: Ctx, input: ParsedInput<'places.listCompounds'>): Promise<MethodOutput<'places.listCompounds'>> {
      const q = selectCompounds(db)
      if (!input.includeArchived) q.whereNull('compounds.archived_at')
      if (input.communityId) q.where('compounds.community_id', input.communityId)
      if (input.kind) q.where('compounds.kind', input.kind)
      if (input.management) q.where('compounds.management', input.management)
      if (input.query) whereNameLike(q, 'compounds.name', input.query)
      const counted = (await q.clone().clearSelect().count({ n: '*' }).first()) as { n: number }
      const rows = (await q
        .orderBy([{ column: 'compounds.community_id' }, { column: 'compounds.id' }])
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)) as CompoundRow[]
      const leaders = await leadersOf(
        db,
        rows.map((r) => r.id),
      )
      return {
        items: rows.map((r) => toCompound(r, leaders.get(r.id) ?? [])),
        total: Number(counted.n),
        page: input.page,
        pageSize: input.pageSize,
      }
    },

    get(_ctx: Ctx, input: ParsedInput<'places.getCompound'>): Promise<Compound> {
      return fetchCompound(db, input.id)
    },

    async save(ctx: Ctx, input: ParsedInput<'places.saveCompound'>): Promise<Compound> {
      const values = {
        community_id: input.communityId,
        name: input.name,
        address: input.address,
        kind: input.kind,
        management: input.management,
        property_company: input.management === 'none' ? null : input.propertyCompany,
        households: input.households,
        buildings: input.buildings,
        notes: input.notes,
      }
      try {
        return await db.transaction(async (trx) => {
          await assertCommunityUsable(trx, input)
          const id = await insertOrUpdate(
            trx,
            'compounds',
            input,
            { ...values, ...changeStamp(ctx) },
            createStamp(ctx),
            '小区',
          )
          await trx('building_leaders').where({ compound_id: id }).delete()
          if (input.leaders.length > 0) {
            await trx('building_leaders').insert(
              input.leaders.map((l, position) => ({
                compound_id: id,
                position,
                building: l.building,
                name: l.name,
                phone: l.phone,
              })),
            )
          }
          await recordAudit(trx, ctx, { action: input.id ? 'update' : 'create', entity: 'compound', entityId: id })
          return fetchCompound(trx, id)
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw new ApiError('CONFLICT', '该社区已有同名小区，请换一个名称', 'name')
        throw err
      }
    },

    async archive(ctx: Ctx, input: ParsedInput<'places.archiveCompound'>): Promise<Compound> {
      return db.transaction(async (trx) => {
        const current = await fetchCompound(trx, input.id)
        if (!input.archived) {
          const community = (await trx('communities').where({ id: current.communityId }).first('archived_at')) as {
            archived_at: string | null
          }
          if (community.archived_at) {
            throw new ApiError('CONFLICT', `所属社区“${current.communityName}”已归档，请先恢复该社区`)
          }
        }
        await setArchived(trx, ctx, 'compounds', 'compound', current, input.archived)
        return fetchCompound(trx, input.id)
      })
    },
  }
}
