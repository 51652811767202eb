/**
 * The crash-safety harness (used by `npm run crash` and by
 * tests/integration/crashSafety.test.ts): starts serve mode on a temporary
 * database, writes records through the HTTP API from several writers at
 * once, kills the server with SIGKILL at a random moment, and checks on the
 * file itself that every write answered with success is there and that
 * `integrity_check` is ok; then starts it again (which must not come up in
 * recovery mode) for the next run. The server is a plain `node --import tsx`
 * process, so SIGKILL hits the process that holds the database.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { allRows, checkIntegrity, withRaw } from '../electron/core/backup/sqliteFile'
import { DATABASE_FILE } from '../electron/core/app'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const admin = { login: 'crashadmin', password: 'Crash@2026-harness' }

export interface CrashOptions {
  runs: number
  /** Concurrent writers. */
  writers?: number
  /** The kill comes this many milliseconds after the writes start, uniformly in [min, max]. */
  killAfterMs?: [number, number]
  log?: (line: string) => void
}

export interface RunReport {
  run: number
  killedAfterMs: number
  acknowledged: number
  /** Writes sent but not answered when the server died (may or may not be there: both are fine). */
  unanswered: number
}

export interface CrashReport {
  runs: RunReport[]
  totalAcknowledged: number
  dataDir: string
}

interface Server {
  url: string
  child: ChildProcess
  exited: Promise<void>
}

function startServe(dataDir: string): Promise<Server> {
  const args = ['--import', 'tsx', 'electron/server/cli.ts', '--port', '0', '--data', dataDir, '--no-build']
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`serve did not start within 60 s:\n${output}`))
    }, 60_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (m?.[1]) {
        clearTimeout(timer)
        if (/恢复模式/.test(output)) reject(new Error(`serve started in recovery mode after a crash:\n${output}`))
        else resolve({ url: m[1], child, exited })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`serve exited before it was ready:\n${output}`))
    })
  })
}

async function post(url: string, method: string, input: unknown, cookie?: string): Promise<Response> {
  return fetch(`${url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(input),
  })
}

/** Signs in as the administrator; on the first start, the first-run setup creates it. */
async function signIn(url: string): Promise<string> {
  const status = (await (await post(url, 'auth.status', {})).json()) as { setupNeeded: boolean }
  const res = status.setupNeeded
    ? await post(url, 'auth.setup', { name: '测试管理员', ...admin })
    : await post(url, 'auth.signIn', admin)
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

/** One write: a 社区 or a 来访登记 (person + visit in one transaction), told apart later by a unique name. */
function writeFor(
  run: number,
  writer: number,
  i: number,
): { method: string; input: unknown; key: string; table: 'communities' | 'visits' } {
  const key = `崩溃测试${run}-${writer}-${i}`
  if (i % 2 === 0) return { method: 'places.saveCommunity', input: { name: key }, key, table: 'communities' }
  return {
    method: 'visits.create',
    input: { person: { name: '崩溃测试', phone: '13812345678' }, subject: key, outcome: 'on_spot', answer: '当场答复' },
    key,
    table: 'visits',
  }
}

export interface Acked {
  key: string
  table: 'communities' | 'visits'
}

/** Writes until the server stops answering; returns the writes it answered with success. */
async function writeUntilDead(
  url: string,
  cookie: string,
  run: number,
  writer: number,
  sent: { n: number },
): Promise<Acked[]> {
  const acked: Acked[] = []
  for (let i = 0; ; i++) {
    const w = writeFor(run, writer, i)
    sent.n++
    let res: Response
    try {
      res = await post(url, w.method, w.input, cookie)
    } catch {
      return acked // the connection died with the server: this write is unanswered
    }
    if (res.status === 200) {
      // The answer was sent after the commit: it counts even if the server dies before the body is read.
      await res.arrayBuffer().catch(() => undefined)
      acked.push({ key: w.key, table: w.table })
    } else {
      throw new Error(`${w.method} answered ${res.status}: ${await res.text()}`)
    }
  }
}

/** On the file itself, as the next start would open it: integrity, and every acknowledged write present. */
export async function checkFile(databaseFile: string, acked: Acked[]): Promise<void> {
  await withRaw(databaseFile, 'rw', async (db) => {
    const check = await checkIntegrity(db)
    if (!check.ok) throw new Error(`integrity_check after SIGKILL: ${check.problems.join('; ')}`)
    const names = new Set((await allRows<{ name: string }>(db, 'SELECT name FROM communities')).map((r) => r.name))
    const subjects = new Set(
      (await allRows<{ subject: string }>(db, 'SELECT subject FROM visits')).map((r) => r.subject),
    )
    const missing = acked.filter((a) => !(a.table === 'communities' ? names : subjects).has(a.key))
    if (missing.length > 0) {
      throw new Error(
        `${missing.length} acknowledged writes lost after SIGKILL, e.g. ${missing
          .slice(0, 5)
          .map((m) => m.key)
          .join(', ')}`,
      )
    }
  })
}

/** After a restart, the app itself (not just the file) lists every acknowledged 社区. */
async function checkThroughApp(url: string, cookie: string, acked: Acked[]): Promise<void> {
  const res = await post(url, 'places.listCommunities', { includeArchived: true }, cookie)
  if (!res.ok) throw new Error(`places.listCommunities after restart answered ${res.status}: ${await res.text()}`)
  const names = new Set(((await res.json()) as { name: string }[]).map((c) => c.name))
  const missing = acked.filter((a) => a.table === 'communities' && !names.has(a.key))
  if (missing.length > 0) throw new Error(`after restart the app does not list ${missing.length} acknowledged 社区`)
}

export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined)
  const writers = options.writers ?? 4
  const [minKill, maxKill] = options.killAfterMs ?? [150, 1200]
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-crash-'))
  const dataDir = path.join(root, 'data')
  const databaseFile = path.join(dataDir, DATABASE_FILE)
  const everAcked: Acked[] = []
  const reports: RunReport[] = []

  for (let run = 1; run <= options.runs; run++) {
    const server = await startServe(dataDir)
    try {
      const cookie = await signIn(server.url)
      await checkThroughApp(server.url, cookie, everAcked)
      const killedAfterMs = Math.round(minKill + Math.random() * (maxKill - minKill))
      const sent = { n: 0 }
      const writing = Array.from({ length: writers }, (_, w) => writeUntilDead(server.url, cookie, run, w, sent))
      await new Promise((resolve) => setTimeout(resolve, killedAfterMs))
      server.child.kill('SIGKILL')
      await server.exited
      const acked = (await Promise.all(writing)).flat()
      everAcked.push(...acked)
      await checkFile(databaseFile, everAcked)
      const report = { run, killedAfterMs, acknowledged: acked.length, unanswered: sent.n - acked.length }
      reports.push(report)
      log(
        `第${run}轮：写入 ${report.acknowledged} 条已确认，${report.unanswered} 条未应答；${killedAfterMs} ms 后 SIGKILL；完整性检查通过，已确认的记录全部存在`,
      )
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
      await server.exited
    }
  }

  // A last normal start after the last kill.
  const server = await startServe(dataDir)
  try {
    await checkThroughApp(server.url, await signIn(server.url), everAcked)
  } finally {
    server.child.kill('SIGTERM')
    await server.exited
  }
  return { runs: reports, totalAcknowledged: everAcked.length, dataDir }
}
