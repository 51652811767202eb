/** notices.list: search by 文号 or title, filter by status and community, newest first, paged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { MethodInput } from '../../shared/api/contract'
import { call, openTestCore } from '../fixtures/core'
import { noticeInput, seedPlaces, type Places } from '../fixtures/notices'

type ListInput = MethodInput<'notices.list'>

let core: Core
let places: Places
const ids: Record<string, number> = {}

// One data set for every read-only query below.
beforeAll(async () => {
  core = await openTestCore()
  places = await seedPlaces(core)
  const save = async (key: string, communityId: number, title: string, issuedOn: string) => {
    ids[key] = (await call(core, 'notices.save', noticeInput(communityId, { title, issuedOn }))).id
  }
  await save('water', places.yingchun, '关于临时停水的通知', '2026-01-05') // 迎春社区〔2026〕1号
  await save('fire', places.yingchun, '关于加强消防安全的提示', '2026-02-01') // 2号
  await save('fraud', places.yingchun, '关于防范电信网络诈骗的提醒', '2026-03-01') // 3号
  await save('meeting', places.hongguang, '关于召开居民会议的通知', '2026-02-15') // 红光社区〔2026〕1号
  await save('percent', places.hongguang, '100%_完成整治', '2026-02-20') // 红光社区〔2026〕2号
  for (let i = 1; i <= 9; i++) await save(`bulk${i}`, places.hongguang, `环境整治第${i}期`, `2025-06-0${i}`)
  await call(core, 'notices.publish', { id: ids.fire!, version: 1 })
  await call(core, 'notices.publish', { id: ids.meeting!, version: 1 })
  await call(core, 'notices.archive', { id: ids.water!, archived: true })
})
afterAll(async () => {
  await core.close()
})

function list(input: ListInput) {
  return call(core, 'notices.list', input)
}
async function titles(input: ListInput): Promise<string[]> {
  return (await list(input)).items.map((n) => n.title)
}

describe('search', () => {
  it('finds by 文号', async () => {
    expect(await titles({ query: '迎春社区〔2026〕2号' })).toEqual(['关于加强消防安全的提示'])
    expect(await titles({ query: '红光社区〔2025〕' })).toHaveLength(9)
  })

  it('finds by a piece of the title', async () => {
    expect(await titles({ query: '电信网络' })).toEqual(['关于防范电信网络诈骗的提醒'])
    expect(await titles({ query: '不存在的标题' })).toEqual([])
  })

  it('treats % and _ as plain characters', async () => {
    expect(await titles({ query: '100%_' })).toEqual(['100%_完成整治'])
    expect(await titles({ query: '%' })).toEqual(['100%_完成整治'])
  })
})

describe('filters', () => {
  it('by status', async () => {
    expect((await titles({ status: 'published' })).sort()).toEqual(
      ['关于加强消防安全的提示', '关于召开居民会议的通知'].sort(),
    )
    expect(await titles({ status: 'archived' })).toEqual(['关于临时停水的通知'])
    expect((await list({ status: 'draft' })).total).toBe(11)
  })

  it('by community, combined with status and search', async () => {
    expect(await titles({ communityId: places.yingchun })).toEqual([
      '关于防范电信网络诈骗的提醒',
      '关于加强消防安全的提示',
      '关于临时停水的通知',
    ])
    expect(await titles({ communityId: places.yingchun, status: 'published' })).toEqual(['关于加强消防安全的提示'])
    expect(await titles({ communityId: places.hongguang, query: '消防' })).toEqual([])
  })

  it('list summaries carry no body', async () => {
    const first = (await list({ query: '诈骗' })).items[0]
    expect(first).toBeDefined()
    expect(first).not.toHaveProperty('body')
    expect(first?.docNumber).toBe('迎春社区〔2026〕3号')
  })
})

describe('paging', () => {
  it('orders newest first and pages through everything once', async () => {
    const seen: string[] = []
    for (let page = 1; page <= 3; page++) {
      const result = await list({ page, pageSize: 5 })
      expect(result.total).toBe(14)
      expect(result.page).toBe(page)
      expect(result.pageSize).toBe(5)
      seen.push(...result.items.map((n) => n.title))
    }
    expect(seen).toHaveLength(14)
    expect(new Set(seen).size).toBe(14)
    expect(seen[0]).toBe('关于防范电信网络诈骗的提醒')
    expect(seen.slice(5, 7)).toEqual(['环境整治第9期', '环境整治第8期'])
    expect(seen.at(-1)).toBe('环境整治第1期')
    expect((await list({ page: 4, pageSize: 5 })).items).toEqual([])
  })
})
