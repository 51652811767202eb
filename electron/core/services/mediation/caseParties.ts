/**
 * Writing a case's parties. Each party is a person record (found or new,
 * saved through the intake people code) with its role in this case. Rows
 * are matched by person so a party keeps its id (sessions and the 卷宗 point
 * at it) when the registration is edited.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ParsedInput } from '../../../../shared/api/contract'
import type { PartyRole } from '../../../../shared/mediation/labels'
import type { Ctx } from '../../context'
import { savePerson } from '../intake/people'

export interface PartyRecord {
  personId: number
  role: PartyRole
  occupation: string | null
  /** Position in the same list of the party an agent acts for. */
  agentFor: number | null
  authorization: string | null
  identityNote: string | null
}

type PartyInput = ParsedInput<'mediation.register'>['parties'][number]

/** The agent rules, before anything is written: whom an agent acts for and on what authority. */
export function checkAgents(parties: readonly PartyInput[]): void {
  for (const [i, p] of parties.entries()) {
    if (p.role !== 'agent') continue
    const field = `parties.${i}`
    if (p.agentFor === null)
      throw new ApiError('VALIDATION', `请选择代理人${p.person.name}代理的当事人`, `${field}.agentFor`)
    const principal = parties[p.agentFor]
    if (!principal || p.agentFor === i) {
      throw new ApiError(
        'VALIDATION',
        `代理人${p.person.name}代理的当事人不在本案当事人中，请重新选择`,
        `${field}.agentFor`,
      )
    }
    if (principal.role === 'agent') {
      throw new ApiError(
        'VALIDATION',
        `代理人${p.person.name}应代理申请人、被申请人或第三人，不能代理另一位代理人`,
        `${field}.agentFor`,
      )
    }
    if (!p.authorization) {
      throw new ApiError(
        'VALIDATION',
        `请填写代理人${p.person.name}的授权委托情况（委托事项与权限、委托日期）`,
        `${field}.authorization`,
      )
    }
  }
}

/**
 * The person of a party: saved (new, or edited at its version) — or, given
 * an id without a version, the stored record as it is. The case form shows
 * parties as summaries; re-saving those would blank the address fields it
 * never loaded.
 */
async function personOf(trx: Knex.Transaction, ctx: Ctx, person: PartyInput['person'], field: string): Promise<number> {
  if (person.id === undefined || person.version !== undefined) return savePerson(trx, ctx, person, field)
  const stored = (await trx('persons').where({ id: person.id }).first('id', 'anonymised_at')) as
    { id: number; anonymised_at: string | null } | undefined
  if (!stored) throw new ApiError('VALIDATION', '所选人员不存在，请重新查找', `${field}id`)
  if (stored.anonymised_at) {
    throw new ApiError('CONFLICT', '该人员已匿名化，不能列为当事人；请作为新的当事人登记', `${field}id`)
  }
  return stored.id
}

/** Save each party's person record (new or updated) and return the parties as records. */
export async function resolveParties(
  trx: Knex.Transaction,
  ctx: Ctx,
  parties: readonly PartyInput[],
): Promise<PartyRecord[]> {
  checkAgents(parties)
  // Before any save: saving one person twice would trip over its own version.
  for (const [i, p] of parties.entries()) {
    if (p.person.id !== undefined && parties.findIndex((q) => q.person.id === p.person.id) !== i) {
      throw new ApiError(
        'VALIDATION',
        `${p.person.name}已列为本案当事人，同一人不能重复列入`,
        `parties.${i}.person.name`,
      )
    }
  }
  const records: PartyRecord[] = []
  const seen = new Map<number, string>()
  for (const [i, p] of parties.entries()) {
    const personId = await personOf(trx, ctx, p.person, `parties.${i}.person.`)
    if (seen.has(personId)) {
      throw new ApiError(
        'VALIDATION',
        `${p.person.name}已列为本案当事人，同一人不能重复列入`,
        `parties.${i}.person.name`,
      )
    }
    seen.set(personId, p.person.name)
    records.push({
      personId,
      role: p.role,
      occupation: p.occupation,
      agentFor: p.role === 'agent' ? p.agentFor : null,
      authorization: p.role === 'agent' ? p.authorization : null,
      identityNote: p.identityNote,
    })
  }
  return records
}

/**
 * Replace the case's parties with `records`, keeping the row of a person
 * already a party. A party who attended a recorded session stays: the
 * record names them.
 */
export async function writeParties(
  trx: Knex.Transaction,
  caseId: number,
  records: readonly PartyRecord[],
): Promise<void> {
  const existing = (await trx('mediation_parties').where({ case_id: caseId }).select('id', 'person_id')) as {
    id: number
    person_id: number
  }[]
  // Agent links are set again below; clearing them first lets any party row go.
  await trx('mediation_parties').where({ case_id: caseId }).update({ agent_for_party_id: null })
  const keep = new Set(records.map((r) => r.personId))
  const gone = existing.filter((e) => !keep.has(e.person_id))
  if (gone.length > 0) {
    const attended = (await trx('mediation_session_attendees')
      .join('mediation_parties', 'mediation_parties.id', 'mediation_session_attendees.party_id')
      .join('persons', 'persons.id', 'mediation_parties.person_id')
      .whereIn(
        'mediation_session_attendees.party_id',
        gone.map((g) => g.id),
      )
      .first('persons.name')) as { name: string } | undefined
    if (attended) {
      throw new ApiError('CONFLICT', `${attended.name}已作为当事人出现在调解笔录中，不能从当事人中删除`, 'parties')
    }
    await trx('mediation_parties')
      .whereIn(
        'id',
        gone.map((g) => g.id),
      )
      .delete()
  }
  const ids: number[] = []
  for (const [position, r] of records.entries()) {
    const values = {
      position,
      role: r.role,
      occupation: r.occupation,
      authorization: r.authorization,
      identity_note: r.identityNote,
    }
    const row = existing.find((e) => e.person_id === r.personId)
    if (row) {
      await trx('mediation_parties').where({ id: row.id }).update(values)
      ids.push(row.id)
    } else {
      const [inserted] = (await trx('mediation_parties')
        .insert({ ...values, case_id: caseId, person_id: r.personId })
        .returning('id')) as { id: number }[]
      ids.push(inserted!.id)
    }
  }
  for (const [i, r] of records.entries()) {
    if (r.agentFor !== null) {
      await trx('mediation_parties').where({ id: ids[i] }).update({ agent_for_party_id: ids[r.agentFor] })
    }
  }
}
