/** Dates typed for records of what already happened may not lie in the future. */
import { ApiError } from '../../../../shared/api/errors'
import { localDate } from '../../../../shared/calendar/workCalendar'
import type { Ctx } from '../../context'

export function todayOf(ctx: Ctx): string {
  return localDate(ctx.clock.now())
}

export function notInFuture(ctx: Ctx, date: string, label: string, field: string): void {
  if (date > todayOf(ctx)) throw new ApiError('VALIDATION', `${label}（${date}）不能晚于今天`, field)
}
