/**
 * Which version or vote a convention print address means
 * (renderer/print/conventionPicks.ts): defaults, parts of other conventions
 * refused, older versions fetched only when needed.
 */
import { describe, expect, it, vi } from 'vitest'
import type { ConventionDetail, ConventionVersion, VoteRecord } from '../../shared/api/conventions'
import { formVersion, latestVote, posterVersion, voteToPost } from '../../renderer/print/conventionPicks'

const vote = (id: number, passed = true): VoteRecord => ({
  id,
  meetingKind: 'residents',
  heldOn: '2026-03-01',
  place: '会议室',
  entitled: 10,
  present: 8,
  womenPresent: 4,
  inFavour: passed ? 6 : 2,
  against: passed ? 2 : 6,
  abstain: 0,
  quorumMet: true,
  passed,
  quorumText: '',
  passText: '',
  staffName: '李梅',
})

const version = (
  id: number,
  number: number,
  stage: ConventionVersion['stage'],
  votes: VoteRecord[] = [],
): ConventionVersion => ({
  id,
  number,
  stage,
  adoptedOn: null,
  articleCount: 0,
  articles: [
    {
      id: id * 10,
      position: 1,
      numberText: '第一条',
      chapter: null,
      chapterNumberText: null,
      text: '爱护环境。',
      tags: [],
    },
  ],
  flags: [],
  opinions: [],
  reviews: [],
  votes,
  filing: null,
  postings: [],
  history: [],
  updatedAt: '2026-03-01T00:00:00.000Z',
})

const summary = (v: ConventionVersion) => ({
  id: v.id,
  number: v.number,
  stage: v.stage,
  adoptedOn: v.adoptedOn,
  articleCount: v.articleCount,
})

function detail(
  current: ConventionVersion | null,
  working: ConventionVersion | null,
  older: ConventionVersion[] = [],
): ConventionDetail {
  const all = [...older, current, working].filter((v): v is ConventionVersion => v !== null)
  return {
    id: 1,
    scope: 'community',
    communityId: 1,
    communityName: '红光社区',
    compoundId: null,
    compoundName: null,
    title: '红光社区居民公约',
    status: current ? 'in_force' : 'drafting',
    currentVersion: current ? summary(current) : null,
    workingVersion: working ? summary(working) : null,
    repealedOn: null,
    repealReason: null,
    updatedAt: '2026-03-01T00:00:00.000Z',
    version: 1,
    versions: all.map(summary),
    current,
    working,
  }
}

const old = version(1, 1, 'superseded', [vote(1, false), vote(2)])
const current = version(2, 2, 'posted', [vote(5)])
const working = version(3, 3, 'drafting', [vote(7, false)])

function fetcher(...versions: ConventionVersion[]) {
  return vi.fn(async (id: number) => {
    const v = versions.find((x) => x.id === id)
    if (!v) throw new Error(`no version ${id}`)
    return v
  })
}

describe('poster and form versions', () => {
  it('default to the version in force for the poster and the one being written for the form', async () => {
    const d = detail(current, working, [old])
    const fetch = fetcher(old)
    expect((await posterVersion(d, undefined, fetch)).id).toBe(2)
    expect((await formVersion(d, undefined, fetch))?.id).toBe(3)
    expect((await posterVersion(detail(null, working), undefined, fetch)).id).toBe(3)
    expect((await formVersion(detail(current, null), undefined, fetch))?.id).toBe(2)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('fetch an older version by its id and refuse a version of another convention', async () => {
    const d = detail(current, working, [old])
    const fetch = fetcher(old)
    expect((await posterVersion(d, 1, fetch)).number).toBe(1)
    expect(fetch).toHaveBeenCalledWith(1)
    await expect(posterVersion(d, 99, fetch)).rejects.toThrow('该版本不属于此公约')
    await expect(formVersion(d, 99, fetch)).rejects.toThrow('该版本不属于此公约')
  })

  it('refuse a poster of a version without articles', async () => {
    const bare = { ...working, articles: [] }
    await expect(posterVersion(detail(null, bare), undefined, fetcher())).rejects.toThrow(
      '第3版还没有条文，无法打印张贴版',
    )
    await expect(posterVersion(detail(current, bare), 3, fetcher())).rejects.toThrow('第3版还没有条文')
    await expect(formVersion(detail(null, bare), undefined, fetcher())).resolves.toBe(bare)
  })

  it('refuse a poster of a convention without any version, but give the form nothing to name', async () => {
    const empty = detail(null, null)
    await expect(posterVersion(empty, undefined, fetcher())).rejects.toThrow('该公约还没有可打印的条文版本')
    await expect(formVersion(empty, undefined, fetcher())).resolves.toBeNull()
  })
})

describe('the vote to post', () => {
  it('is the latest vote by default, even a failed one on the revision', async () => {
    expect(latestVote([current, working])?.id).toBe(7)
    expect((await voteToPost(detail(current, working, [old]), undefined, fetcher())).id).toBe(7)
    expect((await voteToPost(detail(current, null, [old]), undefined, fetcher())).id).toBe(5)
  })

  it('finds a named vote, looking into older versions only when needed', async () => {
    const d = detail(current, working, [old])
    const fetch = fetcher(old)
    expect((await voteToPost(d, 5, fetch)).id).toBe(5)
    expect(fetch).not.toHaveBeenCalled()
    const earlier = await voteToPost(d, 1, fetch)
    expect(earlier.passed).toBe(false)
    expect(fetch).toHaveBeenCalledWith(1)
  })

  it('refuses a convention never voted on and a vote of another convention', async () => {
    await expect(voteToPost(detail(null, version(3, 1, 'drafting')), undefined, fetcher())).rejects.toThrow(
      '该公约还没有表决记录',
    )
    await expect(voteToPost(detail(current, working, [old]), 42, fetcher(old))).rejects.toThrow(
      '该表决记录不属于此公约',
    )
  })
})
