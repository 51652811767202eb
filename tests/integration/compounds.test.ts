/** 小区 through the real API door: uniqueness per community, 楼栋长, archived communities. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { SaveCompoundInput } from '../../shared/api/places'
import { apiErrorOf, call, countRows, openTestCore } from '../fixtures/core'

let core: Core
let yingchun: number
let hongguang: number

function compound(communityId: number, name: string, extra: Partial<SaveCompoundInput> = {}): SaveCompoundInput {
  return { communityId, name, kind: 'old', management: 'none', ...extra }
}

beforeEach(async () => {
  core = await openTestCore()
  yingchun = (await call(core, 'places.saveCommunity', { name: '迎春社区' })).id
  hongguang = (await call(core, 'places.saveCommunity', { name: '红光社区' })).id
})
afterEach(async () => {
  await core.close()
})

describe('compound names', () => {
  it('are unique within a community but may repeat in another', async () => {
    await call(core, 'places.saveCompound', compound(yingchun, '幸福小区'))
    const err = await apiErrorOf(() => call(core, 'places.saveCompound', compound(yingchun, '幸福小区')))
    expect(err.code).toBe('CONFLICT')
    expect(err.field).toBe('name')
    expect(await countRows(core, 'compounds')).toBe(1)

    const other = await call(core, 'places.saveCompound', compound(hongguang, '幸福小区'))
    expect(other.communityName).toBe('红光社区')
    expect(await countRows(core, 'compounds')).toBe(2)
  })
})

describe('building leaders', () => {
  it('are saved in the order given and replaced on edit', async () => {
    const leaders = [
      { building: '3栋', name: '陈桂芳', phone: '13800000003' },
      { building: '1栋', name: '王秀英', phone: '+86 138 0000 0001' },
      { building: '2栋', name: '刘建国' },
    ]
    const saved = await call(core, 'places.saveCompound', compound(yingchun, '商业局小区', { leaders }))
    expect(saved.leaders).toEqual([
      { building: '3栋', name: '陈桂芳', phone: '13800000003' },
      { building: '1栋', name: '王秀英', phone: '13800000001' },
      { building: '2栋', name: '刘建国', phone: null },
    ])

    const edited = await call(core, 'places.saveCompound', {
      ...compound(yingchun, '商业局小区'),
      id: saved.id,
      version: saved.version,
      leaders: [{ building: '5栋', name: '赵敏' }],
    })
    expect(edited.leaders).toEqual([{ building: '5栋', name: '赵敏', phone: null }])
    expect(edited.version).toBe(saved.version + 1)
    expect(await countRows(core, 'building_leaders')).toBe(1)
    expect((await call(core, 'places.getCompound', { id: saved.id })).leaders).toEqual(edited.leaders)
  })

  it('are left untouched when the edit is refused as stale', async () => {
    const saved = await call(
      core,
      'places.saveCompound',
      compound(yingchun, '商业局小区', { leaders: [{ building: '1栋', name: '王秀英' }] }),
    )
    await call(core, 'places.saveCompound', {
      ...compound(yingchun, '商业局小区'),
      id: saved.id,
      version: 1,
      leaders: [{ building: '1栋', name: '王秀英' }],
    })
    const err = await apiErrorOf(() =>
      call(core, 'places.saveCompound', { ...compound(yingchun, '商业局小区'), id: saved.id, version: 1, leaders: [] }),
    )
    expect(err.code).toBe('CONFLICT')
    expect((await call(core, 'places.getCompound', { id: saved.id })).leaders).toHaveLength(1)
  })
})

describe('archived communities', () => {
  it('take no new compounds, and no compound may move into them', async () => {
    const moving = await call(core, 'places.saveCompound', compound(yingchun, '迎春花园'))
    await call(core, 'places.archiveCommunity', { id: hongguang, archived: true })

    const created = await apiErrorOf(() => call(core, 'places.saveCompound', compound(hongguang, '新小区')))
    expect(created.code).toBe('VALIDATION')
    expect(created.field).toBe('communityId')

    const moved = await apiErrorOf(() =>
      call(core, 'places.saveCompound', { ...compound(hongguang, '迎春花园'), id: moving.id, version: moving.version }),
    )
    expect(moved.code).toBe('VALIDATION')
    expect(moved.field).toBe('communityId')
    const after = await call(core, 'places.getCompound', { id: moving.id })
    expect(after.communityId).toBe(yingchun)
    expect(after.version).toBe(moving.version)
  })

  it('keep their compounds archived until the community itself is restored', async () => {
    const kept = await call(core, 'places.saveCompound', compound(hongguang, '桂北小区'))
    const archived = await call(core, 'places.archiveCompound', { id: kept.id, archived: true })
    expect(archived.archivedAt).not.toBeNull()
    await call(core, 'places.archiveCommunity', { id: hongguang, archived: true })

    const err = await apiErrorOf(() => call(core, 'places.archiveCompound', { id: kept.id, archived: false }))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('红光社区')
    expect((await call(core, 'places.getCompound', { id: kept.id })).archivedAt).toBe(archived.archivedAt)

    await call(core, 'places.archiveCommunity', { id: hongguang, archived: false })
    const restored = await call(core, 'places.archiveCompound', { id: kept.id, archived: false })
    expect(restored.archivedAt).toBeNull()
  })

  it('refuse a compound pointing at a community that does not exist', async () => {
    const err = await apiErrorOf(() => call(core, 'places.saveCompound', compound(999, '无主小区')))
    expect(err.code).toBe('VALIDATION')
    expect(err.field).toBe('communityId')
    expect(await countRows(core, 'compounds')).toBe(0)
  })
})

describe('compound text', () => {
  it('is stored and read back verbatim, markup included', async () => {
    const name = '<script>alert(1)</script>'
    const notes = '第一行\n<b>第二行</b> & "引号"'
    const saved = await call(core, 'places.saveCompound', compound(yingchun, name, { notes }))
    const read = await call(core, 'places.getCompound', { id: saved.id })
    expect(read.name).toBe(name)
    expect(read.notes).toBe(notes)
  })

  it('drops the property company when nobody manages the compound', async () => {
    const saved = await call(
      core,
      'places.saveCompound',
      compound(yingchun, '小吃街片区', { propertyCompany: '某物业' }),
    )
    expect(saved.propertyCompany).toBeNull()
  })
})
