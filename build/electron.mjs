/**
 * Bundles the Electron main process and the preload with esbuild into
 * dist/electron/{main,preload}.cjs (CommonJS: Electron 45 runs Node 22, and
 * the sandboxed preload must be a single CommonJS file).
 * knex and sqlite3 stay external: they are runtime dependencies shipped in
 * node_modules (sqlite3 is native). zod and shared code are bundled in.
 * Usage: `node build/electron.mjs`; dev.mjs imports buildElectron().
 */
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  tsconfig: 'tsconfig.node.json',
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  bundle: true,
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
}

/** Throws (after esbuild printed the errors) when either bundle fails. */
export async function buildElectron() {
  const [, preload] = await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/index.ts'],
      outfile: 'dist/electron/main.cjs',
      external: ['electron', 'knex', 'sqlite3'],
    }),
    build({
      ...common,
      entryPoints: ['electron/preload/index.ts'],
      outfile: 'dist/electron/preload.cjs',
      external: ['electron'],
    }),
  ])
  // The preload must only know method names; the schemas belong to core.
  const leaked = Object.keys(preload.metafile?.inputs ?? {}).filter(
    (input) => input.includes('node_modules/zod/') || input.includes('shared/api/contract'),
  )
  if (leaked.length > 0)
    throw new Error(`The preload bundle must not include schemas, but it includes: ${leaked.join(', ')}`)
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (invokedDirectly) {
  try {
    await buildElectron()
    console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs')
  } catch (err) {
    if (!(err instanceof Error && 'errors' in err)) console.error(err)
    console.error('Electron bundle failed')
    process.exit(1)
  }
}
