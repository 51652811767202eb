/**
 * 账号管理 for the administrator: create, edit, reset a password, deactivate.
 * Accounts are never deleted. There is always at least one active
 * administrator, and nobody can deactivate or demote themselves by mistake.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type { Account } from '../../../shared/api/auth'
import type { ParsedInput } from '../../../shared/api/contract'
import type { Ctx } from '../context'
import { recordAudit } from '../audit/trail'
import { hashPassword } from '../auth/passwords'
import { endSessionsOf, IDLE_LOCK_KEY, idleLockMinutes } from '../auth/sessions'
import { settingsStore } from './settings'
import { nowIso, staffId, updateVersioned } from './rows'
import type { StaffRow } from './auth'

function toAccount(r: StaffRow): Account {
  return {
    id: r.id,
    name: r.name,
    login: r.login,
    role: r.role,
    active: r.active === 1,
    lockedUntil: r.locked_until,
    lastSignInAt: r.last_sign_in_at,
    hasPassword: r.password_hash !== null,
    createdAt: r.created_at,
    version: r.version,
  }
}

async function fetchAccount(db: Knex | Knex.Transaction, id: number): Promise<Account> {
  const row = (await db('staff').where({ id }).first()) as StaffRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该账号不存在，请刷新')
  return toAccount(row)
}

/** Refuses a change that would leave no active administrator. */
async function keepAnAdmin(trx: Knex.Transaction, id: number): Promise<void> {
  const others = await trx('staff').where({ role: 'admin', active: 1 }).whereNot({ id }).first('id')
  if (!others) throw new ApiError('CONFLICT', '这是唯一启用的管理员账号，请先指定另一位管理员')
}

export function accountService(db: Knex) {
  return {
    async list(_ctx: Ctx, input: ParsedInput<'accounts.list'>): Promise<Account[]> {
      const q = db('staff').orderBy('id')
      if (!input.includeInactive) q.where({ active: 1 })
      return ((await q) as StaffRow[]).map(toAccount)
    },

    async save(ctx: Ctx, input: ParsedInput<'accounts.save'>): Promise<Account> {
      const hash = input.id === undefined && input.password ? await hashPassword(input.password) : null
      return db.transaction(async (trx) => {
        const taken = await trx('staff')
          .whereRaw('login = ? COLLATE NOCASE', [input.login])
          .whereNot({ id: input.id ?? 0 })
          .first('id')
        if (taken) throw new ApiError('CONFLICT', `登录名“${input.login}”已被使用，请换一个`, 'login')
        const values = { name: input.name, login: input.login, role: input.role, updated_at: nowIso(ctx) }
        let id = input.id
        if (id === undefined) {
          const [row] = (await trx('staff')
            .insert({ ...values, password_hash: hash, created_at: nowIso(ctx) })
            .returning('id')) as { id: number }[]
          id = row!.id
        } else {
          const current = await fetchAccount(trx, id)
          if (current.role === 'admin' && input.role !== 'admin') {
            if (id === staffId(ctx)) throw new ApiError('CONFLICT', '不能取消自己的管理员角色', 'role')
            await keepAnAdmin(trx, id)
          }
          await updateVersioned(trx, 'staff', id, input.version, values, '账号')
        }
        await recordAudit(trx, ctx, {
          action: input.id ? 'update' : 'create',
          entity: 'staff',
          entityId: id,
          detail: { role: input.role },
        })
        return fetchAccount(trx, id)
      })
    },

    async resetPassword(ctx: Ctx, input: ParsedInput<'accounts.resetPassword'>): Promise<Account> {
      const account = await fetchAccount(db, input.id)
      if (
        account.login &&
        input.password.toLowerCase().includes(account.login.toLowerCase()) &&
        account.login.length >= 3
      ) {
        throw new ApiError('VALIDATION', '密码不能包含登录名，请换一个', 'password')
      }
      const hash = await hashPassword(input.password)
      return db.transaction(async (trx) => {
        await trx('staff')
          .where({ id: input.id })
          .update({ password_hash: hash, failed_attempts: 0, locked_until: null, updated_at: nowIso(ctx) })
        // Whoever was signed in with the old password must sign in again.
        if (input.id !== staffId(ctx)) await endSessionsOf(trx, input.id, ctx.clock.now())
        await recordAudit(trx, ctx, {
          action: 'password',
          entity: 'staff',
          entityId: input.id,
          detail: { reset: true },
        })
        return fetchAccount(trx, input.id)
      })
    },

    async setActive(ctx: Ctx, input: ParsedInput<'accounts.setActive'>): Promise<Account> {
      return db.transaction(async (trx) => {
        const account = await fetchAccount(trx, input.id)
        if (!input.active) {
          if (input.id === staffId(ctx)) throw new ApiError('CONFLICT', '不能停用自己正在使用的账号')
          if (account.role === 'admin') await keepAnAdmin(trx, input.id)
          await endSessionsOf(trx, input.id, ctx.clock.now())
        }
        await trx('staff')
          .where({ id: input.id })
          .update({ active: input.active ? 1 : 0, updated_at: nowIso(ctx), version: account.version + 1 })
        await recordAudit(trx, ctx, {
          action: input.active ? 'activate' : 'deactivate',
          entity: 'staff',
          entityId: input.id,
        })
        return fetchAccount(trx, input.id)
      })
    },

    async getSecurity(): Promise<{ idleLockMinutes: number }> {
      return { idleLockMinutes: await idleLockMinutes(db) }
    },

    async saveSecurity(ctx: Ctx, input: ParsedInput<'accounts.saveSecurity'>): Promise<{ idleLockMinutes: number }> {
      await db.transaction(async (trx) => {
        await settingsStore(trx).set(IDLE_LOCK_KEY, input.idleLockMinutes, nowIso(ctx))
        await recordAudit(trx, ctx, {
          action: 'update',
          entity: 'security_settings',
          entityId: null,
          detail: { idleLockMinutes: input.idleLockMinutes },
        })
      })
      return { idleLockMinutes: input.idleLockMinutes }
    },
  }
}
