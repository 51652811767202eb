/**
 * Where the bundled files sit relative to the main bundle. esbuild writes
 * dist/electron/main.cjs and preload.cjs side by side, Vite writes
 * dist/renderer; inside the packaged asar the layout is the same.
 * `__dirname` is real here because the bundle is CommonJS (no import.meta).
 */
import path from 'node:path'

export const preloadFile = path.join(__dirname, 'preload.cjs')
export const rendererIndexFile = path.join(__dirname, '..', 'renderer', 'index.html')
