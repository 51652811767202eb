/**
 * What every handler receives besides its input: who is acting and what time
 * it is. The renderer never says who it is; the transport builds the ctx.
 */
import type { StaffRole } from '../../shared/labels'

export interface Staff {
  id: number
  name: string
  role: StaffRole
}

export interface Clock {
  now(): Date
}

export interface Ctx {
  staff: Staff | null
  clock: Clock
}

export const systemClock: Clock = { now: () => new Date() }

/**
 * Until staff accounts exist there is one fixed local user with every
 * permission. It is a real row in `staff` so records can point at it.
 */
export const localStaff: Staff = { id: 1, name: '本机管理员', role: 'admin' }

export function localContext(clock: Clock = systemClock): Ctx {
  return { staff: localStaff, clock }
}
