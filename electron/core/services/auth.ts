/**
 * 登录: first-run setup, sign-in with lockout, sign-out, the idle lock and
 * password changes. Every success and failure is an audit event; what is
 * recorded is who and what, never the password.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type { AuthStatus, SignedInStaff } from '../../../shared/api/auth'
import type { MethodOutput, ParsedInput } from '../../../shared/api/contract'
import type { StaffRole } from '../../../shared/labels'
import type { Ctx } from '../context'
import { recordAudit, type AuditAction } from '../audit/trail'
import { hashPassword, verifyPassword } from '../auth/passwords'
import { createSession, idleLockMinutes } from '../auth/sessions'

export const maxFailedAttempts = 5
export const lockoutMinutes = 5

export interface StaffRow {
  id: number
  name: string
  login: string | null
  role: StaffRole
  password_hash: string | null
  active: number
  failed_attempts: number
  locked_until: string | null
  last_sign_in_at: string | null
  created_at: string
  version: number
}

export async function setupNeeded(db: Knex | Knex.Transaction): Promise<boolean> {
  return !(await db('staff').whereNotNull('password_hash').first('id'))
}

function toSignedIn(r: Pick<StaffRow, 'id' | 'name' | 'login' | 'role'>): SignedInStaff {
  return { id: r.id, name: r.name, login: r.login ?? '', role: r.role }
}

async function audit(db: Knex, ctx: Ctx, action: AuditAction, staffId: number | null, detail = {}): Promise<void> {
  await db.transaction((trx) => recordAudit(trx, ctx, { action, entity: 'staff', entityId: staffId, detail }))
}

/** What a wrong password at sign-in is told: the same whether or not the login exists. */
export const wrongSignIn = `登录名或密码不正确（连续输错${maxFailedAttempts}次将锁定${lockoutMinutes}分钟）`

type FailureAt = 'sign_in' | 'unlock' | 'change_password'

/**
 * Count a wrong password (atomically: parallel guesses all count) and lock the
 * account at the limit. A lockout from sign-in leaves the clerk's open session
 * alone (a stranger who knows the login must not kick them off); from a locked
 * screen it ends that session, since whoever is guessing is at the desk.
 */
async function countFailure(
  db: Knex,
  ctx: Ctx,
  staffId: number,
  at: FailureAt,
): Promise<{ attempts: number; locked: boolean }> {
  const now = ctx.clock.now()
  return db.transaction(async (trx) => {
    await trx('staff').where({ id: staffId }).increment('failed_attempts', 1)
    const { failed_attempts: attempts } = (await trx('staff').where({ id: staffId }).first('failed_attempts')) as {
      failed_attempts: number
    }
    const locked = attempts >= maxFailedAttempts
    if (locked) {
      await trx('staff')
        .where({ id: staffId })
        .update({ failed_attempts: 0, locked_until: new Date(now.getTime() + lockoutMinutes * 60_000).toISOString() })
      if (at !== 'sign_in' && ctx.session) {
        await trx('sessions').where({ id: ctx.session.id }).update({ ended_at: now.toISOString() })
      }
    }
    await recordAudit(
      trx,
      { ...ctx, staff: at === 'sign_in' ? null : ctx.staff },
      {
        action: 'sign_in_failed',
        entity: 'staff',
        entityId: staffId,
        detail: { attempt: attempts, locked, at },
      },
    )
    return { attempts, locked }
  })
}

function lockedOutMessage(): string {
  return `密码连续错误${maxFailedAttempts}次，账号已锁定${lockoutMinutes}分钟，请稍后再试`
}

/** Runs scrypt against a throwaway hash so an unknown login takes as long as a known one. */
let dummyHash: Promise<string> | null = null
async function spendPasswordTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-account-password')
  await verifyPassword(password, await dummyHash)
}

function lockedOut(row: StaffRow, now: Date): boolean {
  return row.locked_until !== null && Date.parse(row.locked_until) > now.getTime()
}

