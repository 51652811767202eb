/**
 * 居民公约 life cycle through the real API on SQLite: 征集意见 → 草案 → 审核 →
 * 表决 → 备案 → 公布 → 修订 / 废止, each refusal out of order, votes at the
 * quorum and pass boundaries, refused counts that write nothing, adopted
 * versions that never change (service and trigger), and stale versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { ConventionActInput, ConventionDetail } from '../../shared/api/conventions'
import type { MethodInput } from '../../shared/api/contract'
import { defaultVoteRules } from '../../shared/conventions/voteRules'
import { verifyAuditTrail } from '../../electron/core/audit/trail'
import { apiErrorOf, call, countRows, openTestCore } from '../fixtures/core'

let core: Core
let communityId: number
let compoundSeq = 0

beforeAll(async () => {
  core = await openTestCore()
  communityId = (await call(core, 'places.saveCommunity', { name: '西街社区' })).id
})
afterAll(async () => {
  await core.close()
})

type Act = ConventionActInput extends infer T ? (T extends unknown ? Omit<T, 'id' | 'version'> : never) : never

function act(d: ConventionDetail, step: Act): Promise<ConventionDetail> {
  return call(core, 'conventions.act', { ...step, id: d.id, version: d.version } as MethodInput<'conventions.act'>)
}

const articles = [
  { chapter: '总则', text: '本小区居民应自觉遵守本公约。' },
  { chapter: null, text: '机动车在划定区域停放，不准乱停放，确保道路通畅。', tags: ['停车'] },
  { chapter: '环境卫生', text: '生活垃圾按时投放到指定垃圾桶，不得乱扔乱倒。', tags: ['环境卫生'] },
]

const reviewPassed: Act = {
  action: 'review',
  unit: '桂溪街道办事处',
  reviewedOn: '2026-02-10',
  opinion: '同意提交表决',
  legalOpinion: '条文合法',
  result: 'passed',
}

function vote(present: number, inFavour: number, entitled = 100, extra: Partial<Act> = {}): Act {
  return {
    action: 'vote',
    meetingKind: 'households',
    heldOn: '2026-02-20',
    place: '小区活动室',
    entitled,
    present,
    womenPresent: Math.min(present, 20),
    inFavour,
    against: 0,
    abstain: 0,
    ...extra,
  } as Act
}

async function newConvention(): Promise<ConventionDetail> {
  compoundSeq++
  const compound = await call(core, 'places.saveCompound', {
    communityId,
    name: `测试小区${compoundSeq}`,
    kind: 'old',
    management: 'none',
  })
  return call(core, 'conventions.create', {
    scope: 'compound',
    communityId,
    compoundId: compound.id,
    title: `测试小区${compoundSeq}居民公约`,
  })
}

/** A new convention whose version 1 is waiting for its vote. */
async function atVoting(): Promise<ConventionDetail> {
  let d = await newConvention()
  d = await call(core, 'conventions.saveArticles', { id: d.id, version: d.version, articles })
  d = await act(d, { action: 'start_draft' })
  d = await act(d, { action: 'submit_review' })
  return act(d, reviewPassed)
}

async function inForce(): Promise<ConventionDetail> {
  return act(await atVoting(), vote(80, 70))
}

