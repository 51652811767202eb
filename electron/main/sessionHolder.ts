/**
 * Where the desktop app keeps its session token: in the main process only.
 * Sign-in answers carry the token; it is taken off here and never reaches
 * the renderer. Kept free of Electron imports so it is unit-testable.
 */

/** The answers that start a session (their `token` is the session's). */
const signInMethods = new Set(['auth.signIn', 'auth.setup'])

export interface SessionHolder {
  token(): string | undefined
  /**
   * Runs one call with the held token and returns what the renderer may see:
   * a sign-in answer without its token (which is kept instead). Sign-out
   * forgets the token even when core refuses it (e.g. the session had already
   * ended), so a stale token is never sent again.
   */
  run(method: string, call: (token: string | undefined) => Promise<unknown>): Promise<unknown>
}

export function createSessionHolder(): SessionHolder {
  let current: string | undefined
  return {
    token: () => current,
    async run(method, call) {
      let output: unknown
      try {
        output = await call(current)
      } finally {
        if (method === 'auth.signOut') current = undefined
      }
      if (signInMethods.has(method) && output && typeof output === 'object' && 'token' in output) {
        const { token, ...rest } = output as { token: unknown }
        if (typeof token === 'string' && token) current = token
        return rest
      }
      return output
    },
  }
}
