/**
 * A mediation case file (卷宗) is kept for its 保管期限 (10 or 30 years after
 * filing, or permanently), and the parties' names in it come from their person
 * records. So a person who is a party to a case still in mediation, or to a
 * filed case within its period, may not be anonymised: that would rewrite the
 * archive. Rejected cases have no file and hold nothing.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'

/**
 * SQL condition "person `column` is held by a case file" for the day `today`
 * (YYYY-MM-DD), with its two bindings. Used in the retention list's WHERE.
 */
export function caseFileHoldSql(column: string): string {
  return `EXISTS (
    SELECT 1 FROM mediation_parties mp JOIN mediation_cases mc ON mc.id = mp.case_id
    WHERE mp.person_id = ${column} AND mc.status <> 'rejected'
      AND NOT (mc.status = 'closed' AND (
        (mc.retention = 'years_10' AND date(mc.closed_on, '+10 years') <= ?) OR
        (mc.retention = 'years_30' AND date(mc.closed_on, '+30 years') <= ?))))`
}

export function caseFileHoldBindings(today: string): string[] {
  return [today, today]
}

/** Refuses, naming the cases, when a case file holds this person on `today`. */
export async function refuseIfHeldByCaseFile(trx: Knex.Transaction, personId: number, today: string): Promise<void> {
  const rows = (await trx('mediation_parties as mp')
    .join('mediation_cases as mc', 'mc.id', 'mp.case_id')
    .where('mp.person_id', personId)
    .whereRaw(caseFileHoldSql('mp.person_id'), caseFileHoldBindings(today))
    .distinct('mc.id', 'mc.number', 'mc.status')) as { id: number; number: string | null; status: string }[]
  if (rows.length === 0) return
  const open = rows.filter((r) => r.status !== 'closed')
  const names = rows.slice(0, 3).map((r) => r.number ?? '待受理案件')
  const more = rows.length > 3 ? '等' : ''
  throw new ApiError(
    'CONFLICT',
    open.length > 0
      ? `该来访人是调解案件的当事人（${names.join('、')}${more}），案件结案且卷宗保管期满后才能匿名化`
      : `该来访人是调解案件的当事人（${names.join('、')}${more}），卷宗仍在保管期限内，期满后才能匿名化`,
  )
}
