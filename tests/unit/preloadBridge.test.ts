import { describe, expect, it } from 'vitest'
import { buildBridge, splitMethodName } from '../../electron/preload/bridge'
import { methodNames } from '../../shared/api/methods'

describe('preload bridge', () => {
  it('exposes exactly the contract methods, nested by domain, each invoking its own channel', async () => {
    const calls: [string, unknown][] = []
    const bridge = buildBridge(methodNames, (method, input) => {
      calls.push([method, input])
      return Promise.resolve(method)
    })
    const exposed = Object.entries(bridge).flatMap(([d, verbs]) => Object.keys(verbs).map((v) => `${d}.${v}`))
    expect(exposed.sort()).toEqual([...methodNames].sort())
    await expect(bridge.places?.saveCommunity?.({ name: '迎春社区' })).resolves.toBe('places.saveCommunity')
    expect(calls).toEqual([['places.saveCommunity', { name: '迎春社区' }]])
  })

  it('refuses malformed method names', () => {
    expect(splitMethodName('places.listCommunities')).toEqual(['places', 'listCommunities'])
    expect(() => splitMethodName('places')).toThrow()
    expect(() => splitMethodName('.x')).toThrow()
  })
})
