/**
 * 居民公约 registry through the real API on SQLite: creating (scope rules, one
 * live convention per compound and per community), lists and filters,
 * coverage figures, comparison across versions, penalty hints and their
 * dismissal, photos of the posted copy, vote rules, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { ConventionActInput, ConventionDetail } from '../../shared/api/conventions'
import type { MethodInput } from '../../shared/api/contract'
import { defaultVoteRules } from '../../shared/conventions/voteRules'
import { apiErrorOf, call, countRows, openTestCore } from '../fixtures/core'
import { withRole } from '../fixtures/intake'
import { createAccount, setUpAdmin, signIn, staffOf } from '../fixtures/accounts'

let core: Core
let west: number
let east: number
const compounds: Record<string, number> = {}

type Act = ConventionActInput extends infer T ? (T extends unknown ? Omit<T, 'id' | 'version'> : never) : never

function act(d: ConventionDetail, step: Act): Promise<ConventionDetail> {
  return call(core, 'conventions.act', { ...step, id: d.id, version: d.version } as MethodInput<'conventions.act'>)
}

async function compound(communityId: number, name: string, kind: 'old' | 'three_no' | 'commercial'): Promise<number> {
  const c = await call(core, 'places.saveCompound', { communityId, name, kind, management: 'none' })
  compounds[name] = c.id
  return c.id
}

function create(communityId: number, compoundId: number | null, title: string) {
  return call(core, 'conventions.create', {
    scope: compoundId === null ? 'community' : 'compound',
    communityId,
    compoundId,
    title,
  })
}

/** Takes a new convention through to 在施行 with these article texts. */
async function adopt(d: ConventionDetail, texts: string[]): Promise<ConventionDetail> {
  d = await call(core, 'conventions.saveArticles', {
    id: d.id,
    version: d.version,
    articles: texts.map((text) => ({ chapter: null, text })),
  })
  d = await act(d, { action: 'start_draft' })
  d = await act(d, { action: 'submit_review' })
  d = await act(d, { action: 'review', unit: '桂溪街道', reviewedOn: '2026-02-01', opinion: '同意', result: 'passed' })
  return act(d, {
    action: 'vote',
    meetingKind: 'residents',
    heldOn: '2026-02-10',
    place: '活动室',
    entitled: 100,
    present: 80,
    womenPresent: 40,
    inFavour: 70,
    against: 5,
    abstain: 5,
  })
}

beforeAll(async () => {
  core = await openTestCore()
  west = (await call(core, 'places.saveCommunity', { name: '西街社区' })).id
  east = (await call(core, 'places.saveCommunity', { name: '东街社区' })).id
  await compound(west, '商业局小区', 'old')
  await compound(west, '桂北小区', 'three_no')
  await compound(west, '西街花园', 'commercial')
  await compound(west, '拆迁片区', 'old')
  await compound(east, '东街老院子', 'three_no')
  // An archived compound does not count towards coverage.
  const archived = await compound(west, '已拆除小区', 'old')
  await call(core, 'places.archiveCompound', { id: archived, archived: true })
})
afterAll(async () => {
  await core.close()
})

