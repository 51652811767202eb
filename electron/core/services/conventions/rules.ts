/**
 * 表决规则: quorum and pass shares are a setting, not constants, because the
 * 2025 revision of the law could not be confirmed (DOMAIN.md). Each vote
 * keeps a copy of the rules it was counted under.
 */
import type { Knex } from 'knex'
import { defaultVoteRules, type VoteRules } from '../../../../shared/conventions/voteRules'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { nowIso } from '../rows'
import { settingsStore } from '../settings'
import type { Db } from './rows'

const RULES_KEY = 'conventions.voteRules'

export async function readVoteRules(db: Db): Promise<VoteRules> {
  const stored = await settingsStore(db as Knex).get<Partial<VoteRules>>(RULES_KEY)
  return { ...defaultVoteRules, ...stored }
}

export async function saveVoteRules(db: Knex, ctx: Ctx, rules: VoteRules): Promise<VoteRules> {
  await db.transaction(async (trx) => {
    const before = await readVoteRules(trx)
    await settingsStore(trx).set(RULES_KEY, rules, nowIso(ctx))
    await recordAudit(trx, ctx, {
      action: 'update',
      entity: 'vote_rules',
      entityId: null,
      detail: {
        before: `${before.quorumNumerator}/${before.quorumDenominator} ${before.quorumComparison}; ${before.passNumerator}/${before.passDenominator} ${before.passComparison} ${before.passBase}`,
        after: `${rules.quorumNumerator}/${rules.quorumDenominator} ${rules.quorumComparison}; ${rules.passNumerator}/${rules.passDenominator} ${rules.passComparison} ${rules.passBase}`,
      },
    })
  })
  return readVoteRules(db)
}
