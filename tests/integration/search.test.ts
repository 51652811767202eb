/**
 * 全局搜索 on a fixture with known records: 1-, 2-, 3+- and 6-character text,
 * pinyin (full and initials), phone and ID number (whole and last 4), record
 * numbers, filters composed with the match, confidentiality per role, and the
 * index kept by triggers in the record's own transaction (rollback, update,
 * anonymisation, rebuild).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SearchInput, SearchKind, SearchResult } from '../../shared/api/search'
import type { Ctx } from '../../electron/core/context'
import { checkCharOf } from '../../shared/validation/idNumber'
import { apiErrorOf, call } from '../fixtures/core'
import { at, complaintInput, createVisit, personInput, seedIntake, type IntakeRefs } from '../fixtures/intake'
import { noticeInput } from '../fixtures/notices'
import { caseAt, useMediationCore } from './mediationFixtures'

const env = useMediationCore('block')
let refs: IntakeRefs
const ids: Record<string, number> = {}
const numbers: Record<string, string> = {}

function idNumber(first17: string): string {
  return first17 + checkCharOf(first17)
}
const zhangId = idNumber('52010219800101123')

async function search(query: string, extra: Partial<SearchInput> = {}, as: Ctx = env.admin): Promise<SearchResult> {
  return call(env.core, 'search.query', { query, ...extra }, as)
}

function refsOf(r: SearchResult, kind: SearchKind): number[] {
  return r.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? []
}

function groupOf(r: SearchResult, kind: SearchKind) {
  return r.groups.find((g) => g.kind === kind)
}

async function logged(
  key: string,
  date: string,
  person: Parameters<typeof personInput>[0],
  request: string,
  compound: number,
) {
  const when = at(`${date}T10:00:00+08:00`)
  const visit = await createVisit(
    env.core,
    refs,
    [complaintInput(refs, { request, compoundId: compound, facts: null, locationDetail: null })],
    { person: personInput(person), subject: `${person?.name ?? ''}来访` },
    when,
  )
  ids[key] = visit.complaints[0]!.id
  numbers[key] = visit.complaints[0]!.number
  ids[`${key}.visit`] = visit.id
  ids[`${key}.person`] = visit.person.id
}

beforeAll(async () => {
  refs = await seedIntake(env.core)
  const { xingfu, shangyeju, hongguangYuan } = refs.places
  await logged(
    'snack',
    '2026-02-10',
    { name: '张三丰', phone: '13812345671', idNumber: zhangId },
    '小吃街占道经营严重，晚上油烟扰民，请尽快处理',
    xingfu,
  )
  await logged(
    'stairs',
    '2026-02-20',
    { name: '李四', phone: '13812345672' },
    '楼道堆满杂物无人清理，请尽快处理',
    shangyeju,
  )
  await logged(
    'lift',
    '2026-03-01',
    { name: '王五', phone: '0851-8123456', compoundId: hongguangYuan },
    '电梯经常故障，困人两次，请尽快维修',
    hongguangYuan,
  )
  await logged('water', '2026-03-01', { name: '赵六', phone: '13812349999' }, '家中水管漏水求助，请尽快维修', xingfu)
  // Resolve one so 未办结 has something to leave out.
  await env.core.db('complaints').where({ id: ids['stairs'] }).update({ status: 'resolved' })
  const notice = await call(
    env.core,
    'notices.save',
    noticeInput(refs.places.yingchun, { title: '关于电梯年检的通知' }),
  )
  ids['notice'] = notice.id
  const convention = await call(env.core, 'conventions.create', {
    scope: 'community',
    communityId: refs.places.hongguang,
    title: '红光社区居民公约',
  })
  await call(env.core, 'conventions.saveArticles', {
    id: convention.id,
    version: convention.version,
    articles: [{ chapter: '总则', text: '爱护公共设施，不在楼道堆放杂物。', tags: [] }],
  })
  ids['convention'] = convention.id
  // A case the mediator registered (so presides): parties 张三/李四, facts about 漏水.
  const c = await caseAt(env, 'registered', { facts: '被申请人家卫生间渗水，损坏申请人家吊顶。' })
  ids['case'] = c.id
})

describe('text', () => {
  it('finds 3+ and 6+ character substrings through the trigram index, newest first', async () => {
    const r = await search('占道经营')
    expect(refsOf(r, 'complaint')).toEqual([ids['snack']])
    expect(groupOf(r, 'complaint')!.total).toBe(1)
    const hit = groupOf(r, 'complaint')!.hits[0]!
    expect(hit).toMatchObject({ matchedBy: 'text', at: expect.stringMatching(/^2026-02-10/) })
    expect(hit.title).toContain(numbers['snack'])
    const six = await search('小吃街占道经营')
    expect(refsOf(six, 'complaint')).toEqual([ids['snack']])
    expect(await search('占道经营严重不')).toEqual({ query: '占道经营严重不', groups: [] })
  })

  it('finds every kind: 电梯 in a 诉求, a notice title; 楼道 in a convention article', async () => {
    const r = await search('电梯')
    expect(refsOf(r, 'complaint')).toEqual([ids['lift']])
    expect(refsOf(r, 'notice')).toEqual([ids['notice']])
    expect(refsOf(await search('楼道堆放'), 'convention')).toEqual([ids['convention']])
  })

  it('gives a snippet around the match when the title does not show it', async () => {
    const hit = groupOf(await search('供水设施'), 'notice')!.hits[0]!
    expect(hit.snippet).toContain('供水设施')
    expect(hit.snippet.length).toBeLessThanOrEqual(70)
    // The 诉求's title starts with its request: nothing more to show.
    expect(groupOf(await search('油烟'), 'complaint')!.hits[0]!.snippet).toBe('')
  })

  it('answers 1- and 2-character queries exactly (same records as a LIKE scan of the indexed text)', async () => {
    for (const q of ['张', '三', '漏水', '电梯', '楼道', '人', '5', '小区', '区', '困人']) {
      for (const kind of ['person', 'visit', 'complaint', 'notice', 'convention'] as const) {
        const r = await search(q, { kinds: [kind], limit: 50 })
        const like = (await env.core.db.raw(
          `SELECT ref FROM search_src_${kind} WHERE instr(lower(text), ?) > 0 ORDER BY ref DESC`,
          [q.toLowerCase()],
        )) as { ref: number }[]
        const expected = like.map((l) => l.ref)
        // Numbers found exactly (a record number) come first; compare as sets.
        expect(new Set(refsOf(r, kind)), `${q} in ${kind}`).toEqual(new Set(expected))
        expect(groupOf(r, kind)?.total ?? 0, `${q} total in ${kind}`).toBe(expected.length)
      }
    }
  })

  it('requires every space-separated term', async () => {
    expect(refsOf(await search('漏水 求助'), 'complaint')).toEqual([ids['water']])
    expect(refsOf(await search('漏水 电梯'), 'complaint')).toEqual([])
  })

  it('rejects an empty query with a Chinese message', async () => {
    const err = await apiErrorOf(() => search('   '))
    expect(err.message).toContain('请输入要搜索的内容')
  })
})

describe('pinyin, numbers', () => {
  it('finds people by full pinyin and by initials', async () => {
    for (const q of ['zhangsanfeng', 'zhangsan', 'zsf', 'ZSF']) {
      const g = groupOf(await search(q), 'person')!
      expect(
        g.hits.map((h) => h.id),
        q,
      ).toContain(ids['snack.person'])
      expect(g.hits[0]!.matchedBy).toBe('pinyin')
    }
    expect(groupOf(await search('zhangsi'), 'person')).toBeUndefined()
  })

  it('finds records in a compound by the compound name in pinyin', async () => {
    const r = await search('hgy') // 红光苑
    expect(refsOf(r, 'complaint')).toEqual([ids['lift']])
    expect(groupOf(r, 'complaint')!.hits[0]!.matchedBy).toBe('pinyin')
  })

  it('finds a person by phone and ID number, whole or last 4, and shows them masked', async () => {
    for (const q of ['5671', '13812345671', '138 1234 5671', zhangId, zhangId.slice(-4)]) {
      const r = await search(q)
      const g = groupOf(r, 'person')!
      expect(
        g.hits.map((h) => h.id),
        q,
      ).toContain(ids['snack.person'])
      expect(g.hits.find((h) => h.id === ids['snack.person'])!.matchedBy).toBe('number')
      const json = JSON.stringify(r.groups)
      expect(json).not.toContain('13812345671')
      expect(json).not.toContain(zhangId)
    }
    expect(refsOf(await search('3456'), 'person')).toEqual(expect.arrayContaining([ids['lift.person']]))
    // A middle piece of a phone number finds nobody: numbers are not substrings.
    expect(refsOf(await search('812345'), 'person')).toEqual([])
  })

  it('finds a 诉求 by its record number and a visit by its lookup code', async () => {
    const r = await search(numbers['snack']!)
    expect(groupOf(r, 'complaint')!.hits[0]).toMatchObject({ id: ids['snack'], matchedBy: 'number', snippet: '' })
    const code = (
      (await env.core.db('visits').where({ id: ids['snack.visit'] }).first('lookup_code')) as { lookup_code: string }
    ).lookup_code
    const v = await search(code.toLowerCase())
    expect(groupOf(v, 'visit')!.hits[0]).toMatchObject({ id: ids['snack.visit'], matchedBy: 'number' })
  })
})

describe('filters compose with the match', () => {
  it('dates (本月) keep dated records in range and leave people and conventions out', async () => {
    const r = await search('请尽快', { dateFrom: '2026-03-01', dateTo: '2026-03-31' })
    expect(refsOf(r, 'complaint').sort()).toEqual([ids['lift'], ids['water']].sort())
    expect(groupOf(r, 'person')).toBeUndefined()
    expect(groupOf(r, 'convention')).toBeUndefined()
    const feb = await search('请尽快', { dateFrom: '2026-02-01', dateTo: '2026-02-28', kinds: ['complaint'] })
    expect(refsOf(feb, 'complaint').sort()).toEqual([ids['snack'], ids['stairs']].sort())
  })

  it('a community keeps only records placed in it', async () => {
    const r = await search('请尽快', { communityId: refs.places.hongguang })
    expect(refsOf(r, 'complaint')).toEqual([ids['lift']])
    const yingchun = await search('请尽快', { communityId: refs.places.yingchun })
    expect(refsOf(yingchun, 'complaint').sort()).toEqual([ids['snack'], ids['stairs'], ids['water']].sort())
    const wang = await search('王五', { communityId: refs.places.hongguang })
    expect(refsOf(wang, 'person')).toEqual([ids['lift.person']])
    expect(refsOf(wang, 'visit')).toEqual([ids['lift.visit']])
    expect((await search('王五', { communityId: refs.places.yingchun })).groups).toEqual([])
  })

  it('未办结 leaves out resolved 诉求, visits, people and notices', async () => {
    const r = await search('楼道', { openOnly: true })
    expect(refsOf(r, 'complaint')).toEqual([])
    expect(groupOf(r, 'visit')).toBeUndefined()
    expect(refsOf(r, 'convention')).toEqual([ids['convention']])
    const all = await search('楼道')
    expect(refsOf(all, 'complaint')).toEqual([ids['stairs']])
  })
})

describe('confidentiality', () => {
  it('finds a case by its type for everyone, by parties and dispute only for its mediator and admins', async () => {
    for (const who of [env.viewer, env.frontDesk, env.otherMediator, env.mediator, env.admin]) {
      expect(refsOf(await search('邻里', {}, who), 'mediation')).toEqual([ids['case']])
    }
    for (const q of ['渗水', '吊顶', '卫生间渗水']) {
      expect(refsOf(await search(q, {}, env.mediator), 'mediation'), q).toEqual([ids['case']])
      expect(refsOf(await search(q, {}, env.admin), 'mediation'), q).toEqual([ids['case']])
      for (const who of [env.viewer, env.frontDesk, env.otherMediator]) {
        const r = await search(q, {}, who)
        expect(groupOf(r, 'mediation'), `${q} as ${who.staff!.role}`).toBeUndefined()
        expect(JSON.stringify(r.groups)).not.toContain('吊顶')
      }
    }
  })

  it('never indexes session notes', async () => {
    const n = (await env.core.db.raw('SELECT count(*) AS n FROM search_tri WHERE search_tri MATCH \'"双方陈述"\'')) as {
      n: number
    }[]
    expect(n[0]!.n).toBe(0)
  })
})

describe('the index follows the records', () => {
  it('a rolled-back write leaves no index row', async () => {
    await expect(
      env.core.db.transaction(async (trx) => {
        await trx('complaints').where({ id: ids['water'] }).update({ request: '井盖缺失很危险' })
        await trx('notices').where({ id: ids['notice'] }).update({ title: '关于井盖维修的通知' })
        throw new Error('rolled back on purpose')
      }),
    ).rejects.toThrow('rolled back')
    expect((await search('井盖')).groups).toEqual([])
    expect(refsOf(await search('水管漏水'), 'complaint')).toEqual([ids['water']])
  })

  it('an update is found by its new text and no longer by its old', async () => {
    await env.core.db('complaints').where({ id: ids['water'] }).update({ request: '家中暖气片漏水' })
    expect(refsOf(await search('暖气片'), 'complaint')).toEqual([ids['water']])
    expect(refsOf(await search('水管'), 'complaint')).toEqual([])
  })

  it('renaming a compound re-indexes its 诉求, and saving articles re-indexes the convention', async () => {
    const compound = await env.core.db('compounds').where({ id: refs.places.hongguangYuan }).first('id', 'version')
    await env.core.db('compounds').where({ id: compound.id }).update({ name: '红光新苑' })
    expect(refsOf(await search('红光新苑'), 'complaint')).toEqual([ids['lift']])
    const c = await call(env.core, 'conventions.get', { id: ids['convention']! })
    await call(env.core, 'conventions.saveArticles', {
      id: c.id,
      version: c.version,
      articles: [{ chapter: null, text: '文明养犬，外出牵绳。', tags: [] }],
    })
    expect(refsOf(await search('文明养犬'), 'convention')).toEqual([ids['convention']])
    expect(refsOf(await search('楼道堆放'), 'convention')).toEqual([])
  })

  it('an anonymised person is no longer found by name, pinyin or number, nor their records by their name', async () => {
    // The 诉求 must be finished first: resolve the one of 王五.
    await env.core.db('complaints').where({ id: ids['lift'] }).update({ status: 'archived' })
    expect(refsOf(await search('王五'), 'complaint')).toEqual([ids['lift']])
    await call(env.core, 'privacy.anonymisePerson', { id: ids['lift.person']!, reason: '本人申请删除个人信息' })
    for (const q of ['王五', 'wangwu', '3456', '0851-8123456']) {
      const r = await search(q)
      expect(refsOf(r, 'person'), q).toEqual([])
      expect(refsOf(r, 'complaint'), q).toEqual([])
      expect(refsOf(r, 'visit'), q).toEqual([])
    }
    expect(refsOf(await search('电梯'), 'complaint')).toEqual([ids['lift']])
  })

  it('rebuild gives identical results, and is an admin act recorded in the audit trail', async () => {
    const queries = ['张', '漏水', '占道经营', 'zs', '5671', '邻里', '渗水', '楼道']
    const before = await Promise.all(queries.map((q) => search(q)))
    const out = await call(env.core, 'search.rebuild', {})
    expect(out.documents).toBeGreaterThan(10)
    const after = await Promise.all(queries.map((q) => search(q)))
    expect(after).toEqual(before)
    const audit = (await env.core.db('audit_events').orderBy('id', 'desc').first()) as {
      entity: string
      detail: string
    }
    expect(audit.entity).toBe('data')
    expect(JSON.parse(audit.detail)).toMatchObject({ what: 'search_index' })
    const err = await apiErrorOf(() => call(env.core, 'search.rebuild', {}, env.frontDesk))
    expect(err.code).toBe('FORBIDDEN')
  })
})

describe('totals', () => {
  it('counts up to 1000 and says when more match; exact below that', async () => {
    // 1,001 residents sharing a word, written in one statement (the triggers index each of them).
    await env.core.db.raw(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1001)
       INSERT INTO persons (name, name_pinyin, name_initials, created_at, updated_at, created_by, updated_by)
       SELECT '聚星测试', 'juxingceshi', 'jxcs', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', s.id, s.id
       FROM n, (SELECT min(id) AS id FROM staff) s`,
    )
    for (const q of ['聚星测试', '聚星', 'jxcs']) {
      const people = groupOf(await search(q, { kinds: ['person'] }), 'person')!
      expect(people, q).toMatchObject({ total: 1000, totalCapped: true })
    }
    const one = groupOf(await search('占道经营'), 'complaint')!
    expect(one).toMatchObject({ total: 1, totalCapped: false })
    await env.core.db.raw("DELETE FROM persons WHERE id IN (SELECT id FROM persons WHERE name = '聚星测试' LIMIT 2)")
    expect(groupOf(await search('聚星测试', { kinds: ['person'] }), 'person')).toMatchObject({
      total: 999,
      totalCapped: false,
    })
  })
})