describe('creating a convention', () => {
  it('refuses a compound for a community convention, and a missing or foreign compound for a compound one', async () => {
    const withCompound = await apiErrorOf(() =>
      call(core, 'conventions.create', {
        scope: 'community',
        communityId: west,
        compoundId: compounds['商业局小区'],
        title: '西街社区居民公约',
      }),
    )
    expect(withCompound).toMatchObject({ code: 'VALIDATION', field: 'compoundId' })
    const missing = await apiErrorOf(() =>
      call(core, 'conventions.create', { scope: 'compound', communityId: west, title: '某小区公约' }),
    )
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'compoundId', message: '请选择小区公约所属的小区' })
    const foreign = await apiErrorOf(() => create(east, compounds['西街花园']!, '西街花园公约'))
    expect(foreign).toMatchObject({
      code: 'VALIDATION',
      field: 'compoundId',
      message: '所选小区不属于所选社区，请重新选择',
    })
    const noCommunity = await apiErrorOf(() => create(999, null, '不存在的社区公约'))
    expect(noCommunity).toMatchObject({ code: 'VALIDATION', field: 'communityId' })
  })

  it('allows one live convention per compound and one per community, naming the existing one', async () => {
    await create(west, compounds['西街花园']!, '西街花园公约')
    const before = await countRows(core, 'conventions')
    const again = await apiErrorOf(() => create(west, compounds['西街花园']!, '西街花园第二公约'))
    expect(again).toMatchObject({ code: 'VALIDATION', field: 'compoundId' })
    expect(again.message).toBe('该小区已有《西街花园公约》（制定中），请修订现有公约；如需另立新约，请先将其废止')
    const first = await create(west, null, '西街社区居民公约')
    const second = await apiErrorOf(() => create(west, null, '西街社区文明公约'))
    expect(second).toMatchObject({ code: 'VALIDATION', field: 'communityId' })
    expect(second.message).toBe('该社区已有《西街社区居民公约》（制定中），请修订现有公约；如需另立新约，请先将其废止')
    expect(await countRows(core, 'conventions')).toBe(before + 1)
    expect(first).toMatchObject({ scope: 'community', compoundId: null, compoundName: null, communityName: '西街社区' })
  })

  it('allows a new convention once the old one is repealed', async () => {
    const old = await create(west, compounds['拆迁片区']!, '拆迁片区公约')
    await act(old, { action: 'repeal', repealedOn: '2026-02-01', reason: '重新制定' })
    const fresh = await create(west, compounds['拆迁片区']!, '拆迁片区居民公约')
    expect(fresh.status).toBe('drafting')
  })
})

