/**
 * `npm run serve`: serve mode from its bundle (see server.mjs), rebuilt first
 * when the sources changed. Arguments pass through to electron/server/cli.ts.
 */
import { pathToFileURL } from 'node:url'
import { ensureServerBundle } from './server.mjs'

await import(pathToFileURL(await ensureServerBundle()).href)
