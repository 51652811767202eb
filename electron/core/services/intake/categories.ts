/**
 * The 诉求 category tree. Categories in use are never deleted, only
 * archived (停用), which hides them from pickers but keeps old records readable.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { Category } from '../../../../shared/api/intakeSettings'
import type { ParsedInput } from '../../../../shared/api/contract'
import type { Ctx } from '../../context'
import { isUniqueViolation } from '../../db/sqlite'
import { recordAudit } from '../../audit/trail'
import { nowIso } from '../rows'

interface CategoryRow {
  id: number
  parent_id: number | null
  name: string
  position: number
  archived_at: string | null
}

/**
 * The tree, kept per open database: every 诉求 list page and every record
 * maps category ids to paths, and reading the table for each was a query
 * per call. Only this service writes the table once migrations have run,
 * and it forgets the copy after each write commits (a restore opens a new
 * database, so a new copy). Reads inside a transaction read the table.
 */
const kept = new WeakMap<Knex, Promise<Category[]>>()

/** Every category with its path (物业服务/电梯), parents before children. */
export async function allCategories(db: Knex | Knex.Transaction): Promise<Category[]> {
  if (db.isTransaction) return readCategories(db)
  let list = kept.get(db)
  if (!list) {
    list = readCategories(db)
    kept.set(db, list)
    list.catch(() => kept.delete(db))
  }
  return [...(await list)]
}

async function readCategories(db: Knex | Knex.Transaction): Promise<Category[]> {
  const rows = (await db('complaint_categories').orderBy(['position', 'id'])) as CategoryRow[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  const pathOf = (r: CategoryRow): string => {
    const names = [r.name]
    let parent = r.parent_id === null ? undefined : byId.get(r.parent_id)
    for (let depth = 0; parent && depth < 10; depth++) {
      names.unshift(parent.name)
      parent = parent.parent_id === null ? undefined : byId.get(parent.parent_id)
    }
    return names.join('/')
  }
  const ordered: Category[] = []
  const visit = (parentId: number | null) => {
    for (const r of rows.filter((x) => x.parent_id === parentId)) {
      ordered.push({
        id: r.id,
        parentId: r.parent_id,
        name: r.name,
        path: pathOf(r),
        position: r.position,
        archivedAt: r.archived_at,
      })
      visit(r.id)
    }
  }
  visit(null)
  return ordered
}

/** A category and all below it, for filtering a list by a parent category. */
export async function categoryWithDescendants(db: Knex | Knex.Transaction, id: number): Promise<number[]> {
  const all = await allCategories(db)
  const ids = new Set([id])
  for (const c of all) if (c.parentId !== null && ids.has(c.parentId)) ids.add(c.id)
  return [...ids]
}

async function fetchCategory(db: Knex | Knex.Transaction, id: number): Promise<Category> {
  const found = (await allCategories(db)).find((c) => c.id === id)
  if (!found) throw new ApiError('NOT_FOUND', '该诉求类别不存在，请刷新')
  return found
}

/** A transaction that writes categories; the kept copy is forgotten once it ends, committed or not. */
async function writing<T>(db: Knex, run: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(run)
  } finally {
    kept.delete(db)
  }
}

export function categoryService(db: Knex) {
  return {
    async list(_ctx: Ctx, input: ParsedInput<'intake.listCategories'>): Promise<Category[]> {
      const all = await allCategories(db)
      return input.includeArchived ? all : all.filter((c) => !c.archivedAt)
    },

    async save(ctx: Ctx, input: ParsedInput<'intake.saveCategory'>): Promise<Category> {
      try {
        return await writing(db, async (trx) => {
          if (input.parentId !== null) {
            const parent = await fetchCategory(trx, input.parentId).catch(() => null)
            if (!parent) throw new ApiError('VALIDATION', '上级类别不存在，请重新选择', 'parentId')
            if (parent.path.split('/').length >= 3) {
              throw new ApiError('VALIDATION', '类别最多分三级', 'parentId')
            }
            if (input.id !== undefined) {
              const below = await categoryWithDescendants(trx, input.id)
              if (below.includes(input.parentId)) {
                throw new ApiError('VALIDATION', '不能把类别移到它自己或它的下级之下', 'parentId')
              }
            }
          }
          // The unique index cannot see two top-level names as equal (NULL parents differ in SQL).
          const sibling = trx('complaint_categories')
            .where({ name: input.name })
            .whereNot({ id: input.id ?? 0 })
          if (input.parentId === null) sibling.whereNull('parent_id')
          else sibling.where({ parent_id: input.parentId })
          if (await sibling.first('id')) {
            throw new ApiError('CONFLICT', `同一级下已有“${input.name}”，请换一个名称`, 'name')
          }
          const values = {
            parent_id: input.parentId,
            name: input.name,
            position: input.position,
            updated_at: nowIso(ctx),
          }
          let id = input.id
          if (id === undefined) {
            const [row] = (await trx('complaint_categories').insert(values).returning('id')) as { id: number }[]
            id = row!.id
          } else {
            const changed = await trx('complaint_categories').where({ id }).update(values)
            if (changed === 0) throw new ApiError('NOT_FOUND', '该诉求类别不存在，请刷新')
          }
          await recordAudit(trx, ctx, { action: input.id ? 'update' : 'create', entity: 'category', entityId: id })
          return fetchCategory(trx, id)
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw new ApiError('CONFLICT', `同一级下已有“${input.name}”，请换一个名称`, 'name')
        throw err
      }
    },

    async archive(ctx: Ctx, input: ParsedInput<'intake.archiveCategory'>): Promise<Category> {
      return writing(db, async (trx) => {
        await fetchCategory(trx, input.id)
        const ids = input.archived ? await categoryWithDescendants(trx, input.id) : [input.id]
        await trx('complaint_categories')
          .whereIn('id', ids)
          .update({ archived_at: input.archived ? nowIso(ctx) : null, updated_at: nowIso(ctx) })
        await recordAudit(trx, ctx, {
          action: input.archived ? 'archive' : 'restore',
          entity: 'category',
          entityId: input.id,
        })
        return fetchCategory(trx, input.id)
      })
    },
  }
}