// Created in the describe above: 西街花园公约, 西街社区居民公约 (drafting), 拆迁片区公约 (repealed), 拆迁片区居民公约 (drafting).
describe('coverage, lists and comparison', () => {
  let shangye: ConventionDetail

  beforeAll(async () => {
    shangye = await adopt(await create(west, compounds['商业局小区']!, '商业局小区居民公约'), [
      '机动车在划定区域停放，不准乱停放，确保道路通畅。',
      '楼道内不得堆放杂物。',
    ])
    await adopt(await create(east, compounds['东街老院子']!, '东街老院子公约'), ['邻里互助。'])
  })

  it('counts covered compounds per community, lists the uncovered with their kind, and flags the community convention', async () => {
    let rows = await call(core, 'conventions.coverage', {})
    const westRow = rows.find((r) => r.communityId === west)!
    expect(westRow).toMatchObject({
      communityName: '西街社区',
      communityConvention: false,
      compounds: 4,
      covered: 1,
      percent: 25,
    })
    expect(westRow.uncovered.map((u) => [u.name, u.kind])).toEqual([
      ['桂北小区', 'three_no'],
      ['西街花园', 'commercial'],
      ['拆迁片区', 'old'],
    ])
    expect(rows.find((r) => r.communityId === east)).toMatchObject({
      compounds: 1,
      covered: 1,
      percent: 100,
      uncovered: [],
    })

    const community = (await call(core, 'conventions.list', { communityId: west, query: '西街社区居民公约' })).items[0]!
    await adopt(await call(core, 'conventions.get', { id: community.id }), ['本公约适用于西街社区全体居民。'])
    rows = await call(core, 'conventions.coverage', { communityId: west })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ communityConvention: true, covered: 1, compounds: 4 })
  })

  it('gives one decimal and 0 for a community without compounds', async () => {
    const third = (await call(core, 'places.saveCommunity', { name: '南街社区' })).id
    for (const name of ['南一', '南二', '南三']) await compound(third, name, 'old')
    const nanyi = await create(third, compounds['南一']!, '南一公约')
    await adopt(nanyi, ['爱护公共设施。'])
    expect((await call(core, 'conventions.coverage', { communityId: third }))[0]).toMatchObject({
      covered: 1,
      percent: 33.3,
    })
    const empty = (await call(core, 'places.saveCommunity', { name: '空社区' })).id
    expect((await call(core, 'conventions.coverage', { communityId: empty }))[0]).toMatchObject({
      compounds: 0,
      covered: 0,
      percent: 0,
      uncovered: [],
    })
  })

  it('filters the list by community, compound, status, stage and text', async () => {
    const all = await call(core, 'conventions.list', { pageSize: 100 })
    expect(all.total).toBe(all.items.length)
    const titles = (items: { title: string }[]) => items.map((i) => i.title)
    expect(titles((await call(core, 'conventions.list', { communityId: east })).items)).toEqual(['东街老院子公约'])
    expect(titles((await call(core, 'conventions.list', { compoundId: compounds['商业局小区'] })).items)).toEqual([
      '商业局小区居民公约',
    ])
    expect(titles((await call(core, 'conventions.list', { status: 'repealed' })).items)).toEqual(['拆迁片区公约'])
    expect(titles((await call(core, 'conventions.list', { stage: 'collecting', communityId: west })).items)).toEqual([
      '拆迁片区居民公约',
      '西街花园公约',
    ])
    expect(titles((await call(core, 'conventions.list', { query: '老院子' })).items)).toEqual(['东街老院子公约'])
    // The 社区居民公约 heads its community.
    expect(titles((await call(core, 'conventions.list', { communityId: west, status: 'in_force' })).items)[0]).toBe(
      '西街社区居民公约',
    )
    const page = await call(core, 'conventions.list', { page: 2, pageSize: 2 })
    expect(page.items).toHaveLength(2)
    expect(page.total).toBe(all.total)
  })

  it('compares two versions of one convention and refuses versions of two', async () => {
    let d = await act(shangye, { action: 'revise' })
    d = await call(core, 'conventions.saveArticles', {
      id: d.id,
      version: d.version,
      articles: [{ chapter: null, text: '机动车、电动车在划定区域停放，不准乱停放，确保道路通畅。' }],
    })
    const cmp = await call(core, 'conventions.compare', { fromVersionId: d.current!.id, toVersionId: d.working!.id })
    expect(cmp.from).toMatchObject({ number: 1, articleCount: 2 })
    expect(cmp.to).toMatchObject({ number: 2, articleCount: 1 })
    expect(cmp.articles.map((a) => a.kind)).toEqual(['changed', 'removed'])
    expect(cmp.articles[0]!.parts).toContainEqual({ text: '、电动车', change: 'added' })
    const other = (await call(core, 'conventions.list', { query: '东街老院子' })).items[0]!
    const err = await apiErrorOf(() =>
      call(core, 'conventions.compare', { fromVersionId: d.current!.id, toVersionId: other.currentVersion!.id }),
    )
    expect(err).toMatchObject({ code: 'VALIDATION', message: '只能比较同一公约的两个版本' })
  })
})

