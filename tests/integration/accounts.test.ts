/**
 * 账号管理 as the administrator, through real sessions: one account per role,
 * unique logins, password reset (which also lifts a lockout and signs the
 * account out everywhere), deactivation, and the guards that keep at least one
 * active administrator. Accounts are never deleted.
 */
import { wrongSignIn } from '../../electron/core/services/auth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Ctx } from '../../electron/core/context'
import type { Account } from '../../shared/api/auth'
import { methodNames } from '../../shared/api/contract'
import { apiErrorOf, call, countRows, fixedNow, openTestCore } from '../fixtures/core'
import { minimal } from '../fixtures/minimalInputs'
import {
  admin,
  auditRows,
  auditText,
  createAccount,
  sessionAt,
  setUpAdmin,
  signIn,
  signedOut,
  staffOf,
  type Session,
} from '../fixtures/accounts'

type Role = keyof typeof staffOf
const roles: Role[] = ['front_desk', 'mediator', 'viewer']

let core: Core
let adminCtx: Ctx
const accounts = {} as Record<Role, Account>
const sessions = {} as Record<Role, Session>

beforeAll(async () => {
  core = await openTestCore()
  adminCtx = (await setUpAdmin(core)).ctx
})
afterAll(async () => {
  await core.close()
})

async function accountById(id: number): Promise<Account> {
  const found = (await call(core, 'accounts.list', {}, adminCtx)).find((a) => a.id === id)
  if (!found) throw new Error(`account ${id} is not listed`)
  return found
}

