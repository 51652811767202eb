/**
 * `npm run dev`: the Vite dev server for the renderer (hot reload), fresh
 * main/preload bundles, and Electron pointed at the dev server through
 * VITE_DEV_SERVER_URL. Main and preload are built once; restart `npm run dev`
 * after changing them. Without the Electron binary (installs made with
 * ELECTRON_SKIP_BINARY_DOWNLOAD) it explains how to use `npm run serve` instead.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'
import { buildElectron } from './electron.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// vite.config.ts sets `root: 'renderer'`, which Vite resolves against the working directory.
process.chdir(root)
const require = createRequire(import.meta.url)

/**
 * The Electron executable, or null when it was never downloaded. Checked by
 * hand because `require('electron')` would try to download it right now.
 */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return require('electron')
  const packageDir = path.dirname(require.resolve('electron/package.json'))
  const pathFile = path.join(packageDir, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim())
  return fs.existsSync(binary) ? binary : null
}

const electron = electronBinary()
if (!electron) {
  console.error(
    [
      '未找到 Electron 程序文件（安装依赖时可能设置了 ELECTRON_SKIP_BINARY_DOWNLOAD）。',
      '请改用浏览器模式：npm run serve',
      '',
      'Electron binary not found (dependencies were probably installed with ELECTRON_SKIP_BINARY_DOWNLOAD).',
      'Run the app in a browser with `npm run serve`, or download the binary with `node node_modules/electron/install.js`.',
    ].join('\n'),
  )
  process.exit(1)
}

try {
  await buildElectron()
} catch (err) {
  if (!(err instanceof Error && 'errors' in err)) console.error(err)
  console.error('Electron bundle failed')
  process.exit(1)
}

const vite = await createServer({ configFile: path.join(root, 'vite.config.ts') })
await vite.listen()
vite.printUrls()
const devServerUrl = vite.resolvedUrls?.local[0] ?? 'http://localhost:5173/'

const env = { ...process.env, VITE_DEV_SERVER_URL: devServerUrl }
delete env.ELECTRON_RUN_AS_NODE
const child = spawn(electron, ['.'], { cwd: root, env, stdio: 'inherit' })

let stopping = false
async function stop(code) {
  if (stopping) return
  stopping = true
  await vite.close().catch((err) => console.error(err))
  process.exit(code)
}

child.on('error', (err) => {
  console.error('Electron failed to start', err)
  void stop(1)
})
child.on('exit', (code, signal) => void stop(code ?? (signal ? 1 : 0)))
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal)
    else void stop(0)
  })
}
