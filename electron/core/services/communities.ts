/** 社区: list, read, save, archive. Communities are never deleted. */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type { Community } from '../../../shared/api/places'
import type { ParsedInput } from '../../../shared/api/contract'
import type { Ctx } from '../context'
import { isUniqueViolation } from '../db/sqlite'
import { recordAudit } from '../audit/trail'
import { changeStamp, createStamp, insertOrUpdate, setArchived, whereNameLike } from './rows'

interface CommunityRow {
  id: number
  name: string
  code: string | null
  address: string | null
  phone: string | null
  archived_at: string | null
  created_at: string
  updated_at: string
  version: number
  compound_count: number
}

function toCommunity(r: CommunityRow): Community {
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    address: r.address,
    phone: r.phone,
    compoundCount: Number(r.compound_count),
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }
}

function selectCommunities(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  const activeCompounds = db('compounds')
    .count('*')
    .whereRaw('compounds.community_id = communities.id')
    .whereNull('compounds.archived_at')
    .as('compound_count')
  return db('communities').select('communities.*', activeCompounds)
}

async function fetchCommunity(db: Knex | Knex.Transaction, id: number): Promise<Community> {
  const row = (await selectCommunities(db).where('communities.id', id).first()) as CommunityRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该社区不存在，请刷新列表')
  return toCommunity(row)
}

async function assertUnique(trx: Knex.Transaction, input: ParsedInput<'places.saveCommunity'>): Promise<void> {
  const sameName = await trx('communities')
    .where({ name: input.name })
    .whereNot({ id: input.id ?? 0 })
    .first('id')
  if (sameName) throw new ApiError('CONFLICT', `已有名为“${input.name}”的社区，请换一个名称`, 'name')
  if (input.code) {
    const sameCode = await trx('communities')
      .where({ code: input.code })
      .whereNot({ id: input.id ?? 0 })
      .first('id')
    if (sameCode) throw new ApiError('CONFLICT', `社区代码“${input.code}”已被其他社区使用`, 'code')
  }
}

export function communityService(db: Knex) {
  return {
    async list(_ctx: Ctx, input: ParsedInput<'places.listCommunities'>): Promise<Community[]> {
      const q = selectCommunities(db).orderBy('communities.id')
      if (!input.includeArchived) q.whereNull('communities.archived_at')
      if (input.query) whereNameLike(q, 'communities.name', input.query)
      return ((await q) as CommunityRow[]).map(toCommunity)
    },

    get(_ctx: Ctx, input: ParsedInput<'places.getCommunity'>): Promise<Community> {
      return fetchCommunity(db, input.id)
    },

    async save(ctx: Ctx, input: ParsedInput<'places.saveCommunity'>): Promise<Community> {
      const values = { name: input.name, code: input.code, address: input.address, phone: input.phone }
      try {
        return await db.transaction(async (trx) => {
          await assertUnique(trx, input)
          const id = await insertOrUpdate(
            trx,
            'communities',
            input,
            { ...values, ...changeStamp(ctx) },
            createStamp(ctx),
            '社区',
          )
          await recordAudit(trx, ctx, { action: input.id ? 'update' : 'create', entity: 'community', entityId: id })
          return fetchCommunity(trx, id)
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw new ApiError('CONFLICT', '社区名称或代码与已有社区重复，请修改后再保存')
        throw err
      }
    },

    async archive(ctx: Ctx, input: ParsedInput<'places.archiveCommunity'>): Promise<Community> {
      return db.transaction(async (trx) => {
        const current = await fetchCommunity(trx, input.id)
        if (input.archived && current.compoundCount > 0) {
          throw new ApiError(
            'CONFLICT',
            `“${current.name}”下还有${current.compoundCount}个在用小区，请先归档这些小区再归档社区`,
          )
        }
        await setArchived(trx, ctx, 'communities', 'community', current, input.archived)
        return fetchCommunity(trx, input.id)
      })
    },
  }
}
