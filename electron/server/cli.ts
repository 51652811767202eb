/**
 * `npm run serve -- [--port N] [--data DIR] [--demo] [--host H]`: the whole app
 * in a browser, for machines without the Electron binary and for tests.
 * Opens (or creates and migrates) the database in DIR, serves the renderer and
 * the API on 127.0.0.1, and prints the URL. Everyone signs in: the first
 * visit sets up the administrator, or `--demo` on an empty database creates
 * one demo account per role (listed in the README and printed here).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { openCore } from '../core/app'
import { localContext } from '../core/context'
import { isEmptyDatabase } from '../core/services/system'
import { createDemoAccounts, demoAccounts } from '../core/demo/accounts'
import { buildOpenApi } from './openapi'
import { createHttpServer } from './http'
import { buildRendererIfNeeded } from './rendererBuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5177' },
    data: { type: 'string', default: './data' },
    host: { type: 'string', default: '127.0.0.1' },
    demo: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口号无效：${values.port}（应为 0–65535 的整数）`)
  process.exit(2)
}

// CD_RENDERER_DIR lets a developer (or a parallel test run) serve a renderer built elsewhere.
const outDir = process.env.CD_RENDERER_DIR ?? path.join(root, 'dist', 'renderer')
if (!values['no-build']) await buildRendererIfNeeded(root, outDir)

const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
const core = await openCore({ dataDir: values.data, mode: 'serve', appVersion: version })
if (core.migration.backupFile) console.log(`升级前已备份数据库：${core.migration.backupFile}`)
if (core.recovery) {
  // Still serve: the page shows the recovery screen, which offers the newest good backup.
  console.warn(`数据库文件已损坏，以恢复模式启动（${core.recovery.detail}）。请在浏览器中打开下面的地址进行恢复。`)
} else if (values.demo && (await isEmptyDatabase(core.db))) {
  const loaded = await core.call(localContext(), 'system.loadDemo', {})
  console.log('已载入演示数据：', loaded)
  if (await createDemoAccounts(core.db)) {
    console.log('演示账号（登录名 / 密码）：')
    for (const a of demoAccounts) console.log(`  ${a.name}：${a.login} / ${a.password}`)
  }
  // Core skips the start-up backup of a database it has just made (nothing to lose yet); now it holds
  // the demo data, and having no backup at all counts as older than 24 hours. Not awaited: serve starts now.
  void core.scheduler?.check('startup')
} else if (values.demo) {
  console.log('数据目录中已有数据，未载入演示数据和演示账号（--demo 只用于空数据库）')
}

const loopback = ['127.0.0.1', 'localhost', '::1']
/**
 * The Host names a browser may use to reach us. Bound to every interface
 * (0.0.0.0 or ::), that is each address of this machine and its name; the
 * Origin check in http.ts then still refuses every other site.
 */
function reachableHosts(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host]
  const names = [os.hostname()]
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) names.push(a.family === 'IPv6' ? `[${a.address}]` : a.address)
  }
  return names
}

const server = createHttpServer({
  call: core.call,
  contextFor: (token) => core.contextFor(token),
  staticDir: outDir,
  openapi: () => buildOpenApi(version),
  extraHosts: reachableHosts(values.host),
})

const wildcard = values.host === '0.0.0.0' || values.host === '::'

/** A host as a URL needs it: IPv6 in brackets. */
function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}

server.listen(port, values.host, () => {
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  // 0.0.0.0 is no address a browser may open (the Host check would refuse it): this machine uses loopback.
  console.log(`社区服务台（浏览器模式）已启动：http://${wildcard ? '127.0.0.1' : urlHost(values.host)}:${actualPort}/`)
  console.log(`数据目录：${core.paths.dataDir}`)
  if (!loopback.includes(values.host)) {
    console.warn(
      `警告：已绑定到 ${values.host}，局域网内其他电脑也能打开本应用（仍需登录）。如无必要，请去掉 --host 只在本机使用。`,
    )
    if (wildcard) {
      // What the other desks type: this machine's IPv4 addresses on its networks.
      const lan = Object.values(os.networkInterfaces())
        .flat()
        .filter((a) => a && a.family === 'IPv4' && !a.internal)
      for (const a of lan) console.warn(`  其他电脑可打开：http://${a!.address}:${actualPort}/`)
    }
  }
})

async function shutdown(): Promise<void> {
  server.close()
  await core.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