describe('the whole life cycle', () => {
  it('goes 征集意见 → 草案 → 审核 → 表决 → 备案 → 公布, recording who did each step', async () => {
    let d = await newConvention()
    expect(d.status).toBe('drafting')
    expect(d.workingVersion).toMatchObject({ number: 1, stage: 'collecting', articleCount: 0 })
    expect(d.currentVersion).toBeNull()

    d = await call(core, 'conventions.saveOpinion', {
      conventionId: d.id,
      version: d.version,
      source: 'household',
      fromName: '2栋402户',
      receivedOn: '2026-01-05',
      content: '建议写上电动车不进楼道',
    })
    const opinionId = d.working!.opinions[0]!.id
    d = await call(core, 'conventions.saveOpinion', {
      conventionId: d.id,
      version: d.version,
      id: opinionId,
      source: 'household',
      fromName: '2栋402户',
      receivedOn: '2026-01-05',
      content: '建议写上电动车不进楼道',
      adopted: true,
      reply: '已采纳',
    })
    expect(d.working!.opinions).toEqual([
      expect.objectContaining({ id: opinionId, adopted: true, reply: '已采纳', source: 'household' }),
    ])

    d = await call(core, 'conventions.saveArticles', { id: d.id, version: d.version, articles })
    expect(d.working!.articles.map((a) => [a.numberText, a.chapterNumberText, a.chapter])).toEqual([
      ['第一条', '第一章', '总则'],
      ['第二条', null, null],
      ['第三条', '第二章', '环境卫生'],
    ])
    expect(d.working!.articles[1]!.tags).toEqual(['停车'])

    d = await act(d, { action: 'start_draft', note: '征集结束' })
    expect(d.workingVersion?.stage).toBe('drafting')
    d = await act(d, { action: 'submit_review' })
    expect(d.workingVersion?.stage).toBe('reviewing')
    d = await act(d, reviewPassed)
    expect(d.workingVersion?.stage).toBe('voting')
    expect(d.working!.reviews).toEqual([
      expect.objectContaining({
        unit: '桂溪街道办事处',
        result: 'passed',
        legalOpinion: '条文合法',
        staffName: '本机管理员',
      }),
    ])

    d = await act(d, vote(51, 26))
    expect(d.status).toBe('in_force')
    expect(d.workingVersion).toBeNull()
    expect(d.currentVersion).toMatchObject({ number: 1, stage: 'adopted', adoptedOn: '2026-02-20' })
    expect(d.current!.votes[0]).toMatchObject({
      quorumMet: true,
      passed: true,
      quorumText: '实到51人，超过应到100人的二分之一（50人），达到法定人数',
      passText: '赞成26票，超过实到51人的二分之一（25.5票），表决通过',
    })

    d = await act(d, {
      action: 'file',
      authority: '桂溪街道办事处',
      filedOn: '2026-02-25',
      reference: '桂街备〔2026〕3号',
    })
    expect(d.current!.stage).toBe('filed')
    expect(d.current!.filing).toEqual({
      authority: '桂溪街道办事处',
      filedOn: '2026-02-25',
      reference: '桂街备〔2026〕3号',
    })

    d = await act(d, { action: 'post', place: '小区大门公告栏', postedOn: '2026-02-26' })
    d = await act(d, { action: 'post', place: '2栋单元门厅', postedOn: '2026-02-27' })
    expect(d.current!.stage).toBe('posted')
    expect(d.current!.postings.map((p) => p.place)).toEqual(['小区大门公告栏', '2栋单元门厅'])

    expect(d.current!.history.map((h) => h.action)).toEqual([
      '新建公约，开始征集意见',
      '登记意见',
      '修改意见',
      '修改条文',
      '结束征集意见，进入草案',
      '提交审核',
      '审核通过，待表决',
      '表决通过',
      '备案',
      '公布',
      '再次公布',
    ])
    expect(d.current!.history.every((h) => h.staffName === '本机管理员' && h.at.startsWith('2026-03-01'))).toBe(true)

    const audit = (await core.db('audit_events').where({ entity: 'convention', entity_id: d.id }).orderBy('id')) as {
      action: string
    }[]
    expect(audit.map((a) => a.action)).toEqual([
      'create',
      'update',
      'update',
      'update',
      'transition',
      'transition',
      'transition',
      'transition',
      'transition',
      'transition',
      'transition',
    ])
    await expect(verifyAuditTrail(core.db)).resolves.toMatchObject({ ok: true })
  })

  it('a review sent back returns the draft for changes, and is kept', async () => {
    let d = await newConvention()
    d = await call(core, 'conventions.saveArticles', { id: d.id, version: d.version, articles })
    d = await act(d, { action: 'start_draft' })
    d = await act(d, { action: 'submit_review' })
    d = await act(d, { ...reviewPassed, result: 'returned', opinion: '第二条表述不清，请修改' } as Act)
    expect(d.workingVersion?.stage).toBe('drafting')
    expect(d.working!.reviews.map((r) => r.result)).toEqual(['returned'])
    // Back in 草案 the text can change again.
    d = await call(core, 'conventions.saveArticles', { id: d.id, version: d.version, articles: articles.slice(0, 2) })
    expect(d.working!.articleCount).toBe(2)
  })

  it('a failed vote returns the version to 草案, with the vote kept', async () => {
    let d = await atVoting()
    d = await act(d, vote(51, 25))
    expect(d.status).toBe('drafting')
    expect(d.currentVersion).toBeNull()
    expect(d.workingVersion?.stage).toBe('drafting')
    expect(d.working!.votes).toEqual([
      expect.objectContaining({ passed: false, quorumMet: true, passText: expect.stringContaining('未获通过') }),
    ])
    expect(d.working!.history.at(-1)?.action).toBe('表决未通过，退回草案')
  })
})

