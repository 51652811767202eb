/**
 * The desktop app's session token lives in the main process: taken off the
 * sign-in answer before it reaches the renderer, sent with every later call,
 * forgotten on sign-out.
 */
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/api/errors'
import { createSessionHolder } from '../../electron/main/sessionHolder'

const staff = { id: 2, name: '前台小王', login: 'qiantai', role: 'front_desk' }

describe('session holder', () => {
  it('keeps the token from a sign-in answer and hands the renderer the answer without it', async () => {
    const holder = createSessionHolder()
    expect(holder.token()).toBeUndefined()
    const seen = await holder.run('auth.signIn', async (token) => {
      expect(token).toBeUndefined()
      return { staff, token: 'secret-1' }
    })
    expect(seen).toEqual({ staff })
    expect(JSON.stringify(seen)).not.toContain('secret-1')
    expect(holder.token()).toBe('secret-1')
  })

  it('takes the token off the first-run setup answer too', async () => {
    const holder = createSessionHolder()
    const seen = await holder.run('auth.setup', async () => ({ staff: { ...staff, id: 1 }, token: 'setup-token' }))
    expect(seen).toEqual({ staff: { ...staff, id: 1 } })
    expect(holder.token()).toBe('setup-token')
  })

  it('sends the kept token with every later call', async () => {
    const holder = createSessionHolder()
    await holder.run('auth.signIn', async () => ({ staff, token: 'secret-2' }))
    const tokens: (string | undefined)[] = []
    for (const method of ['visits.list', 'auth.lock', 'auth.unlock']) {
      await holder.run(method, async (token) => {
        tokens.push(token)
        return { ok: true }
      })
    }
    expect(tokens).toEqual(['secret-2', 'secret-2', 'secret-2'])
  })

  it('forgets the token on sign-out, also when core refuses the sign-out', async () => {
    const holder = createSessionHolder()
    await holder.run('auth.signIn', async () => ({ staff, token: 'secret-3' }))
    await expect(holder.run('auth.signOut', async () => ({ ok: true }))).resolves.toEqual({ ok: true })
    expect(holder.token()).toBeUndefined()

    await holder.run('auth.signIn', async () => ({ staff, token: 'secret-4' }))
    const refused = holder.run('auth.signOut', async () => {
      throw new ApiError('UNAUTHENTICATED', '请先登录')
    })
    await expect(refused).rejects.toThrow('请先登录')
    expect(holder.token()).toBeUndefined()
  })

  it('replaces the token when someone signs in again', async () => {
    const holder = createSessionHolder()
    await holder.run('auth.signIn', async () => ({ staff, token: 'old' }))
    await holder.run('auth.signIn', async () => ({ staff, token: 'new' }))
    expect(holder.token()).toBe('new')
  })

  it('keeps the token through a failed sign-in and leaves other answers untouched', async () => {
    const holder = createSessionHolder()
    await holder.run('auth.signIn', async () => ({ staff, token: 'kept' }))
    await expect(
      holder.run('auth.signIn', async () => {
        throw new ApiError('UNAUTHENTICATED', '登录名或密码不正确', 'password')
      }),
    ).rejects.toThrow('登录名或密码不正确')
    expect(holder.token()).toBe('kept')
    // Only sign-in answers carry a session: a `token` field anywhere else is data, passed through as is.
    const other = { id: 5, token: 'not-a-session' }
    await expect(holder.run('visits.get', async () => other)).resolves.toBe(other)
    expect(holder.token()).toBe('kept')
  })
})
