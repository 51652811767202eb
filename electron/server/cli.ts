/**
 * `npm run serve -- [--port N] [--data DIR] [--demo] [--host H]`: the whole app
 * in a browser, for machines without the Electron binary and for tests.
 * Opens (or creates and migrates) the database in DIR, serves the renderer and
 * the API on 127.0.0.1, and prints the URL.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { openCore } from '../core/app'
import { localContext } from '../core/context'
import { isEmptyDatabase } from '../core/services/system'
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

const outDir = path.join(root, 'dist', 'renderer')
if (!values['no-build']) await buildRendererIfNeeded(root, outDir)

const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
const core = await openCore({ dataDir: values.data, mode: 'serve', appVersion: version })
if (core.migration.backupFile) console.log(`升级前已备份数据库：${core.migration.backupFile}`)
if (values.demo && (await isEmptyDatabase(core.db))) {
  const loaded = await core.call(localContext(), 'system.loadDemo', {})
  console.log('已载入演示数据：', loaded)
}

const server = createHttpServer({
  call: core.call,
  contextFor: () => localContext(),
  staticDir: outDir,
  openapi: () => buildOpenApi(version),
  extraHosts: [values.host],
})

server.listen(port, values.host, () => {
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  console.log(`社区服务台（浏览器模式）已启动：http://${values.host}:${actualPort}/`)
  console.log(`数据目录：${core.paths.dataDir}`)
})

async function shutdown(): Promise<void> {
  server.close()
  await core.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
