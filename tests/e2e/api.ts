/**
 * Seeding through the real HTTP API of a running serve instance, signed in as
 * the demo administrator (the session cookie is kept per server).
 */
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract'
import type { RunningServer } from './harness'

export const demoAdmin = { login: 'admin', password: 'Guixi@2026-gl' }

const cookies = new WeakMap<RunningServer, string>()

async function post(server: RunningServer, method: string, input: unknown, cookie?: string): Promise<Response> {
  return fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(input),
  })
}

/**
 * Signs in and returns the session cookie (name=value). On a database without
 * accounts (no --demo) the first-run setup creates the administrator first.
 */
export async function signIn(server: RunningServer, account = demoAdmin): Promise<string> {
  const status = (await (await post(server, 'auth.status', {})).json()) as { setupNeeded: boolean }
  const res = status.setupNeeded
    ? await post(server, 'auth.setup', { name: '测试管理员', ...account })
    : await post(server, 'auth.signIn', account)
  if (!res.ok) throw new Error(`sign-in as ${account.login} → ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]
  if (!cookie) throw new Error('sign-in answered without a session cookie')
  return cookie
}

const sessions = new WeakMap<RunningServer, Map<string, string>>()

/**
 * A session cookie for `account`, reused across the tests of a file while it
 * still works (not signed out, not locked): the server allows only a few
 * sign-ins per minute from one address, and a file signing in per test runs
 * into that limit.
 */
export async function sessionCookie(server: RunningServer, account = demoAdmin): Promise<string> {
  let byLogin = sessions.get(server)
  if (!byLogin) sessions.set(server, (byLogin = new Map()))
  const kept = byLogin.get(account.login)
  if (kept) {
    const status = (await (await post(server, 'auth.status', {}, kept)).json()) as {
      staff: { login?: string } | null
      locked: boolean
    }
    if (status.staff && !status.locked) return kept
  }
  const cookie = await signIn(server, account)
  byLogin.set(account.login, cookie)
  return cookie
}

export async function call<M extends MethodName>(
  server: RunningServer,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  let cookie = cookies.get(server)
  if (!cookie) {
    cookie = await signIn(server)
    cookies.set(server, cookie)
  }
  const res = await post(server, method, input, cookie)
  const body = (await res.json()) as unknown
  if (!res.ok) throw new Error(`${method} → ${res.status} ${JSON.stringify(body)}`)
  return body as MethodOutput<M>
}
