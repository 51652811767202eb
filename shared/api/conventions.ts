/**
 * 居民公约: the registry of conventions per community and compound, through
 * 征集意见, 草案, 审核, 表决, 备案, 公布, 修订 and 废止. Each convention has numbered
 * versions; a version's articles can change only while collecting or drafting,
 * and an adopted version never changes again. A revision is a new version that
 * goes round the same loop while the adopted one stays in force.
 */
import { z } from './zod'
import { id, isoDate, optionalText, page, query, requiredLongText, requiredText, version } from './fields'
import {
  conventionScopes,
  conventionStatuses,
  meetingKinds,
  opinionSources,
  reviewResults,
  versionStages,
} from '../conventions/labels'
import { passBases, voteComparisons } from '../conventions/voteRules'
import { compoundKinds } from '../labels'

const note = optionalText('备注', 2000, true)

/* ---------- articles ---------- */

const tag = requiredText('主题标签', 10)

export const articleInput = z.object({
  /** Starts a chapter with this title (第一章 is numbered automatically); null = continues the chapter. */
  chapter: optionalText('章标题', 30),
  text: requiredLongText('条文内容', 2000),
  tags: z.array(tag).max(5, '每条最多5个主题标签').default([]),
})

export const article = z.object({
  id,
  position: z.number().int(),
  /** 第一条 … from the order. */
  numberText: z.string(),
  chapter: z.string().nullable(),
  /** 第一章 … when this article starts a chapter. */
  chapterNumberText: z.string().nullable(),
  text: z.string(),
  tags: z.array(z.string()),
})
export type ConventionArticle = z.infer<typeof article>

/** An article text that reads as an abusive penalty, for the reviewer. */
export const penaltyFlag = z.object({
  articleId: z.number().int(),
  numberText: z.string(),
  /** The words that triggered it, e.g. 罚款. */
  phrase: z.string(),
  /** Why it matters, in words for the reviewer. */
  hint: z.string(),
  dismissed: z.object({ reason: z.string(), staffName: z.string(), at: z.string() }).nullable(),
})
export type PenaltyFlag = z.infer<typeof penaltyFlag>

/* ---------- life-cycle records ---------- */

export const opinion = z.object({
  id,
  source: z.enum(opinionSources),
  /** 张三 / 3栋2单元501户 / 第二居民小组 */
  fromName: z.string(),
  receivedOn: z.string(),
  content: z.string(),
  /** null while undecided */
  adopted: z.boolean().nullable(),
  reply: z.string().nullable(),
})

export const review = z.object({
  id,
  unit: z.string(),
  reviewedOn: z.string(),
  opinion: z.string(),
  legalOpinion: z.string().nullable(),
  result: z.enum(reviewResults),
  staffName: z.string(),
})

export const voteRecord = z.object({
  id,
  meetingKind: z.enum(meetingKinds),
  heldOn: z.string(),
  place: z.string(),
  entitled: z.number().int(),
  present: z.number().int(),
  womenPresent: z.number().int(),
  inFavour: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  quorumMet: z.boolean(),
  passed: z.boolean(),
  quorumText: z.string(),
  passText: z.string(),
  staffName: z.string(),
})
export type VoteRecord = z.infer<typeof voteRecord>

export const posting = z.object({
  id,
  place: z.string(),
  postedOn: z.string(),
  photoIds: z.array(z.number().int()),
})

export const versionSummary = z.object({
  id,
  /** 1, 2, … in order of creation. */
  number: z.number().int(),
  stage: z.enum(versionStages),
  adoptedOn: z.string().nullable(),
  articleCount: z.number().int(),
})

export const conventionVersion = versionSummary.extend({
  articles: z.array(article),
  flags: z.array(penaltyFlag),
  opinions: z.array(opinion),
  reviews: z.array(review),
  votes: z.array(voteRecord),
  /** 备案 */
  filing: z.object({ authority: z.string(), filedOn: z.string(), reference: z.string() }).nullable(),
  postings: z.array(posting),
  /** Who moved it through each stage and when (征集意见 started, 提交审核, …). */
  history: z.array(
    z.object({ at: z.string(), staffName: z.string(), action: z.string(), note: z.string().nullable() }),
  ),
  updatedAt: z.string(),
})
export type ConventionVersion = z.infer<typeof conventionVersion>

