/**
 * One step of a convention's life cycle (conventions.act): each checks the
 * stage it needs and is refused in Chinese when out of order. The stage map:
 * 征集意见 → 草案 → 审核 → 表决 → 已通过 → 已备案 → 已公布; 审核退回 and a
 * failed vote go back to 草案; 修订 starts a new version beside the one in force.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ConventionActInput } from '../../../../shared/api/conventions'
import type { ParsedInput } from '../../../../shared/api/contract'
import { reviewResultLabels, versionStageLabels } from '../../../../shared/conventions/labels'
import type { Ctx } from '../../context'
import { createStamp, changeStamp, nowIso, staffId } from '../rows'
import { notInFuture } from './dates'
import { checkPhoto } from './photos'
import { articleRowsOf, type ConventionRow, type VersionRow } from './rows'
import { currentVersionOf, requireStage, workingVersionOf } from './stages'
import { dismissFlag } from './dismiss'
import { recordVote } from './vote'
import { touchVersion, writeConvention, type Change } from './write'

type ActInput = ParsedInput<'conventions.act'>
type Of<A extends ConventionActInput['action']> = Extract<ActInput, { action: A }>

function transition(v: VersionRow, action: string, to: string, note: string | null = null): Change {
  return {
    history: [{ versionId: v.id, action, note }],
    audit: { action: 'transition', detail: { action, versionNumber: v.number, fromStage: v.stage, toStage: to } },
  }
}

async function startDraft(trx: Knex.Transaction, ctx: Ctx, c: ConventionRow, input: Of<'start_draft'>) {
  const v = await workingVersionOf(trx, c, '进入草案阶段')
  requireStage(v, ['collecting'], '结束征集、进入草案阶段')
  await touchVersion(trx, ctx, v.id, { stage: 'drafting' })
  return transition(v, '结束征集意见，进入草案', 'drafting', input.note)
}

async function submitReview(trx: Knex.Transaction, ctx: Ctx, c: ConventionRow, input: Of<'submit_review'>) {
  const v = await workingVersionOf(trx, c, '提交审核')
  requireStage(v, ['drafting'], '提交审核')
  if ((await articleRowsOf(trx, v.id)).length === 0) {
    throw new ApiError('CONFLICT', `第${v.number}版还没有条文，请先拟定条文再提交审核`)
  }
  await touchVersion(trx, ctx, v.id, { stage: 'reviewing' })
  return transition(v, '提交审核', 'reviewing', input.note)
}

async function review(trx: Knex.Transaction, ctx: Ctx, c: ConventionRow, input: Of<'review'>) {
  const v = await workingVersionOf(trx, c, '登记审核意见')
  requireStage(v, ['reviewing'], '登记审核意见')
  notInFuture(ctx, input.reviewedOn, '审核日期', 'reviewedOn')
  await trx('convention_reviews').insert({
    version_id: v.id,
    unit: input.unit,
    reviewed_on: input.reviewedOn,
    opinion: input.opinion,
    legal_opinion: input.legalOpinion,
    result: input.result,
    staff_id: staffId(ctx),
    created_at: nowIso(ctx),
  })
  const to = input.result === 'passed' ? 'voting' : 'drafting'
  await touchVersion(trx, ctx, v.id, { stage: to })
  const action = input.result === 'passed' ? '审核通过，待表决' : '审核退回修改，回到草案'
  return transition(
    v,
    action,
    to,
    `${input.unit}（${input.reviewedOn}）${reviewResultLabels[input.result]}：${input.opinion}`,
  )
}

async function file(trx: Knex.Transaction, ctx: Ctx, c: ConventionRow, input: Of<'file'>) {
  const v = await currentVersionOf(trx, c, '备案')
  // Filing normally follows adoption; a copy posted before filing may still be filed, once.
  const lateFiling = v.stage === 'posted' && v.filed_on === null
  if (!lateFiling) requireStage(v, ['adopted'], '备案')
  if (v.adopted_on && input.filedOn < v.adopted_on) {
    throw new ApiError('VALIDATION', `备案日期（${input.filedOn}）不能早于表决通过日期（${v.adopted_on}）`, 'filedOn')
  }
  notInFuture(ctx, input.filedOn, '备案日期', 'filedOn')
  const to = v.stage === 'posted' ? 'posted' : 'filed'
  await touchVersion(trx, ctx, v.id, {
    stage: to,
    filing_authority: input.authority,
    filed_on: input.filedOn,
    filing_reference: input.reference,
  })
  return transition(v, '备案', to, `${input.authority}，${input.filedOn}，${input.reference}`)
}

async function post(trx: Knex.Transaction, ctx: Ctx, c: ConventionRow, input: Of<'post'>) {
  const v = await currentVersionOf(trx, c, '登记公布')
  requireStage(v, ['adopted', 'filed', 'posted'], '登记公布')
  if (v.adopted_on && input.postedOn < v.adopted_on) {
    throw new ApiError('VALIDATION', `公布日期（${input.postedOn}）不能早于表决通过日期（${v.adopted_on}）`, 'postedOn')
  }
  notInFuture(ctx, input.postedOn, '公布日期', 'postedOn')
  const photos = input.photos.map((p, i) => checkPhoto(p, `photos.${i}.base64`))
  const [posting] = (await trx('convention_postings')
    .insert({
      version_id: v.id,
      place: input.place,
      posted_on: input.postedOn,
      staff_id: staffId(ctx),
      created_at: nowIso(ctx),
    })
    .returning('id')) as { id: number }[]
  for (const [i, p] of photos.entries()) {
    await trx('convention_photos').insert({
      posting_id: posting!.id,
      position: i + 1,
      name: p.name,
      mime: p.mime,
      bytes: p.bytes,
      size: p.bytes.length,
    })
  }
  await touchVersion(trx, ctx, v.id, { stage: 'posted' })
  const again = v.stage === 'posted' ? '再次公布' : '公布'
  return transition(
    v,
    again,
    'posted',
    `${input.postedOn}于${input.place}张贴${photos.length ? `，照片${photos.length}张` : ''}`,
  )
}

async function revise(trx: Knex.Transaction, ctx: Ctx, c: ConventionRow, input: Of<'revise'>): Promise<Change> {
  const current = await currentVersionOf(trx, c, '修订')
  if (c.working_version_id !== null) {
    throw new ApiError('CONFLICT', '该公约已有正在修订的版本，请在该版本上继续修改')
  }
  const last = (await trx('convention_versions').where({ convention_id: c.id }).max({ n: 'number' }).first()) as {
    n: number
  }
  const number = Number(last.n) + 1
  const [row] = (await trx('convention_versions')
    .insert({ convention_id: c.id, number, stage: 'collecting', ...createStamp(ctx), ...changeStamp(ctx) })
    .returning('id')) as { id: number }[]
  const versionId = row!.id
  const articles = await articleRowsOf(trx, current.id)
  for (const a of articles) {
    const [copy] = (await trx('convention_articles')
      .insert({ version_id: versionId, position: a.position, chapter: a.chapter, text: a.text, tags: a.tags })
      .returning('id')) as { id: number }[]
    // A penalty hint dismissed for this wording stays dismissed in the copy, with who and why.
    const dismissals = (await trx('convention_flag_dismissals')
      .where({ version_id: current.id, article_id: a.id })
      .select('article_text', 'phrase', 'reason', 'staff_id', 'at')) as {
      article_text: string
      phrase: string
      reason: string
      staff_id: number
      at: string
    }[]
    for (const d of dismissals) {
      await trx('convention_flag_dismissals').insert({ ...d, version_id: versionId, article_id: copy!.id })
    }
  }
  return {
    changes: { working_version_id: versionId },
    history: [
      { versionId, action: `开始修订（第${number}版），征集意见`, note: input.note },
      { versionId: current.id, action: `开始修订，第${number}版起草中`, note: input.note },
    ],
    audit: { action: 'transition', detail: { action: '开始修订', versionNumber: number, toStage: 'collecting' } },
  }
}

async function repeal(trx: Knex.Transaction, ctx: Ctx, c: ConventionRow, input: Of<'repeal'>): Promise<Change> {
  const history: Change['history'] = []
  if (c.working_version_id !== null) {
    const w = (await trx('convention_versions').where({ id: c.working_version_id }).first()) as VersionRow
    history.push({
      versionId: w.id,
      action: '因公约废止停止制定',
      note: `停止时处于“${versionStageLabels[w.stage]}”阶段`,
    })
  }
  history.push({
    versionId: c.current_version_id ?? c.working_version_id,
    action: '废止公约',
    note: `${input.repealedOn}废止：${input.reason}`,
  })
  return {
    changes: {
      status: 'repealed',
      repealed_on: input.repealedOn,
      repeal_reason: input.reason,
      working_version_id: null,
    },
    history,
    audit: { action: 'transition', detail: { action: '废止' } },
  }
}

function stepFor(trx: Knex.Transaction, ctx: Ctx, c: ConventionRow, input: ActInput): Promise<Change> {
  switch (input.action) {
    case 'start_draft':
      return startDraft(trx, ctx, c, input)
    case 'submit_review':
      return submitReview(trx, ctx, c, input)
    case 'review':
      return review(trx, ctx, c, input)
    case 'vote':
      return recordVote(trx, ctx, c, input)
    case 'file':
      return file(trx, ctx, c, input)
    case 'post':
      return post(trx, ctx, c, input)
    case 'revise':
      return revise(trx, ctx, c, input)
    case 'repeal':
      return repeal(trx, ctx, c, input)
    case 'dismiss_flag':
      return dismissFlag(trx, ctx, c, input)
  }
}

export function actOnConvention(db: Knex, ctx: Ctx, input: ActInput) {
  return writeConvention(db, ctx, input, (trx, c) => stepFor(trx, ctx, c, input))
}
