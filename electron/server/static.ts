/**
 * Serves the built renderer. Paths are resolved inside the root and anything
 * that escapes it is refused; unknown paths fall back to index.html so the
 * hash router can take over.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ServerResponse } from 'node:http'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse, headOnly: boolean): void {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    decoded = '/'
  }
  const resolvedRoot = path.resolve(root)
  let file = path.resolve(resolvedRoot, '.' + path.posix.normalize('/' + decoded))
  if (!file.startsWith(resolvedRoot + path.sep) && file !== resolvedRoot) file = path.join(resolvedRoot, 'index.html')
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(resolvedRoot, 'index.html')
  const type = types[path.extname(file)] ?? 'application/octet-stream'
  let body: Buffer
  try {
    body = fs.readFileSync(file)
  } catch {
    // The build folder can vanish under a running server (a rebuild empties it): answer, never crash.
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' })
    res.end(headOnly ? undefined : '界面文件暂不可用（可能正在重新构建），请稍后刷新页面')
    return
  }
  const isIndex = path.basename(file) === 'index.html'
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': body.length,
    'Cache-Control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
  })
  res.end(headOnly ? undefined : body)
}
