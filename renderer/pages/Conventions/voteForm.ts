/**
 * The vote form's counts as typed (blank until filled) and what can already
 * be said about them: which counts cannot be true, and the quorum and pass
 * arithmetic under the rules in force. Core does the same sums and its
 * answer is the record; this is so the clerk sees it while typing.
 */
import {
  voteCountProblems,
  voteOutcome,
  type VoteCounts,
  type VoteOutcome,
  type VoteRules,
} from '../../../shared/conventions/voteRules'

export type CountField = keyof VoteCounts
export type TypedCounts = Record<CountField, number | undefined>

export const countFields: { field: CountField; label: string }[] = [
  { field: 'entitled', label: '应到人数' },
  { field: 'present', label: '实到人数' },
  { field: 'womenPresent', label: '其中妇女' },
  { field: 'inFavour', label: '赞成' },
  { field: 'against', label: '反对' },
  { field: 'abstain', label: '弃权' },
]

export function emptyCounts(): TypedCounts {
  return {
    entitled: undefined,
    present: undefined,
    womenPresent: undefined,
    inFavour: undefined,
    against: undefined,
    abstain: undefined,
  }
}

const filled = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n)

/** Each problem at its field, but only once the counts it compares have been typed. */
export function liveProblems(c: TypedCounts): Partial<Record<CountField, string>> {
  const known = {
    entitled: c.entitled ?? 0,
    present: c.present ?? 0,
    womenPresent: c.womenPresent ?? 0,
    inFavour: c.inFavour ?? 0,
    against: c.against ?? 0,
    abstain: c.abstain ?? 0,
  }
  const ready: Record<CountField, boolean> = {
    entitled: true,
    present: filled(c.present) && filled(c.entitled),
    womenPresent: filled(c.womenPresent) && filled(c.present),
    inFavour: filled(c.present) && (filled(c.inFavour) || filled(c.against) || filled(c.abstain)),
    against: false,
    abstain: false,
  }
  const out: Partial<Record<CountField, string>> = {}
  for (const p of voteCountProblems(known)) if (ready[p.field]) out[p.field] ??= p.message
  return out
}

/** The quorum sentence once 应到 and 实到 are typed; the pass sentence once 赞成 is typed too. */
export function liveOutcome(c: TypedCounts, rules: VoteRules): { outcome: VoteOutcome; showPass: boolean } | null {
  if (!filled(c.entitled) || !filled(c.present) || c.entitled < 1) return null
  const counts: VoteCounts = {
    entitled: c.entitled,
    present: c.present,
    womenPresent: c.womenPresent ?? 0,
    inFavour: c.inFavour ?? 0,
    against: c.against ?? 0,
    abstain: c.abstain ?? 0,
  }
  return { outcome: voteOutcome(counts, rules), showPass: filled(c.inFavour) }
}

/** 其中妇女12人，占实到人数的40%. */
export function womenShare(c: TypedCounts): string {
  if (!filled(c.womenPresent) || !filled(c.present) || c.present === 0) return ''
  const percent = Math.round((c.womenPresent * 1000) / c.present) / 10
  return `到会妇女${c.womenPresent}人，占实到人数的${percent}%`
}
