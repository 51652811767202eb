/**
 * 工作台 for mediators: my cases due within 7 days or overdue, follow-ups
 * due within 7 days (or late), and agreements nearing their 司法确认
 * deadline with nothing recorded about it. An administrator sees everyone's.
 */
import type { Knex } from 'knex'
import type { MethodOutput } from '../../../../shared/api/contract'
import { mediationClock, plusDays } from '../../../../shared/mediation/clock'
import type { Ctx } from '../../context'
import { selectCases, toMediationCases, type CaseRow } from './caseRows'
import { toFollowUp, type FollowUpRow } from './caseParts'
import { readMediationOptions } from './options'
import { todayOf } from './caseWrite'

function mine(db: Knex, ctx: Ctx, q: Knex.QueryBuilder): Knex.QueryBuilder {
  if (ctx.staff?.role === 'admin') return q
  return q.whereExists(
    db('mediation_mediators')
      .whereRaw('mediation_mediators.case_id = mediation_cases.id')
      .where('mediation_mediators.staff_id', ctx.staff?.id ?? 0),
  )
}

export function dashboardService(db: Knex) {
  return {
    async dashboard(ctx: Ctx): Promise<MethodOutput<'mediation.dashboard'>> {
      const today = todayOf(ctx)
      const soon = plusDays(today, mediationClock.dueSoonDays)
      const options = await readMediationOptions(db)

      const dueRows = (await mine(db, ctx, selectCases(db))
        .where('mediation_cases.status', 'accepted')
        .where('mediation_cases.due_date', '<=', soon)
        .orderBy('mediation_cases.due_date')
        .orderBy('mediation_cases.id')) as CaseRow[]

      const followRows = (await mine(
        db,
        ctx,
        db('mediation_followups').join('mediation_cases', 'mediation_cases.id', 'mediation_followups.case_id'),
      )
        .whereNull('mediation_followups.called_on')
        .where('mediation_followups.due_on', '<=', soon)
        .orderBy('mediation_followups.due_on')
        .orderBy('mediation_followups.id')
        .select('mediation_followups.*')) as FollowUpRow[]

      const agreedRows = (await mine(db, ctx, selectCases(db))
        .whereIn('mediation_cases.outcome', ['written_agreement', 'oral_agreement'])
        .whereIn('mediation_cases.status', ['concluded', 'closed'])
        .whereNull('mediation_cases.judicial_applied')
        .whereNotNull('mediation_cases.effective_on')) as CaseRow[]
      const remindFrom = plusDays(today, options.judicialReminderDays)
      const judicial = agreedRows
        .map((r) => ({ row: r, deadline: plusDays(r.effective_on!, options.judicialConfirmDays) }))
        .filter((j) => j.deadline <= remindFrom)
        .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.row.id - b.row.id))

      const followCaseIds = [...new Set(followRows.map((f) => f.case_id))]
      const followCases = (await selectCases(db).whereIn('mediation_cases.id', followCaseIds)) as CaseRow[]
      const caseItems = await toMediationCases(db, ctx.staff, today, [
        ...dueRows,
        ...followCases,
        ...judicial.map((j) => j.row),
      ])
      const byId = new Map(caseItems.map((c) => [c.id, c]))
      return {
        today,
        dueSoon: dueRows.map((r) => byId.get(r.id)!),
        followUps: followRows.map((f) => ({ case: byId.get(f.case_id)!, followUp: toFollowUp(f) })),
        judicial: judicial.map((j) => ({ case: byId.get(j.row.id)!, deadline: j.deadline })),
      }
    },
  }
}
