/**
 * 表决: the meeting's counts, checked for impossible numbers, counted under
 * the rules in force today (kept with the vote), and the result applied: an
 * adopted version comes into force and the one before it is 已被修订; a
 * failed vote sends the version back to 草案.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ConventionActInput } from '../../../../shared/api/conventions'
import { meetingKindLabels } from '../../../../shared/conventions/labels'
import { voteCountProblems, voteOutcome } from '../../../../shared/conventions/voteRules'
import type { Ctx } from '../../context'
import { nowIso, staffId } from '../rows'
import { notInFuture } from './dates'
import { readVoteRules } from './rules'
import { fetchVersionRow, type ConventionRow } from './rows'
import { requireStage, workingVersionOf } from './stages'
import { touchVersion, type Change } from './write'

type VoteInput = Extract<ConventionActInput, { action: 'vote' }>

export async function recordVote(trx: Knex.Transaction, ctx: Ctx, c: ConventionRow, input: VoteInput): Promise<Change> {
  const v = await workingVersionOf(trx, c, '表决')
  requireStage(v, ['voting'], '表决')
  notInFuture(ctx, input.heldOn, '表决日期', 'heldOn')
  const counts = {
    entitled: input.entitled,
    present: input.present,
    womenPresent: input.womenPresent,
    inFavour: input.inFavour,
    against: input.against,
    abstain: input.abstain,
  }
  const [problem] = voteCountProblems(counts)
  if (problem) throw new ApiError('VALIDATION', problem.message, problem.field)
  const rules = await readVoteRules(trx)
  const outcome = voteOutcome(counts, rules)
  await trx('convention_votes').insert({
    version_id: v.id,
    meeting_kind: input.meetingKind,
    held_on: input.heldOn,
    place: input.place,
    entitled: counts.entitled,
    present: counts.present,
    women_present: counts.womenPresent,
    in_favour: counts.inFavour,
    against: counts.against,
    abstain: counts.abstain,
    quorum_met: outcome.quorumMet ? 1 : 0,
    passed: outcome.passed ? 1 : 0,
    quorum_text: outcome.quorumText,
    pass_text: outcome.passText,
    rules: JSON.stringify(rules),
    staff_id: staffId(ctx),
    created_at: nowIso(ctx),
  })
  const meeting = `${input.heldOn}${meetingKindLabels[input.meetingKind]}（${input.place}）`
  const arithmetic = `${outcome.quorumText}；${outcome.passText}`
  const audit = {
    action: 'transition' as const,
    detail: { action: '表决', versionNumber: v.number, passed: outcome.passed },
  }
  if (!outcome.passed) {
    await touchVersion(trx, ctx, v.id, { stage: 'drafting' })
    return {
      history: [{ versionId: v.id, action: '表决未通过，退回草案', note: `${meeting}：${arithmetic}` }],
      audit,
    }
  }
  const history: Change['history'] = [{ versionId: v.id, action: '表决通过', note: `${meeting}：${arithmetic}` }]
  if (c.current_version_id !== null) {
    const previous = await fetchVersionRow(trx, c.current_version_id)
    await touchVersion(trx, ctx, previous.id, { stage: 'superseded' })
    history.push({
      versionId: previous.id,
      action: `被第${v.number}版取代`,
      note: `第${v.number}版于${input.heldOn}表决通过`,
    })
  }
  await touchVersion(trx, ctx, v.id, { stage: 'adopted', adopted_on: input.heldOn })
  return {
    changes: { current_version_id: v.id, working_version_id: null, status: 'in_force' },
    history,
    audit,
  }
}
