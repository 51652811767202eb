/**
 * Who may mediate: active 调解员 and 管理员 accounts. A case has at most one
 * presiding mediator and any number assisting, each listed once.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { MethodOutput } from '../../../../shared/api/contract'
import type { MediatorRole } from '../../../../shared/mediation/labels'

export interface MediatorChoice {
  staffId: number
  role: MediatorRole
}

const mediatorRoles = ['mediator', 'admin']

export async function listMediators(db: Knex | Knex.Transaction): Promise<MethodOutput<'mediation.listMediators'>> {
  const rows = (await db('staff')
    .whereIn('role', mediatorRoles)
    .where({ active: 1 })
    // Row 1 before setup is the nameless local administrator, not a person who mediates.
    .whereNot((w) => w.where({ id: 1 }).whereNull('login'))
    .orderByRaw("role = 'admin'")
    .orderBy('id')
    .select('id', 'name', 'role')) as { id: number; name: string; role: string }[]
  return rows.map((r) => ({ staffId: r.id, name: r.name, role: r.role }))
}

/** Each chosen mediator exists, is active, may mediate and is chosen once; one presides at most. */
export async function checkMediators(trx: Knex.Transaction, mediators: readonly MediatorChoice[]): Promise<void> {
  const seen = new Set<number>()
  for (const [i, m] of mediators.entries()) {
    const field = `mediators.${i}.staffId`
    const staff = (await trx('staff').where({ id: m.staffId }).first('name', 'role', 'active')) as
      { name: string; role: string; active: number } | undefined
    if (!staff) throw new ApiError('VALIDATION', '所选调解员不存在，请重新选择', field)
    if (!mediatorRoles.includes(staff.role)) {
      throw new ApiError('VALIDATION', `${staff.name}不是调解员或管理员，不能担任本案调解员`, field)
    }
    if (staff.active !== 1) throw new ApiError('VALIDATION', `${staff.name}的账号已停用，请选择其他调解员`, field)
    if (seen.has(m.staffId)) throw new ApiError('VALIDATION', `${staff.name}已在调解员名单中，不能重复选择`, field)
    seen.add(m.staffId)
  }
  // The second presiding mediator is the one to correct.
  const first = mediators.findIndex((m) => m.role === 'presiding')
  const second = mediators.findIndex((m, i) => m.role === 'presiding' && i > first)
  if (first >= 0 && second >= 0) {
    throw new ApiError('VALIDATION', '每个案件只能有一名主持调解员，其他请选“协助”', `mediators.${second}.role`)
  }
}

export async function writeMediators(
  trx: Knex.Transaction,
  caseId: number,
  mediators: readonly MediatorChoice[],
): Promise<void> {
  await trx('mediation_mediators').where({ case_id: caseId }).delete()
  if (mediators.length === 0) return
  await trx('mediation_mediators').insert(
    mediators.map((m, position) => ({ case_id: caseId, staff_id: m.staffId, role: m.role, position })),
  )
}