describe('accounts', () => {
  it('creates an account for each role, and each signs in with its initial password', async () => {
    for (const role of roles) {
      const made = await createAccount(core, adminCtx, staffOf[role])
      expect(made).toEqual({
        id: expect.any(Number),
        name: staffOf[role].name,
        login: staffOf[role].login,
        role,
        active: true,
        lockedUntil: null,
        lastSignInAt: null,
        hasPassword: true,
        createdAt: fixedNow.toISOString(),
        version: 1,
      })
      accounts[role] = made
    }
    for (const role of roles) {
      sessions[role] = await signIn(core, staffOf[role].login, staffOf[role].password)
      expect(sessions[role].ctx.staff).toEqual({ id: accounts[role].id, name: staffOf[role].name, role })
    }

    const created = await auditRows(core, 'create')
    expect(created.map((r) => [r.staff_id, r.entity, JSON.parse(r.detail)])).toEqual(
      roles.map((role) => [1, 'staff', { role }]),
    )
    const text = await auditText(core)
    for (const role of roles) expect(text).not.toContain(staffOf[role].password)
    // The list never carries password hashes.
    expect(JSON.stringify(await call(core, 'accounts.list', {}, adminCtx))).not.toContain('scrypt')
  })

  it('refuses a login that is already taken, whatever its letter case', async () => {
    const before = await countRows(core, 'staff')
    const taken = await apiErrorOf(() =>
      createAccount(core, adminCtx, {
        name: '李平',
        login: 'LiPing',
        role: 'viewer',
        password: '另一位同名同事的密码',
      }),
    )
    expect(taken).toMatchObject({ code: 'CONFLICT', field: 'login', message: '登录名“LiPing”已被使用，请换一个' })

    const viewer = accounts.viewer
    const renamed = await apiErrorOf(() =>
      call(
        core,
        'accounts.save',
        { ...staffOf.viewer, id: viewer.id, version: viewer.version, login: 'ZHANGMIN' },
        adminCtx,
      ),
    )
    expect(renamed).toMatchObject({ code: 'CONFLICT', field: 'login' })
    expect(await countRows(core, 'staff')).toBe(before)
  })

  it('keeps everyone but the administrator out of account management', async () => {
    const list = await apiErrorOf(() => call(core, 'accounts.list', {}, sessions.front_desk.ctx))
    expect(list).toMatchObject({ code: 'FORBIDDEN', message: '当前账号没有此项操作的权限，请联系管理员' })
    const reset = await apiErrorOf(() =>
      call(core, 'accounts.resetPassword', { id: 1, password: '调解员想改管理员密码' }, sessions.mediator.ctx),
    )
    expect(reset.code).toBe('FORBIDDEN')
    const deactivate = await apiErrorOf(() =>
      call(core, 'accounts.setActive', { id: 1, active: false }, sessions.viewer.ctx),
    )
    expect(deactivate.code).toBe('FORBIDDEN')
    const signedOutList = await apiErrorOf(() => call(core, 'accounts.list', {}, signedOut()))
    expect(signedOutList.code).toBe('UNAUTHENTICATED')
    expect((await accountById(1)).active).toBe(true)
  })

  it('resets a password: lifts a lockout, ends the account’s sessions, and the old password stops working', async () => {
    const desk = staffOf.front_desk
    for (let i = 1; i <= 5; i++) await apiErrorOf(() => signIn(core, desk.login, `前台输错的第${i}个密码`))
    expect((await accountById(accounts.front_desk.id)).lockedUntil).not.toBeNull()

    const weak = await apiErrorOf(() =>
      call(core, 'accounts.resetPassword', { id: accounts.front_desk.id, password: 'liping-2026' }, adminCtx),
    )
    expect(weak).toMatchObject({ code: 'VALIDATION', field: 'password', message: '密码不能包含登录名，请换一个' })

    const deskNew = '管理员给前台重设的密码'
    const reset = await call(
      core,
      'accounts.resetPassword',
      { id: accounts.front_desk.id, password: deskNew },
      adminCtx,
    )
    expect(reset.lockedUntil).toBeNull()
    sessions.front_desk = await signIn(core, desk.login, deskNew)
    expect(sessions.front_desk.ctx.staff?.role).toBe('front_desk')

    // The mediator is signed in; after the reset that session is over and only the new password works.
    const mediatorNew = '调解员的新密码请记好'
    expect((await sessionAt(core, sessions.mediator.token)).staff).not.toBeNull()
    await call(core, 'accounts.resetPassword', { id: accounts.mediator.id, password: mediatorNew }, adminCtx)
    expect((await sessionAt(core, sessions.mediator.token)).staff).toBeNull()
    const old = await apiErrorOf(() => signIn(core, staffOf.mediator.login, staffOf.mediator.password))
    expect(old.code).toBe('UNAUTHENTICATED')

    const audited = await auditRows(core, 'password')
    expect(audited.map((r) => [r.staff_id, r.entity_id, JSON.parse(r.detail)])).toEqual([
      [1, accounts.front_desk.id, { reset: true }],
      [1, accounts.mediator.id, { reset: true }],
    ])
    const text = await auditText(core)
    expect(text).not.toContain(deskNew)
    expect(text).not.toContain(mediatorNew)
  })

  it('deactivates an account: its sessions end, it cannot sign in, and it stays listed', async () => {
    const viewer = accounts.viewer
    expect((await sessionAt(core, sessions.viewer.token)).staff).not.toBeNull()
    const off = await call(core, 'accounts.setActive', { id: viewer.id, active: false }, adminCtx)
    expect(off).toMatchObject({ id: viewer.id, active: false })
    expect((await sessionAt(core, sessions.viewer.token)).staff).toBeNull()
    const refused = await apiErrorOf(() => signIn(core, staffOf.viewer.login, staffOf.viewer.password))
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', message: wrongSignIn })

    expect((await call(core, 'accounts.list', {}, adminCtx)).map((a) => a.id)).toContain(viewer.id)
    const activeOnly = await call(core, 'accounts.list', { includeInactive: false }, adminCtx)
    expect(activeOnly.map((a) => a.id)).not.toContain(viewer.id)

    await call(core, 'accounts.setActive', { id: viewer.id, active: true }, adminCtx)
    sessions.viewer = await signIn(core, staffOf.viewer.login, staffOf.viewer.password)
    expect(sessions.viewer.ctx.staff?.id).toBe(viewer.id)
    const trail = (await auditRows(core)).filter((r) => r.entity_id === viewer.id).map((r) => r.action)
    expect(trail).toEqual(expect.arrayContaining(['deactivate', 'activate']))
  })

  it('applies a role change to sessions already open', async () => {
    const desk = await accountById(accounts.front_desk.id)
    await call(
      core,
      'accounts.save',
      { ...staffOf.front_desk, id: desk.id, version: desk.version, role: 'viewer' },
      adminCtx,
    )
    const ctx = await sessionAt(core, sessions.front_desk.token)
    expect(ctx.staff?.role).toBe('viewer')
    expect((await apiErrorOf(() => call(core, 'people.reveal', minimal['people.reveal'], ctx))).code).toBe('FORBIDDEN')
    const back = await accountById(desk.id)
    await call(core, 'accounts.save', { ...staffOf.front_desk, id: desk.id, version: back.version }, adminCtx)
    expect((await sessionAt(core, sessions.front_desk.token)).staff?.role).toBe('front_desk')
  })

  it('does not let the administrator deactivate or demote themselves', async () => {
    const off = await apiErrorOf(() => call(core, 'accounts.setActive', { id: 1, active: false }, adminCtx))
    expect(off).toMatchObject({ code: 'CONFLICT', message: '不能停用自己正在使用的账号' })
    const me = await accountById(1)
    const demote = await apiErrorOf(() =>
      call(
        core,
        'accounts.save',
        { name: me.name, login: admin.login, role: 'viewer', id: 1, version: me.version },
        adminCtx,
      ),
    )
    expect(demote).toMatchObject({ code: 'CONFLICT', field: 'role', message: '不能取消自己的管理员角色' })
    expect(await accountById(1)).toMatchObject({ role: 'admin', active: true, version: me.version })
  })

  it('never leaves no active administrator, even when two administrators act at once', async () => {
    const second = await createAccount(core, adminCtx, {
      name: '陈静',
      login: 'chenjing',
      role: 'admin',
      password: '第二位管理员的密码',
    })
    // Both administrators' requests are already past the door when the first one lands.
    const secondCtx = (await signIn(core, 'chenjing', '第二位管理员的密码')).ctx
    await call(core, 'accounts.setActive', { id: second.id, active: false }, adminCtx)
    const lastOff = await apiErrorOf(() => call(core, 'accounts.setActive', { id: 1, active: false }, secondCtx))
    expect(lastOff).toMatchObject({ code: 'CONFLICT', message: '这是唯一启用的管理员账号，请先指定另一位管理员' })

    await call(core, 'accounts.setActive', { id: second.id, active: true }, adminCtx)
    const current = await accountById(second.id)
    await call(
      core,
      'accounts.save',
      { name: '陈静', login: 'chenjing', role: 'viewer', id: second.id, version: current.version },
      adminCtx,
    )
    const me = await accountById(1)
    const lastDemoted = await apiErrorOf(() =>
      call(
        core,
        'accounts.save',
        { name: me.name, login: admin.login, role: 'front_desk', id: 1, version: me.version },
        secondCtx,
      ),
    )
    expect(lastDemoted.code).toBe('CONFLICT')
    expect(await accountById(1)).toMatchObject({ role: 'admin', active: true })
  })

  it('refuses to save over a newer version of the account', async () => {
    const opened = await accountById(accounts.mediator.id)
    await call(core, 'accounts.setActive', { id: opened.id, active: true }, adminCtx)
    const stale = await apiErrorOf(() =>
      call(
        core,
        'accounts.save',
        { ...staffOf.mediator, id: opened.id, version: opened.version, name: '王建军' },
        adminCtx,
      ),
    )
    expect(stale).toMatchObject({ code: 'CONFLICT', message: '该账号已被他人修改，请刷新后再保存（您的修改尚未保存）' })
    expect((await accountById(opened.id)).name).toBe(staffOf.mediator.name)

    const fresh = await accountById(opened.id)
    const saved = await call(
      core,
      'accounts.save',
      { ...staffOf.mediator, id: fresh.id, version: fresh.version, name: '王建军' },
      adminCtx,
    )
    expect(saved).toMatchObject({ name: '王建军', version: fresh.version + 1 })
  })

  it('never deletes an account: there is no way to, and every account ever made is still there', async () => {
    expect(methodNames.filter((m) => m.startsWith('accounts.'))).not.toContain('accounts.delete')
    expect(methodNames.filter((m) => /^accounts\.(delete|remove|archive)/.test(m))).toEqual([])
    // Setup's administrator, the three role accounts and the second administrator.
    expect(await countRows(core, 'staff')).toBe(5)
    expect(await call(core, 'accounts.list', {}, adminCtx)).toHaveLength(5)
  })
})
