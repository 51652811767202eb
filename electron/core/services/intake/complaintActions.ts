/**
 * One workflow step on a 诉求: checked against the version the clerk loaded
 * and against the workflow table, applied, its clocks recomputed, and
 * recorded as a timeline event, all in one transaction.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ComplaintDetail } from '../../../../shared/api/complaints'
import type { ParsedInput } from '../../../../shared/api/contract'
import type { ComplaintStatus } from '../../../../shared/intake/labels'
import { canDo, nextStatus, refusalReason } from '../../../../shared/complaints/workflow'
import { handleDueOf, runningClock } from '../../../../shared/complaints/clocks'
import { addCalendarDays } from '../../../../shared/calendar/workCalendar'
import type { Complaint } from '../../../../shared/api/complaints'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { changeStamp, nowIso, staffId } from '../rows'
import { appendEvent, type ComplaintEventInput } from './complaintRecords'
import { fetchComplaint, fetchComplaintDetail, todayOf } from './complaintQueries'
import { clockSettingsOf, loadWorkCalendar, readOptions } from './options'
import { fetchUnit } from './units'
import { registerFromComplaint } from '../mediation/escalation'

type ActInput = ParsedInput<'complaints.act'>

interface Step {
  changes: Record<string, unknown>
  event: Omit<ComplaintEventInput, 'from' | 'to'>
  /** Extra events after the main one (an unsatisfied follow-up reopens the matter). */
  then?: ComplaintEventInput[]
  to?: ComplaintStatus
}

export function staleMessage(): string {
  return '该诉求已被他人办理或修改，请刷新后再操作（您填写的内容尚未提交）'
}

async function usableUnit(trx: Knex.Transaction, unitId: number) {
  const unit = await fetchUnit(trx, unitId).catch(() => null)
  if (!unit) throw new ApiError('VALIDATION', '所选承办单位不存在，请重新选择', 'unitId')
  if (unit.archivedAt) throw new ApiError('VALIDATION', `承办单位“${unit.name}”已停用，请选择其他单位`, 'unitId')
  return unit
}

