/**
 * One Vite config: the renderer build (served by Electron from disk and by
 * `npm run serve` over HTTP, hence the relative base) and the vitest projects.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Absolute paths: the config is also loaded from `npm run serve` and the bench, whatever their cwd.
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [vue()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: true },
  test: {
    root: here('.'),
    projects: [
      {
        extends: true,
        test: { name: 'unit', root: here('.'), include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: here('.'),
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: here('.'),
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
