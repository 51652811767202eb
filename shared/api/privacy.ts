/**
 * 个人信息保护 for the administrator (个人信息保护法 Arts 19, 45, 47): hand a
 * resident everything held about them, anonymise a person once the purpose
 * is met, and keep records no longer than the retention periods set here.
 * Anonymising clears identity, keeps the case history and every count, and
 * cannot be undone.
 */
import { z } from './zod'
import { id, page, requiredText } from './fields'

function years(label: string) {
  return z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数年`)
    .min(1, `${label}至少1年`)
    .max(30, `${label}不能超过30年`)
}

export const retentionSettings = z.object({
  /** A visit answered on the spot, counted from the visit; one that became 诉求, from their closing. */
  closedVisitYears: years('来访记录保存期限'),
  /** A 诉求 归档, 不予受理 or 合并, counted from its last step. */
  closedComplaintYears: years('诉求保存期限'),
  /** A person's last visit, 诉求 step or edit. */
  inactivePersonYears: years('无往来人员保存期限'),
})
export type RetentionSettings = z.infer<typeof retentionSettings>

export const defaultRetention: RetentionSettings = {
  closedVisitYears: 3,
  closedComplaintYears: 3,
  inactivePersonYears: 3,
}

export const overduePerson = z.object({
  id,
  name: z.string(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  visits: z.number().int(),
  complaints: z.number().int(),
  /** The latest of: last visit, last step on any of their 诉求, last edit of the person. */
  lastActivityAt: z.string(),
})
export type OverduePerson = z.infer<typeof overduePerson>

export const overduePage = z.object({
  items: z.array(overduePerson),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The dates the settings translate to today: closed on or before these is past retention. */
  cutoffs: z.object({ visits: z.string(), complaints: z.string(), persons: z.string() }),
})

export const maxBulkAnonymise = 500

export const anonymiseReason = requiredText('匿名化原因', 100)

export const exportFormats = ['json', 'xlsx'] as const
export const personExport = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() })

export const anonymised = z.object({
  id,
  anonymisedAt: z.string(),
  /** Free-text fields in the person's visits and 诉求 from which a number was removed. */
  scrubbedFields: z.number().int(),
})

export const privacyMethods = {
  'privacy.getRetention': {
    summary: '个人信息保存期限设置',
    permission: 'privacy.admin',
    input: z.object({}),
    output: retentionSettings,
  },
  'privacy.saveRetention': {
    summary: '保存个人信息保存期限设置',
    permission: 'privacy.admin',
    input: retentionSettings,
    output: retentionSettings,
  },
  'privacy.listOverdue': {
    summary: '超过保存期限的来访人（全部来访、诉求已办结且超期）',
    permission: 'privacy.admin',
    input: z.object(page(maxBulkAnonymise)),
    output: overduePage,
  },
  'privacy.exportPerson': {
    summary: '导出某来访人的全部个人信息（完整号码、来访、诉求及办理过程、回访、所涉调解案件），记入审计日志',
    permission: 'privacy.admin',
    input: z.object({ id, format: z.enum(exportFormats, { error: '导出格式应为 json 或 xlsx' }).default('json') }),
    output: personExport,
  },
  'privacy.anonymisePerson': {
    summary: '匿名化来访人：清除姓名、号码、出生日期、住址细节和备注，保留来访与诉求记录（不可撤销）',
    permission: 'privacy.admin',
    input: z.object({ id, reason: anonymiseReason }),
    output: anonymised,
  },
  'privacy.anonymiseMany': {
    summary: `批量匿名化超过保存期限的来访人（每次最多${maxBulkAnonymise}人，不可撤销）`,
    permission: 'privacy.admin',
    input: z.object({
      ids: z
        .array(id)
        .min(1, '请至少选择一位来访人')
        .max(maxBulkAnonymise, `一次最多匿名化${maxBulkAnonymise}人，请分批处理`),
      reason: anonymiseReason,
    }),
    output: z.object({
      anonymised: z.number().int(),
      /** Selected people who are no longer past retention (a new visit since the list was loaded). */
      skipped: z.array(z.object({ id, name: z.string() })),
    }),
  },
} as const