describe('penalty hints', () => {
  it('flags 罚款 for the reviewer, records a dismissal with reason, and flags again when the text changes', async () => {
    await compound(west, '罚款测试小区', 'old')
    let d = await create(west, compounds['罚款测试小区']!, '罚款测试公约')
    d = await call(core, 'conventions.saveArticles', {
      id: d.id,
      version: d.version,
      articles: [
        { chapter: null, text: '不得在楼道堆放杂物。' },
        { chapter: null, text: '不清理宠物粪便的，每次罚款50元。' },
      ],
    })
    expect(d.working!.flags).toEqual([
      expect.objectContaining({
        numberText: '第二条',
        phrase: '罚款',
        dismissed: null,
        hint: expect.stringContaining('公约可以表扬和批评'),
      }),
    ])
    const articleId = d.working!.flags[0]!.articleId

    const wrong = await apiErrorOf(() => act(d, { action: 'dismiss_flag', articleId, phrase: '没收', reason: '无' }))
    expect(wrong).toMatchObject({ code: 'VALIDATION', field: 'phrase' })

    d = await act(d, {
      action: 'dismiss_flag',
      articleId,
      phrase: '罚款',
      reason: '居民会议坚持保留，报街道审核时说明',
    })
    expect(d.working!.flags[0]!.dismissed).toEqual({
      reason: '居民会议坚持保留，报街道审核时说明',
      staffName: '本机管理员',
      at: '2026-03-01T09:00:00.000Z',
    })
    expect(d.working!.history.at(-1)).toMatchObject({ action: '处理条文提示' })
    const twice = await apiErrorOf(() =>
      act(d, { action: 'dismiss_flag', articleId, phrase: '罚款', reason: '再说一次' }),
    )
    expect(twice.code).toBe('CONFLICT')

    // Saving the same wording again keeps the dismissal; new wording is looked at afresh.
    d = await call(core, 'conventions.saveArticles', {
      id: d.id,
      version: d.version,
      articles: [
        { chapter: null, text: '不清理宠物粪便的，每次罚款50元。' },
        { chapter: null, text: '乱停车辆由物业扣押。' },
      ],
    })
    expect(d.working!.flags.map((f) => [f.numberText, f.phrase, f.dismissed !== null])).toEqual([
      ['第一条', '罚款', true],
      ['第二条', '扣押', false],
    ])
    d = await call(core, 'conventions.saveArticles', {
      id: d.id,
      version: d.version,
      articles: [{ chapter: null, text: '不清理宠物粪便的，罚款100元。' }],
    })
    expect(d.working!.flags.map((f) => f.dismissed)).toEqual([null])
  })
})

describe('photos of the posted copy', () => {
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]).toString('base64')
  let posted: ConventionDetail

  beforeAll(async () => {
    await compound(west, '照片测试小区', 'old')
    posted = await adopt(await create(west, compounds['照片测试小区']!, '照片测试公约'), ['爱护绿化。'])
  })

  it('accepts PNG and JPEG by their bytes and gives them back', async () => {
    posted = await act(posted, {
      action: 'post',
      place: '小区大门公告栏',
      postedOn: '2026-02-15',
      photos: [
        { name: '公告栏.png', base64: png },
        { name: '门厅.jpg', base64: `data:image/jpeg;base64,${jpeg}` },
      ],
    })
    const [posting] = posted.current!.postings
    expect(posting!.photoIds).toHaveLength(2)
    const first = await call(core, 'conventions.getPhoto', { id: posting!.photoIds[0]! })
    expect(first).toEqual({ id: posting!.photoIds[0], name: '公告栏.png', mime: 'image/png', base64: png })
    const second = await call(core, 'conventions.getPhoto', { id: posting!.photoIds[1]! })
    expect(second).toMatchObject({ mime: 'image/jpeg', base64: jpeg })
  })

  it('refuses a text file renamed .png, at its place in the list, and stores nothing', async () => {
    const before = await countRows(core, 'convention_postings')
    const text = Buffer.from('这不是图片，只是改了扩展名').toString('base64')
    const err = await apiErrorOf(() =>
      act(posted, {
        action: 'post',
        place: '2栋门厅',
        postedOn: '2026-02-16',
        photos: [
          { name: 'ok.png', base64: png },
          { name: '假照片.png', base64: text },
        ],
      }),
    )
    expect(err).toMatchObject({
      code: 'VALIDATION',
      field: 'photos.1.base64',
      message: '“假照片.png”不是JPEG或PNG图片，请上传张贴现场的照片',
    })
    expect(await countRows(core, 'convention_postings')).toBe(before)
    expect(await countRows(core, 'convention_photos')).toBe(2)
  })

  it('refuses a photo over 3 MB and broken base64', async () => {
    const big = Buffer.alloc(3_000_001)
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const tooBig = await apiErrorOf(() =>
      act(posted, {
        action: 'post',
        place: '门厅',
        postedOn: '2026-02-16',
        photos: [{ name: '大.png', base64: big.toString('base64') }],
      }),
    )
    expect(tooBig).toMatchObject({ code: 'VALIDATION', field: 'photos.0.base64' })
    expect(tooBig.message).toContain('3 MB')
    const broken = await apiErrorOf(() =>
      act(posted, {
        action: 'post',
        place: '门厅',
        postedOn: '2026-02-16',
        photos: [{ name: '坏.png', base64: '@@@@' }],
      }),
    )
    expect(broken).toMatchObject({ code: 'VALIDATION', field: 'photos.0.base64' })
  })

  it('refuses a missing photo id with NOT_FOUND', async () => {
    expect((await apiErrorOf(() => call(core, 'conventions.getPhoto', { id: 9999 }))).code).toBe('NOT_FOUND')
  })
})

