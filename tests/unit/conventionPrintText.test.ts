/**
 * What the 居民公约 printouts say (renderer/print/convention*Text.ts): the
 * poster's title, marks, chapters, articles, adoption and filing lines and
 * 落款; the 表决结果公示's counts, arithmetic, result and 公示期; the blank
 * 征求意见表. Built from hand-made records shaped like the API's answers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Convention, ConventionArticle, ConventionVersion, VoteRecord } from '../../shared/api/conventions'
import { articleParagraphs, bookTitle, printedPoster } from '../../renderer/print/conventionText'
import { printedVote } from '../../renderer/print/conventionVoteText'
import { printedOpinionForm } from '../../renderer/print/conventionFormText'

const convention = (over: Partial<Convention> = {}): Convention => ({
  id: 3,
  scope: 'compound',
  communityId: 1,
  communityName: '红光社区',
  compoundId: 7,
  compoundName: '桂北小区',
  title: '桂北小区居民公约',
  status: 'in_force',
  currentVersion: null,
  workingVersion: null,
  repealedOn: null,
  repealReason: null,
  updatedAt: '2026-03-01T09:00:00.000Z',
  version: 4,
  ...over,
})

let nextId = 100
const article = (text: string, over: Partial<ConventionArticle> = {}): ConventionArticle => ({
  id: nextId++,
  position: nextId,
  numberText: '第一条',
  chapter: null,
  chapterNumberText: null,
  text,
  tags: [],
  ...over,
})

const vote = (over: Partial<VoteRecord> = {}): VoteRecord => ({
  id: 11,
  meetingKind: 'residents',
  heldOn: '2026-03-01',
  place: '红光社区党群服务中心三楼会议室',
  entitled: 120,
  present: 95,
  womenPresent: 48,
  inFavour: 88,
  against: 4,
  abstain: 3,
  quorumMet: true,
  passed: true,
  quorumText: '实到95人，超过应到120人的半数（60人），会议有效',
  passText: '赞成88票，超过实到95人的半数（48票），表决通过',
  staffName: '李梅',
  ...over,
})

const version = (over: Partial<ConventionVersion> = {}): ConventionVersion => ({
  id: 21,
  number: 1,
  stage: 'filed',
  adoptedOn: '2026-03-01',
  articleCount: 0,
  articles: [],
  flags: [],
  opinions: [],
  reviews: [],
  votes: [vote()],
  filing: { authority: '红光街道办事处', filedOn: '2026-03-05', reference: '红街备〔2026〕3号' },
  postings: [],
  history: [],
  updatedAt: '2026-03-05T09:00:00.000Z',
  ...over,
})

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date(2026, 3, 9, 10, 0))
})
afterEach(() => vi.useRealTimers())

describe('poster', () => {
  it('titles the convention in 《》 once, whether or not the clerk typed them', () => {
    expect(bookTitle('桂北小区居民公约')).toBe('《桂北小区居民公约》')
    expect(bookTitle(' 《桂北小区居民公约》 ')).toBe('《桂北小区居民公约》')
  })

  it('prints chapters where they start and articles in order with their paragraphs', () => {
    const v = version({
      articles: [
        article('爱护公共设施。', { position: 2, numberText: '第二条' }),
        article('为维护小区秩序，制定本公约。', {
          position: 1,
          numberText: '第一条',
          chapter: '总则',
          chapterNumberText: '第一章',
        }),
        article('不在消防通道停车。\n\n  车辆按位停放。 ', {
          position: 3,
          numberText: '第三条',
          chapter: '停车管理',
          chapterNumberText: '第二章',
        }),
        article('文明养犬。', { position: 4, numberText: '第四条', chapter: '停车管理', chapterNumberText: null }),
      ],
    })
    const p = printedPoster(convention(), v)
    expect(p.title).toBe('《桂北小区居民公约》')
    expect(p.mark).toBeNull()
    expect(p.articles).toEqual([
      { chapter: '第一章　总则', numberText: '第一条', paragraphs: ['为维护小区秩序，制定本公约。'] },
      { chapter: null, numberText: '第二条', paragraphs: ['爱护公共设施。'] },
      { chapter: '第二章　停车管理', numberText: '第三条', paragraphs: ['不在消防通道停车。', '车辆按位停放。'] },
      { chapter: null, numberText: '第四条', paragraphs: ['文明养犬。'] },
    ])
  })

  it('says which meeting adopted it on which date, where it was filed, and signs for the committee', () => {
    const p = printedPoster(convention(), version())
    expect(p.adoption).toBe('本公约经2026年3月1日红光社区桂北小区居民会议表决通过。')
    expect(p.filing).toBe('本公约已报红光街道办事处备案（2026年3月5日），备案号：红街备〔2026〕3号。')
    expect(p.issuer).toBe('红光社区居民委员会')
    expect(p.date).toBe('2026年3月1日')
  })

  it('names the adopting vote, not an earlier failed one, and a community convention by its community', () => {
    const votes = [
      vote({ id: 1, heldOn: '2026-01-10', passed: false, meetingKind: 'households' }),
      vote({ id: 2, heldOn: '2026-02-20', meetingKind: 'representatives' }),
    ]
    const p = printedPoster(
      convention({ scope: 'community', compoundId: null, compoundName: null, title: '红光社区居民公约' }),
      version({
        votes,
        filing: null,
        postings: [{ id: 1, place: '小区东门公示栏', postedOn: '2026-03-08', photoIds: [] }],
      }),
    )
    expect(p.adoption).toBe('本公约经2026年2月20日红光社区居民代表会议表决通过。')
    expect(p.filing).toBeNull()
    // Posted: dated the day it went up.
    expect(p.date).toBe('2026年3月8日')
  })

  it('marks a draft and a revision draft, with no adoption line, dated the day it is printed', () => {
    const draft = printedPoster(
      convention({ status: 'drafting' }),
      version({ stage: 'drafting', votes: [], filing: null, adoptedOn: null }),
    )
    expect(draft.mark).toBe('（草案）')
    expect(draft.adoption).toBeNull()
    expect(draft.date).toBe('2026年4月9日')
    // A failed vote does not make an adoption line either.
    const failed = printedPoster(
      convention(),
      version({ number: 2, stage: 'drafting', votes: [vote({ passed: false })], filing: null, adoptedOn: null }),
    )
    expect(failed.mark).toBe('（修订草案）')
    expect(failed.adoption).toBeNull()
  })

  it('marks a superseded version and a repealed convention', () => {
    expect(printedPoster(convention(), version({ stage: 'superseded' })).mark).toBe('（已被修订的历史版本）')
    expect(printedPoster(convention({ status: 'repealed', repealedOn: '2026-06-30' }), version()).mark).toBe(
      '（已于2026年6月30日废止）',
    )
  })

  it('keeps markup as text and drops blank lines in articles', () => {
    expect(articleParagraphs('<script>alert(1)</script>\r\n\r\n第二段')).toEqual([
      '<script>alert(1)</script>',
      '第二段',
    ])
  })
})

describe('表决结果公示', () => {
  it('states the meeting, the counts, core’s arithmetic, the result and the 公示期', () => {
    const p = printedVote(convention(), vote(), { officePhone: '023-45678100' })
    expect(p.title).toBe('关于《桂北小区居民公约》表决结果的公示')
    expect(p.intro).toBe(
      '2026年3月1日，红光社区桂北小区在红光社区党群服务中心三楼会议室召开居民会议，对《桂北小区居民公约》进行表决。现将表决结果公示如下：',
    )
    expect(p.counts.map((c) => `${c.label}${c.value}`)).toEqual([
      '应到120人',
      '实到95人',
      '其中妇女48人',
      '赞成88票',
      '反对4票',
      '弃权3票',
    ])
    expect(p.women).toBe('其中妇女48人，占实到人数的50.5%。')
    expect(p.quorumText).toBe('实到95人，超过应到120人的半数（60人），会议有效。')
    expect(p.passText).toBe('赞成88票，超过实到95人的半数（48票），表决通过。')
    expect(p.result).toBe('表决结果：通过。')
    expect(p.followUp).toBeNull()
    expect(p.period).toBe('公示期为7天，自公示之日起计算。对表决结果有异议的，请在公示期内向红光社区居民委员会反映')
    expect(p.contact).toBe('联系电话：023-45678100')
    expect(p.issuer).toBe('红光社区居民委员会')
    expect(p.date).toBe('2026年4月9日')
  })

  it('says 未通过 and that the draft goes back for changes when the vote failed', () => {
    const p = printedVote(
      convention(),
      vote({
        passed: false,
        inFavour: 40,
        against: 50,
        abstain: 5,
        passText: '赞成40票，未超过实到95人的半数，未通过。',
      }),
      { officePhone: null },
    )
    expect(p.passed).toBe(false)
    expect(p.result).toBe('表决结果：未通过。')
    expect(p.passText).toBe('赞成40票，未超过实到95人的半数，未通过。')
    expect(p.followUp).toBe('《桂北小区居民公约》草案将根据居民意见修改完善后，另行提请表决。')
    expect(p.contact).toBeNull()
  })

  it('has no share of women when nobody came', () => {
    expect(printedVote(convention(), vote({ present: 0, womenPresent: 0 }), { officePhone: null }).women).toBe(
      '其中妇女0人。',
    )
  })
})

describe('征求意见表', () => {
  const options = { officeName: '红光社区党群服务中心', officePhone: '023-45678100' }

  it('asks about the draft and says where to hand it back', () => {
    const f = printedOpinionForm(convention(), { stage: 'collecting', number: 1 }, options)
    expect(f.officeName).toBe('红光社区党群服务中心')
    expect(f.title).toBe('《桂北小区居民公约》征求意见表')
    expect(f.conventionName).toBe('《桂北小区居民公约》（草案）')
    expect(f.agreeLabel).toBe('是否同意草案')
    expect(f.choices).toEqual(['同意', '基本同意，有修改意见', '不同意'])
    expect(f.intro).toContain('红光社区居民委员会现就《桂北小区居民公约》（草案）广泛征求意见')
    expect(f.returnText).toBe('填写后请交回红光社区党群服务中心（联系电话：023-45678100）。')
  })

  it('asks about a revision, the text in force, or a convention with no version yet', () => {
    expect(printedOpinionForm(convention(), { stage: 'drafting', number: 2 }, options).conventionName).toBe(
      '《桂北小区居民公约》（修订草案）',
    )
    const inForce = printedOpinionForm(convention(), { stage: 'posted', number: 1 }, options)
    expect(inForce.conventionName).toBe('《桂北小区居民公约》')
    expect(inForce.agreeLabel).toBe('是否同意本公约')
    expect(inForce.intro).toContain('修订')
    const none = printedOpinionForm(convention(), null, { officeName: '红光社区党群服务中心', officePhone: null })
    expect(none.conventionName).toBe('《桂北小区居民公约》（草案）')
    expect(none.returnText).toBe('填写后请交回红光社区党群服务中心。')
  })
})
