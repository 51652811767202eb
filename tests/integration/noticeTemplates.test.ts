/** 通知模板: the shipped six, starting a draft from one (placeholders, issuer, audience), editing templates. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { NoticeTemplate } from '../../shared/api/notices'
import { apiErrorOf, call, countRows, openTestCore } from '../fixtures/core'
import { sampleBody, seedPlaces, type Places } from '../fixtures/notices'

let core: Core
let places: Places

beforeEach(async () => {
  core = await openTestCore()
  places = await seedPlaces(core)
})
afterEach(async () => {
  await core.close()
})

async function template(name: string): Promise<NoticeTemplate> {
  const found = (await call(core, 'notices.listTemplates', {})).find((t) => t.name === name)
  if (!found) throw new Error(`template ${name} is not seeded`)
  return found
}

describe('seeded templates', () => {
  it('are the six the product ships with', async () => {
    const names = (await call(core, 'notices.listTemplates', {})).map((t) => t.name)
    expect(names).toEqual(['停水停电通知', '消防安全提示', '防范电信诈骗', '居民会议通知', '环境整治通知', '公约公示'])
  })

  it('each starts a valid draft that can be saved again unchanged', async () => {
    for (const t of await call(core, 'notices.listTemplates', {})) {
      const draft = await call(core, 'notices.fromTemplate', { templateId: t.id, communityId: places.yingchun })
      expect(draft.status).toBe('draft')
      const resaved = await call(core, 'notices.saveTemplate', { ...t })
      expect(resaved.version).toBe(t.version + 1)
    }
    expect(await countRows(core, 'notices')).toBe(6)
  })
})

describe('fromTemplate', () => {
  it('with one compound fills its name into title, body and attachments', async () => {
    const t = await template('公约公示')
    const draft = await call(core, 'notices.fromTemplate', {
      templateId: t.id,
      communityId: places.yingchun,
      compoundIds: [places.xingfu],
    })
    expect(draft.title).toBe('关于《幸福小区居民公约》的公示')
    expect(draft.body[0]?.text).toBe('《幸福小区居民公约》经征集意见、拟定草案、审核及居民会议表决通过，现予以公示。')
    expect(draft.body[2]?.text).toBe('公示期内，居民如有意见建议，可向迎春社区书面或当面反映。')
    expect(draft.body.map((b) => [b.type, b.bold])).toEqual(t.body.map((b) => [b.type, b.bold]))
    expect(draft.attachmentsNote).toBe('《幸福小区居民公约》')
    expect(draft.audience).toBe('compounds')
    expect(draft.compounds).toEqual([{ id: places.xingfu, name: '幸福小区' }])
    expect(draft.issuerName).toBe('迎春社区居民委员会')
    expect(draft.docNumber).toBe('迎春社区〔2026〕1号')
  })

  it('with several compounds keeps {{小区名称}} for each printed copy but fills {{社区名称}}', async () => {
    const t = await template('公约公示')
    const draft = await call(core, 'notices.fromTemplate', {
      templateId: t.id,
      communityId: places.yingchun,
      compoundIds: [places.xingfu, places.shangyeju],
    })
    expect(draft.title).toBe('关于《{{小区名称}}居民公约》的公示')
    expect(draft.body[0]?.text).toContain('{{小区名称}}')
    expect(draft.body[2]?.text).toBe('公示期内，居民如有意见建议，可向迎春社区书面或当面反映。')
    expect(draft.attachmentsNote).toBe('《{{小区名称}}居民公约》')
    expect(draft.audience).toBe('compounds')
    expect(draft.compounds.map((c) => c.name)).toEqual(['幸福小区', '商业局小区'])
  })

  it('without compounds addresses the whole community', async () => {
    const t = await template('消防安全提示')
    const draft = await call(core, 'notices.fromTemplate', { templateId: t.id, communityId: places.hongguang })
    expect(draft.audience).toBe('community')
    expect(draft.compounds).toEqual([])
    expect(draft.communityName).toBe('红光社区')
    expect(draft.issuerName).toBe('红光社区居民委员会')
    expect(draft.body.at(-1)?.text).toBe('红光社区将联合物业开展消防安全检查，请居民予以配合。')
    expect(draft.docNumber).toBe('红光社区〔2026〕1号')
  })

  it('refuses a compound of another community and writes nothing', async () => {
    const t = await template('停水停电通知')
    const err = await apiErrorOf(() =>
      call(core, 'notices.fromTemplate', {
        templateId: t.id,
        communityId: places.yingchun,
        compoundIds: [places.hongguangYuan],
      }),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.field).toBe('compoundIds')
    expect(await countRows(core, 'notices')).toBe(0)
  })

  it('answers NOT_FOUND for a missing template', async () => {
    const err = await apiErrorOf(() =>
      call(core, 'notices.fromTemplate', { templateId: 999, communityId: places.yingchun }),
    )
    expect(err.code).toBe('NOT_FOUND')
  })
})

describe('saveTemplate', () => {
  const input = { name: '协商结果公示', title: '关于{{小区名称}}协商结果的公示', body: sampleBody }

  it('creates and edits a template', async () => {
    const created = await call(core, 'notices.saveTemplate', input)
    expect(created).toMatchObject({ ...input, attachmentsNote: null, version: 1 })
    const edited = await call(core, 'notices.saveTemplate', {
      ...input,
      id: created.id,
      version: created.version,
      attachmentsNote: '协商会议记录',
    })
    expect(edited.attachmentsNote).toBe('协商会议记录')
    expect(edited.version).toBe(2)
    expect((await template('协商结果公示')).attachmentsNote).toBe('协商会议记录')
    expect(await countRows(core, 'notice_templates')).toBe(7)
  })

  it('refuses a name another template has', async () => {
    const err = await apiErrorOf(() => call(core, 'notices.saveTemplate', { ...input, name: '公约公示' }))
    expect(err.code).toBe('CONFLICT')
    expect(err.field).toBe('name')
    expect(await countRows(core, 'notice_templates')).toBe(6)

    const own = await call(core, 'notices.saveTemplate', input)
    const rename = await apiErrorOf(() =>
      call(core, 'notices.saveTemplate', { ...input, id: own.id, version: own.version, name: '停水停电通知' }),
    )
    expect(rename.code).toBe('CONFLICT')
    expect(rename.field).toBe('name')
  })

  it('refuses a stale version and keeps the newer text', async () => {
    const created = await call(core, 'notices.saveTemplate', input)
    const newer = await call(core, 'notices.saveTemplate', { ...input, id: created.id, version: 1, title: '新标题' })
    const err = await apiErrorOf(() =>
      call(core, 'notices.saveTemplate', { ...input, id: created.id, version: 1, title: '过期标题' }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(await template('协商结果公示')).toEqual(newer)
  })
})
