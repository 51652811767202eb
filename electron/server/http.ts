/**
 * Serve mode's HTTP transport: `POST /api/<method>` runs the same
 * `callMethod` the Electron IPC uses; `GET /api/openapi.json` publishes the
 * contract; everything else is the built renderer. Bound to 127.0.0.1 by the
 * caller; Host and Origin are checked so another site (or a DNS-rebinding
 * trick) cannot drive the API from the user's browser.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import { ApiError, httpStatusOf } from '../../shared/api/errors'
import type { ApiCaller } from '../core/api'
import type { Ctx } from '../core/context'
import { serveStatic } from './static'
import { contentSecurityPolicyHeader } from '../../shared/csp'

export const MAX_BODY_BYTES = 8 * 1024 * 1024

export const SESSION_COOKIE = 'cd_session'
/** Sign-in attempts allowed per client address per minute (on top of the account lockout). */
export const SIGN_IN_RATE = 10

export interface HttpOptions {
  call: ApiCaller
  /** Who is acting, from the session cookie's token (undefined: no cookie). */
  contextFor(token: string | undefined): Promise<Ctx> | Ctx
  staticDir: string
  openapi: () => Record<string, unknown>
  /** Extra host names accepted besides loopback (when bound to a LAN address on purpose). */
  extraHosts?: string[]
  log?: (err: unknown) => void
}

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy': contentSecurityPolicyHeader,
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

function sendError(res: ServerResponse, err: ApiError): void {
  sendJson(res, httpStatusOf[err.code], err.toBody())
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_BODY_BYTES) {
      reject(new ApiError('PAYLOAD_TOO_LARGE', '提交的内容过大（超过8MB），请精简后重试'))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let refused = false
    req.on('data', (chunk: Buffer) => {
      if (refused) return
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        // Keep reading and discarding the rest: destroying the socket here
        // would lose the 413 answer (the client would only see a reset).
        refused = true
        chunks.length = 0
        reject(new ApiError('PAYLOAD_TOO_LARGE', '提交的内容过大（超过8MB），请精简后重试'))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Only our own origin may call: Host must be loopback, Origin (if sent) must match Host. */
function sameOrigin(req: IncomingMessage, extraHosts: string[]): boolean {
  const host = req.headers.host ?? ''
  const name = host.replace(/:\d+$/, '')
  if (!['127.0.0.1', 'localhost', '[::1]', ...extraHosts].includes(name)) return false
  const origin = req.headers.origin
  return origin === undefined || origin === `http://${host}`
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

function sessionTokenOf(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === SESSION_COOKIE) return value.join('=') || undefined
  }
  return undefined
}

/** HttpOnly: scripts never see it; SameSite=Strict: no other site's page can send it. */
function sessionCookie(token: string | null): string {
  const value = token ?? ''
  return `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/${token ? '' : '; Max-Age=0'}`
}

const passwordMethods = new Set(['auth.signIn', 'auth.setup', 'auth.unlock', 'auth.changePassword'])

function createRateLimiter(limit: number, windowMs: number) {
  const hits = new Map<string, number[]>()
  return (key: string, now = Date.now()): boolean => {
    const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs)
    recent.push(now)
    hits.set(key, recent)
    return recent.length <= limit
  }
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  options: HttpOptions,
  allowPasswordTry: (key: string) => boolean,
): Promise<void> {
  if (req.method !== 'POST') throw new ApiError('BAD_REQUEST', '接口只接受 POST 请求')
  const type = req.headers['content-type'] ?? ''
  if (!type.startsWith('application/json'))
    throw new ApiError('BAD_REQUEST', '请求须为 JSON（Content-Type: application/json）')
  const text = await readBody(req)
  let input: unknown
  try {
    input = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    throw new ApiError('BAD_REQUEST', '请求内容不是有效的 JSON，未保存任何数据')
  }
  if (passwordMethods.has(method) && !allowPasswordTry(req.socket.remoteAddress ?? '')) {
    throw new ApiError('TOO_MANY_REQUESTS', '尝试次数过多，请一分钟后再试')
  }
  // Whether the caller is on this machine: recovery without sign-in is offered to local callers only.
  const ctx = { ...(await options.contextFor(sessionTokenOf(req))), local: isLoopback(req.socket.remoteAddress) }
  const output = await options.call(ctx, method, input)
  // The session token goes into the cookie, never into the page's JavaScript.
  if (
    (method === 'auth.signIn' || method === 'auth.setup') &&
    output &&
    typeof output === 'object' &&
    'token' in output
  ) {
    const { token, ...rest } = output as { token: string }
    res.setHeader('Set-Cookie', sessionCookie(token))
    sendJson(res, 200, rest)
    return
  }
  if (method === 'auth.signOut') res.setHeader('Set-Cookie', sessionCookie(null))
  sendJson(res, 200, output)
}

export function createHttpServer(options: HttpOptions): http.Server {
  const log = options.log ?? console.error
  const allowPasswordTry = createRateLimiter(SIGN_IN_RATE, 60_000)
  return http.createServer((req, res) => {
    for (const [k, v] of Object.entries(securityHeaders)) res.setHeader(k, v)
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!sameOrigin(req, options.extraHosts ?? [])) {
      sendError(res, new ApiError('FORBIDDEN', '只接受本机本应用发出的请求'))
      return
    }
    if (url.pathname === '/api/openapi.json' && req.method === 'GET') {
      sendJson(res, 200, options.openapi())
      return
    }
    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length)
      handleApi(req, res, method, options, allowPasswordTry).catch((err: unknown) => {
        if (err instanceof ApiError) return sendError(res, err)
        log(err)
        sendError(res, new ApiError('INTERNAL', '系统内部错误，操作未完成。请重试；如仍失败请联系管理员'))
      })
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, new ApiError('BAD_REQUEST', '不支持的请求方式'))
      return
    }
    serveStatic(options.staticDir, url.pathname, res, req.method === 'HEAD')
  })
}
