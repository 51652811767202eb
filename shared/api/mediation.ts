/**
 * 调解案件: people's-mediation case records. A case is registered (from a walk-in,
 * a 诉求 or directly), accepted with its number （2026）迎人调字第12号, mediated in
 * sessions after the parties were told their rights, concluded with an outcome,
 * followed up and filed as a 卷宗.
 *
 * Confidentiality is decided in core per case and returned as `access`:
 * - 'full': administrators and the case's own mediators (and any 调解员 while a
 *   registered case has no mediator yet) — everything; each such read is audited.
 * - 'registration': other 调解员 — parties, facts and requests, no notes.
 * - 'summary': everyone else — that the case exists, its number, type and status.
 * Fields a caller may not read come back null or empty, never masked text.
 */
import { z } from './zod'
import { id, isoDate, isoDateTime, optionalText, page, query, requiredLongText, requiredText, version } from './fields'
import { clockStates } from '../intake/labels'
import { personInput, personSummary } from './people'
import {
  disputeTypes,
  fileItemKinds,
  judicialResults,
  manualFileItemKinds,
  mediationOutcomes,
  mediationSources,
  mediationStatuses,
  mediatorRoles,
  noticeWays,
  partyRoles,
  performanceStates,
  retentionPeriods,
} from '../mediation/labels'
import { satisfactions } from '../intake/labels'

export const mediationAccess = ['summary', 'registration', 'full'] as const
export type MediationAccess = (typeof mediationAccess)[number]

const note = optionalText('备注', 2000, true)
const target = { id, version }

/* ---------- registration ---------- */

export const partyInput = z.object({
  /** The person record: an existing one (id + version) is updated, otherwise created. */
  person: personInput,
  occupation: optionalText('职业', 30),
  role: z.enum(partyRoles, { error: '请选择当事人身份（申请人/被申请人/第三人/代理人）' }),
  /** For a 代理人: the position (0-based) in `parties` of the party represented. */
  agentFor: z
    .number()
    .int()
    .min(0)
    .nullish()
    .transform((v) => v ?? null),
  /** For a 代理人: the 授权委托 (scope, date of the power of attorney). */
  authorization: optionalText('授权委托情况', 500, true),
  /** How the party's identity was checked (居民身份证、户口簿…); required before closing. */
  identityNote: optionalText('身份证明', 100),
})
export type PartyInput = z.input<typeof partyInput>

export const mediatorInput = z.object({
  staffId: z.number({ error: '请选择调解员' }).int().positive('请选择调解员'),
  role: z.enum(mediatorRoles, { error: '请选择主持或协助' }),
})

export const caseContent = z.object({
  source: z.enum(mediationSources, { error: '请选择案件来源' }),
  disputeType: z.enum(disputeTypes, { error: '请选择纠纷类型' }),
  /** The 诉求 this case was escalated from, or the walk-in it was registered at. */
  complaintId: id.nullish().transform((v) => v ?? null),
  visitId: id.nullish().transform((v) => v ?? null),
  /** Date of the application or of registration. */
  registeredOn: isoDate('登记日期'),
  parties: z
    .array(partyInput, { error: '请填写当事人' })
    .min(2, '请至少填写两方当事人（申请人与被申请人）')
    .max(30, '当事人最多30人'),
  /** One presiding mediator; others assist. Empty only while the case waits for acceptance. */
  mediators: z.array(mediatorInput).max(10, '调解员最多10人').default([]),
  facts: requiredLongText('纠纷简要情况', 5000),
  /** 申请事项, numbered in print in this order. */
  requests: z
    .array(requiredLongText('申请事项', 1000), { error: '请填写申请事项' })
    .min(1, '请至少填写一项申请事项')
    .max(20, '申请事项最多20项'),
})
export type CaseContentInput = z.input<typeof caseContent>

/* ---------- what core returns ---------- */

const ref = z.object({ id, number: z.string() })

