/** Types for build/server.mjs (plain JS so `npm run serve` needs no TypeScript loader). */
export declare const serverBundle: string
export declare function buildServer(): Promise<string>
export declare function serverBundleStale(): boolean
export declare function ensureServerBundle(): Promise<string>
