/** Every call is checked in core: unknown methods, missing staff and too-small roles write nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Ctx } from '../../electron/core/context'
import { apiErrorOf, countRows, ctx, openTestCore } from '../fixtures/core'

let core: Core
const viewer: Ctx = { ...ctx, staff: { id: 1, name: '领导', role: 'viewer' } }
const frontDesk: Ctx = { ...ctx, staff: { id: 1, name: '前台', role: 'front_desk' } }
const nobody: Ctx = { ...ctx, staff: null }

beforeAll(async () => {
  core = await openTestCore()
})
afterAll(async () => {
  await core.close()
})

describe('authorization in core', () => {
  it('refuses writes to a viewer with FORBIDDEN and writes nothing', async () => {
    const err = await apiErrorOf(() => core.call(viewer, 'places.saveCommunity', { name: '迎春社区' }))
    expect(err.code).toBe('FORBIDDEN')
    expect(err.message).toMatch(/权限/)
    const demo = await apiErrorOf(() => core.call(frontDesk, 'system.loadDemo', {}))
    expect(demo.code).toBe('FORBIDDEN')
    expect(await countRows(core, 'communities')).toBe(0)
  })

  it('lets a viewer read', async () => {
    await core.call(ctx, 'places.saveCommunity', { name: '迎春社区' })
    const list = (await core.call(viewer, 'places.listCommunities', {})) as unknown[]
    expect(list).toHaveLength(1)
  })

  it('refuses a call without staff with UNAUTHENTICATED', async () => {
    for (const method of ['places.listCommunities', 'places.saveCommunity', 'system.info']) {
      const err = await apiErrorOf(() =>
        core.call(nobody, method, method === 'places.saveCommunity' ? { name: '红光社区' } : {}),
      )
      expect(err.code, method).toBe('UNAUTHENTICATED')
    }
    expect(await countRows(core, 'communities')).toBe(1)
  })

  it('answers UNKNOWN_METHOD for a name outside the contract', async () => {
    for (const method of ['places.dropEverything', 'constructor', '__proto__', '']) {
      const err = await apiErrorOf(() => core.call(ctx, method, {}))
      expect(err.code, method).toBe('UNKNOWN_METHOD')
    }
  })

  it('validates before anything else: a bad payload is VALIDATION even for a viewer', async () => {
    const err = await apiErrorOf(() => core.call(viewer, 'places.saveCommunity', { name: '' }))
    expect(err.code).toBe('VALIDATION')
    expect(err.field).toBe('name')
  })

  it('reports who is acting through system.info', async () => {
    const info = (await core.call(ctx, 'system.info', {})) as {
      staff: unknown
      mode: string
      appVersion: string
      isEmpty: boolean
    }
    expect(info).toMatchObject({ staff: ctx.staff, mode: 'serve', appVersion: 'test', isEmpty: false })
  })
})
