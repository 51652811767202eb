/** 诉求: list, read, edit content (versioned), link duplicates, the 工作台 lists. */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ComplaintDetail } from '../../../../shared/api/complaints'
import type { MethodOutput, ParsedInput } from '../../../../shared/api/contract'
import { addCalendarDays } from '../../../../shared/calendar/workCalendar'
import { dueSoonDays } from '../../../../shared/complaints/clocks'
import { openStatuses } from '../../../../shared/complaints/workflow'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { changeStamp, staffId, updateVersioned } from '../rows'
import { appendEvent, checkContentRefs, contentColumns } from './complaintRecords'
import {
  fetchComplaint,
  fetchComplaintDetail,
  countOf,
  filteredComplaints,
  pageQuery,
  rowsOf,
  todayOf,
  toComplaints,
} from './complaintQueries'
import type { ComplaintFilter } from './complaintQueries'
import { staleMessage } from './complaintActions'

const contentLabels: Record<string, string> = {
  kind: '类型',
  categoryId: '类别',
  urgency: '紧急程度',
  compoundId: '小区',
  locationDetail: '具体位置',
  request: '请求',
  facts: '事实',
  reasons: '理由',
}

export function complaintService(db: Knex) {
  return {
    async list(ctx: Ctx, input: ParsedInput<'complaints.list'>): Promise<MethodOutput<'complaints.list'>> {
      const { q } = await filteredComplaints(db, ctx, input)
      const count = await countOf(db, q)
      const paged = await pageQuery(db, ctx, input, q, count, input.page * input.pageSize)
      const rows = await rowsOf(db, paged.q, input, input.pageSize, (input.page - 1) * input.pageSize)
      return {
        items: await toComplaints(db, ctx, rows),
        total: count.total,
        totalCapped: count.capped,
        page: input.page,
        pageSize: input.pageSize,
      }
    },

    get(ctx: Ctx, input: ParsedInput<'complaints.get'>): Promise<ComplaintDetail> {
      return fetchComplaintDetail(db, ctx, input.id)
    },

    async update(ctx: Ctx, input: ParsedInput<'complaints.update'>): Promise<ComplaintDetail> {
      return db.transaction(async (trx) => {
        const before = await fetchComplaint(trx, ctx, input.id)
        if (before.status === 'archived' || before.status === 'merged') {
          throw new ApiError('CONFLICT', '已归档或已合并的诉求不能再修改内容')
        }
        await checkContentRefs(trx, input, '')
        const changed = Object.keys(contentLabels).filter(
          (k) => (before as unknown as Record<string, unknown>)[k] !== (input as unknown as Record<string, unknown>)[k],
        )
        try {
          await updateVersioned(
            trx,
            'complaints',
            input.id,
            input.version,
            { ...contentColumns(input), ...changeStamp(ctx) },
            '诉求',
          )
        } catch (err) {
          if (err instanceof ApiError && err.code === 'CONFLICT') throw new ApiError('CONFLICT', staleMessage())
          throw err
        }
        if (changed.length > 0) {
          await appendEvent(trx, ctx, input.id, {
            action: 'edit',
            from: null,
            to: null,
            note: `修改了${changed.map((k) => contentLabels[k]).join('、')}`,
          })
        }
        await recordAudit(trx, ctx, { action: 'update', entity: 'complaint', entityId: input.id })
        return fetchComplaintDetail(trx, ctx, input.id)
      })
    },

    async link(ctx: Ctx, input: ParsedInput<'complaints.link'>): Promise<ComplaintDetail> {
      if (input.id === input.otherId) throw new ApiError('VALIDATION', '不能把诉求与它自己关联', 'otherId')
      return db.transaction(async (trx) => {
        const a = await fetchComplaint(trx, ctx, input.id)
        const b = await fetchComplaint(trx, ctx, input.otherId)
        const [low, high] = a.id < b.id ? [a.id, b.id] : [b.id, a.id]
        // Checked first: sqlite3 reports an id even for an ignored insert, so its result cannot say.
        const exists = await trx('complaint_links').where({ a_id: low, b_id: high }).first('a_id')
        if (!exists) {
          await trx('complaint_links').insert({
            a_id: low,
            b_id: high,
            created_at: ctx.clock.now().toISOString(),
            created_by: staffId(ctx),
          })
          await appendEvent(trx, ctx, a.id, { action: 'link', from: null, to: null, detail: { other: b.number } })
          await appendEvent(trx, ctx, b.id, { action: 'link', from: null, to: null, detail: { other: a.number } })
          await recordAudit(trx, ctx, { action: 'link', entity: 'complaint', entityId: a.id, detail: { other: b.id } })
        }
        return fetchComplaintDetail(trx, ctx, a.id)
      })
    },

    async dashboard(ctx: Ctx): Promise<MethodOutput<'complaints.dashboard'>> {
      const today = todayOf(ctx)
      const soon = addCalendarDays(today, dueSoonDays)
      const me = staffId(ctx)
      const base: ComplaintFilter = {
        query: undefined,
        assignee: undefined,
        status: [...openStatuses],
        sort: 'dueDate',
        order: 'asc',
      }
      const mineQ = (await filteredComplaints(db, ctx, { ...base })).q.where('complaints.owner_id', me)
      mineQ.where('complaints.due_date', '<=', soon)
      const { q: overdueQ } = await filteredComplaints(db, ctx, { ...base, clock: 'overdue' })
      const mine = await rowsOf(db, mineQ, base, 50)
      const overdue = await rowsOf(db, overdueQ, base, 100)
      const count = async (q: Knex.QueryBuilder) =>
        Number(((await q.clearSelect().clearOrder().count({ n: '*' }).first()) as { n: number }).n)
      const open = db('complaints').whereIn('status', openStatuses)
      return {
        today,
        mine: await toComplaints(db, ctx, mine),
        overdue: await toComplaints(db, ctx, overdue),
        counts: {
          open: await count(open.clone()),
          dueSoon: await count(open.clone().whereBetween('due_date', [today, soon])),
          overdue: await count(open.clone().where('due_date', '<', today)),
          registeredToday: await count(db('complaints').where({ received_date: today })),
        },
      }
    },
  }
}
