/**
 * The renderer's one API client. Inside Electron it calls `window.api` (the
 * preload's IPC bridge); in a browser (serve mode) it POSTs to /api/<method>.
 * Either way callers get typed results or an ApiError with a Chinese message.
 *
 * A call refused because the screen is locked, or because the session ended,
 * is held while the app asks for the password (see `setSessionGuard`) and
 * then sent again: core refuses such a call before doing anything, so the
 * retry is safe, and the page that made it simply carries on with its input.
 */
import { ApiError, isApiErrorBody } from '../../shared/api/errors'
import { methodNames, type ApiClient, type MethodName } from '../../shared/api/contract'
import type { IpcResult } from '../../shared/api/ipc'

type Transport = (method: MethodName, input: unknown) => Promise<unknown>

const offline = () => new ApiError('INTERNAL', '无法连接到社区服务台，请确认程序仍在运行后重试')

const viaIpc: Transport = async (method, input) => {
  const [domain, verb] = method.split('.') as [string, string]
  const bridge = window.api as unknown as Record<string, Record<string, (i: unknown) => Promise<IpcResult<unknown>>>>
  const fn = bridge[domain]?.[verb]
  if (!fn) throw new ApiError('UNKNOWN_METHOD', `没有名为 ${method} 的接口`)
  const result = await fn(input)
  if (result.ok) return result.data
  throw new ApiError(result.error.code, result.error.message, result.error.field)
}

const viaHttp: Transport = async (method, input) => {
  let res: Response
  try {
    res = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    })
  } catch {
    throw offline()
  }
  const body: unknown = await res.json().catch(() => null)
  if (res.ok) return body
  if (isApiErrorBody(body)) throw new ApiError(body.code, body.message, body.field)
  throw offline()
}

/** What the app does when a call finds the session locked or ended; each resolves true to send the call again. */
export interface SessionGuard {
  /** The session is locked: resolves once unlocked (true) or when the user signs out instead (false). */
  locked(): Promise<boolean>
  /** The session ended (expired, signed out elsewhere, account reset): true once the same person signed in again. */
  ended(): Promise<boolean>
}

let guard: SessionGuard | null = null

/** Installed by the app shell; print routes leave it unset so their errors show as text. */
export function setSessionGuard(next: SessionGuard | null): void {
  guard = next
}

let recoveryListener: (() => void) | null = null

/** Installed by the app shell: a call answered RECOVERY (database damaged) switches the app to the recovery screen. */
export function setRecoveryListener(next: (() => void) | null): void {
  recoveryListener = next
}

/** Sign-in, unlock and the like answer for themselves; everything else may wait for the password. */
function guarded(method: MethodName): boolean {
  return !method.startsWith('auth.')
}

async function callWithGuard(transport: Transport, method: MethodName, input: unknown): Promise<unknown> {
  for (;;) {
    try {
      return await transport(method, input)
    } catch (err) {
      if (err instanceof ApiError && err.code === 'RECOVERY') recoveryListener?.()
      if (!guard || !guarded(method) || !(err instanceof ApiError)) throw err
      let again = false
      if (err.code === 'LOCKED') again = await guard.locked()
      else if (err.code === 'UNAUTHENTICATED') again = await guard.ended()
      if (!again) throw err
    }
  }
}

function createClient(transport: Transport): ApiClient {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const method of methodNames) {
    const [domain, verb] = method.split('.') as [string, string]
    client[domain] ??= {}
    client[domain][verb] = (input: unknown) => callWithGuard(transport, method, input)
  }
  return client as unknown as ApiClient
}

export const api: ApiClient = createClient(window.api ? viaIpc : viaHttp)

/** A message fit for a notification, whatever was thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message
  return '操作未完成，请重试；如仍失败请联系管理员'
}
