/** system.loadDemo: the 桂溪街道 demo set, loaded once through the real services. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { apiErrorOf, call, countRows, openTestCore } from '../fixtures/core'

let core: Core

beforeAll(async () => {
  core = await openTestCore()
})
afterAll(async () => {
  await core.close()
})

describe('demo data', () => {
  it('loads 8 communities and their compounds into an empty database', async () => {
    expect((await call(core, 'system.info', {})).isEmpty).toBe(true)
    const loaded = await call(core, 'system.loadDemo', {})
    expect(loaded).toEqual({ communities: 8, compounds: 11, visits: 7, complaints: 6 })
    expect(await countRows(core, 'communities')).toBe(8)
    expect(await countRows(core, 'compounds')).toBe(11)

    const names = (await call(core, 'places.listCommunities', {})).map((c) => c.name)
    expect(names).toHaveLength(8)
    expect(names).toEqual(expect.arrayContaining(['迎春社区', '红光社区', '西街社区']))
    expect((await call(core, 'system.info', {})).isEmpty).toBe(false)
  })

  it('puts 桂北小区 under 红光社区, run by the community property company', async () => {
    const [hongguang] = await call(core, 'places.listCommunities', { query: '红光社区' })
    const page = await call(core, 'places.listCompounds', { communityId: hongguang?.id, query: '桂北' })
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({ name: '桂北小区', kind: 'three_no', management: 'community_property' })
  })

  it('gives 西街社区 商业局小区 with its three building leaders in order', async () => {
    const page = await call(core, 'places.listCompounds', { query: '商业局小区' })
    expect(page.items).toHaveLength(1)
    const compound = page.items[0]
    expect(compound?.communityName).toBe('西街社区')
    expect(compound?.leaders.map((l) => l.building)).toEqual(['1栋', '2栋', '3栋'])
    expect(compound?.leaders.map((l) => l.name)).toEqual(['王秀英', '刘建国', '陈桂芳'])
  })

  it('dates the demo 诉求 around today so every clock state shows', async () => {
    const all = await call(core, 'complaints.list', { pageSize: 50 })
    expect(all.total).toBe(6)
    const states = new Set(all.items.map((c) => c.clockState))
    expect(states).toEqual(new Set(['ok', 'due_soon', 'overdue', null]))
    expect(all.items.some((c) => c.status === 'archived')).toBe(true)
    expect(all.items.some((c) => c.hasPossibleDuplicate)).toBe(true)
    const onSpot = await call(core, 'visits.list', { outcome: 'on_spot' })
    expect(onSpot.total).toBe(1)
  })

  it('refuses a second load with CONFLICT and adds nothing', async () => {
    const err = await apiErrorOf(() => call(core, 'system.loadDemo', {}))
    expect(err.code).toBe('CONFLICT')
    expect(await countRows(core, 'communities')).toBe(8)
    expect(await countRows(core, 'compounds')).toBe(11)
  })
})