async function stepFor(trx: Knex.Transaction, ctx: Ctx, c: Complaint, input: ActInput): Promise<Step> {
  const now = nowIso(ctx)
  const today = todayOf(ctx)
  switch (input.action) {
    case 'accept': {
      const options = await readOptions(trx)
      const due = handleDueOf(clockSettingsOf(options), await loadWorkCalendar(trx), c.kind, c.urgency, today)
      return {
        changes: { accepted_at: now, handle_due: due },
        event: { action: 'accept', note: input.note, detail: { handleDue: due, clockMode: options.clockMode } },
      }
    }
    case 'reject':
      return { changes: { reject_reason: input.reason }, event: { action: 'reject', note: input.reason } }
    case 'assign': {
      const unit = await usableUnit(trx, input.unitId)
      return {
        changes: { unit_id: unit.id, assignee: input.assignee },
        event: {
          action: 'assign',
          note: input.note,
          detail: { unit: unit.name, assignee: input.assignee, previousUnit: c.unitName },
        },
      }
    }
    case 'start':
      return { changes: {}, event: { action: 'start', note: input.note } }
    case 'return':
      return {
        changes: { unit_id: null, assignee: null },
        event: { action: 'return', note: input.reason, detail: { unit: c.unitName } },
      }
    case 'extend': {
      if (c.extensionDays !== null) {
        throw new ApiError('CONFLICT', `该诉求已于此前延期${c.extensionDays}日；依《信访工作条例》只能延期一次`)
      }
      const from = c.handleDue ?? today
      const to = addCalendarDays(from, input.days)
      return {
        changes: {
          handle_due: to,
          extension_days: input.days,
          extension_reason: input.reason,
          extension_approver: input.approver,
        },
        event: {
          action: 'extend',
          note: input.reason,
          detail: { days: input.days, approver: input.approver, from, to },
        },
      }
    }
    case 'escalate_mediation': {
      const committee = (await trx('units')
        .where({ kind: 'mediation_committee' })
        .whereNull('archived_at')
        .orderBy('id')
        .first('id', 'name')) as { id: number; name: string } | undefined
      return {
        changes: committee ? { unit_id: committee.id, assignee: null } : {},
        event: { action: 'escalate_mediation', note: input.note, detail: { unit: committee?.name ?? null } },
      }
    }
    case 'consult':
      return {
        changes: {},
        event: {
          action: 'consult',
          note: input.decision,
          detail: { meetingDate: input.meetingDate, participants: input.participants, decision: input.decision },
        },
      }
    case 'resolve':
      return {
        changes: {
          resolved_at: now,
          resolved_on_time: c.handleDue === null ? null : today <= c.handleDue ? 1 : 0,
          result: input.result,
          answer: input.answer,
        },
        event: { action: 'resolve', note: input.result, detail: { answer: input.answer } },
      }
    case 'follow_up': {
      if (input.date > today) throw new ApiError('VALIDATION', '回访日期不能晚于今天', 'date')
      await trx('complaint_followups').insert({
        complaint_id: c.id,
        date: input.date,
        caller: input.caller,
        satisfaction: input.satisfaction,
        comment: input.comment,
        at: now,
        staff_id: staffId(ctx),
      })
      const event = {
        action: 'follow_up' as const,
        note: input.comment,
        detail: { date: input.date, caller: input.caller, satisfaction: input.satisfaction },
      }
      if (input.satisfaction !== 'unsatisfied') return { changes: { satisfaction: input.satisfaction }, event }
      // 不满意: back to 办理中 with its handling clock, so it shows up as due again.
      return {
        changes: { satisfaction: input.satisfaction, resolved_at: null, resolved_on_time: null },
        event,
        to: 'resolved',
        then: [{ action: 'reopen', from: 'resolved', to: 'in_progress', note: '回访不满意，重新办理' }],
      }
    }
    case 'archive':
      return { changes: {}, event: { action: 'archive', note: input.note } }
    case 'merge': {
      if (input.targetId === c.id) throw new ApiError('VALIDATION', '不能合并到它自己', 'targetId')
      const target = await fetchComplaint(trx, ctx, input.targetId).catch(() => null)
      if (!target) throw new ApiError('VALIDATION', '要合并到的诉求不存在', 'targetId')
      if (target.status === 'merged') {
        throw new ApiError('VALIDATION', `诉求${target.number}本身已合并到其他诉求，请选择最终的那一件`, 'targetId')
      }
      return {
        changes: { merged_into: target.id },
        event: { action: 'merge', detail: { into: target.number } },
      }
    }
  }
}

export function complaintActionService(db: Knex) {
  return {
    async act(ctx: Ctx, input: ActInput): Promise<ComplaintDetail> {
      return db.transaction(async (trx) => {
        const c = await fetchComplaint(trx, ctx, input.id)
        if (c.version !== input.version) throw new ApiError('CONFLICT', staleMessage())
        if (!canDo(input.action, c.status)) throw new ApiError('CONFLICT', refusalReason(input.action, c.status))
        const step = await stepFor(trx, ctx, c, input)
        const unsatisfied = input.action === 'follow_up' && input.satisfaction === 'unsatisfied'
        const finalStatus = nextStatus(input.action, c.status, unsatisfied)
        const handleDue = (step.changes.handle_due as string | undefined) ?? c.handleDue
        const clock = runningClock(finalStatus)
        await trx('complaints')
          .where({ id: c.id, version: c.version })
          .update({
            ...step.changes,
            status: finalStatus,
            due_date: clock === 'accept' ? c.acceptDue : clock === 'handle' ? handleDue : null,
            ...changeStamp(ctx),
            version: c.version + 1,
          })
        await appendEvent(trx, ctx, c.id, { ...step.event, from: c.status, to: step.to ?? finalStatus })
        for (const extra of step.then ?? []) await appendEvent(trx, ctx, c.id, extra)
        // The 调委会 gets its case in the same transaction: no escalated 诉求 without one.
        if (input.action === 'escalate_mediation') await registerFromComplaint(trx, ctx, c.id, input.disputeType)
        if (input.action === 'merge') {
          await appendEvent(trx, ctx, input.targetId, {
            action: 'merged_in',
            from: null,
            to: null,
            detail: { from: c.number },
          })
        }
        await recordAudit(trx, ctx, {
          action: 'transition',
          entity: 'complaint',
          entityId: c.id,
          detail: { action: input.action, from: c.status, to: finalStatus },
        })
        return fetchComplaintDetail(trx, ctx, c.id)
      })
    },
  }
}