function assertNotLockedOut(row: StaffRow, now: Date): void {
  if (lockedOut(row, now) && row.locked_until) {
    const minutes = Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 60_000)
    throw new ApiError('UNAUTHENTICATED', `账号因多次密码错误已锁定，请${minutes}分钟后再试，或请管理员重置密码`)
  }
}

export function authService(db: Knex) {
  async function staffRow(id: number): Promise<StaffRow> {
    const row = (await db('staff').where({ id }).first()) as StaffRow | undefined
    if (!row) throw new ApiError('UNAUTHENTICATED', '请先登录')
    return row
  }

  async function status(ctx: Ctx): Promise<AuthStatus> {
    const staff = ctx.staff ? toSignedIn(await staffRow(ctx.staff.id)) : null
    return {
      setupNeeded: await setupNeeded(db),
      staff,
      locked: ctx.session?.locked ?? false,
      idleLockMinutes: await idleLockMinutes(db),
    }
  }

  return {
    status,

    async setup(ctx: Ctx, input: ParsedInput<'auth.setup'>): Promise<MethodOutput<'auth.setup'>> {
      // Checked before the costly hash, so a finished install cannot be made to spend it.
      if (!(await setupNeeded(db))) throw new ApiError('CONFLICT', '已完成首次设置，请用管理员账号登录')
      const hash = await hashPassword(input.password)
      return db.transaction(async (trx) => {
        if (!(await setupNeeded(trx))) throw new ApiError('CONFLICT', '已完成首次设置，请用管理员账号登录')
        const now = ctx.clock.now()
        // Row 1 is the administrator every earlier record points at.
        await trx('staff').where({ id: 1 }).update({
          name: input.name,
          login: input.login,
          role: 'admin',
          password_hash: hash,
          active: 1,
          last_sign_in_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        const token = await createSession(trx, 1, now)
        const staff = { id: 1, name: input.name, login: input.login, role: 'admin' as const }
        await recordAudit(trx, { ...ctx, staff }, { action: 'setup', entity: 'staff', entityId: 1 })
        return { staff, token }
      })
    },

    async signIn(ctx: Ctx, input: ParsedInput<'auth.signIn'>): Promise<MethodOutput<'auth.signIn'>> {
      const row = (await db('staff').whereRaw('login = ? COLLATE NOCASE', [input.login]).first()) as
        StaffRow | undefined
      const now = ctx.clock.now()
      if (row && lockedOut(row, now)) {
        await audit(db, { ...ctx, staff: null }, 'sign_in_failed', row.id, { lockedOut: true })
        assertNotLockedOut(row, now)
      }
      // Unknown, deactivated and wrong all get the same answer after the same work.
      const known = row?.password_hash && row.active === 1 ? row : null
      const ok = known?.password_hash ? await verifyPassword(input.password, known.password_hash) : false
      if (!known) await spendPasswordTime(input.password)
      if (!ok || !known) {
        if (known) {
          const { locked } = await countFailure(db, ctx, known.id, 'sign_in')
          if (locked) throw new ApiError('UNAUTHENTICATED', lockedOutMessage())
        } else {
          await audit(db, { ...ctx, staff: null }, 'sign_in_failed', row?.id ?? null, {
            unknownLogin: !row,
            inactive: row ? row.active !== 1 : false,
          })
        }
        throw new ApiError('UNAUTHENTICATED', wrongSignIn, 'password')
      }
      return db.transaction(async (trx) => {
        await trx('staff')
          .where({ id: known.id })
          .update({ failed_attempts: 0, locked_until: null, last_sign_in_at: now.toISOString() })
        const token = await createSession(trx, known.id, now)
        const staff = toSignedIn(known)
        await recordAudit(trx, { ...ctx, staff }, { action: 'sign_in', entity: 'staff', entityId: known.id })
        return { staff, token }
      })
    },

    async signOut(ctx: Ctx): Promise<{ ok: boolean }> {
      if (!ctx.session) return { ok: true }
      const session = ctx.session
      await db.transaction(async (trx) => {
        await trx('sessions').where({ id: session.id }).update({ ended_at: ctx.clock.now().toISOString() })
        await recordAudit(trx, ctx, { action: 'sign_out', entity: 'staff', entityId: ctx.staff?.id ?? null })
      })
      return { ok: true }
    },

    async lock(ctx: Ctx): Promise<{ ok: boolean }> {
      if (!ctx.session) throw new ApiError('BAD_REQUEST', '当前没有登录会话，无需锁定')
      const session = ctx.session
      await db.transaction(async (trx) => {
        await trx('sessions').where({ id: session.id }).update({ locked: 1 })
        await recordAudit(trx, ctx, { action: 'lock', entity: 'staff', entityId: ctx.staff?.id ?? null })
      })
      return { ok: true }
    },

    async unlock(ctx: Ctx, input: ParsedInput<'auth.unlock'>): Promise<AuthStatus> {
      if (!ctx.staff || !ctx.session) throw new ApiError('UNAUTHENTICATED', '请先登录')
      const row = await staffRow(ctx.staff.id)
      const now = ctx.clock.now()
      assertNotLockedOut(row, now)
      if (!row.password_hash || !(await verifyPassword(input.password, row.password_hash))) {
        const { attempts, locked } = await countFailure(db, ctx, row.id, 'unlock')
        if (locked) throw new ApiError('UNAUTHENTICATED', `${lockedOutMessage()}；本次登录已退出`)
        throw new ApiError(
          'UNAUTHENTICATED',
          `密码不正确（再错${maxFailedAttempts - attempts}次将锁定${lockoutMinutes}分钟）`,
          'password',
        )
      }
      const session = ctx.session
      await db.transaction(async (trx) => {
        await trx('staff').where({ id: row.id }).update({ failed_attempts: 0 })
        await trx('sessions').where({ id: session.id }).update({ locked: 0, last_seen_at: now.toISOString() })
        await recordAudit(trx, ctx, { action: 'unlock', entity: 'staff', entityId: row.id })
      })
      return status({ ...ctx, session: { ...session, locked: false } })
    },

    async changePassword(ctx: Ctx, input: ParsedInput<'auth.changePassword'>): Promise<{ ok: boolean }> {
      if (!ctx.staff) throw new ApiError('UNAUTHENTICATED', '请先登录')
      if (ctx.session?.locked) throw new ApiError('LOCKED', '屏幕已锁定，请先输入密码解锁')
      const row = await staffRow(ctx.staff.id)
      assertNotLockedOut(row, ctx.clock.now())
      if (!row.password_hash || !(await verifyPassword(input.current, row.password_hash))) {
        const { locked } = await countFailure(db, ctx, row.id, 'change_password')
        if (locked) throw new ApiError('UNAUTHENTICATED', `${lockedOutMessage()}；本次登录已退出`)
        throw new ApiError('VALIDATION', '当前密码不正确', 'current')
      }
      if (row.login && input.next.toLowerCase().includes(row.login.toLowerCase()) && row.login.length >= 3) {
        throw new ApiError('VALIDATION', '密码不能包含登录名，请换一个', 'next')
      }
      const hash = await hashPassword(input.next)
      await db.transaction(async (trx) => {
        await trx('staff')
          .where({ id: row.id })
          .update({ password_hash: hash, updated_at: ctx.clock.now().toISOString() })
        // Other desks signed in with the old password sign in again.
        await trx('sessions')
          .where({ staff_id: row.id })
          .whereNull('ended_at')
          .whereNot({ id: ctx.session?.id ?? 0 })
          .update({ ended_at: ctx.clock.now().toISOString() })
        await recordAudit(trx, ctx, { action: 'password', entity: 'staff', entityId: row.id })
      })
      return { ok: true }
    },
  }
}
