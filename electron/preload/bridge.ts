/**
 * Builds the nested `window.api` object (`api.places.listCommunities(input)`)
 * from the flat contract method names. Kept apart from the preload entry,
 * with no `electron` import, so it can be unit-tested under plain Node.
 */

export type InvokeMethod = (method: string, input: unknown) => Promise<unknown>
export type BridgeObject = Record<string, Record<string, (input: unknown) => Promise<unknown>>>

/** `'places.listCommunities'` → `['places', 'listCommunities']`, split on the first dot. */
export function splitMethodName(name: string): [domain: string, verb: string] {
  const dot = name.indexOf('.')
  if (dot <= 0 || dot === name.length - 1) throw new Error(`Method name must be "domain.verb": ${name}`)
  return [name.slice(0, dot), name.slice(dot + 1)]
}

/** One function per method name; each forwards its single input and nothing else. */
export function buildBridge(names: readonly string[], invoke: InvokeMethod): BridgeObject {
  const api: BridgeObject = {}
  for (const name of names) {
    const [domain, verb] = splitMethodName(name)
    const group = (api[domain] ??= {})
    group[verb] = (input: unknown) => invoke(name, input)
  }
  return api
}
