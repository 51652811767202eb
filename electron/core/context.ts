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
  /** The sign-in session the call came through; absent for core's own calls (demo, tests). */
  session?: { id: number; locked: boolean }
  /**
   * Whether the call came from this machine: false only for HTTP from another
   * address (serve --host). Undefined (IPC, core's own calls) counts as local.
   * Recovery without sign-in is offered to local callers only.
   */
  local?: boolean
}

export const systemClock: Clock = { now: () => new Date() }

/**
 * Staff row 1: the administrator. Before first-run setup it is the local
 * user records were written as; setup gives it a name, login and password.
 * Core's own jobs (demo data, command-line tools) act as it.
 */
export const localStaff: Staff = { id: 1, name: '本机管理员', role: 'admin' }

export function localContext(clock: Clock = systemClock): Ctx {
  return { staff: localStaff, clock }
}
