/**
 * 保存条文: the whole ordered list of the working version at once, so the
 * numbering (第一条 …, 第一章 …) simply follows the order. Only while the
 * version is collecting opinions or being drafted; from 审核 on, the text is
 * what was reviewed and voted.
 */
import type { Knex } from 'knex'
import type { ParsedInput } from '../../../../shared/api/contract'
import { editableStages } from '../../../../shared/conventions/labels'
import type { Ctx } from '../../context'
import { requireStage, workingVersionOf } from './stages'
import { touchVersion, writeConvention } from './write'

export function saveArticles(db: Knex, ctx: Ctx, input: ParsedInput<'conventions.saveArticles'>) {
  return writeConvention(db, ctx, input, async (trx, c) => {
    const v = await workingVersionOf(trx, c, '修改条文')
    requireStage(v, editableStages, '修改条文')
    await trx('convention_articles').where({ version_id: v.id }).delete()
    if (input.articles.length > 0) {
      await trx('convention_articles').insert(
        input.articles.map((a, i) => ({
          version_id: v.id,
          position: i + 1,
          chapter: a.chapter,
          text: a.text,
          tags: JSON.stringify([...new Set(a.tags)]),
        })),
      )
    }
    await touchVersion(trx, ctx, v.id)
    const chapters = input.articles.filter((a) => a.chapter !== null).length
    return {
      history: [
        {
          versionId: v.id,
          action: '修改条文',
          note: `共${input.articles.length}条${chapters ? `，分${chapters}章` : ''}`,
        },
      ],
      audit: { action: 'update', detail: { part: 'articles', versionNumber: v.number, count: input.articles.length } },
    }
  })
}
