/** 文号: automatic per community and year, hand-edited ones keep the sequence moving, duplicates refused. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { apiErrorOf, call, countRows, openTestCore } from '../fixtures/core'
import { noticeInput, seedPlaces, type Places } from '../fixtures/notices'

let core: Core
let places: Places

beforeEach(async () => {
  core = await openTestCore()
  places = await seedPlaces(core)
})
afterEach(async () => {
  await core.close()
})

async function autoNumber(communityId: number, issuedOn = '2026-03-01'): Promise<string> {
  return (await call(core, 'notices.save', noticeInput(communityId, { issuedOn }))).docNumber
}

describe('automatic 文号', () => {
  it('counts per community and year, restarting each year', async () => {
    expect(await autoNumber(places.yingchun)).toBe('迎春社区〔2026〕1号')
    expect(await autoNumber(places.yingchun, '2026-06-30')).toBe('迎春社区〔2026〕2号')
    expect(await autoNumber(places.hongguang)).toBe('红光社区〔2026〕1号')
    expect(await autoNumber(places.yingchun, '2027-01-04')).toBe('迎春社区〔2027〕1号')
    expect(await autoNumber(places.yingchun, '2026-12-31')).toBe('迎春社区〔2026〕3号')
  })

  it('is what suggestDocNumber said it would be', async () => {
    await autoNumber(places.yingchun)
    const suggested = await call(core, 'notices.suggestDocNumber', { communityId: places.yingchun, year: 2026 })
    expect(suggested.docNumber).toBe('迎春社区〔2026〕2号')
    expect(await autoNumber(places.yingchun)).toBe(suggested.docNumber)
    expect((await call(core, 'notices.suggestDocNumber', { communityId: places.yingchun, year: 2030 })).docNumber).toBe(
      '迎春社区〔2030〕1号',
    )
  })

  it('is kept when a draft is edited without touching it', async () => {
    const draft = await call(core, 'notices.save', noticeInput(places.yingchun))
    await autoNumber(places.yingchun)
    const edited = await call(core, 'notices.save', {
      ...noticeInput(places.yingchun, { title: '关于临时停水的补充通知' }),
      id: draft.id,
      version: draft.version,
    })
    expect(edited.docNumber).toBe('迎春社区〔2026〕1号')
    expect(edited.title).toBe('关于临时停水的补充通知')
  })
})

describe('hand-edited 文号', () => {
  it('that follows the pattern moves the sequence past it', async () => {
    await autoNumber(places.yingchun)
    const typed = await call(
      core,
      'notices.save',
      noticeInput(places.yingchun, { docNumber: ' 迎春社区〔2026〕10号 ' }),
    )
    expect(typed.docNumber).toBe('迎春社区〔2026〕10号')
    expect(await autoNumber(places.yingchun)).toBe('迎春社区〔2026〕11号')
    expect(await autoNumber(places.hongguang)).toBe('红光社区〔2026〕1号')
  })

  it('may be free-form, and then does not move the sequence', async () => {
    const free = await call(core, 'notices.save', noticeInput(places.yingchun, { docNumber: '迎社发〔2026〕99号' }))
    expect(free.docNumber).toBe('迎社发〔2026〕99号')
    expect(await autoNumber(places.yingchun)).toBe('迎春社区〔2026〕1号')
  })

  it('that duplicates another notice’s is refused and nothing is written', async () => {
    const first = await call(core, 'notices.save', noticeInput(places.yingchun, { title: '关于清理楼道杂物的通知' }))
    const err = await apiErrorOf(() =>
      call(
        core,
        'notices.save',
        noticeInput(places.yingchun, {
          docNumber: first.docNumber,
          audience: 'compounds',
          compoundIds: [places.xingfu],
        }),
      ),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.field).toBe('docNumber')
    expect(err.message).toContain('关于清理楼道杂物的通知')
    expect(await countRows(core, 'notices')).toBe(1)
    expect(await countRows(core, 'notice_compounds')).toBe(0)
  })

  it('that duplicates another on edit leaves the edited draft as it was', async () => {
    const first = await call(core, 'notices.save', noticeInput(places.yingchun))
    const second = await call(core, 'notices.save', noticeInput(places.yingchun, { title: '第二则' }))
    const err = await apiErrorOf(() =>
      call(core, 'notices.save', {
        ...noticeInput(places.yingchun, { title: '改过的标题', docNumber: first.docNumber }),
        id: second.id,
        version: second.version,
      }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.field).toBe('docNumber')
    expect(await call(core, 'notices.get', { id: second.id })).toEqual(second)
  })
})

describe('automatic 文号 never collides with one already in use', () => {
  it('when a draft was re-dated to the next year keeping its 文号', async () => {
    const draft = await call(core, 'notices.save', noticeInput(places.yingchun, { issuedOn: '2026-12-30' }))
    // The editor sends the 文号 it shows back unchanged.
    await call(core, 'notices.save', {
      ...noticeInput(places.yingchun, { issuedOn: '2027-01-02', docNumber: draft.docNumber }),
      id: draft.id,
      version: draft.version,
    })
    const suggested = await call(core, 'notices.suggestDocNumber', { communityId: places.yingchun, year: 2026 })
    expect(suggested.docNumber).toBe('迎春社区〔2026〕2号')
    expect(await autoNumber(places.yingchun, '2026-12-31')).toBe('迎春社区〔2026〕2号')
  })

  it('when another community’s notice was given this community’s next 文号 by hand', async () => {
    await call(core, 'notices.save', noticeInput(places.hongguang, { docNumber: '迎春社区〔2026〕1号' }))
    expect(await autoNumber(places.yingchun)).toBe('迎春社区〔2026〕2号')
    expect(await autoNumber(places.yingchun)).toBe('迎春社区〔2026〕3号')
  })
})