export const caseParty = z.object({
  id,
  position: z.number().int(),
  role: z.enum(partyRoles),
  person: personSummary,
  ethnicity: z.string().nullable(),
  birthDate: z.string().nullable(),
  occupation: z.string().nullable(),
  /** Full phone: only at 'full' access, for the 协议书 the parties sign. */
  phone: z.string().nullable(),
  agentForPartyId: z.number().int().nullable(),
  authorization: z.string().nullable(),
  identityNote: z.string().nullable(),
})
export type CaseParty = z.infer<typeof caseParty>

export const caseMediator = z.object({ staffId: z.number().int(), name: z.string(), role: z.enum(mediatorRoles) })

export const sessionAttendee = z.object({
  /** A party of the case, or null for someone else present (a relative, a neighbour, an interpreter). */
  partyId: z.number().int().nullable(),
  name: z.string(),
  /** Their standing: 申请人, 被申请人, 亲属, 邻居, 见证人… */
  capacity: z.string(),
  signed: z.boolean(),
})

export const caseSession = z.object({
  id,
  seq: z.number().int(),
  heldAt: z.string(),
  place: z.string(),
  presidingStaffId: z.number().int(),
  presidingName: z.string(),
  recorder: z.string(),
  open: z.boolean(),
  closedReason: z.string().nullable(),
  attendees: z.array(sessionAttendee),
  record: z.string(),
  nextSteps: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
})
export type CaseSession = z.infer<typeof caseSession>

export const agreementTerm = z.object({
  content: z.string(),
  /** How it is performed (一次性支付、分期、恢复原状…). */
  way: z.string(),
  place: z.string().nullable(),
  deadline: z.string(),
})

export const caseExtension = z.object({
  consentedOn: z.string(),
  way: z.enum(noticeWays),
  fromDue: z.string(),
  toDue: z.string(),
  note: z.string().nullable(),
  staffName: z.string(),
})

export const caseFollowUp = z.object({
  id,
  dueOn: z.string(),
  /** Null while only scheduled. */
  calledOn: z.string().nullable(),
  caller: z.string().nullable(),
  performance: z.enum(performanceStates).nullable(),
  satisfaction: z.enum(satisfactions).nullable(),
  lawsuit: z.boolean().nullable(),
  lawsuitNote: z.string().nullable(),
  risk: z.string().nullable(),
  measures: z.string().nullable(),
})
export type CaseFollowUp = z.infer<typeof caseFollowUp>

export const fileIndexItem = z.object({
  /** Stable key for page overrides: 'registration', 'session:12', 'manual:3'… */
  key: z.string(),
  kind: z.enum(fileItemKinds),
  title: z.string(),
  date: z.string().nullable(),
  pages: z.number().int(),
  /** 起止页号 in the 卷内目录, e.g. '3-5'. */
  pageRange: z.string(),
  required: z.boolean(),
  /** Manual items can be edited and removed. */
  manualId: z.number().int().nullable(),
})
export type FileIndexItem = z.infer<typeof fileIndexItem>

export const mediationCase = z.object({
  id,
  /** Null until accepted. */
  number: z.string().nullable(),
  year: z.number().int().nullable(),
  source: z.enum(mediationSources),
  disputeType: z.enum(disputeTypes),
  status: z.enum(mediationStatuses),
  outcome: z.enum(mediationOutcomes).nullable(),
  registeredOn: z.string(),
  acceptedOn: z.string().nullable(),
  dueDate: z.string().nullable(),
  clockState: z.enum(clockStates).nullable(),
  concludedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  access: z.enum(mediationAccess),
  /** 张三 与 李四; null at 'summary' access. */
  partyNames: z.string().nullable(),
  presidingName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
})
export type MediationCase = z.infer<typeof mediationCase>

