/**
 * The idle lock and 锁定/解锁 on real sessions. The lock lives in core: a
 * session not used for longer than the setting comes back locked from
 * `contextFor`, whatever the screen's own timer did, and a locked session can
 * do nothing but look at its status, unlock or sign out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { apiErrorOf, call, openTestCore } from '../fixtures/core'
import {
  admin,
  after,
  auditRows,
  auditText,
  minute,
  sessionAt,
  setUpAdmin,
  signIn,
  type Session,
} from '../fixtures/accounts'

const SCREEN_LOCKED = '屏幕已锁定，请输入密码解锁'

let core: Core
beforeAll(async () => {
  core = await openTestCore()
  await setUpAdmin(core)
})
afterAll(async () => {
  await core.close()
})

/** A new administrator session starting at `start`, so each test has its own idle clock. */
function sessionFrom(start: Date): Promise<Session> {
  return signIn(core, admin.login, admin.password, start)
}

async function failedAttempts(): Promise<number> {
  const row = (await core.db('staff').where({ id: 1 }).first('failed_attempts')) as { failed_attempts: number }
  return row.failed_attempts
}

describe('idle lock', () => {
  it('locks a session left unused for longer than 15 minutes, and keeps it locked', async () => {
    const t0 = after(1 * minute)
    const { token } = await sessionFrom(t0)
    expect(await call(core, 'accounts.getSecurity', {}, await sessionAt(core, token, t0))).toEqual({
      idleLockMinutes: 15,
    })

    // Exactly 15 minutes idle is still open, and using it starts the idle time again.
    const t1 = after(15 * minute, t0)
    const used = await sessionAt(core, token, t1)
    expect(used.session?.locked).toBe(false)
    await call(core, 'complaints.list', {}, used)
    expect((await sessionAt(core, token, after(15 * minute, t1))).session?.locked).toBe(false)

    const t2 = after(30 * minute + 1000, t1)
    const idle = await sessionAt(core, token, t2)
    expect(idle.staff).toMatchObject({ id: 1, role: 'admin' })
    expect(idle.session?.locked).toBe(true)

    const listing = await apiErrorOf(() => call(core, 'complaints.list', {}, idle))
    expect(listing).toMatchObject({ code: 'LOCKED', message: SCREEN_LOCKED })
    // Locked comes before the role check: even the administrator's own pages are closed.
    expect((await apiErrorOf(() => call(core, 'accounts.list', {}, idle))).code).toBe('LOCKED')
    expect(await call(core, 'auth.status', {}, idle)).toEqual({
      setupNeeded: false,
      staff: { id: 1, name: admin.name, login: admin.login, role: 'admin' },
      locked: true,
      idleLockMinutes: 15,
    })
    // The lock is stored: coming back a second later does not reopen it.
    expect((await sessionAt(core, token, after(1000, t2))).session?.locked).toBe(true)
  })

  it('follows the idle minutes the administrator sets, for sessions already open too', async () => {
    const t0 = after(2 * 60 * minute)
    const { token, ctx } = await sessionFrom(t0)
    const bad = await apiErrorOf(() => call(core, 'accounts.saveSecurity', { idleLockMinutes: 0 }, ctx))
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'idleLockMinutes', message: '自动锁定时间至少1分钟' })

    expect(await call(core, 'accounts.saveSecurity', { idleLockMinutes: 5 }, ctx)).toEqual({ idleLockMinutes: 5 })
    expect(await call(core, 'accounts.getSecurity', {}, ctx)).toEqual({ idleLockMinutes: 5 })
    expect((await call(core, 'auth.status', {}, ctx)).idleLockMinutes).toBe(5)
    const saved = (await auditRows(core, 'update')).filter((r) => r.entity === 'security_settings')
    expect(saved).toEqual([expect.objectContaining({ staff_id: 1, detail: JSON.stringify({ idleLockMinutes: 5 }) })])

    expect((await sessionAt(core, token, after(5 * minute - 1000, t0))).session?.locked).toBe(false)
    const t1 = after(5 * minute - 1000, t0)
    expect((await sessionAt(core, token, after(5 * minute + 1000, t1))).session?.locked).toBe(true)

    await call(core, 'accounts.saveSecurity', { idleLockMinutes: 15 }, ctx)
  })
})

