/**
 * End-to-end harness: starts `npm run serve`'s entry point on a temporary data
 * folder and a free port, and launches Debian's Chromium through
 * playwright-core (never a downloaded browser).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { demoAdmin, sessionCookie } from './api'

export const repoRoot = path.resolve(import.meta.dirname, '../..')
export const screenshotDir = path.join(repoRoot, 'tests/e2e/screenshots')

export interface RunningServer {
  url: string
  dataDir: string
  process: ChildProcess
  stop(): Promise<void>
}

export function tempDataDir(prefix = 'cd-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export async function startServer(dataDir: string, extraArgs: string[] = []): Promise<RunningServer> {
  const tsx = path.join(repoRoot, 'node_modules/.bin/tsx')
  const child = spawn(tsx, ['electron/server/cli.ts', '--port', '0', '--data', dataDir, '--no-build', ...extraArgs], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 120_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--lang=zh-CN',
      '--disable-sync',
    ],
  })
}

/** Puts a session cookie for `account` (default: the demo administrator) into a browser context. */
export async function signInContext(
  context: BrowserContext,
  server: RunningServer,
  account: { login: string; password: string } = demoAdmin,
): Promise<void> {
  const cookie = await sessionCookie(server, account)
  const at = cookie.indexOf('=')
  await context.addCookies([
    { name: cookie.slice(0, at), value: cookie.slice(at + 1), url: server.url, httpOnly: true, sameSite: 'Strict' },
  ])
}

/** A page in its own signed-in context; closing the page closes the context. */
export async function signedInPage(
  browser: Browser,
  server: RunningServer,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<Page> {
  const context = await browser.newContext({ viewport })
  await signInContext(context, server)
  return pageOwningContext(context)
}

/** A new page in `context`; closing the page closes the context too. */
export async function pageOwningContext(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  // Nobody awaits this close: when the browser is already shutting down (afterAll)
  // it rejects, and an unhandled rejection fails the whole vitest run.
  page.on('close', () => {
    context.close().catch(() => undefined)
  })
  return page
}
