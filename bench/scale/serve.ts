/**
 * Serve mode on the seeded database: cold start (spawn → first API answer)
 * and the server's peak memory while it answers the benchmark's queries
 * over HTTP.
 *
 * The server is started as `npm run serve` starts it: `node build/serve.mjs`,
 * which checks the serve bundle is newer than the sources and imports it, so
 * the spawned pid IS the server and /proc/<pid>/status VmHWM is its peak
 * RSS. For comparison the same CLI is also started from the TypeScript
 * sources through tsx's loader (`node --import tsx`), as the e2e tests do.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { ensureServerBundle } from '../../build/server.mjs'
import { percentile, round1 } from './stats'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

/** `npm run serve`'s own entry: the serve bundle, rebuilt first when a source is newer (build/server.mjs). */
export const serveEntry = path.join(repoRoot, 'build', 'serve.mjs')

/** Builds the serve bundle now, so the timed starts find it fresh (as after any `npm run serve`). */
export async function prepareServe(): Promise<void> {
  await ensureServerBundle()
}

export interface Served {
  process: ChildProcess
  url: string
  /** Spawn → first successful answer of auth.status. */
  startMs: number
  output: () => string
  stop(): Promise<void>
}

export async function startServe(dataDir: string, entry: 'tsx' | string = serveEntry): Promise<Served> {
  const port = await freePort()
  const args = [
    ...(entry === 'tsx' ? ['--import', 'tsx', 'electron/server/cli.ts'] : [entry]),
    ...['--port', String(port), '--data', dataDir, '--no-build'],
  ]
  let output = ''
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CD_RENDERER_DIR: path.join(dataDir, 'no-renderer') },
  })
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  const url = `http://127.0.0.1:${port}/`
  let startMs = 0
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${output}`)
    try {
      const res = await fetch(`${url}api/auth.status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      })
      if (res.ok) {
        startMs = performance.now() - started
        break
      }
    } catch {
      // Not listening yet.
    }
    if (performance.now() - started > 600_000) throw new Error(`serve did not answer in 10 minutes:\n${output}`)
    await new Promise((r) => setTimeout(r, 10))
  }
  return {
    process: child,
    url,
    startMs,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** Peak resident memory (VmHWM) of a live process, in MB. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN)
  return round1(kb / 1024)
}

async function post(url: string, method: string, input: unknown, cookie?: string): Promise<Response> {
  return fetch(`${url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(input),
  })
}

/** The administrator a new installation sets up on first start (the bench database has no accounts). */
export async function signInServe(url: string): Promise<string> {
  const account = { login: 'jizhun', password: 'Guixi@2026-jz' }
  const status = (await (await post(url, 'auth.status', {})).json()) as { setupNeeded: boolean }
  const res = status.setupNeeded
    ? await post(url, 'auth.setup', { name: '基准测试管理员', ...account })
    : await post(url, 'auth.signIn', account)
  if (!res.ok) throw new Error(`sign-in → ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]
  if (!cookie) throw new Error('sign-in answered without a session cookie')
  return cookie
}

/** Each call once, in order, over HTTP; milliseconds per call. Throws on any failed answer. */
export async function replay(url: string, cookie: string, calls: [string, unknown][]): Promise<number[]> {
  const ms: number[] = []
  for (const [method, input] of calls) {
    const started = performance.now()
    const res = await post(url, method, input, cookie)
    const body = await res.text()
    ms.push(performance.now() - started)
    if (!res.ok) throw new Error(`${method} → ${res.status} ${body.slice(0, 300)}`)
  }
  return ms
}

export interface ServeFigures {
  coldStartMs: number
  coldStartRunsMs: number[]
  rssMb: number
  httpP50Ms: number
  httpCalls: number
}

/**
 * `starts` cold starts of one way (tsx or a bundle); the last one stays up,
 * answers `calls` (three rounds) over HTTP, and then its peak RSS is read.
 */
export async function measureServe(
  dataDir: string,
  entry: 'tsx' | string,
  calls: [string, unknown][],
  starts = 3,
): Promise<ServeFigures> {
  const runs: number[] = []
  for (let i = 0; i < starts - 1; i++) {
    const s = await startServe(dataDir, entry)
    runs.push(s.startMs)
    await s.stop()
  }
  const s = await startServe(dataDir, entry)
  runs.push(s.startMs)
  try {
    const cookie = await signInServe(s.url)
    const http: number[] = []
    for (let round = 0; round < 3; round++) http.push(...(await replay(s.url, cookie, calls)))
    return {
      coldStartMs: round1(percentile(runs, 50)),
      coldStartRunsMs: runs.map(round1),
      rssMb: peakRssMb(s.process.pid!),
      httpP50Ms: round1(percentile(http, 50)),
      httpCalls: http.length,
    }
  } finally {
    await s.stop()
  }
}