describe('quorum and pass at the boundaries (entitled 100)', () => {
  it.each([
    [50, 50, false, false],
    [51, 25, true, false],
    [51, 26, true, true],
    [60, 30, true, false],
    [60, 31, true, true],
    [100, 100, true, true],
  ])('present %i, in favour %i → quorum %s, passed %s', async (present, inFavour, quorumMet, passed) => {
    const d = await act(await atVoting(), vote(present, inFavour))
    const [record] = (d.current ?? d.working)!.votes
    expect(record).toMatchObject({ present, inFavour, quorumMet, passed })
    expect(d.status).toBe(passed ? 'in_force' : 'drafting')
  })

  it('with an odd number entitled (99): 49 present is no quorum, 50 is', async () => {
    const no = await act(await atVoting(), vote(49, 49, 99))
    expect(no.working!.votes[0]).toMatchObject({ quorumMet: false, passed: false })
    const yes = await act(await atVoting(), vote(50, 26, 99))
    expect(yes.current!.votes[0]).toMatchObject({ quorumMet: true, passed: true })
  })

  it("counts under an 'at least two thirds' rule once an administrator sets it, and keeps the rule with the vote", async () => {
    const twoThirds = { ...defaultVoteRules, passNumerator: 2, passDenominator: 3, passComparison: 'at_least' as const }
    expect(await call(core, 'conventions.saveRules', twoThirds)).toEqual(twoThirds)
    try {
      const fails = await act(await atVoting(), vote(60, 39))
      expect(fails.working!.votes[0]).toMatchObject({
        passed: false,
        passText: '赞成39票，未达到实到60人的三分之二（40票），未获通过',
      })
      const passes = await act(await atVoting(), vote(60, 40))
      expect(passes.current!.votes[0]).toMatchObject({
        passed: true,
        passText: '赞成40票，达到实到60人的三分之二（40票），表决通过',
      })
      const row = (await core.db('convention_votes').where({ id: passes.current!.votes[0]!.id }).first('rules')) as {
        rules: string
      }
      expect(JSON.parse(row.rules)).toEqual(twoThirds)
    } finally {
      await call(core, 'conventions.saveRules', defaultVoteRules)
    }
    const audit = await core.db('audit_events').where({ entity: 'vote_rules' })
    expect(audit.length).toBe(2)
  })
})

