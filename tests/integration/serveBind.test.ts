/**
 * `npm run serve` listens on 127.0.0.1 only, so no other address of the
 * machine reaches it; `--host` opens it to the network and prints a warning
 * saying so. Runs the real CLI (its own process, data folder and port).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../fixtures/core'

const root = path.resolve(import.meta.dirname, '../..')
const children: ChildProcess[] = []

afterEach(async () => {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGTERM')
        }),
    ),
  )
})

interface Started {
  port: number
  output: string
}

/** Starts the CLI with `args` and resolves once it has printed its URL, with everything printed so far. */
function startServe(args: string[]): Promise<Started> {
  const child = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    ['electron/server/cli.ts', '--port', '0', '--data', tempDir('cd-serve-bind-'), '--no-build', ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CD_RENDERER_DIR: tempDir('cd-serve-ui-') } },
  )
  children.push(child)
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 90_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /已启动：http:\/\/[^:]+:(\d+)\//.exec(output)
      // The warning follows the URL line: give it a moment to arrive on stderr.
      if (m?.[1]) {
        clearTimeout(timer)
        setTimeout(() => resolve({ port: Number(m[1]), output }), 300)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code}:\n${output}`))
    })
  })
}

/** The HTTP status from `host:port`, or the socket error's code (ECONNREFUSED when nothing listens there). */
function reach(host: string, port: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.get({ host, port, path: '/api/openapi.json', timeout: 5000 }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })))
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'ERROR'))
  })
}

/** An address of this machine other than loopback, when it has one. */
function lanAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address
}

describe('serve mode binding', () => {
  it('listens on 127.0.0.1 only by default, without a warning', async () => {
    const { port, output } = await startServe([])
    expect(output).toContain(`http://127.0.0.1:${port}/`)
    expect(output).not.toContain('警告')
    expect(await reach('127.0.0.1', port)).toBe(200)
    // Another address of the same machine finds nothing listening.
    expect(await reach('127.0.0.2', port)).toBe('ECONNREFUSED')
    const lan = lanAddress()
    if (lan) expect(await reach(lan, port)).toBe('ECONNREFUSED')
  }, 120_000)

  it('with --host 0.0.0.0 is reachable from other addresses and warns that it is', async () => {
    const { port, output } = await startServe(['--host', '0.0.0.0'])
    expect(output).toContain('警告：已绑定到 0.0.0.0，局域网内其他电脑也能打开本应用')
    // The address printed for this machine opens (0.0.0.0 itself would be refused by the Host check).
    expect(output).toContain(`已启动：http://127.0.0.1:${port}/`)
    expect(await reach('127.0.0.1', port)).toBe(200)
    expect(await reach('127.0.0.2', port)).not.toBe('ECONNREFUSED')
    const lan = lanAddress()
    if (lan) {
      expect(output).toContain(`其他电脑可打开：http://${lan}:${port}/`)
      expect(await reach(lan, port)).toBe(200)
    }
  }, 120_000)
})
