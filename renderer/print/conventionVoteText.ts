/**
 * What the 表决结果公示 says: which meeting voted on which convention, when
 * and where; the attendance (with the women present, which the 2018 guidance
 * asks to record) and the votes; core's arithmetic for the quorum and the pass
 * rule, word for word; the result; the 公示期 and where to object; the
 * committee's 落款. Pure.
 */
import type { Convention, VoteRecord } from '../../shared/api/conventions'
import type { IntakeOptions } from '../../shared/api/intakeSettings'
import { meetingKindLabels } from '../../shared/conventions/labels'
import { printedDate, todayIso } from './printDates'
import { bookTitle, committeeName, meetingHolder } from './conventionText'
import { clause, sentence } from './textTools'

/** How long the result stays posted; 7 days is the usual 村（居）务公开 period for a decision. */
export const VOTE_NOTICE_DAYS = 7

export interface VoteCount {
  label: string
  value: string
}

export interface PrintedVote {
  title: string
  intro: string
  counts: VoteCount[]
  /** Women present as a share of attendance, e.g. 其中妇女48人，占实到人数的50.5%。 */
  women: string
  quorumText: string
  passText: string
  passed: boolean
  result: string
  /** A failed vote sends the text back to the draft (issue 7); nothing to add when it passed. */
  followUp: string | null
  /** 公示期 and where to object, up to the contact (printed after it in brackets, kept on one line). */
  period: string
  /** 联系电话：023-45678100, when the office has a phone. */
  contact: string | null
  issuer: string
  date: string
}

type ConventionHead = Pick<Convention, 'title' | 'communityName' | 'compoundName' | 'scope'>

/** 50.5: one decimal, without a trailing .0. */
function percent(part: number, whole: number): string {
  return String(Math.round((part / whole) * 1000) / 10)
}

function womenLine(v: VoteRecord): string {
  if (v.present === 0) return `其中妇女${v.womenPresent}人。`
  return `其中妇女${v.womenPresent}人，占实到人数的${percent(v.womenPresent, v.present)}%。`
}

export function printedVote(
  c: ConventionHead,
  vote: VoteRecord,
  options: Pick<IntakeOptions, 'officePhone'>,
): PrintedVote {
  const title = bookTitle(c.title)
  const issuer = committeeName(c)
  const kind = meetingKindLabels[vote.meetingKind]
  return {
    title: `关于${title}表决结果的公示`,
    intro:
      `${printedDate(vote.heldOn)}，${meetingHolder(c)}在${clause(vote.place)}召开${kind}，` +
      `对${title}进行表决。现将表决结果公示如下：`,
    counts: [
      { label: '应到', value: `${vote.entitled}人` },
      { label: '实到', value: `${vote.present}人` },
      { label: '其中妇女', value: `${vote.womenPresent}人` },
      { label: '赞成', value: `${vote.inFavour}票` },
      { label: '反对', value: `${vote.against}票` },
      { label: '弃权', value: `${vote.abstain}票` },
    ],
    women: womenLine(vote),
    quorumText: sentence(vote.quorumText),
    passText: sentence(vote.passText),
    passed: vote.passed,
    result: `表决结果：${vote.passed ? '通过' : '未通过'}。`,
    followUp: vote.passed ? null : `${title}草案将根据居民意见修改完善后，另行提请表决。`,
    period: `公示期为${VOTE_NOTICE_DAYS}天，自公示之日起计算。对表决结果有异议的，请在公示期内向${issuer}反映`,
    contact: options.officePhone ? `联系电话：${options.officePhone}` : null,
    issuer,
    date: printedDate(todayIso()),
  }
}
