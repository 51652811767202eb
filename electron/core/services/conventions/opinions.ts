/**
 * 征集意见: opinions from residents, households and groups on the version
 * being written, with whether each was adopted and the reply. They can be
 * entered and answered while the version is collecting or being drafted.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ParsedInput } from '../../../../shared/api/contract'
import { editableStages, opinionSourceLabels } from '../../../../shared/conventions/labels'
import type { Ctx } from '../../context'
import { changeStamp, createStamp } from '../rows'
import { notInFuture } from './dates'
import { requireStage, workingVersionOf } from './stages'
import { touchVersion, writeConvention } from './write'

export function saveOpinion(db: Knex, ctx: Ctx, input: ParsedInput<'conventions.saveOpinion'>) {
  return writeConvention(db, ctx, { id: input.conventionId, version: input.version }, async (trx, c) => {
    const v = await workingVersionOf(trx, c, '登记意见')
    requireStage(v, editableStages, '登记或修改意见')
    notInFuture(ctx, input.receivedOn, '收到日期', 'receivedOn')
    const values = {
      source: input.source,
      from_name: input.fromName,
      received_on: input.receivedOn,
      content: input.content,
      adopted: input.adopted === null ? null : input.adopted ? 1 : 0,
      reply: input.reply,
      ...changeStamp(ctx),
    }
    if (input.id !== undefined) {
      const changed = await trx('convention_opinions').where({ id: input.id, version_id: v.id }).update(values)
      if (changed !== 1) throw new ApiError('NOT_FOUND', '该意见不存在或不属于正在制定的版本，请刷新后重试', 'id')
    } else {
      await trx('convention_opinions').insert({ ...values, version_id: v.id, ...createStamp(ctx) })
    }
    await touchVersion(trx, ctx, v.id)
    const decided = input.adopted === null ? '' : input.adopted ? '，已采纳' : '，未采纳'
    return {
      history: [
        {
          versionId: v.id,
          action: input.id === undefined ? '登记意见' : '修改意见',
          // No name here: the history is append-only, the opinion row itself can still be corrected.
          note: `来自${opinionSourceLabels[input.source]}${decided}`,
        },
      ],
      audit: { action: 'update', detail: { part: 'opinion', versionNumber: v.number } },
    }
  })
}