export const mediationCaseDetail = mediationCase.extend({
  complaint: ref.nullable(),
  visit: ref.nullable(),
  registeredByName: z.string(),
  /** registration and full access */
  parties: z.array(caseParty),
  mediators: z.array(caseMediator),
  facts: z.string().nullable(),
  requests: z.array(z.string()),
  rejectedOn: z.string().nullable(),
  rejectReason: z.string().nullable(),
  /** full access only from here */
  rightsNotice: z.object({ date: z.string(), way: z.enum(noticeWays) }).nullable(),
  originalDueDate: z.string().nullable(),
  extensions: z.array(caseExtension),
  sessions: z.array(caseSession),
  agreement: z
    .object({
      agreedOn: z.string(),
      /** The day the last signature/seal was put on a written agreement; the oral agreement's day. */
      effectiveOn: z.string(),
      place: z.string().nullable(),
      terms: z.array(agreementTerm),
      /** Written: parties + 1 (one each, one kept by the committee). */
      copies: z.number().int().nullable(),
      /** Oral: what was agreed (口头协议登记表). */
      oralContent: z.string().nullable(),
      /** By when it is to be performed: the oral agreement's date, or the last term's deadline. */
      performBy: z.string().nullable(),
      /** 争议焦点与责任 for the 协议书. */
      disputePoints: z.string().nullable(),
    })
    .nullable(),
  failedAdvice: z.string().nullable(),
  terminateReason: z.string().nullable(),
  followUps: z.array(caseFollowUp),
  judicial: z
    .object({
      applied: z.boolean(),
      appliedOn: z.string().nullable(),
      court: z.string().nullable(),
      result: z.enum(judicialResults).nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  /** The day to apply for 司法确认 by (effective date + the setting); null without an agreement. */
  judicialDeadline: z.string().nullable(),
  file: z.object({
    filer: z.string().nullable(),
    filedOn: z.string().nullable(),
    retention: z.enum(retentionPeriods).nullable(),
    index: z.array(fileIndexItem),
    /** What closing still needs, in words for the mediator (empty when it may close). */
    missing: z.array(z.string()),
  }),
  createdAt: z.string(),
})
export type MediationCaseDetail = z.infer<typeof mediationCaseDetail>

/* ---------- transitions ---------- */

export const agreementTermInput = z.object({
  content: requiredLongText('协议内容', 2000),
  way: requiredText('履行方式', 100),
  place: optionalText('履行地点', 100),
  deadline: isoDate('履行期限'),
})

export const mediationActInput = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('accept'), ...target, acceptedOn: isoDate('受理日期'), note }),
    z.object({
      action: z.literal('reject'),
      ...target,
      date: isoDate('不予受理日期'),
      reason: requiredLongText('不予受理理由', 2000),
    }),
    z.object({
      action: z.literal('notify_rights'),
      ...target,
      date: isoDate('告知日期'),
      way: z.enum(noticeWays, { error: '请选择告知方式（书面/口头）' }),
    }),
    z.object({
      action: z.literal('extend'),
      ...target,
      consentedOn: isoDate('双方同意日期'),
      way: z.enum(noticeWays, { error: '请选择双方同意的方式（书面/口头）' }),
      newDueDate: isoDate('延长后的期限'),
      note,
    }),
    z.object({
      action: z.literal('conclude_written'),
      ...target,
      agreedOn: isoDate('达成协议日期'),
      effectiveOn: isoDate('协议生效日期'),
      place: optionalText('签订地点', 100),
      disputePoints: requiredLongText('争议焦点与责任', 5000),
      terms: z.array(agreementTermInput).min(1, '请至少填写一条协议条款').max(30, '协议条款最多30条'),
    }),
    z.object({
      action: z.literal('conclude_oral'),
      ...target,
      agreedOn: isoDate('达成协议日期'),
      content: requiredLongText('口头协议内容', 5000),
      performBy: isoDate('履行期限'),
    }),
    z.object({
      action: z.literal('conclude_failed'),
      ...target,
      date: isoDate('调解结束日期'),
      advice: requiredLongText('告知当事人的途径', 2000),
    }),
    z.object({
      action: z.literal('terminate'),
      ...target,
      date: isoDate('终止日期'),
      reason: requiredLongText('终止理由', 2000),
    }),
    z.object({
      action: z.literal('judicial'),
      ...target,
      applied: z.boolean({ error: '请选择是否申请司法确认' }),
      appliedOn: isoDate('申请日期')
        .nullish()
        .transform((v) => v ?? null),
      court: optionalText('受理法院', 60),
      result: z
        .enum(judicialResults)
        .nullish()
        .transform((v) => v ?? null),
      note,
    }),
    z.object({
      action: z.literal('close'),
      ...target,
      filer: requiredText('立卷人', 30),
      filedOn: isoDate('立卷日期'),
      retention: z.enum(retentionPeriods, { error: '请选择保管期限' }),
      /** Page counts per index item key; items not listed count one page. */
      pages: z.record(z.string(), z.number().int().min(1, '页数至少为1').max(999, '页数不能超过999')).default({}),
    }),
  ],
  { error: '未知的调解操作' },
)
export type MediationActInput = z.input<typeof mediationActInput>

