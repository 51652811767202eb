/** 社区 through the real API door: uniqueness, optimistic versions, search, archive rules. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { apiErrorOf, call, countRows, fixedNow, openTestCore } from '../fixtures/core'

let core: Core

beforeEach(async () => {
  core = await openTestCore()
})
afterEach(async () => {
  await core.close()
})

describe('saving communities', () => {
  it('creates a community with version 1, the clock time and normalised text', async () => {
    const saved = await call(core, 'places.saveCommunity', {
      name: ' 迎春社区 ',
      code: 'GX-01',
      address: '桂溪街道迎春路18号',
      phone: '023 45678101',
    })
    expect(saved).toMatchObject({
      name: '迎春社区',
      code: 'GX-01',
      phone: '023-45678101',
      version: 1,
      compoundCount: 0,
      archivedAt: null,
      createdAt: fixedNow.toISOString(),
    })
    expect(await call(core, 'places.getCommunity', { id: saved.id })).toEqual(saved)
  })

  it('refuses a duplicate name with CONFLICT on field name, writing nothing', async () => {
    await call(core, 'places.saveCommunity', { name: '迎春社区' })
    const err = await apiErrorOf(() => call(core, 'places.saveCommunity', { name: '迎春社区', address: '别处' }))
    expect(err.code).toBe('CONFLICT')
    expect(err.field).toBe('name')
    expect(err.message).toContain('迎春社区')
    expect(await countRows(core, 'communities')).toBe(1)
  })

  it('refuses a duplicate code with CONFLICT on field code', async () => {
    await call(core, 'places.saveCommunity', { name: '迎春社区', code: 'GX-01' })
    const err = await apiErrorOf(() => call(core, 'places.saveCommunity', { name: '三合社区', code: 'GX-01' }))
    expect(err.code).toBe('CONFLICT')
    expect(err.field).toBe('code')
    expect(await countRows(core, 'communities')).toBe(1)
  })

  it('lets the first of two clerks win and tells the second to reload', async () => {
    const opened = await call(core, 'places.saveCommunity', { name: '迎春社区', address: '旧地址' })
    const first = await call(core, 'places.saveCommunity', {
      id: opened.id,
      version: opened.version,
      name: '迎春社区',
      address: '甲的地址',
    })
    expect(first.version).toBe(2)
    const err = await apiErrorOf(() =>
      call(core, 'places.saveCommunity', {
        id: opened.id,
        version: opened.version,
        name: '迎春社区',
        address: '乙的地址',
      }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toMatch(/已被他人修改/)
    const row = await call(core, 'places.getCommunity', { id: opened.id })
    expect(row.address).toBe('甲的地址')
    expect(row.version).toBe(2)
  })

  it('refuses an edit without a version, and an edit of a missing row', async () => {
    const saved = await call(core, 'places.saveCommunity', { name: '迎春社区' })
    const noVersion = await apiErrorOf(() => call(core, 'places.saveCommunity', { id: saved.id, name: '改名社区' }))
    expect(noVersion.code).toBe('VALIDATION')
    expect(noVersion.field).toBe('version')
    const missing = await apiErrorOf(() =>
      call(core, 'places.saveCommunity', { id: 999, version: 1, name: '改名社区' }),
    )
    expect(missing.code).toBe('NOT_FOUND')
    expect((await call(core, 'places.getCommunity', { id: saved.id })).name).toBe('迎春社区')
  })

  it('bumps the version on each correct edit', async () => {
    const v1 = await call(core, 'places.saveCommunity', { name: '迎春社区' })
    const v2 = await call(core, 'places.saveCommunity', { id: v1.id, version: 1, name: '迎春社区（新）' })
    const v3 = await call(core, 'places.saveCommunity', { id: v1.id, version: 2, name: '迎春社区' })
    expect([v2.version, v3.version]).toEqual([2, 3])
    expect(v2.name).toBe('迎春社区（新）')
    expect(await countRows(core, 'communities')).toBe(1)
  })

  it('stores markup verbatim as text', async () => {
    const name = '<script>alert(1)</script>'
    const saved = await call(core, 'places.saveCommunity', { name, address: '<img src=x onerror=alert(1)>' })
    const read = await call(core, 'places.getCommunity', { id: saved.id })
    expect(read.name).toBe(name)
    expect(read.address).toBe('<img src=x onerror=alert(1)>')
  })

  it('returns NOT_FOUND for a missing community', async () => {
    const err = await apiErrorOf(() => call(core, 'places.getCommunity', { id: 42 }))
    expect(err.code).toBe('NOT_FOUND')
  })
})

describe('searching communities', () => {
  it('matches part of the name and treats % and _ literally', async () => {
    for (const name of ['迎春社区', '百分%社区', '下划_线社区', '下划A线社区']) {
      await call(core, 'places.saveCommunity', { name })
    }
    const names = async (query: string) => (await call(core, 'places.listCommunities', { query })).map((c) => c.name)
    expect(await names('迎春')).toEqual(['迎春社区'])
    expect(await names('%')).toEqual(['百分%社区'])
    expect(await names('_')).toEqual(['下划_线社区'])
    expect(await names('划_线')).toEqual(['下划_线社区'])
    expect(await names('社区')).toHaveLength(4)
    expect(await names('  ')).toHaveLength(4)
    expect(await names('不存在')).toEqual([])
  })
})

describe('archiving communities', () => {
  it('is refused while active compounds remain, allowed once they are archived', async () => {
    const community = await call(core, 'places.saveCommunity', { name: '红光社区' })
    const compound = await call(core, 'places.saveCompound', {
      communityId: community.id,
      name: '桂北小区',
      kind: 'three_no',
      management: 'none',
    })
    expect((await call(core, 'places.getCommunity', { id: community.id })).compoundCount).toBe(1)

    const refused = await apiErrorOf(() => call(core, 'places.archiveCommunity', { id: community.id, archived: true }))
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toContain('1个在用小区')
    expect((await call(core, 'places.getCommunity', { id: community.id })).archivedAt).toBeNull()

    await call(core, 'places.archiveCompound', { id: compound.id, archived: true })
    const archived = await call(core, 'places.archiveCommunity', { id: community.id, archived: true })
    expect(archived.archivedAt).toBe(fixedNow.toISOString())
    expect(archived.compoundCount).toBe(0)
    expect(archived.version).toBe(community.version + 1)
  })

  it('hides archived communities unless includeArchived, and restores them', async () => {
    const kept = await call(core, 'places.saveCommunity', { name: '迎春社区' })
    const gone = await call(core, 'places.saveCommunity', { name: '东街社区' })
    await call(core, 'places.archiveCommunity', { id: gone.id, archived: true })

    expect((await call(core, 'places.listCommunities', {})).map((c) => c.id)).toEqual([kept.id])
    const all = await call(core, 'places.listCommunities', { includeArchived: true })
    expect(all.map((c) => c.id)).toEqual([kept.id, gone.id])
    expect(await call(core, 'places.listCommunities', { query: '东街' })).toEqual([])

    const restored = await call(core, 'places.archiveCommunity', { id: gone.id, archived: false })
    expect(restored.archivedAt).toBeNull()
    expect((await call(core, 'places.listCommunities', {})).map((c) => c.id)).toEqual([kept.id, gone.id])
  })
})
