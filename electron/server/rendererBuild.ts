/**
 * `npm run serve` builds the renderer only when the build is missing or older
 * than any source file it is made from, so a fresh clone just works and a
 * second start is instant.
 */
import fs from 'node:fs'
import path from 'node:path'

function newestMtime(dir: string): number {
  let newest = 0
  if (!fs.existsSync(dir)) return newest
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full))
    else newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

export function rendererIsStale(root: string, outDir: string): boolean {
  const index = path.join(outDir, 'index.html')
  if (!fs.existsSync(index)) return true
  const built = fs.statSync(index).mtimeMs
  const sources = Math.max(
    newestMtime(path.join(root, 'renderer')),
    newestMtime(path.join(root, 'shared')),
    fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  )
  return sources > built
}

export async function buildRendererIfNeeded(root: string, outDir: string): Promise<boolean> {
  if (!rendererIsStale(root, outDir)) return false
  console.log('正在构建界面（首次启动或代码有更新）…')
  const { build } = await import('vite')
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' })
  return true
}