describe('lock and unlock', () => {
  it('locks on request, and audits the lock', async () => {
    const t0 = after(4 * 60 * minute)
    const { token, ctx } = await sessionFrom(t0)
    expect(await call(core, 'auth.lock', {}, ctx)).toEqual({ ok: true })
    const locked = await sessionAt(core, token, t0)
    expect(locked.session?.locked).toBe(true)
    expect((await apiErrorOf(() => call(core, 'visits.list', {}, locked))).code).toBe('LOCKED')
    expect((await call(core, 'auth.status', {}, locked)).locked).toBe(true)
    expect((await auditRows(core, 'lock')).at(-1)).toMatchObject({
      staff_id: 1,
      entity: 'staff',
      entity_id: 1,
      at: t0.toISOString(),
    })
  })

  it('refuses a wrong password (counting it), unlocks with the right one, and audits the unlock', async () => {
    const t0 = after(6 * 60 * minute)
    const { token, ctx } = await sessionFrom(t0)
    await call(core, 'auth.lock', {}, ctx)
    const locked = await sessionAt(core, token, t0)

    const wrong = await apiErrorOf(() => call(core, 'auth.unlock', { password: '不是我的密码啊' }, locked))
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', field: 'password' })
    expect(wrong.message).toContain('再错4次将锁定5分钟')
    expect(await failedAttempts()).toBe(1)
    // Still locked after the wrong password.
    expect((await sessionAt(core, token, t0)).session?.locked).toBe(true)

    const status = await call(core, 'auth.unlock', { password: admin.password }, locked)
    expect(status).toMatchObject({ locked: false, staff: { id: 1, role: 'admin' } })
    expect(await failedAttempts()).toBe(0)
    const open = await sessionAt(core, token, after(1000, t0))
    expect(open.session?.locked).toBe(false)
    await call(core, 'complaints.list', {}, open)

    const unlock = await auditRows(core, 'unlock')
    expect(unlock).toEqual([expect.objectContaining({ staff_id: 1, entity_id: 1, at: t0.toISOString() })])
    const text = await auditText(core)
    expect(text).not.toContain('不是我的密码啊')
    expect(text).not.toContain(admin.password)
  })

  it('unlocks a session locked by idleness, which then has a fresh idle time', async () => {
    const t0 = after(8 * 60 * minute)
    const { token } = await sessionFrom(t0)
    const t1 = after(20 * minute, t0)
    const idle = await sessionAt(core, token, t1)
    expect(idle.session?.locked).toBe(true)
    await call(core, 'auth.unlock', { password: admin.password }, idle)
    expect((await sessionAt(core, token, after(14 * minute, t1))).session?.locked).toBe(false)
  })

  it('lets a locked session sign out', async () => {
    const t0 = after(10 * 60 * minute)
    const { token, ctx } = await sessionFrom(t0)
    await call(core, 'auth.lock', {}, ctx)
    const locked = await sessionAt(core, token, t0)
    expect(await call(core, 'auth.signOut', {}, locked)).toEqual({ ok: true })
    expect((await sessionAt(core, token, t0)).staff).toBeNull()
  })

  // auth.changePassword is open to a locked session (permission 'session') and checks the current
  // password without counting failures, so whoever finds a locked desk can try passwords endlessly.
  it('refuses 修改密码 at a locked screen, and counts a wrong current password toward the lockout', async () => {
    const t0 = after(12 * 60 * minute)
    const { token, ctx } = await sessionFrom(t0)
    await call(core, 'auth.lock', {}, ctx)
    const locked = await sessionAt(core, token, t0)
    const err = await apiErrorOf(() =>
      call(core, 'auth.changePassword', { current: '锁屏时乱猜的密码', next: '一个全新的长密码呀' }, locked),
    )
    expect(err.code).toBe('LOCKED')
    expect(await failedAttempts()).toBe(0)
    const open = await sessionFrom(t0)
    const wrong = await apiErrorOf(() =>
      call(core, 'auth.changePassword', { current: '又猜错了一个密码', next: '一个全新的长密码呀' }, open.ctx),
    )
    expect(wrong).toMatchObject({ code: 'VALIDATION', field: 'current' })
    expect(await failedAttempts()).toBe(1)
  })

  it('after 5 wrong unlock passwords, locks the account out and ends that session', async () => {
    const t0 = after(14 * 60 * minute)
    const { token, ctx } = await sessionFrom(t0)
    const other = await sessionFrom(t0)
    await call(core, 'auth.lock', {}, ctx)
    const locked = await sessionAt(core, token, t0)
    const messages: string[] = []
    for (let i = 1; i <= 5; i++) {
      const err = await apiErrorOf(() => call(core, 'auth.unlock', { password: `解锁时猜的第${i}个` }, locked))
      expect(err.code).toBe('UNAUTHENTICATED')
      messages.push(err.message)
    }
    expect(messages.at(-2)).toContain('再错1次将锁定5分钟')
    expect(messages.at(-1)).toBe('密码连续错误5次，账号已锁定5分钟，请稍后再试；本次登录已退出')

    // The guessed-at desk is signed out; the same clerk's session at another desk carries on.
    expect((await sessionAt(core, token, t0)).staff).toBeNull()
    expect((await sessionAt(core, other.token, t0)).staff?.id).toBe(1)
    const refused = await apiErrorOf(() => signIn(core, admin.login, admin.password, after(minute, t0)))
    expect(refused.message).toBe('账号因多次密码错误已锁定，请4分钟后再试，或请管理员重置密码')
    const { ctx: back } = await signIn(core, admin.login, admin.password, after(5 * minute + 1000, t0))
    expect(back.session?.locked).toBe(false)
  })
})