export const sessionInput = z.object({
  caseId: id,
  /** Present to edit an existing record. */
  id: id.optional(),
  version: version.optional(),
  heldAt: isoDateTime('调解时间'),
  place: requiredText('调解地点', 100),
  presidingStaffId: z.number({ error: '请选择主持调解员' }).int().positive('请选择主持调解员'),
  recorder: requiredText('记录人', 30),
  open: z.boolean({ error: '请选择是否公开调解' }),
  /** Why closed to observers (涉及隐私、商业秘密或当事人反对公开). */
  closedReason: optionalText('不公开的理由', 200),
  attendees: z
    .array(
      z.object({
        partyId: id.nullish().transform((v) => v ?? null),
        name: requiredText('到场人员姓名', 30),
        capacity: requiredText('到场身份', 20),
        signed: z.boolean().default(false),
      }),
    )
    .min(1, '请填写到场人员')
    .max(40, '到场人员最多40人'),
  record: requiredLongText('笔录内容', 20000),
  nextSteps: optionalText('下一步安排', 2000, true),
})
export type SessionInput = z.input<typeof sessionInput>

export const followUpInput = z.object({
  caseId: id,
  /** The scheduled follow-up being recorded; omitted to add an unscheduled one. */
  id: id.optional(),
  calledOn: isoDate('回访日期'),
  caller: requiredText('回访人', 30),
  performance: z.enum(performanceStates, { error: '请选择履行情况' }),
  satisfaction: z.enum(satisfactions, { error: '请选择满意度' }),
  lawsuit: z.boolean({ error: '请选择当事人是否起诉' }),
  lawsuitNote: optionalText('起诉情况', 500, true),
  risk: optionalText('遗留风险', 1000, true),
  measures: optionalText('采取的措施', 1000, true),
  /** When 未履行 or 部分履行: the next follow-up (default 15 days later). */
  nextDueOn: isoDate('下次回访日期')
    .nullish()
    .transform((v) => v ?? null),
})
export type FollowUpInput = z.input<typeof followUpInput>

export const fileItemInput = z.object({
  caseId: id,
  id: id.optional(),
  kind: z.enum(manualFileItemKinds, { error: '请选择材料类别' }),
  title: requiredText('材料名称', 60),
  date: isoDate('材料日期')
    .nullish()
    .transform((v) => v ?? null),
  pages: z.number({ error: '请填写页数' }).int('页数应为整数').min(1, '页数至少为1').max(999, '页数不能超过999'),
})

export const mediationFilter = z.object({
  query,
  status: z.array(z.enum(mediationStatuses)).max(10).default([]),
  disputeType: z.enum(disputeTypes).optional(),
  source: z.enum(mediationSources).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  /** 登记日期 (registered_on) from/to, inclusive: the period the statistics count a case in. */
  dateFrom: isoDate('登记日期起').optional(),
  dateTo: isoDate('登记日期止').optional(),
  /** 调解结果 (达成书面/口头协议, 调解不成, 终止): the statistics' 调解成功 is the two agreements. */
  outcome: z.array(z.enum(mediationOutcomes)).max(4).default([]),
  /** Cases of one community, as the statistics scope them: a party lives there or the 诉求 concerns it. */
  communityId: id.optional(),
  /** Only cases I mediate. */
  mine: z.boolean().default(false),
  clock: z.enum(clockStates).optional(),
})

