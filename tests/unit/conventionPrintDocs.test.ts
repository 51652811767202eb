/**
 * The convention page's 打印 menu (renderer/print/conventionPrintDocs.ts):
 * posters only when there is a text, the revision draft while one is written,
 * one 公示 per vote with the latest first, the form always.
 */
import { describe, expect, it } from 'vitest'
import type { ConventionDetail, ConventionVersion, VoteRecord } from '../../shared/api/conventions'
import { conventionPrintDocs } from '../../renderer/print/conventionPrintDocs'

const vote = (id: number, heldOn: string, passed: boolean): VoteRecord => ({
  id,
  meetingKind: 'residents',
  heldOn,
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
  stage: ConventionVersion['stage'],
  votes: VoteRecord[] = [],
  articleCount = 1,
): ConventionVersion => ({
  id,
  number: id,
  stage,
  adoptedOn: null,
  articleCount,
  articles: Array.from({ length: articleCount }, (_, i) => ({
    id: id * 100 + i,
    position: i + 1,
    numberText: `第${i + 1}条`,
    chapter: null,
    chapterNumberText: null,
    text: '爱护环境。',
    tags: [],
  })),
  flags: [],
  opinions: [],
  reviews: [],
  votes,
  filing: null,
  postings: [],
  history: [],
  updatedAt: '2026-03-01T00:00:00.000Z',
})

function detail(current: ConventionVersion | null, working: ConventionVersion | null): ConventionDetail {
  return {
    id: 9,
    scope: 'community',
    communityId: 1,
    communityName: '红光社区',
    compoundId: null,
    compoundName: null,
    title: '红光社区居民公约',
    status: current ? 'in_force' : 'drafting',
    currentVersion: null,
    workingVersion: null,
    repealedOn: null,
    repealReason: null,
    updatedAt: '2026-03-01T00:00:00.000Z',
    version: 1,
    versions: [],
    current,
    working,
  }
}

const row = (d: { label: string; document: string; layout: string; part?: number }) =>
  [d.label, d.document, d.layout, d.part ?? null].join(' | ')

describe('the convention 打印 menu', () => {
  it('offers only the form for a convention without any text', () => {
    const formOnly = ['征求意见表 | convention-opinion-form | official | ']
    expect(conventionPrintDocs(detail(null, null)).map(row)).toEqual(formOnly)
    expect(conventionPrintDocs(detail(null, version(1, 'collecting', [], 0))).map(row)).toEqual(formOnly)
  })

  it('does not offer the revision draft as a poster before it has articles', () => {
    const docs = conventionPrintDocs(detail(version(1, 'posted'), version(2, 'collecting', [], 0)))
    expect(docs.map((d) => d.label)).toEqual(['张贴版（A4）', '张贴版（A3）', '征求意见表'])
  })

  it('offers both posters and the form for a first draft that has not been voted on', () => {
    expect(conventionPrintDocs(detail(null, version(1, 'collecting'))).map(row)).toEqual([
      '张贴版（A4） | convention-poster | official | ',
      '张贴版（A3） | convention-poster | wall | ',
      '征求意见表 | convention-opinion-form | official | ',
    ])
  })

  it('offers the revision draft and one 公示 per vote, the latest first and by default', () => {
    const current = version(1, 'posted', [vote(3, '2026-01-10', false), vote(4, '2026-02-20', true)])
    const working = version(2, 'drafting', [vote(8, '2026-09-01', false)])
    expect(conventionPrintDocs(detail(current, working)).map(row)).toEqual([
      '张贴版（A4） | convention-poster | official | ',
      '张贴版（A3） | convention-poster | wall | ',
      '修订草案张贴版（A4） | convention-poster | official | 2',
      '表决结果公示（2026年9月1日，未通过，最近一次） | convention-vote | official | ',
      '表决结果公示（2026年2月20日，通过） | convention-vote | official | 4',
      '表决结果公示（2026年1月10日，未通过） | convention-vote | official | 3',
      '征求意见表 | convention-opinion-form | official | ',
    ])
  })

  it('calls a single vote simply 表决结果公示', () => {
    const docs = conventionPrintDocs(detail(version(1, 'adopted', [vote(5, '2026-03-01', true)]), null))
    expect(docs.filter((d) => d.document === 'convention-vote').map(row)).toEqual([
      '表决结果公示 | convention-vote | official | ',
    ])
  })
})
