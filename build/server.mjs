/**
 * Serve mode as one bundle: electron/server/cli.ts with knex and every other
 * pure-JS dependency bundled into dist/server/serve.mjs (only the native
 * sqlite3, vite and knex's unused database drivers stay outside).
 *
 * Why a bundle: started through tsx, serve mode spent most of its cold start
 * compiling TypeScript, and resolving knex's few hundred CommonJS files took
 * another 0.4 s; the bundle starts in a fraction of that (`npm run bench`
 * reports the figure). Whitespace and syntax are minified (less to parse),
 * names are kept so stack traces in the log stay readable.
 *
 * `ensureServerBundle()` rebuilds when any source under electron/ or shared/,
 * package-lock.json or this file is newer than the bundle, so `npm run serve`
 * always runs the code in the working tree.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const serverBundle = path.join(root, 'dist', 'server', 'serve.mjs')

/** knex requires every dialect's driver by name; only sqlite3 is installed (and native). */
const external = [
  'sqlite3',
  'vite',
  'pg',
  'pg-native',
  'pg-query-stream',
  'mysql',
  'mysql2',
  'mariadb',
  'mariadb/callback',
  'oracledb',
  'tedious',
  'mssql',
  'better-sqlite3',
  '@vscode/sqlite3',
]

export async function buildServer() {
  const { build } = await import('esbuild')
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/server/cli.ts'],
    outfile: serverBundle,
    tsconfig: 'tsconfig.node.json',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    bundle: true,
    external,
    minifyWhitespace: true,
    minifySyntax: true,
    // Bundled CommonJS packages (knex, exceljs…) call require(): give the ES module one.
    banner: {
      js: "import { createRequire as __serveRequire } from 'node:module'; const require = __serveRequire(import.meta.url);",
    },
    logLevel: 'warning',
  })
  return serverBundle
}

function newestIn(dir, newest = 0) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = newestIn(full, newest)
    else newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

export function serverBundleStale() {
  if (!fs.existsSync(serverBundle)) return true
  const built = fs.statSync(serverBundle).mtimeMs
  const sources = Math.max(
    newestIn(path.join(root, 'electron')),
    newestIn(path.join(root, 'shared')),
    fs.statSync(path.join(root, 'package-lock.json')).mtimeMs,
    fs.statSync(fileURLToPath(import.meta.url)).mtimeMs,
  )
  return sources > built
}

export async function ensureServerBundle() {
  if (serverBundleStale()) {
    console.log('正在构建服务端（源码有更新）…')
    await buildServer()
  }
  return serverBundle
}
