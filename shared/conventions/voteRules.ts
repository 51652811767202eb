/**
 * Whether a vote on a convention had its quorum and passed. The 2018 text of
 * 城市居民委员会组织法 asks for more than half of those entitled present and more
 * than half of those present in favour; the 2025 revision could not be
 * confirmed, so the rule is a setting and this module only does arithmetic,
 * in whole numbers (a fraction n/d of a count is compared as count*n vs d).
 */
export const voteComparisons = ['more_than', 'at_least'] as const
export type VoteComparison = (typeof voteComparisons)[number]
export const voteComparisonLabels: Record<VoteComparison, string> = { more_than: '超过', at_least: '达到' }

export const passBases = ['present', 'entitled'] as const
export type PassBase = (typeof passBases)[number]
export const passBaseLabels: Record<PassBase, string> = { present: '实到人数', entitled: '应到人数' }

export interface VoteRules {
  /** Quorum: present must be more than / at least quorumNumerator/quorumDenominator of entitled. */
  quorumNumerator: number
  quorumDenominator: number
  quorumComparison: VoteComparison
  /** Pass: in favour must be more than / at least passNumerator/passDenominator of the base. */
  passNumerator: number
  passDenominator: number
  passComparison: VoteComparison
  passBase: PassBase
}

export const defaultVoteRules: VoteRules = {
  quorumNumerator: 1,
  quorumDenominator: 2,
  quorumComparison: 'more_than',
  passNumerator: 1,
  passDenominator: 2,
  passComparison: 'more_than',
  passBase: 'present',
}

export interface VoteCounts {
  entitled: number
  present: number
  womenPresent: number
  inFavour: number
  against: number
  abstain: number
}

export interface VoteOutcome {
  quorumMet: boolean
  passed: boolean
  /** The arithmetic in words, for the screen and the 表决结果公示. */
  quorumText: string
  passText: string
}

export interface VoteCountProblem {
  field: keyof VoteCounts
  message: string
}

/** A count typed into the vote form that cannot be true, with the numbers in the message. */
export function voteCountProblems(c: VoteCounts): VoteCountProblem[] {
  const problems: VoteCountProblem[] = []
  if (c.present > c.entitled) {
    problems.push({ field: 'present', message: `实到人数（${c.present}）不能超过应到人数（${c.entitled}）` })
  }
  if (c.womenPresent > c.present) {
    problems.push({
      field: 'womenPresent',
      message: `到会妇女人数（${c.womenPresent}）不能超过实到人数（${c.present}）`,
    })
  }
  const cast = c.inFavour + c.against + c.abstain
  if (cast > c.present) {
    problems.push({
      field: 'inFavour',
      message: `赞成、反对、弃权票数合计（${c.inFavour}+${c.against}+${c.abstain}=${cast}）不能超过实到人数（${c.present}）`,
    })
  }
  return problems
}

const smallNumbers = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const

/** 0–100, enough for the fractions a rule allows (denominator at most 100). */
function chineseSmall(n: number): string {
  if (n <= 10) return smallNumbers[n]!
  if (n < 20) return `十${smallNumbers[n - 10]!}`
  if (n < 100) return `${smallNumbers[Math.floor(n / 10)]!}十${n % 10 === 0 ? '' : smallNumbers[n % 10]!}`
  return '一百'
}

/** 1/2 → 二分之一, 2/3 → 三分之二. */
export function fractionText(numerator: number, denominator: number): string {
  return `${chineseSmall(denominator)}分之${chineseSmall(numerator)}`
}

/**
 * base × n ÷ d written out from whole-number arithmetic: 50, 25.5, or 约66.67
 * when it does not end within two decimals.
 */
export function thresholdText(base: number, numerator: number, denominator: number): string {
  const total = base * numerator
  const whole = Math.floor(total / denominator)
  let rest = total % denominator
  if (rest === 0) return String(whole)
  let decimals = ''
  for (let i = 0; i < 2 && rest !== 0; i++) {
    rest *= 10
    decimals += String(Math.floor(rest / denominator))
    rest %= denominator
  }
  if (rest === 0) return `${whole}.${decimals}`
  // Round the third decimal half up, still in whole numbers.
  const third = Math.floor((rest * 10) / denominator)
  const hundredths = whole * 100 + Number(decimals) + (third >= 5 ? 1 : 0)
  return `约${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`
}

/** Whether value compares to base × n ÷ d as the rule asks, without dividing. */
function meets(value: number, base: number, numerator: number, denominator: number, how: VoteComparison): boolean {
  const left = value * denominator
  const right = base * numerator
  return how === 'more_than' ? left > right : left >= right
}

function comparisonWord(how: VoteComparison, met: boolean): string {
  return met ? voteComparisonLabels[how] : `未${voteComparisonLabels[how]}`
}

/**
 * Quorum and pass under the rules, with the arithmetic in words for the
 * screen and the 表决结果公示, e.g. 实到51人，超过应到100人的二分之一（50人），达到法定人数.
 * A vote without its quorum does not pass, whatever the count in favour.
 */
export function voteOutcome(c: VoteCounts, rules: VoteRules): VoteOutcome {
  const { quorumNumerator: qn, quorumDenominator: qd, quorumComparison: qc } = rules
  const quorumMet = meets(c.present, c.entitled, qn, qd, qc)
  const quorumText =
    `实到${c.present}人，${comparisonWord(qc, quorumMet)}应到${c.entitled}人的${fractionText(qn, qd)}` +
    `（${thresholdText(c.entitled, qn, qd)}人），${quorumMet ? '达到法定人数' : '未达到法定人数'}`

  const { passNumerator: pn, passDenominator: pd, passComparison: pc, passBase } = rules
  const base = passBase === 'present' ? c.present : c.entitled
  const baseWords = passBase === 'present' ? `实到${c.present}人` : `应到${c.entitled}人`
  const enough = meets(c.inFavour, base, pn, pd, pc)
  const arithmetic =
    `赞成${c.inFavour}票，${comparisonWord(pc, enough)}${baseWords}的${fractionText(pn, pd)}` +
    `（${thresholdText(base, pn, pd)}票）`
  const passed = quorumMet && enough
  const passText = !quorumMet
    ? `${arithmetic}；因未达到法定人数，表决无效，未获通过`
    : `${arithmetic}，${enough ? '表决通过' : '未获通过'}`
  return { quorumMet, passed, quorumText, passText }
}
