/** listCompounds: paging, filters and search on a database with known rows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { call, openTestCore } from '../fixtures/core'

let core: Core
let east: number
let west: number

beforeAll(async () => {
  core = await openTestCore()
  east = (await call(core, 'places.saveCommunity', { name: '东街社区' })).id
  west = (await call(core, 'places.saveCommunity', { name: '西街社区' })).id
  // 东街: 25 old compounds, unmanaged; 西街: 3 commercial ones with a property company, 1 archived.
  for (let i = 1; i <= 25; i++) {
    await call(core, 'places.saveCompound', {
      communityId: east,
      name: `东街${i}号院`,
      kind: 'old',
      management: 'none',
    })
  }
  for (const name of ['西街花园', '西街名苑', '西街_公寓']) {
    await call(core, 'places.saveCompound', {
      communityId: west,
      name,
      kind: 'commercial',
      management: 'property_company',
      propertyCompany: '西城物业',
    })
  }
  const archived = await call(core, 'places.saveCompound', {
    communityId: west,
    name: '西街旧楼',
    kind: 'old',
    management: 'self_governance',
  })
  await call(core, 'places.archiveCompound', { id: archived.id, archived: true })
})
afterAll(async () => {
  await core.close()
})

describe('listing compounds', () => {
  it('pages with a total over all matching rows', async () => {
    const first = await call(core, 'places.listCompounds', {})
    expect(first).toMatchObject({ total: 28, page: 1, pageSize: 20 })
    expect(first.items).toHaveLength(20)
    const second = await call(core, 'places.listCompounds', { page: 2 })
    expect(second.total).toBe(28)
    expect(second.items).toHaveLength(8)
    const ids = [...first.items, ...second.items].map((c) => c.id)
    expect(new Set(ids).size).toBe(28)
    const beyond = await call(core, 'places.listCompounds', { page: 3 })
    expect(beyond).toMatchObject({ total: 28, items: [] })
  })

  it('honours a smaller page size', async () => {
    const page = await call(core, 'places.listCompounds', { communityId: east, page: 3, pageSize: 10 })
    expect(page.total).toBe(25)
    expect(page.items.map((c) => c.name)).toEqual([
      '东街21号院',
      '东街22号院',
      '东街23号院',
      '东街24号院',
      '东街25号院',
    ])
  })

  it('filters by community, kind and management', async () => {
    const westOnly = await call(core, 'places.listCompounds', { communityId: west })
    expect(westOnly.total).toBe(3)
    expect(westOnly.items.every((c) => c.communityName === '西街社区')).toBe(true)

    expect((await call(core, 'places.listCompounds', { kind: 'commercial' })).total).toBe(3)
    expect((await call(core, 'places.listCompounds', { kind: 'old' })).total).toBe(25)
    expect((await call(core, 'places.listCompounds', { management: 'property_company' })).total).toBe(3)
    expect((await call(core, 'places.listCompounds', { management: 'self_governance' })).total).toBe(0)
    expect((await call(core, 'places.listCompounds', { communityId: east, kind: 'commercial' })).total).toBe(0)
  })

  it('includes archived compounds only when asked', async () => {
    const all = await call(core, 'places.listCompounds', { communityId: west, includeArchived: true })
    expect(all.total).toBe(4)
    expect(all.items.filter((c) => c.archivedAt !== null).map((c) => c.name)).toEqual(['西街旧楼'])
    expect(
      (await call(core, 'places.listCompounds', { management: 'self_governance', includeArchived: true })).total,
    ).toBe(1)
  })

  it('searches names with LIKE wildcards taken literally', async () => {
    const names = async (query: string) =>
      (await call(core, 'places.listCompounds', { query, pageSize: 200 })).items.map((c) => c.name)
    expect(await names('_')).toEqual(['西街_公寓'])
    expect(await names('%')).toEqual([])
    expect(await names('东街1')).toHaveLength(11)
    expect((await call(core, 'places.listCompounds', { query: '东街' })).total).toBe(25)
  })

  it('counts only active compounds on each community', async () => {
    const communities = await call(core, 'places.listCommunities', {})
    expect(communities.map((c) => [c.name, c.compoundCount])).toEqual([
      ['东街社区', 25],
      ['西街社区', 3],
    ])
  })
})
