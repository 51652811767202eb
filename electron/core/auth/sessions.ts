/**
 * Sign-in sessions. The token is 32 random bytes handed to the transport
 * (cookie or main-process memory); only its SHA-256 is stored. A session idle
 * longer than the lock setting is locked on its next use, so a desk left open
 * asks for the password again even if the screen's own timer did not run.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Knex } from 'knex'
import type { StaffRole } from '../../../shared/labels'
import type { Clock, Ctx } from '../context'
import { settingsStore } from '../services/settings'
import { recordAudit } from '../audit/trail'

export const IDLE_LOCK_KEY = 'security.idleLockMinutes'
export const defaultIdleLockMinutes = 15
/** last_seen is rewritten at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 30_000

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function idleLockMinutes(db: Knex | Knex.Transaction): Promise<number> {
  return (await settingsStore(db).get<number>(IDLE_LOCK_KEY)) ?? defaultIdleLockMinutes
}

export async function createSession(trx: Knex | Knex.Transaction, staffId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const at = now.toISOString()
  await trx('sessions').insert({ token_hash: hashToken(token), staff_id: staffId, created_at: at, last_seen_at: at })
  return token
}

interface SessionRow {
  id: number
  staff_id: number
  last_seen_at: string
  locked: number
  name: string
  role: StaffRole
  active: number
}

/** The ctx for a call carrying `token`: signed out (staff null) when the token is missing, unknown or ended. */
export async function contextForToken(db: Knex, token: string | undefined, clock: Clock): Promise<Ctx> {
  if (!token) return { staff: null, clock }
  const row = (await db('sessions')
    .join('staff', 'staff.id', 'sessions.staff_id')
    .where({ token_hash: hashToken(token) })
    .whereNull('sessions.ended_at')
    .first(
      'sessions.id',
      'sessions.staff_id',
      'sessions.last_seen_at',
      'sessions.locked',
      'staff.name',
      'staff.role',
      'staff.active',
    )) as SessionRow | undefined
  if (!row || row.active !== 1) return { staff: null, clock }
  const now = clock.now()
  const idleMs = now.getTime() - Date.parse(row.last_seen_at)
  let locked = row.locked === 1
  if (!locked && idleMs > (await idleLockMinutes(db)) * 60_000) {
    locked = true
    const staff = { id: row.staff_id, name: row.name, role: row.role }
    await db.transaction(async (trx) => {
      await trx('sessions').where({ id: row.id }).update({ locked: 1 })
      await recordAudit(
        trx,
        { staff, clock },
        { action: 'lock', entity: 'staff', entityId: row.staff_id, detail: { idle: true } },
      )
    })
  }
  if (idleMs > TOUCH_EVERY_MS) await db('sessions').where({ id: row.id }).update({ last_seen_at: now.toISOString() })
  return { staff: { id: row.staff_id, name: row.name, role: row.role }, clock, session: { id: row.id, locked } }
}

export async function endSessionsOf(trx: Knex | Knex.Transaction, staffId: number, now: Date): Promise<void> {
  await trx('sessions').where({ staff_id: staffId }).whereNull('ended_at').update({ ended_at: now.toISOString() })
}