describe('vote rules', () => {
  it('start at the default and refuse a share of 1 or more', async () => {
    expect(await call(core, 'conventions.getRules', {})).toEqual(defaultVoteRules)
    const err = await apiErrorOf(() =>
      call(core, 'conventions.saveRules', { ...defaultVoteRules, passNumerator: 2, passDenominator: 2 }),
    )
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'passNumerator', message: '通过比例应小于1' })
    expect(await call(core, 'conventions.getRules', {})).toEqual(defaultVoteRules)
  })
})

describe('who may keep the registry', () => {
  it('lets 前台接待 and 调解员 write, refuses 领导查询 writes and everyone but 管理员 the rules', async () => {
    await compound(west, '权限测试小区', 'old')
    const frontDesk = withRole('front_desk')
    const d = await call(
      core,
      'conventions.create',
      { scope: 'compound', communityId: west, compoundId: compounds['权限测试小区'], title: '权限测试公约' },
      frontDesk,
    )
    const renamed = await call(
      core,
      'conventions.rename',
      { id: d.id, version: d.version, title: '权限测试居民公约' },
      withRole('mediator'),
    )
    expect(renamed.title).toBe('权限测试居民公约')
    const viewer = withRole('viewer')
    expect((await call(core, 'conventions.get', { id: d.id }, viewer)).title).toBe('权限测试居民公约')
    const refused = await apiErrorOf(() =>
      call(core, 'conventions.rename', { id: d.id, version: renamed.version, title: '领导改的名' }, viewer),
    )
    expect(refused.code).toBe('FORBIDDEN')
    for (const role of ['front_desk', 'mediator', 'viewer'] as const) {
      const err = await apiErrorOf(() => call(core, 'conventions.saveRules', defaultVoteRules, withRole(role)))
      expect(err.code, role).toBe('FORBIDDEN')
    }
    expect(await call(core, 'conventions.getRules', {}, viewer)).toEqual(defaultVoteRules)
  })

  it('refuses a signed-in 领导查询 account and anyone signed out', async () => {
    const other = await openTestCore()
    try {
      const admin = await setUpAdmin(other)
      await createAccount(other, admin.ctx, staffOf.viewer)
      const viewer = await signIn(other, staffOf.viewer.login, staffOf.viewer.password)
      const community = (await call(other, 'places.saveCommunity', { name: '迎春社区' }, admin.ctx)).id
      const d = await call(
        other,
        'conventions.create',
        { scope: 'community', communityId: community, title: '迎春社区居民公约' },
        admin.ctx,
      )
      expect((await call(other, 'conventions.list', {}, viewer.ctx)).total).toBe(1)
      const err = await apiErrorOf(() =>
        call(other, 'conventions.act', { action: 'start_draft', id: d.id, version: d.version }, viewer.ctx),
      )
      expect(err.code).toBe('FORBIDDEN')
      const anon = await apiErrorOf(() => call(other, 'conventions.list', {}, { staff: null, clock: viewer.ctx.clock }))
      expect(anon.code).toBe('UNAUTHENTICATED')
      expect((await call(other, 'conventions.get', { id: d.id }, admin.ctx)).working!.history[0]!.staffName).toBe(
        '张敏',
      )
    } finally {
      await other.close()
    }
  })
})
