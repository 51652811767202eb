/**
 * 新建公约 and 修改名称. A convention belongs to a community (社区居民公约) or to
 * one of its compounds (小区公约); there is at most one live convention for
 * each, so a second is refused with the name of the first.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ConventionDetail } from '../../../../shared/api/conventions'
import type { ParsedInput } from '../../../../shared/api/contract'
import { conventionStatusLabels, type ConventionStatus } from '../../../../shared/conventions/labels'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { isUniqueViolation } from '../../db/sqlite'
import { createStamp, changeStamp } from '../rows'
import { fetchDetail } from './queries'
import { appendHistory, writeConvention } from './write'

type CreateInput = ParsedInput<'conventions.create'>

async function checkPlace(trx: Knex.Transaction, input: CreateInput): Promise<void> {
  const community = (await trx('communities').where({ id: input.communityId }).first('id', 'archived_at')) as
    { id: number; archived_at: string | null } | undefined
  if (!community) throw new ApiError('VALIDATION', '所选社区不存在，请重新选择', 'communityId')
  if (community.archived_at) throw new ApiError('VALIDATION', '所选社区已归档，不能新建公约', 'communityId')
  if (input.scope === 'community') {
    if (input.compoundId !== null) {
      throw new ApiError(
        'VALIDATION',
        '社区居民公约适用于整个社区，不应选择小区；小区公约请选择“小区公约”',
        'compoundId',
      )
    }
    return
  }
  if (input.compoundId === null) throw new ApiError('VALIDATION', '请选择小区公约所属的小区', 'compoundId')
  const compound = (await trx('compounds').where({ id: input.compoundId }).first('community_id', 'archived_at')) as
    { community_id: number; archived_at: string | null } | undefined
  if (!compound) throw new ApiError('VALIDATION', '所选小区不存在，请重新选择', 'compoundId')
  if (compound.community_id !== input.communityId) {
    throw new ApiError('VALIDATION', '所选小区不属于所选社区，请重新选择', 'compoundId')
  }
  if (compound.archived_at) throw new ApiError('VALIDATION', '所选小区已归档，不能新建公约', 'compoundId')
}

async function checkNoLiveConvention(trx: Knex.Transaction, input: CreateInput): Promise<void> {
  const q = trx('conventions').whereNot('status', 'repealed')
  if (input.scope === 'community') q.where({ scope: 'community', community_id: input.communityId })
  else q.where({ compound_id: input.compoundId })
  const existing = (await q.first('title', 'status')) as { title: string; status: ConventionStatus } | undefined
  if (!existing) return
  const where = input.scope === 'community' ? '该社区' : '该小区'
  throw new ApiError(
    'VALIDATION',
    `${where}已有《${existing.title}》（${conventionStatusLabels[existing.status]}），请修订现有公约；如需另立新约，请先将其废止`,
    input.scope === 'community' ? 'communityId' : 'compoundId',
  )
}

export async function createConvention(db: Knex, ctx: Ctx, input: CreateInput): Promise<ConventionDetail> {
  const id = await db.transaction(async (trx) => {
    await checkPlace(trx, input)
    await checkNoLiveConvention(trx, input)
    let conventionId: number
    try {
      const [row] = (await trx('conventions')
        .insert({
          scope: input.scope,
          community_id: input.communityId,
          compound_id: input.compoundId,
          title: input.title,
          status: 'drafting',
          ...createStamp(ctx),
          ...changeStamp(ctx),
        })
        .returning('id')) as { id: number }[]
      conventionId = row!.id
    } catch (err) {
      // Two clerks creating the same one at once: the unique index decides, the message stays the same.
      if (isUniqueViolation(err)) await checkNoLiveConvention(trx, input)
      throw err
    }
    const [v] = (await trx('convention_versions')
      .insert({ convention_id: conventionId, number: 1, stage: 'collecting', ...createStamp(ctx), ...changeStamp(ctx) })
      .returning('id')) as { id: number }[]
    await trx('conventions').where({ id: conventionId }).update({ working_version_id: v!.id })
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'convention',
      entityId: conventionId,
      detail: { scope: input.scope, title: input.title },
    })
    await appendHistory(trx, ctx, conventionId, { versionId: v!.id, action: '新建公约，开始征集意见' })
    return conventionId
  })
  return fetchDetail(db, id)
}

export function renameConvention(db: Knex, ctx: Ctx, input: ParsedInput<'conventions.rename'>) {
  return writeConvention(db, ctx, input, async (_trx, c) => ({
    changes: { title: input.title },
    history: [
      {
        versionId: c.working_version_id ?? c.current_version_id,
        action: '修改公约名称',
        note: `${c.title} → ${input.title}`,
      },
    ],
    audit: { action: 'update', detail: { part: 'title' } },
  }))
}