export const convention = z.object({
  id,
  scope: z.enum(conventionScopes),
  communityId: z.number().int(),
  communityName: z.string(),
  compoundId: z.number().int().nullable(),
  compoundName: z.string().nullable(),
  title: z.string(),
  status: z.enum(conventionStatuses),
  /** The version in force, if any. */
  currentVersion: versionSummary.nullable(),
  /** A version being written or revised (not yet adopted), if any. */
  workingVersion: versionSummary.nullable(),
  repealedOn: z.string().nullable(),
  repealReason: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
})
export type Convention = z.infer<typeof convention>

export const conventionDetail = convention.extend({
  versions: z.array(versionSummary),
  current: conventionVersion.nullable(),
  working: conventionVersion.nullable(),
})
export type ConventionDetail = z.infer<typeof conventionDetail>

/* ---------- inputs ---------- */

const target = { id, version }

export const createConventionInput = z.object({
  scope: z.enum(conventionScopes, { error: '请选择公约范围（社区/小区）' }),
  communityId: z.number({ error: '请选择社区' }).int().positive('请选择社区'),
  compoundId: id.nullish().transform((v) => v ?? null),
  title: requiredText('公约名称', 40),
})

const counts = {
  entitled: z
    .number({ error: '请填写应到人数' })
    .int('应到人数应为整数')
    .min(1, '应到人数至少为1')
    .max(100000, '应到人数过大'),
  present: z.number({ error: '请填写实到人数' }).int('实到人数应为整数').min(0, '实到人数不能为负数'),
  womenPresent: z.number({ error: '请填写到会妇女人数' }).int('妇女人数应为整数').min(0, '妇女人数不能为负数'),
  inFavour: z.number({ error: '请填写赞成票数' }).int('赞成票数应为整数').min(0, '赞成票数不能为负数'),
  against: z.number({ error: '请填写反对票数' }).int('反对票数应为整数').min(0, '反对票数不能为负数'),
  abstain: z.number({ error: '请填写弃权票数' }).int('弃权票数应为整数').min(0, '弃权票数不能为负数'),
}

/** A photo of the posted copy: JPEG or PNG, checked by its bytes in core. */
export const photoInput = z.object({
  name: requiredText('照片文件名', 100),
  base64: z.string({ error: '照片内容缺失' }).min(1, '照片内容缺失').max(4_000_000, '照片不能超过3 MB，请压缩后再上传'),
})

export const conventionActInput = z.discriminatedUnion(
  'action',
  [
    /** 征集意见 → 草案 */
    z.object({ action: z.literal('start_draft'), ...target, note }),
    /** 草案 → 审核 */
    z.object({ action: z.literal('submit_review'), ...target, note }),
    z.object({
      action: z.literal('review'),
      ...target,
      unit: requiredText('审核单位', 40),
      reviewedOn: isoDate('审核日期'),
      opinion: requiredLongText('审核意见', 2000),
      legalOpinion: optionalText('法律顾问意见', 2000, true),
      result: z.enum(reviewResults, { error: '请选择审核结论（通过/退回修改）' }),
    }),
    z.object({
      action: z.literal('vote'),
      ...target,
      meetingKind: z.enum(meetingKinds, { error: '请选择会议类型' }),
      heldOn: isoDate('表决日期'),
      place: requiredText('会议地点', 60),
      ...counts,
    }),
    z.object({
      action: z.literal('file'),
      ...target,
      authority: requiredText('备案机关', 40),
      filedOn: isoDate('备案日期'),
      reference: requiredText('备案文号', 40),
    }),
    z.object({
      action: z.literal('post'),
      ...target,
      place: requiredText('公布地点', 60),
      postedOn: isoDate('公布日期'),
      photos: z.array(photoInput).max(6, '每次最多上传6张照片').default([]),
    }),
    /** Starts a new version from the one in force (修订). */
    z.object({ action: z.literal('revise'), ...target, note }),
    z.object({
      action: z.literal('repeal'),
      ...target,
      repealedOn: isoDate('废止日期'),
      reason: requiredLongText('废止理由', 1000),
    }),
    z.object({
      action: z.literal('dismiss_flag'),
      ...target,
      articleId: id,
      phrase: requiredText('提示词', 20),
      reason: requiredLongText('不作修改的理由', 500),
    }),
  ],
  { error: '未知的公约操作' },
)
export type ConventionActInput = z.input<typeof conventionActInput>

export const opinionInput = z.object({
  conventionId: id,
  version,
  id: id.optional(),
  source: z.enum(opinionSources, { error: '请选择意见来源' }),
  fromName: requiredText('提出人', 40),
  receivedOn: isoDate('收到日期'),
  content: requiredLongText('意见内容', 2000),
  adopted: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  reply: optionalText('答复', 1000, true),
})