describe('impossible counts are refused and write nothing', () => {
  it.each([
    [{ present: 120 }, 'present', '实到人数（120）不能超过应到人数（100）'],
    [{ present: 60, womenPresent: 61 }, 'womenPresent', '到会妇女人数（61）不能超过实到人数（60）'],
    [
      { present: 60, inFavour: 50, against: 8, abstain: 3 },
      'inFavour',
      '赞成、反对、弃权票数合计（50+8+3=61）不能超过实到人数（60）',
    ],
  ])('%o → %s', async (counts, field, message) => {
    const d = await atVoting()
    const votesBefore = await countRows(core, 'convention_votes')
    const eventsBefore = await countRows(core, 'convention_events')
    const auditBefore = await countRows(core, 'audit_events')
    const err = await apiErrorOf(() => act(d, { ...vote(60, 30), ...counts } as Act))
    expect(err).toMatchObject({ code: 'VALIDATION', field, message })
    expect(await countRows(core, 'convention_votes')).toBe(votesBefore)
    expect(await countRows(core, 'convention_events')).toBe(eventsBefore)
    expect(await countRows(core, 'audit_events')).toBe(auditBefore)
    const after = await call(core, 'conventions.get', { id: d.id })
    expect(after.version).toBe(d.version)
    expect(after.workingVersion?.stage).toBe('voting')
  })

  it('refuses a vote dated in the future', async () => {
    const err = await apiErrorOf(async () => act(await atVoting(), vote(60, 40, 100, { heldOn: '2026-03-02' })))
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'heldOn' })
  })
})

