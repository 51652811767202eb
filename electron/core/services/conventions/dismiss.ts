/**
 * 处理条文提示: the reviewer decides an article flagged as a possible penalty
 * may stay as written, and says why. Recorded for the version it was read in.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ConventionActInput } from '../../../../shared/api/conventions'
import { articleNumberText } from '../../../../shared/conventions/numbering'
import { penaltyFindings } from '../../../../shared/conventions/penaltyWords'
import type { Ctx } from '../../context'
import { nowIso, staffId } from '../rows'
import { dismissalsOf } from './flags'
import type { ArticleRow, ConventionRow } from './rows'
import type { Change } from './write'

type DismissInput = Extract<ConventionActInput, { action: 'dismiss_flag' }>

export async function dismissFlag(
  trx: Knex.Transaction,
  ctx: Ctx,
  c: ConventionRow,
  input: DismissInput,
): Promise<Change> {
  const versionIds = [c.working_version_id, c.current_version_id].filter((v) => v !== null)
  const article = (await trx('convention_articles')
    .whereIn('version_id', versionIds)
    .where({ id: input.articleId })
    .first()) as ArticleRow | undefined
  if (!article) {
    throw new ApiError('NOT_FOUND', '该条文已被修改或不在施行中、正在制定的版本里，请刷新后再处理', 'articleId')
  }
  const numberText = articleNumberText(article.position)
  if (!penaltyFindings(article.text).some((f) => f.phrase === input.phrase)) {
    throw new ApiError('VALIDATION', `${numberText}没有关于“${input.phrase}”的提示，请刷新后再处理`, 'phrase')
  }
  const already = (await dismissalsOf(trx, article.version_id)).some(
    (d) => d.phrase === input.phrase && d.article_text === article.text,
  )
  if (already) throw new ApiError('CONFLICT', `${numberText}关于“${input.phrase}”的提示已处理过`)
  await trx('convention_flag_dismissals').insert({
    version_id: article.version_id,
    article_id: article.id,
    article_text: article.text,
    phrase: input.phrase,
    reason: input.reason,
    staff_id: staffId(ctx),
    at: nowIso(ctx),
  })
  return {
    history: [
      {
        versionId: article.version_id,
        action: '处理条文提示',
        note: `${numberText}“${input.phrase}”不作修改：${input.reason}`,
      },
    ],
    audit: { action: 'update', detail: { part: 'flag', phrase: input.phrase } },
  }
}
