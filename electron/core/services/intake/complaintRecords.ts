/**
 * Writing 诉求: registering a new one (number, clocks, first event) and
 * appending timeline events. Both run inside the caller's transaction.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ComplaintContentInput } from '../../../../shared/api/complaints'
import type { ComplaintStatus } from '../../../../shared/intake/labels'
import type { ComplaintEventKind } from '../../../../shared/complaints/workflow'
import { acceptDueOf } from '../../../../shared/complaints/clocks'
import { formatNumber } from '../../../../shared/complaints/numbering'
import { localDate } from '../../../../shared/calendar/workCalendar'
import type { z } from '../../../../shared/api/zod'
import type { complaintContent } from '../../../../shared/api/complaints'
import type { Ctx } from '../../context'
import { changeStamp, createStamp, nowIso, staffId } from '../rows'
import { nextInSequence } from './sequences'
import { readOptions } from './options'

export type ComplaintContent = z.output<typeof complaintContent>
export type { ComplaintContentInput }

export interface ComplaintEventInput {
  action: ComplaintEventKind
  from: ComplaintStatus | null
  to: ComplaintStatus | null
  note?: string | null
  detail?: Record<string, unknown>
}

export async function appendEvent(
  trx: Knex.Transaction,
  ctx: Ctx,
  complaintId: number,
  event: ComplaintEventInput,
): Promise<void> {
  await trx('complaint_events').insert({
    complaint_id: complaintId,
    at: nowIso(ctx),
    staff_id: staffId(ctx),
    action: event.action,
    from_status: event.from,
    to_status: event.to,
    note: event.note ?? null,
    detail: JSON.stringify(event.detail ?? {}),
  })
}

/** Category and compound must exist and be in use; `field` prefixes error paths. */
export async function checkContentRefs(trx: Knex.Transaction, content: ComplaintContent, field: string): Promise<void> {
  const category = (await trx('complaint_categories').where({ id: content.categoryId }).first('archived_at')) as
    { archived_at: string | null } | undefined
  if (!category) throw new ApiError('VALIDATION', '所选诉求类别不存在，请重新选择', `${field}categoryId`)
  if (category.archived_at) throw new ApiError('VALIDATION', '所选诉求类别已停用，请选择其他类别', `${field}categoryId`)
  if (content.compoundId !== null) {
    const compound = await trx('compounds').where({ id: content.compoundId }).first('id')
    if (!compound) throw new ApiError('VALIDATION', '所选小区不存在，请重新选择', `${field}compoundId`)
  }
}

export function contentColumns(content: ComplaintContent): Record<string, unknown> {
  return {
    kind: content.kind,
    category_id: content.categoryId,
    urgency: content.urgency,
    compound_id: content.compoundId,
    location_detail: content.locationDetail,
    request: content.request,
    facts: content.facts,
    reasons: content.reasons,
  }
}

export async function registerComplaint(
  trx: Knex.Transaction,
  ctx: Ctx,
  content: ComplaintContent,
  origin: { visitId: number | null; personId: number | null; receivedAt: string },
  field = '',
): Promise<number> {
  await checkContentRefs(trx, content, field)
  const options = await readOptions(trx)
  const received = new Date(origin.receivedAt)
  const year = received.getFullYear()
  const seq = await nextInSequence(trx, `complaint:${year}`)
  const receivedDate = localDate(received)
  const acceptDue = acceptDueOf(receivedDate)
  const [row] = (await trx('complaints')
    .insert({
      number: formatNumber(options.numberPattern, year, seq),
      year,
      seq,
      visit_id: origin.visitId,
      person_id: origin.personId,
      ...contentColumns(content),
      status: 'registered',
      received_at: origin.receivedAt,
      received_date: receivedDate,
      accept_due: acceptDue,
      due_date: acceptDue,
      owner_id: staffId(ctx),
      ...changeStamp(ctx),
      ...createStamp(ctx),
    })
    .returning('id')) as { id: number }[]
  const id = row!.id
  await appendEvent(trx, ctx, id, { action: 'register', from: null, to: 'registered' })
  return id
}
