/** 通知公告 through the real API door: editing, publishing, copying, archiving, audience and body checks. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { BodyBlock } from '../../shared/api/notices'
import { apiErrorOf, call, countRows, fixedNow, openTestCore } from '../fixtures/core'
import { noticeInput, sampleBody, seedPlaces, type Places } from '../fixtures/notices'

let core: Core
let places: Places

beforeEach(async () => {
  core = await openTestCore()
  places = await seedPlaces(core)
})
afterEach(async () => {
  await core.close()
})

describe('a new notice', () => {
  it('is a draft stamped with the fixed clock, its compounds in the order chosen', async () => {
    const saved = await call(
      core,
      'notices.save',
      noticeInput(places.yingchun, {
        audience: 'compounds',
        compoundIds: [places.shangyeju, places.xingfu, places.shangyeju],
        contact: '王秀英 13800000001',
        attachmentsNote: '停水范围图\n施工单位联系方式',
      }),
    )
    expect(saved).toMatchObject({
      status: 'draft',
      communityName: '迎春社区',
      audience: 'compounds',
      compounds: [
        { id: places.shangyeju, name: '商业局小区' },
        { id: places.xingfu, name: '幸福小区' },
      ],
      body: sampleBody,
      attachmentsNote: '停水范围图\n施工单位联系方式',
      contact: '王秀英 13800000001',
      postingLocation: null,
      publishedAt: null,
      archivedAt: null,
      createdAt: fixedNow.toISOString(),
      version: 1,
    })
    expect(await call(core, 'notices.get', { id: saved.id })).toEqual(saved)
  })

  it('for the whole community drops any compounds sent along', async () => {
    const saved = await call(core, 'notices.save', noticeInput(places.yingchun, { compoundIds: [places.xingfu] }))
    expect(saved.compounds).toEqual([])
    expect(await countRows(core, 'notice_compounds')).toBe(0)
  })
})

describe('audience', () => {
  it("'compounds' needs at least one compound", async () => {
    const err = await apiErrorOf(() =>
      call(core, 'notices.save', noticeInput(places.yingchun, { audience: 'compounds', compoundIds: [] })),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.field).toBe('compoundIds')
    expect(await countRows(core, 'notices')).toBe(0)
  })

  it('refuses compounds of another community, or ones that do not exist', async () => {
    for (const compoundIds of [[places.xingfu, places.hongguangYuan], [999]]) {
      const err = await apiErrorOf(() =>
        call(core, 'notices.save', noticeInput(places.yingchun, { audience: 'compounds', compoundIds })),
      )
      expect(err.code).toBe('VALIDATION')
      expect(err.field).toBe('compoundIds')
    }
    expect(await countRows(core, 'notices')).toBe(0)
  })
})

describe('body', () => {
  it('is stored verbatim: markup stays text, a 5000-character paragraph fits', async () => {
    const body: BodyBlock[] = [
      { type: 'paragraph', text: '<script>alert(1)</script><b>{{ constructor }}</b>', bold: false },
      { type: 'item', text: '长'.repeat(5000), bold: true },
      { type: 'paragraph', text: '  前后空格保留  ', bold: false },
    ]
    const saved = await call(core, 'notices.save', noticeInput(places.yingchun, { body }))
    expect(saved.body).toEqual(body)
    expect((await call(core, 'notices.get', { id: saved.id })).body).toEqual(body)
  })

  it('refuses a 5001-character paragraph in Chinese', async () => {
    const body: BodyBlock[] = [{ type: 'paragraph', text: '长'.repeat(5001), bold: false }]
    const err = await apiErrorOf(() => call(core, 'notices.save', noticeInput(places.yingchun, { body })))
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toBe('单个段落不能超过5000个字，请分成几段')
    expect(err.field).toBe('body.0.text')
    expect(await countRows(core, 'notices')).toBe(0)
  })

  it('must say something', async () => {
    const body: BodyBlock[] = [{ type: 'paragraph', text: '   ', bold: false }]
    const err = await apiErrorOf(() => call(core, 'notices.save', noticeInput(places.yingchun, { body })))
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toBe('请填写正文')
  })
})

describe('editing a draft', () => {
  it('with a stale version is refused and changes nothing', async () => {
    const draft = await call(core, 'notices.save', noticeInput(places.yingchun))
    const edit = { ...noticeInput(places.yingchun), id: draft.id }
    const newer = await call(core, 'notices.save', { ...edit, title: '第一次修改', version: draft.version })
    expect(newer.version).toBe(2)

    const err = await apiErrorOf(() =>
      call(core, 'notices.save', { ...edit, title: '过期的修改', version: draft.version }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(await call(core, 'notices.get', { id: draft.id })).toEqual(newer)
  })

  it('of a notice that does not exist is NOT_FOUND', async () => {
    const err = await apiErrorOf(() =>
      call(core, 'notices.save', { ...noticeInput(places.yingchun), id: 999, version: 1 }),
    )
    expect(err.code).toBe('NOT_FOUND')
  })
})

describe('publishing', () => {
  it('locks the notice: a later save is refused and the row is unchanged', async () => {
    const draft = await call(core, 'notices.save', noticeInput(places.yingchun))
    const published = await call(core, 'notices.publish', { id: draft.id, version: draft.version })
    expect(published.status).toBe('published')
    expect(published.publishedAt).toBe(fixedNow.toISOString())

    const err = await apiErrorOf(() =>
      call(core, 'notices.save', {
        ...noticeInput(places.yingchun, { title: '发布后偷偷改' }),
        id: draft.id,
        version: published.version,
      }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('复制')
    expect(await call(core, 'notices.get', { id: draft.id })).toEqual(published)
  })

  it('happens once, and only from the version the clerk saw', async () => {
    const draft = await call(core, 'notices.save', noticeInput(places.yingchun))
    await call(core, 'notices.save', { ...noticeInput(places.yingchun), id: draft.id, version: draft.version })
    const stale = await apiErrorOf(() => call(core, 'notices.publish', { id: draft.id, version: draft.version }))
    expect(stale.code).toBe('CONFLICT')
    expect((await call(core, 'notices.get', { id: draft.id })).status).toBe('draft')

    const published = await call(core, 'notices.publish', { id: draft.id, version: 2 })
    const again = await apiErrorOf(() => call(core, 'notices.publish', { id: draft.id, version: published.version }))
    expect(again.code).toBe('CONFLICT')
  })
})

describe('copying', () => {
  it('makes a new draft with a new 文号 and the same body and audience', async () => {
    const source = await call(
      core,
      'notices.save',
      noticeInput(places.yingchun, { audience: 'compounds', compoundIds: [places.xingfu], issuedOn: '2026-02-10' }),
    )
    const published = await call(core, 'notices.publish', { id: source.id, version: source.version })
    const copy = await call(core, 'notices.copy', { id: source.id })
    expect(copy.id).not.toBe(source.id)
    expect(copy.status).toBe('draft')
    expect(copy.publishedAt).toBeNull()
    expect(copy.docNumber).toBe('迎春社区〔2026〕2号')
    expect(copy.body).toEqual(source.body)
    expect(copy.title).toBe(source.title)
    expect(copy.compounds).toEqual(source.compounds)
    expect(copy.version).toBe(1)
    expect(await call(core, 'notices.get', { id: source.id })).toEqual(published)
  })

  it('of a missing notice is NOT_FOUND', async () => {
    expect((await apiErrorOf(() => call(core, 'notices.copy', { id: 999 }))).code).toBe('NOT_FOUND')
  })
})

describe('archiving', () => {
  it('hides a published notice and restoring brings it back as published', async () => {
    const draft = await call(core, 'notices.save', noticeInput(places.yingchun))
    const published = await call(core, 'notices.publish', { id: draft.id, version: draft.version })
    const archived = await call(core, 'notices.archive', { id: draft.id, archived: true })
    expect(archived.status).toBe('archived')
    expect(archived.archivedAt).toBe(fixedNow.toISOString())
    expect(archived.version).toBe(published.version + 1)

    const restored = await call(core, 'notices.archive', { id: draft.id, archived: false })
    expect(restored.status).toBe('published')
    expect(restored.archivedAt).toBeNull()
    expect(restored.publishedAt).toBe(published.publishedAt)
  })

  it('of a never-published draft restores it as a draft, still editable', async () => {
    const draft = await call(core, 'notices.save', noticeInput(places.yingchun))
    await call(core, 'notices.archive', { id: draft.id, archived: true })
    const archivedEdit = await apiErrorOf(() =>
      call(core, 'notices.save', { ...noticeInput(places.yingchun), id: draft.id, version: 2 }),
    )
    expect(archivedEdit.code).toBe('CONFLICT')

    const restored = await call(core, 'notices.archive', { id: draft.id, archived: false })
    expect(restored.status).toBe('draft')
    const edited = await call(core, 'notices.save', {
      ...noticeInput(places.yingchun, { title: '恢复后修改' }),
      id: draft.id,
      version: restored.version,
    })
    expect(edited.title).toBe('恢复后修改')
  })
})