export const mediationOptions = z.object({
  /** 红光社区人民调解委员会 */
  committeeName: requiredText('调委会名称', 40),
  /** The character(s) in the case number: （2026）迎人调字第12号. */
  shortName: requiredText('调委会简称', 6).refine((s) => /^\p{Script=Han}+$/u.test(s), '调委会简称只能是汉字'),
  defaultPlace: optionalText('默认调解地点', 100),
  judicialConfirmDays: z
    .number({ error: '请填写司法确认申请期限' })
    .int()
    .min(1, '司法确认申请期限至少1天')
    .max(365, '司法确认申请期限不能超过365天'),
  /** Remind this many days before the 司法确认 deadline. */
  judicialReminderDays: z.number({ error: '请填写提前提醒天数' }).int().min(0).max(90),
})
export type MediationOptions = z.infer<typeof mediationOptions>

export const mediationDashboard = z.object({
  today: z.string(),
  /** My cases in mediation due within 7 days or overdue. */
  dueSoon: z.array(mediationCase),
  /** Follow-ups of my cases scheduled up to 7 days ahead (or late). */
  followUps: z.array(z.object({ case: mediationCase, followUp: caseFollowUp })),
  /** My written agreements whose 司法确认 deadline is near and no decision is recorded. */
  judicial: z.array(z.object({ case: mediationCase, deadline: z.string() })),
})

export const mediationMethods = {
  'mediation.list': {
    summary: '调解案件列表（无权查看的案件只显示编号、类型和状态）',
    permission: 'mediation.read',
    input: mediationFilter.extend(page(100)).superRefine((f, ctx) => {
      if (f.dateFrom && f.dateTo && f.dateFrom > f.dateTo) {
        ctx.addIssue({ code: 'custom', path: ['dateTo'], message: '登记日期止不能早于登记日期起' })
      }
    }),
    output: z.object({
      items: z.array(mediationCase),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
  },
  'mediation.get': {
    summary: '调解案件详情（笔录、协议、回访仅限本案调解员和管理员，查看记入审计日志）',
    permission: 'mediation.read',
    input: z.object({ id }),
    output: mediationCaseDetail,
  },
  'mediation.register': {
    summary: '登记调解案件（来访、诉求转入或直接登记）',
    permission: 'mediation.write',
    input: caseContent,
    output: mediationCaseDetail,
  },
  'mediation.update': {
    summary: '修改案件登记内容：当事人、调解员、纠纷情况、申请事项（带版本号）',
    permission: 'mediation.write',
    input: caseContent.extend({ id, version }),
    output: mediationCaseDetail,
  },
  'mediation.act': {
    summary: '受理、不予受理、权利义务告知、延期、调解结果、司法确认、立卷结案',
    permission: 'mediation.write',
    input: mediationActInput,
    output: mediationCaseDetail,
  },
  'mediation.saveSession': {
    summary: '新增或修改调解笔录（须先完成权利义务告知）',
    permission: 'mediation.write',
    input: sessionInput,
    output: mediationCaseDetail,
  },
  'mediation.recordFollowUp': {
    summary: '记录回访；未履行时安排下次回访',
    permission: 'mediation.write',
    input: followUpInput,
    output: mediationCaseDetail,
  },
  'mediation.saveFileItem': {
    summary: '卷宗材料：调查记录、证据材料、履行凭证等（名称、日期、页数）',
    permission: 'mediation.write',
    input: fileItemInput,
    output: mediationCaseDetail,
  },
  'mediation.removeFileItem': {
    summary: '从卷宗移除手工添加的材料（结案前）',
    permission: 'mediation.write',
    input: z.object({ caseId: id, id }),
    output: mediationCaseDetail,
  },
  'mediation.listMediators': {
    summary: '可担任调解员的账号（调解员与管理员）',
    permission: 'mediation.read',
    input: z.object({}),
    output: z.array(z.object({ staffId: z.number().int(), name: z.string(), role: z.string() })),
  },
  'mediation.dashboard': {
    summary: '工作台：我的7日内到期案件、待回访、司法确认提醒',
    permission: 'mediation.read',
    input: z.object({}),
    output: mediationDashboard,
  },
  'mediation.getOptions': {
    summary: '调解设置：调委会名称与简称、默认地点、司法确认期限',
    permission: 'mediation.read',
    input: z.object({}),
    output: mediationOptions,
  },
  'mediation.saveOptions': {
    summary: '保存调解设置',
    permission: 'intake.admin',
    input: mediationOptions,
    output: mediationOptions,
  },
} as const
