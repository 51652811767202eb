/**
 * 通知公告: notices with an automatic 文号 (迎春社区〔2026〕5号), a simple
 * structured body (paragraphs and numbered items, optionally bold), and
 * templates staff copy and edit.
 */
import { z } from './zod'
import { id, optionalText, page, query, requiredText, version } from './fields'
import { noticeAudiences, noticeStatuses } from '../labels'

export const bodyBlock = z.object({
  type: z.enum(['paragraph', 'item'], { error: '段落类型应为“段落”或“编号项”' }),
  text: z
    .string({ error: '段落内容应为文字' })
    .max(5000, '单个段落不能超过5000个字，请分成几段')
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), '正文含有不可见的控制字符，请删除后重试'),
  bold: z.boolean().default(false),
})
export type BodyBlock = z.output<typeof bodyBlock>

export const noticeBody = z
  .array(bodyBlock)
  .max(300, '正文最多300段')
  .refine((blocks) => blocks.some((b) => b.text.trim() !== ''), '请填写正文')
  .refine((blocks) => blocks.reduce((n, b) => n + b.text.length, 0) <= 50000, '正文总长不能超过5万字')

const isoDate = z
  .string({ error: '请填写成文日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '成文日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), '成文日期不是有效日期')

export const docNumberText = z
  .string()
  .trim()
  .max(40, '文号不能超过40个字')
  .refine((s) => !/[\r\n]/.test(s), '文号不能换行')
  .optional()
  .transform((s) => (s ? s : undefined))

export const saveNoticeInput = z
  .object({
    id: id.optional(),
    version: version.optional(),
    communityId: z.number({ error: '请选择发文社区' }).int().positive('请选择发文社区'),
    title: requiredText('标题', 80),
    docNumber: docNumberText,
    audience: z.enum(noticeAudiences, { error: '请选择通知对象' }),
    compoundIds: z.array(id).max(500).default([]),
    body: noticeBody,
    attachmentsNote: optionalText('附件说明', 500, true),
    issuerName: requiredText('发文单位', 40),
    issuedOn: isoDate,
    contact: optionalText('联系人及电话', 60),
    postingLocation: optionalText('张贴位置', 100),
  })
  .superRefine((v, ctx) => {
    if (v.audience === 'compounds' && v.compoundIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['compoundIds'], message: '通知对象为指定小区时，请至少选择一个小区' })
    }
  })
export type SaveNoticeInput = z.input<typeof saveNoticeInput>

const namedRef = z.object({ id, name: z.string() })

export const notice = z.object({
  id,
  communityId: id,
  communityName: z.string(),
  title: z.string(),
  docNumber: z.string(),
  audience: z.enum(noticeAudiences),
  compounds: z.array(namedRef),
  body: z.array(bodyBlock),
  attachmentsNote: z.string().nullable(),
  issuerName: z.string(),
  issuedOn: z.string(),
  contact: z.string().nullable(),
  postingLocation: z.string().nullable(),
  status: z.enum(noticeStatuses),
  publishedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
})
export type Notice = z.infer<typeof notice>

export const noticeSummary = notice.omit({ body: true })
export type NoticeSummary = z.infer<typeof noticeSummary>

export const noticeTemplate = z.object({
  id,
  name: z.string(),
  title: z.string(),
  body: z.array(bodyBlock),
  attachmentsNote: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
})
export type NoticeTemplate = z.infer<typeof noticeTemplate>

export const saveTemplateInput = z.object({
  id: id.optional(),
  version: version.optional(),
  name: requiredText('模板名称', 30),
  title: requiredText('标题', 80),
  body: noticeBody,
  attachmentsNote: optionalText('附件说明', 500, true),
})
export type SaveTemplateInput = z.input<typeof saveTemplateInput>

export const listNoticesInput = z.object({
  query,
  communityId: id.optional(),
  status: z.enum(noticeStatuses).optional(),
  ...page(),
})

export const noticesMethods = {
  'notices.list': {
    summary: '通知公告列表（分页，可按标题/文号、社区、状态筛选）',
    permission: 'notices.read',
    input: listNoticesInput,
    output: z.object({
      items: z.array(noticeSummary),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
  },
  'notices.get': {
    summary: '读取一则通知',
    permission: 'notices.read',
    input: z.object({ id }),
    output: notice,
  },
  'notices.suggestDocNumber': {
    summary: '按发文社区和年份给出下一个文号',
    permission: 'notices.read',
    input: z.object({
      communityId: id,
      year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
    }),
    output: z.object({ docNumber: z.string() }),
  },
  'notices.save': {
    summary: '新建或修改通知（仅草稿可修改；文号留空则自动编号）',
    permission: 'notices.write',
    input: saveNoticeInput,
    output: notice,
  },
  'notices.copy': {
    summary: '复制一则通知为新草稿（重新编号）',
    permission: 'notices.write',
    input: z.object({ id }),
    output: notice,
  },
  'notices.publish': {
    summary: '发布通知（发布后内容锁定）',
    permission: 'notices.write',
    input: z.object({ id, version }),
    output: notice,
  },
  'notices.archive': {
    summary: '归档或恢复通知',
    permission: 'notices.write',
    input: z.object({ id, archived: z.boolean({ error: '请说明是归档还是恢复' }) }),
    output: notice,
  },
  'notices.listTemplates': {
    summary: '通知模板列表',
    permission: 'notices.read',
    input: z.object({}),
    output: z.array(noticeTemplate),
  },
  'notices.saveTemplate': {
    summary: '新建或修改通知模板',
    permission: 'notices.write',
    input: saveTemplateInput,
    output: noticeTemplate,
  },
  'notices.fromTemplate': {
    summary: '用模板新建通知草稿（填入社区名称、发文单位等）',
    permission: 'notices.write',
    input: z.object({
      templateId: id,
      communityId: z.number({ error: '请选择发文社区' }).int().positive('请选择发文社区'),
      compoundIds: z.array(id).max(500).default([]),
    }),
    output: notice,
  },
} as const