describe('steps out of order are refused in Chinese', () => {
  it('while collecting opinions: no review, vote, filing, posting, revision', async () => {
    const d = await newConvention()
    const cases: [Act, RegExp][] = [
      [{ action: 'submit_review' }, /“征集意见”阶段，不能提交审核；只有“草案”阶段可以提交审核/],
      [reviewPassed, /不能登记审核意见/],
      [vote(60, 40), /不能表决/],
      [{ action: 'file', authority: '街道', filedOn: '2026-02-01', reference: '1号' }, /尚无表决通过的版本，不能备案/],
      [{ action: 'post', place: '公告栏', postedOn: '2026-02-01' }, /尚无表决通过的版本，不能登记公布/],
      [{ action: 'revise' }, /尚无表决通过的版本，不能修订/],
    ]
    for (const [step, message] of cases) {
      const err = await apiErrorOf(() => act(d, step))
      expect(err.code, step.action).toBe('CONFLICT')
      expect(err.message, step.action).toMatch(message)
    }
    expect((await call(core, 'conventions.get', { id: d.id })).version).toBe(d.version)
  })

  it('refuses 提交审核 without any article', async () => {
    let d = await newConvention()
    d = await act(d, { action: 'start_draft' })
    const err = await apiErrorOf(() => act(d, { action: 'submit_review' }))
    expect(err).toMatchObject({ code: 'CONFLICT', message: '第1版还没有条文，请先拟定条文再提交审核' })
  })

  it('refuses a second start_draft, and text changes from 审核 on', async () => {
    let d = await newConvention()
    d = await call(core, 'conventions.saveArticles', { id: d.id, version: d.version, articles })
    d = await act(d, { action: 'start_draft' })
    expect((await apiErrorOf(() => act(d, { action: 'start_draft' }))).code).toBe('CONFLICT')
    d = await act(d, { action: 'submit_review' })
    const err = await apiErrorOf(() =>
      call(core, 'conventions.saveArticles', { id: d.id, version: d.version, articles: articles.slice(1) }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('“审核中”阶段，不能修改条文')
    const opinion = await apiErrorOf(() =>
      call(core, 'conventions.saveOpinion', {
        conventionId: d.id,
        version: d.version,
        source: 'person',
        fromName: '张三',
        receivedOn: '2026-02-01',
        content: '晚到的意见',
      }),
    )
    expect(opinion.code).toBe('CONFLICT')
  })

  it('in force without a revision: no text changes, no vote; a second revision is refused', async () => {
    let d = await inForce()
    const err = await apiErrorOf(() =>
      call(core, 'conventions.saveArticles', { id: d.id, version: d.version, articles }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('请先“开始修订”')
    expect((await apiErrorOf(() => act(d, vote(60, 40)))).code).toBe('CONFLICT')
    d = await act(d, { action: 'revise' })
    expect((await apiErrorOf(() => act(d, { action: 'revise' }))).message).toBe(
      '该公约已有正在修订的版本，请在该版本上继续修改',
    )
  })

  it('refuses filing twice and filing dated before the vote', async () => {
    let d = await inForce()
    const early = await apiErrorOf(() =>
      act(d, { action: 'file', authority: '桂溪街道办事处', filedOn: '2026-02-19', reference: '1号' }),
    )
    expect(early).toMatchObject({ code: 'VALIDATION', field: 'filedOn' })
    d = await act(d, { action: 'file', authority: '桂溪街道办事处', filedOn: '2026-02-21', reference: '1号' })
    const again = await apiErrorOf(() =>
      act(d, { action: 'file', authority: '桂溪街道办事处', filedOn: '2026-02-22', reference: '2号' }),
    )
    expect(again.code).toBe('CONFLICT')
    expect(again.message).toContain('“已备案”阶段，不能备案')
  })
  it('files a copy posted before filing once, keeping it 已公布', async () => {
    let d = await inForce()
    d = await act(d, { action: 'post', place: '小区大门公告栏', postedOn: '2026-02-21' })
    d = await act(d, {
      action: 'file',
      authority: '桂溪街道办事处',
      filedOn: '2026-02-22',
      reference: '桂街备〔2026〕9号',
    })
    expect(d.current).toMatchObject({ stage: 'posted', filing: { reference: '桂街备〔2026〕9号' } })
    const again = await apiErrorOf(() =>
      act(d, { action: 'file', authority: '桂溪街道办事处', filedOn: '2026-02-23', reference: '10号' }),
    )
    expect(again.code).toBe('CONFLICT')
  })
})

describe('adopted versions never change', () => {
  it('the database refuses a raw UPDATE or DELETE of an adopted article, and an insert into it', async () => {
    const d = await inForce()
    const article = d.current!.articles[0]!
    await expect(
      core.db('convention_articles').where({ id: article.id }).update({ text: '改过的条文' }),
    ).rejects.toThrow(/adopted convention version/)
    await expect(core.db('convention_articles').where({ id: article.id }).delete()).rejects.toThrow(/adopted/)
    await expect(
      core
        .db('convention_articles')
        .insert({ version_id: d.current!.id, position: 99, text: '塞进去的条文', tags: '[]' }),
    ).rejects.toThrow(/adopted/)
    await expect(
      core.db('convention_versions').where({ id: d.current!.id }).update({ stage: 'drafting' }),
    ).rejects.toThrow(/cannot return to drafting/)
    const same = await call(core, 'conventions.getVersion', { versionId: d.current!.id })
    expect(same.articles).toEqual(d.current!.articles)
  })

  it('while a draft article can still be edited at the database level (the trigger is specific)', async () => {
    const d = await newConvention()
    const saved = await call(core, 'conventions.saveArticles', { id: d.id, version: d.version, articles })
    const id = saved.working!.articles[0]!.id
    await core.db('convention_articles').where({ id }).update({ text: '草案可以改' })
    expect((await call(core, 'conventions.get', { id: d.id })).working!.articles[0]!.text).toBe('草案可以改')
  })
})

describe('revision', () => {
  it('keeps version 1 in force until version 2 is adopted, then 1 is superseded and unchanged', async () => {
    let d = await inForce()
    const v1 = d.current!
    d = await act(d, { action: 'revise', note: '增加宠物条款' })
    expect(d.status).toBe('in_force')
    expect(d.currentVersion).toMatchObject({ id: v1.id, stage: 'adopted' })
    expect(d.workingVersion).toMatchObject({ number: 2, stage: 'collecting', articleCount: 3 })
    expect(d.working!.articles.map((a) => a.text)).toEqual(v1.articles.map((a) => a.text))
    expect(d.working!.articles.map((a) => a.id)).not.toEqual(v1.articles.map((a) => a.id))

    const edited = [
      articles[0]!,
      { chapter: null, text: '机动车、电动车在划定区域停放，不准乱停放，确保道路通畅。', tags: ['停车'] },
      articles[2]!,
      { chapter: null, text: '遛狗须牵绳，及时清理宠物粪便。', tags: ['宠物'] },
    ]
    d = await call(core, 'conventions.saveArticles', { id: d.id, version: d.version, articles: edited })
    expect((await call(core, 'conventions.getVersion', { versionId: v1.id })).articles).toEqual(v1.articles)
    d = await act(d, { action: 'start_draft' })
    d = await act(d, { action: 'submit_review' })
    d = await act(d, reviewPassed)
    expect(d.currentVersion?.id).toBe(v1.id)
    d = await act(d, vote(70, 60, 100, { heldOn: '2026-02-28' }))

    expect(d.currentVersion).toMatchObject({ number: 2, stage: 'adopted', adoptedOn: '2026-02-28' })
    expect(d.workingVersion).toBeNull()
    expect(d.versions.map((v) => [v.number, v.stage])).toEqual([
      [1, 'superseded'],
      [2, 'adopted'],
    ])
    const old = await call(core, 'conventions.getVersion', { versionId: v1.id })
    expect(old.stage).toBe('superseded')
    expect(old.articles).toEqual(v1.articles)
    expect(old.votes).toEqual(v1.votes)
    expect(old.history.at(-1)?.action).toBe('被第2版取代')

    const cmp = await call(core, 'conventions.compare', { fromVersionId: v1.id, toVersionId: d.current!.id })
    expect(cmp.articles.map((a) => [a.kind, a.fromNumberText, a.toNumberText])).toEqual([
      ['same', '第一条', '第一条'],
      ['changed', '第二条', '第二条'],
      ['same', '第三条', '第三条'],
      ['added', null, '第四条'],
    ])
    expect(cmp.articles[1]!.parts.filter((p) => p.change === 'added').map((p) => p.text)).toEqual(['、电动车'])
  })
})

describe('repeal', () => {
  it('repeals an in-force convention, stops its revision, and refuses every later write', async () => {
    let d = await inForce()
    d = await act(d, { action: 'revise' })
    const working = d.workingVersion!
    d = await act(d, { action: 'repeal', repealedOn: '2026-02-28', reason: '小区并入新建的社区居民公约' })
    expect(d).toMatchObject({
      status: 'repealed',
      repealedOn: '2026-02-28',
      repealReason: '小区并入新建的社区居民公约',
      workingVersion: null,
    })
    const stopped = await call(core, 'conventions.getVersion', { versionId: working.id })
    expect(stopped.history.at(-1)?.action).toBe('因公约废止停止制定')
    const err = await apiErrorOf(() =>
      call(core, 'conventions.rename', { id: d.id, version: d.version, title: '新名称' }),
    )
    expect(err).toMatchObject({ code: 'CONFLICT', message: '该公约已于2026-02-28废止，不能再修改或办理' })
    expect((await apiErrorOf(() => act(d, { action: 'revise' }))).code).toBe('CONFLICT')
  })

  it('repeals a convention still being drafted', async () => {
    const d = await act(await newConvention(), { action: 'repeal', repealedOn: '2026-02-01', reason: '小区拆迁' })
    expect(d.status).toBe('repealed')
  })
})

describe('concurrent edits', () => {
  it('refuses a write at a stale version with CONFLICT and keeps the first', async () => {
    const d = await newConvention()
    await call(core, 'conventions.rename', { id: d.id, version: d.version, title: '第一位办事员起的名' })
    const err = await apiErrorOf(() =>
      call(core, 'conventions.saveArticles', { id: d.id, version: d.version, articles }),
    )
    expect(err).toMatchObject({ code: 'CONFLICT' })
    expect(err.message).toContain('已被他人修改')
    const now = await call(core, 'conventions.get', { id: d.id })
    expect(now.title).toBe('第一位办事员起的名')
    expect(now.version).toBe(d.version + 1)
    expect(now.working!.articles).toEqual([])
  })
})
