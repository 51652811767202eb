/** 承办单位: who a 诉求 is handed to. Archived, never deleted, once used. */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { Unit } from '../../../../shared/api/intakeSettings'
import type { ParsedInput } from '../../../../shared/api/contract'
import type { UnitKind } from '../../../../shared/intake/labels'
import type { Ctx } from '../../context'
import { isUniqueViolation } from '../../db/sqlite'
import { recordAudit } from '../../audit/trail'
import { changeStamp, createStamp, insertOrUpdate, setArchived } from '../rows'

interface UnitRow {
  id: number
  name: string
  kind: UnitKind
  contact: string | null
  phone: string | null
  archived_at: string | null
  version: number
}

function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    contact: r.contact,
    phone: r.phone,
    archivedAt: r.archived_at,
    version: r.version,
  }
}

export async function fetchUnit(db: Knex | Knex.Transaction, id: number): Promise<Unit> {
  const row = (await db('units').where({ id }).first()) as UnitRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该承办单位不存在，请刷新')
  return toUnit(row)
}

export function unitService(db: Knex) {
  return {
    async list(_ctx: Ctx, input: ParsedInput<'intake.listUnits'>): Promise<Unit[]> {
      const q = db('units').orderBy('id')
      if (!input.includeArchived) q.whereNull('archived_at')
      return ((await q) as UnitRow[]).map(toUnit)
    },

    async save(ctx: Ctx, input: ParsedInput<'intake.saveUnit'>): Promise<Unit> {
      try {
        return await db.transaction(async (trx) => {
          const values = { name: input.name, kind: input.kind, contact: input.contact, phone: input.phone }
          const id = await insertOrUpdate(
            trx,
            'units',
            input,
            { ...values, ...changeStamp(ctx) },
            createStamp(ctx),
            '承办单位',
          )
          await recordAudit(trx, ctx, { action: input.id ? 'update' : 'create', entity: 'unit', entityId: id })
          return fetchUnit(trx, id)
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw new ApiError('CONFLICT', `已有名为“${input.name}”的承办单位`, 'name')
        throw err
      }
    },

    async archive(ctx: Ctx, input: ParsedInput<'intake.archiveUnit'>): Promise<Unit> {
      return db.transaction(async (trx) => {
        const current = await fetchUnit(trx, input.id)
        await setArchived(trx, ctx, 'units', 'unit', current, input.archived)
        return fetchUnit(trx, input.id)
      })
    },
  }
}
