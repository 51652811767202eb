/**
 * Serve mode's session handling over real HTTP with real sessions: the token
 * travels only in an HttpOnly, SameSite=Strict cookie; calls without it are
 * refused, as are calls from another origin even with it; sign-out clears it;
 * and password methods are rate-limited per address before any work is done.
 */
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { createHttpServer, SESSION_COOKIE, SIGN_IN_RATE } from '../../electron/server/http'
import { buildOpenApi } from '../../electron/server/openapi'
import { admin } from '../fixtures/accounts'
import { openTestCore, tempDir } from '../fixtures/core'

interface Running {
  core: Core
  url: string
  close(): Promise<void>
}

const running: Running[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()))
})

/** The HTTP transport over a fresh core, deciding who calls from the cookie as `npm run serve` does. */
async function serve(): Promise<Running> {
  const core = await openTestCore()
  const server = createHttpServer({
    call: core.call,
    contextFor: (token) => core.contextFor(token),
    staticDir: tempDir('cd-http-static-'),
    openapi: () => buildOpenApi('test'),
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const r: Running = {
    core,
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await core.close()
    },
  }
  running.push(r)
  return r
}

function post(r: Running, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${r.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

/** `name=value` and the attributes of the one Set-Cookie header, attribute names in lower case. */
function parseSetCookie(res: Response): { pair: string; attributes: Map<string, string> } {
  const headers = res.headers.getSetCookie()
  expect(headers).toHaveLength(1)
  const [pair, ...rest] = headers[0]!.split(';').map((p) => p.trim())
  const attributes = new Map(
    rest.map((a) => {
      const [k, ...v] = a.split('=')
      return [k!.toLowerCase(), v.join('=')] as const
    }),
  )
  return { pair: pair!, attributes }
}

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Strict, never in the JSON, and cleared on sign-out', async () => {
    const r = await serve()
    const setup = await post(r, 'auth.setup', admin)
    expect(setup.status).toBe(200)
    const body = (await setup.json()) as Record<string, unknown>
    expect(body).not.toHaveProperty('token')
    const { pair, attributes } = parseSetCookie(setup)
    expect(pair.startsWith(`${SESSION_COOKIE}=`)).toBe(true)
    const token = pair.slice(SESSION_COOKIE.length + 1)
    expect(token.length).toBeGreaterThanOrEqual(40)
    expect(JSON.stringify(body)).not.toContain(token)
    expect(attributes.has('httponly')).toBe(true)
    expect(attributes.get('samesite')).toBe('Strict')
    expect(attributes.get('path')).toBe('/')
    // A session cookie: gone when the browser closes, and sent to this host only.
    expect(attributes.has('max-age')).toBe(false)
    expect(attributes.has('expires')).toBe(false)
    expect(attributes.has('domain')).toBe(false)

    const cookie = { Cookie: pair }
    const status = (await (await post(r, 'auth.status', {}, cookie)).json()) as { staff: { login: string } | null }
    expect(status.staff?.login).toBe(admin.login)
    expect((await post(r, 'complaints.list', {}, cookie)).status).toBe(200)

    const out = await post(r, 'auth.signOut', {}, cookie)
    expect(out.status).toBe(200)
    const cleared = parseSetCookie(out)
    expect(cleared.pair).toBe(`${SESSION_COOKIE}=`)
    expect(cleared.attributes.get('max-age')).toBe('0')
    expect(cleared.attributes.has('httponly')).toBe(true)
    expect(cleared.attributes.get('samesite')).toBe('Strict')

    // The old token, kept by someone who copied it, no longer works.
    const stale = await post(r, 'complaints.list', {}, cookie)
    expect(stale.status).toBe(401)
    expect(((await stale.json()) as { code: string }).code).toBe('UNAUTHENTICATED')
  })

  it('is required: a call without it is refused with 401, and one from another origin with 403 even with it', async () => {
    const r = await serve()
    const setup = await post(r, 'auth.setup', admin)
    const cookie = { Cookie: parseSetCookie(setup).pair }

    const none = await post(r, 'complaints.list', {})
    expect(none.status).toBe(401)
    expect(await none.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
    const forged = await post(r, 'complaints.list', {}, { Cookie: `${SESSION_COOKIE}=not-a-real-token` })
    expect(forged.status).toBe(401)

    const before = Number(((await r.core.db('audit_events').count({ n: '*' }).first()) as { n: number }).n)
    const foreign = await post(
      r,
      'places.saveCommunity',
      { name: '迎春社区' },
      { ...cookie, Origin: 'http://evil.example' },
    )
    expect(foreign.status).toBe(403)
    expect(((await foreign.json()) as { code: string }).code).toBe('FORBIDDEN')
    expect(await r.core.db('communities').where({ name: '迎春社区' }).first()).toBeUndefined()
    const after = Number(((await r.core.db('audit_events').count({ n: '*' }).first()) as { n: number }).n)
    expect(after).toBe(before)
  })
})

describe('password tries', () => {
  it(`are limited to ${SIGN_IN_RATE} a minute per address, the right password included, other calls not`, async () => {
    const r = await serve()
    // The first-run setup is the first try; malformed tries cost no hashing but still count.
    expect((await post(r, 'auth.setup', admin)).status).toBe(200)
    for (let i = 0; i < SIGN_IN_RATE - 2; i++) {
      expect((await post(r, 'auth.signIn', { login: admin.login })).status).toBe(400)
    }
    const last = await post(r, 'auth.unlock', {})
    expect(last.status).not.toBe(429)

    const refused = await post(r, 'auth.signIn', { login: admin.login, password: admin.password })
    expect(refused.status).toBe(429)
    expect(await refused.json()).toEqual({ code: 'TOO_MANY_REQUESTS', message: '尝试次数过多，请一分钟后再试' })
    expect(refused.headers.getSetCookie()).toEqual([])
    expect((await post(r, 'auth.changePassword', { current: 'x', next: 'y' })).status).toBe(429)
    // Nothing about the refused tries reached core: no sign-in was recorded.
    expect(await r.core.db('audit_events').where({ action: 'sign_in' }).first()).toBeUndefined()

    expect((await post(r, 'auth.status', {})).status).toBe(200)
  })
})