export const voteRulesSchema = z
  .object({
    quorumNumerator: z.number().int().min(1).max(99),
    quorumDenominator: z.number().int().min(1).max(100),
    quorumComparison: z.enum(voteComparisons),
    passNumerator: z.number().int().min(1).max(99),
    passDenominator: z.number().int().min(1).max(100),
    passComparison: z.enum(voteComparisons),
    passBase: z.enum(passBases),
  })
  .refine((r) => r.quorumNumerator < r.quorumDenominator, { path: ['quorumNumerator'], message: '法定人数比例应小于1' })
  .refine((r) => r.passNumerator < r.passDenominator, { path: ['passNumerator'], message: '通过比例应小于1' })

export const articleDiff = z.object({
  kind: z.enum(['added', 'removed', 'changed', 'same']),
  fromNumberText: z.string().nullable(),
  toNumberText: z.string().nullable(),
  /** Text pieces; `change` marks what was inserted or deleted inside a changed article. */
  parts: z.array(z.object({ text: z.string(), change: z.enum(['same', 'added', 'removed']) })),
})
export type ArticleDiff = z.infer<typeof articleDiff>

export const coverageRow = z.object({
  communityId: z.number().int(),
  communityName: z.string(),
  /** The community's own 社区居民公约 is in force. */
  communityConvention: z.boolean(),
  compounds: z.number().int(),
  covered: z.number().int(),
  /** 0–100, one decimal. */
  percent: z.number(),
  uncovered: z.array(
    z.object({ compoundId: z.number().int(), name: z.string(), kind: z.enum(compoundKinds).nullable() }),
  ),
})

export const conventionsMethods = {
  'conventions.list': {
    summary: '居民公约列表：按社区、小区、状态筛选',
    permission: 'conventions.read',
    input: z.object({
      query,
      communityId: id.optional(),
      compoundId: id.optional(),
      status: z.enum(conventionStatuses).optional(),
      stage: z.enum(versionStages).optional(),
      ...page(100),
    }),
    output: z.object({
      items: z.array(convention),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
  },
  'conventions.get': {
    summary: '公约详情：施行中的版本、正在制定或修订的版本及其全过程',
    permission: 'conventions.read',
    input: z.object({ id }),
    output: conventionDetail,
  },
  'conventions.getVersion': {
    summary: '某一版本的条文与过程（含已被修订的历史版本）',
    permission: 'conventions.read',
    input: z.object({ versionId: id }),
    output: conventionVersion,
  },
  'conventions.create': {
    summary: '新建公约（从征集意见开始）',
    permission: 'conventions.write',
    input: createConventionInput,
    output: conventionDetail,
  },
  'conventions.rename': {
    summary: '修改公约名称',
    permission: 'conventions.write',
    input: z.object({ ...target, title: requiredText('公约名称', 40) }),
    output: conventionDetail,
  },
  'conventions.saveArticles': {
    summary: '保存正在制定的版本的全部条文（顺序即条号）',
    permission: 'conventions.write',
    input: z.object({ ...target, articles: z.array(articleInput).max(200, '条文最多200条') }),
    output: conventionDetail,
  },
  'conventions.saveOpinion': {
    summary: '登记或修改征集到的意见（是否采纳、答复）',
    permission: 'conventions.write',
    input: opinionInput,
    output: conventionDetail,
  },
  'conventions.act': {
    summary: '提交审核、审核、表决、备案、公布、修订、废止、处理条文提示',
    permission: 'conventions.write',
    input: conventionActInput,
    output: conventionDetail,
  },
  'conventions.compare': {
    summary: '比较两个版本：新增、删除、修改的条文',
    permission: 'conventions.read',
    input: z.object({ fromVersionId: id, toVersionId: id }),
    output: z.object({ from: versionSummary, to: versionSummary, articles: z.array(articleDiff) }),
  },
  'conventions.coverage': {
    summary: '公约覆盖情况：各社区有无施行中公约的小区数与比例',
    permission: 'conventions.read',
    input: z.object({ communityId: id.optional() }),
    output: z.array(coverageRow),
  },
  'conventions.getPhoto': {
    summary: '公布照片',
    permission: 'conventions.read',
    input: z.object({ id }),
    output: z.object({ id, name: z.string(), mime: z.enum(['image/jpeg', 'image/png']), base64: z.string() }),
  },
  'conventions.getRules': {
    summary: '表决规则（法定人数与通过比例）',
    permission: 'conventions.read',
    input: z.object({}),
    output: voteRulesSchema,
  },
  'conventions.saveRules': {
    summary: '保存表决规则',
    permission: 'intake.admin',
    input: voteRulesSchema,
    output: voteRulesSchema,
  },
} as const
