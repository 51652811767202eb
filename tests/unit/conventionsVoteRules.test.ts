/** 居民公约 voting arithmetic: quorum and pass at the boundaries, the words shown, impossible counts. */
import { describe, expect, it } from 'vitest'
import {
  defaultVoteRules,
  fractionText,
  thresholdText,
  voteCountProblems,
  voteOutcome,
  type VoteCounts,
  type VoteRules,
} from '../../shared/conventions/voteRules'

function counts(present: number, inFavour: number, entitled = 100): VoteCounts {
  return { entitled, present, womenPresent: 0, inFavour, against: 0, abstain: 0 }
}

const twoThirds: VoteRules = {
  ...defaultVoteRules,
  passNumerator: 2,
  passDenominator: 3,
  passComparison: 'at_least',
}

describe('quorum under the default rule (more than half of those entitled)', () => {
  it('is not met at exactly half and met at one more', () => {
    expect(voteOutcome(counts(50, 50), defaultVoteRules).quorumMet).toBe(false)
    expect(voteOutcome(counts(51, 51), defaultVoteRules).quorumMet).toBe(true)
  })

  it('with an odd number entitled, half is a fraction: 50 of 99 is more than 49.5', () => {
    expect(voteOutcome(counts(49, 49, 99), defaultVoteRules).quorumMet).toBe(false)
    expect(voteOutcome(counts(50, 50, 99), defaultVoteRules).quorumMet).toBe(true)
  })

  it('says the arithmetic in words', () => {
    expect(voteOutcome(counts(51, 26), defaultVoteRules).quorumText).toBe(
      '实到51人，超过应到100人的二分之一（50人），达到法定人数',
    )
    expect(voteOutcome(counts(50, 26), defaultVoteRules).quorumText).toBe(
      '实到50人，未超过应到100人的二分之一（50人），未达到法定人数',
    )
  })
})

describe('pass under the default rule (more than half of those present)', () => {
  it('fails at 25 of 51 and passes at 26', () => {
    const fails = voteOutcome(counts(51, 25), defaultVoteRules)
    const passes = voteOutcome(counts(51, 26), defaultVoteRules)
    expect(fails).toMatchObject({ quorumMet: true, passed: false })
    expect(passes).toMatchObject({ quorumMet: true, passed: true })
    expect(passes.passText).toBe('赞成26票，超过实到51人的二分之一（25.5票），表决通过')
    expect(fails.passText).toBe('赞成25票，未超过实到51人的二分之一（25.5票），未获通过')
  })

  it('with an even number present, exactly half fails and one more passes', () => {
    expect(voteOutcome(counts(60, 30), defaultVoteRules).passed).toBe(false)
    expect(voteOutcome(counts(60, 31), defaultVoteRules).passed).toBe(true)
    expect(voteOutcome(counts(60, 30), defaultVoteRules).passText).toContain('（30票）')
  })

  it('never passes without a quorum, however many are in favour', () => {
    const out = voteOutcome(counts(50, 50), defaultVoteRules)
    expect(out).toMatchObject({ quorumMet: false, passed: false })
    expect(out.passText).toContain('因未达到法定人数，表决无效')
  })

  it('counts against those entitled when the rule says so', () => {
    const rules: VoteRules = { ...defaultVoteRules, passBase: 'entitled' }
    expect(voteOutcome(counts(80, 50), rules).passed).toBe(false)
    const out = voteOutcome(counts(80, 51), rules)
    expect(out.passed).toBe(true)
    expect(out.passText).toBe('赞成51票，超过应到100人的二分之一（50票），表决通过')
  })
})

describe("an 'at least two thirds' rule", () => {
  it('passes at exactly two thirds and fails one below', () => {
    expect(voteOutcome(counts(60, 40), twoThirds).passed).toBe(true)
    expect(voteOutcome(counts(60, 39), twoThirds).passed).toBe(false)
    expect(voteOutcome(counts(60, 40), twoThirds).passText).toBe('赞成40票，达到实到60人的三分之二（40票），表决通过')
  })

  it('rounds up a third that does not divide: 67 of 100 reaches 66.67, 66 does not', () => {
    expect(voteOutcome(counts(100, 67), twoThirds).passed).toBe(true)
    const out = voteOutcome(counts(100, 66), twoThirds)
    expect(out.passed).toBe(false)
    expect(out.passText).toBe('赞成66票，未达到实到100人的三分之二（约66.67票），未获通过')
  })

  it('applies to the quorum too', () => {
    const rules: VoteRules = {
      ...defaultVoteRules,
      quorumNumerator: 2,
      quorumDenominator: 3,
      quorumComparison: 'at_least',
    }
    expect(voteOutcome(counts(20, 20, 30), rules).quorumMet).toBe(true)
    expect(voteOutcome(counts(19, 19, 30), rules).quorumMet).toBe(false)
    expect(voteOutcome(counts(20, 20, 30), rules).quorumText).toBe(
      '实到20人，达到应到30人的三分之二（20人），达到法定人数',
    )
  })
})

describe('fractions and thresholds in words', () => {
  it('writes fractions in Chinese', () => {
    expect(fractionText(1, 2)).toBe('二分之一')
    expect(fractionText(2, 3)).toBe('三分之二')
    expect(fractionText(3, 4)).toBe('四分之三')
    expect(fractionText(11, 20)).toBe('二十分之十一')
    expect(fractionText(1, 100)).toBe('一百分之一')
  })

  it('gives exact decimals and marks rounded ones', () => {
    expect(thresholdText(100, 1, 2)).toBe('50')
    expect(thresholdText(51, 1, 2)).toBe('25.5')
    expect(thresholdText(10, 1, 4)).toBe('2.5')
    expect(thresholdText(1, 1, 4)).toBe('0.25')
    expect(thresholdText(100, 2, 3)).toBe('约66.67')
    expect(thresholdText(10, 1, 3)).toBe('约3.33')
  })
})

describe('impossible counts', () => {
  const ok: VoteCounts = { entitled: 100, present: 60, womenPresent: 30, inFavour: 40, against: 10, abstain: 10 }

  it('accepts counts that fit, including every vote cast', () => {
    expect(voteCountProblems(ok)).toEqual([])
  })

  it('refuses attendance above those entitled', () => {
    expect(voteCountProblems({ ...ok, present: 120 })).toContainEqual({
      field: 'present',
      message: '实到人数（120）不能超过应到人数（100）',
    })
  })

  it('refuses more women than people present', () => {
    expect(voteCountProblems({ ...ok, womenPresent: 61 })).toEqual([
      { field: 'womenPresent', message: '到会妇女人数（61）不能超过实到人数（60）' },
    ])
  })

  it('refuses more votes than people present, naming the sum', () => {
    const problems = voteCountProblems({ ...ok, abstain: 11 })
    expect(problems).toHaveLength(1)
    expect(problems[0]?.field).toBe('inFavour')
    expect(problems[0]?.message).toBe('赞成、反对、弃权票数合计（40+10+11=61）不能超过实到人数（60）')
  })
})
