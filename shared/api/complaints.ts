/**
 * 诉求: the tracked matter. Content is edited with a version; everything else
 * happens through `complaints.act`, one transition of the workflow table,
 * recorded as an event on the timeline.
 */
import { z } from './zod'
import { id, isoDate, optionalText, page, query, requiredLongText, requiredText, version } from './fields'
import { answerKinds, clockStates, complaintKinds, complaintStatuses, satisfactions, urgencies } from '../intake/labels'
import { statutory } from '../complaints/clocks'
import { complaintActions } from '../complaints/workflow'
import { personSummary } from './people'
import { disputeTypes } from '../mediation/labels'

export const complaintContent = z.object({
  kind: z.enum(complaintKinds, { error: '请选择诉求类型（投诉/求助/建议/咨询）' }),
  categoryId: z.number({ error: '请选择诉求类别' }).int().positive('请选择诉求类别'),
  urgency: z.enum(urgencies, { error: '请选择紧急程度' }).default('normal'),
  compoundId: id.nullish().transform((v) => v ?? null),
  locationDetail: optionalText('具体位置', 100),
  request: requiredLongText('诉求请求（要求解决什么）', 2000),
  facts: optionalText('事实经过', 5000, true),
  reasons: optionalText('理由', 5000, true),
})
export type ComplaintContentInput = z.input<typeof complaintContent>

export const complaintRef = z.object({ id, number: z.string() })

export const complaint = z.object({
  id,
  number: z.string(),
  visitId: z.number().int().nullable(),
  visitNumber: z.string().nullable(),
  lookupCode: z.string().nullable(),
  person: personSummary.nullable(),
  kind: z.enum(complaintKinds),
  categoryId: z.number().int(),
  categoryName: z.string(),
  urgency: z.enum(urgencies),
  compoundId: z.number().int().nullable(),
  compoundName: z.string().nullable(),
  communityId: z.number().int().nullable(),
  communityName: z.string().nullable(),
  locationDetail: z.string().nullable(),
  request: z.string(),
  facts: z.string().nullable(),
  reasons: z.string().nullable(),
  status: z.enum(complaintStatuses),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  assignee: z.string().nullable(),
  receivedAt: z.string(),
  receivedDate: z.string(),
  acceptDue: z.string(),
  acceptedAt: z.string().nullable(),
  handleDue: z.string().nullable(),
  extensionDays: z.number().int().nullable(),
  extensionReason: z.string().nullable(),
  extensionApprover: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedOnTime: z.boolean().nullable(),
  result: z.string().nullable(),
  answer: z.enum(answerKinds).nullable(),
  rejectReason: z.string().nullable(),
  mergedInto: complaintRef.nullable(),
  /** The due date of the clock running in this status, if any. */
  dueDate: z.string().nullable(),
  clockState: z.enum(clockStates).nullable(),
  satisfaction: z.enum(satisfactions).nullable(),
  hasPossibleDuplicate: z.boolean(),
  ownerId: z.number().int(),
  ownerName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
})
export type Complaint = z.infer<typeof complaint>

export const complaintEvent = z.object({
  id,
  /** The 诉求 the event belongs to: differs from the one shown when a duplicate was merged in. */
  complaintNumber: z.string(),
  at: z.string(),
  staffName: z.string(),
  action: z.string(),
  fromStatus: z.enum(complaintStatuses).nullable(),
  toStatus: z.enum(complaintStatuses).nullable(),
  note: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
})
export type ComplaintEvent = z.infer<typeof complaintEvent>

export const followUp = z.object({
  id,
  date: z.string(),
  caller: z.string(),
  satisfaction: z.enum(satisfactions),
  comment: z.string().nullable(),
  at: z.string(),
})
export type FollowUp = z.infer<typeof followUp>

export const complaintDetail = complaint.extend({
  timeline: z.array(complaintEvent),
  followUps: z.array(followUp),
  possibleDuplicates: z.array(complaintRef.extend({ receivedAt: z.string(), status: z.enum(complaintStatuses) })),
  linked: z.array(complaintRef),
  mergedIn: z.array(complaintRef),
  /** Mediation cases this 诉求 was escalated to (转人民调解); number null until accepted. */
  mediationCases: z.array(z.object({ id, number: z.string().nullable() })),
})
export type ComplaintDetail = z.infer<typeof complaintDetail>

const note = optionalText('备注', 2000, true)
const target = { id, version }

export const complaintActInput = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('accept'), ...target, note }),
    z.object({ action: z.literal('reject'), ...target, reason: requiredLongText('不予受理理由', 2000) }),
    z.object({
      action: z.literal('assign'),
      ...target,
      unitId: z.number({ error: '请选择承办单位' }).int().positive('请选择承办单位'),
      assignee: optionalText('承办人', 30),
      note,
    }),
    z.object({ action: z.literal('start'), ...target, note }),
    z.object({ action: z.literal('return'), ...target, reason: requiredLongText('退单理由', 2000) }),
    z.object({
      action: z.literal('extend'),
      ...target,
      days: z
        .number({ error: '请填写延期天数' })
        .int('延期天数应为整数')
        .min(1, '延期天数至少1天')
        .max(statutory.maxExtensionDays, `延期不得超过${statutory.maxExtensionDays}日（信访工作条例第三十二条）`),
      approver: requiredText('批准人', 30),
      reason: requiredLongText('延期理由', 2000),
    }),
    z.object({
      action: z.literal('escalate_mediation'),
      ...target,
      note,
      /** The case registered for the 调委会 takes this type; the mediator may correct it. */
      disputeType: z.enum(disputeTypes, { error: '请选择纠纷类型' }).default('other'),
    }),
    z.object({
      action: z.literal('consult'),
      ...target,
      meetingDate: isoDate('议事日期'),
      participants: requiredLongText('参加人员', 500),
      decision: requiredLongText('议定事项', 2000),
    }),
    z.object({
      action: z.literal('resolve'),
      ...target,
      result: requiredLongText('办理结果', 5000),
      answer: z.enum(answerKinds, { error: '请选择答复意见（支持/解释/不予支持）' }),
    }),
    z.object({
      action: z.literal('follow_up'),
      ...target,
      date: isoDate('回访日期'),
      caller: requiredText('回访人', 30),
      satisfaction: z.enum(satisfactions, { error: '请选择满意度' }),
      comment: optionalText('回访意见', 2000, true),
    }),
    z.object({ action: z.literal('archive'), ...target, note }),
    z.object({
      action: z.literal('merge'),
      ...target,
      targetId: z.number({ error: '请选择要合并到的诉求' }).int().positive('请选择要合并到的诉求'),
    }),
  ],
  { error: `未知的办理操作，应为：${complaintActions.join('、')}` },
)
export type ComplaintActInput = z.input<typeof complaintActInput>

const complaintFilterFields = z.object({
  query,
  status: z.array(z.enum(complaintStatuses)).max(20).default([]),
  kind: z.enum(complaintKinds).optional(),
  categoryId: id.optional(),
  communityId: id.optional(),
  compoundId: id.optional(),
  /** Only 诉求 with no compound (the 未填 bar of the statistics by compound or community). */
  compoundMissing: z.boolean().optional(),
  unitId: id.optional(),
  /** Only 诉求 not handed to a unit (未交办, the statistics' null unit bar). */
  unitMissing: z.boolean().optional(),
  /** Leave out 已合并 ones, as every statistics figure does (so a bar's list has the bar's count). */
  excludeMerged: z.boolean().optional(),
  /** Only those with a result (办结 and later, not reopened): the statistics' 办结量. */
  resolved: z.boolean().optional(),
  assignee: optionalText('承办人', 30).transform((v) => v ?? undefined),
  ownerId: id.optional(),
  dateFrom: isoDate('开始日期').optional(),
  dateTo: isoDate('结束日期').optional(),
  clock: z.enum(clockStates).optional(),
  sort: z.enum(['receivedAt', 'dueDate', 'number', 'status']).default('receivedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
})

/** Filters that together could match nothing are refused, with the field to fix, rather than listing nothing. */
function consistentFilter(f: z.output<typeof complaintFilterFields>, ctx: z.RefinementCtx): void {
  if (f.compoundMissing && (f.compoundId || f.communityId)) {
    const message = f.compoundId
      ? '“未填小区”与所选小区不能同时筛选'
      : '“未填小区”的诉求不属于任何社区，请不要同时选择社区'
    ctx.addIssue({ code: 'custom', path: ['compoundMissing'], message })
  }
  if (f.unitMissing && f.unitId) {
    ctx.addIssue({ code: 'custom', path: ['unitMissing'], message: '“未交办”与所选承办单位不能同时筛选' })
  }
  if (f.excludeMerged && f.status.includes('merged')) {
    ctx.addIssue({ code: 'custom', path: ['excludeMerged'], message: '“不含已合并”与状态“已合并”不能同时筛选' })
  }
  if (f.dateFrom && f.dateTo && f.dateFrom > f.dateTo) {
    ctx.addIssue({ code: 'custom', path: ['dateTo'], message: '结束日期不能早于开始日期' })
  }
}

export const complaintFilter = complaintFilterFields.superRefine(consistentFilter)

export const listComplaintsInput = complaintFilterFields.extend(page(100)).superRefine(consistentFilter)

/** Counting stops here: a list of more matches says 「10000+ 条」 (see complaintPage). */
export const COMPLAINT_COUNT_CAP = 10_000

/**
 * One page of the 诉求 list. `total` is exact up to COMPLAINT_COUNT_CAP;
 * beyond it `total` is the cap and `totalCapped` is true. Why: counting
 * 300,000 matches of a million 诉求 read that many index entries on every
 * page turn (tens of ms), for a number no clerk pages through; the exact
 * counts are the statistics' job.
 */
export const complaintPage = z.object({
  items: z.array(complaint),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

export const xlsxFile = z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int() })

export const dashboardOutput = z.object({
  today: z.string(),
  /** Mine (I registered it or it is assigned to me) and due within 3 days or overdue. */
  mine: z.array(complaint),
  overdue: z.array(complaint),
  counts: z.object({
    open: z.number().int(),
    dueSoon: z.number().int(),
    overdue: z.number().int(),
    registeredToday: z.number().int(),
  }),
})

export const complaintsMethods = {
  'complaints.list': {
    summary: '诉求列表：按状态、类型、类别、社区/小区、承办单位、日期、时限筛选，服务端分页',
    permission: 'intake.read',
    input: listComplaintsInput,
    output: complaintPage,
  },
  'complaints.exportXlsx': {
    summary: '按当前筛选条件导出诉求列表（.xlsx）',
    permission: 'intake.read',
    input: complaintFilter,
    output: xlsxFile,
  },
  'complaints.get': {
    summary: '诉求详情与完整办理过程',
    permission: 'intake.read',
    input: z.object({ id }),
    output: complaintDetail,
  },
  'complaints.update': {
    summary: '修改诉求内容（带版本号，防止覆盖他人修改）',
    permission: 'intake.write',
    input: complaintContent.extend({ id, version }),
    output: complaintDetail,
  },
  'complaints.act': {
    summary: '办理操作：受理、不予受理、交办、退单、延期、办结、回访、归档、合并等',
    permission: 'intake.write',
    input: complaintActInput,
    output: complaintDetail,
  },
  'complaints.link': {
    summary: '把两件诉求标记为相关（疑似重复但分别办理）',
    permission: 'intake.write',
    input: z.object({ id, otherId: id }),
    output: complaintDetail,
  },
  'complaints.dashboard': {
    summary: '工作台：我的3日内到期诉求与全部超期诉求',
    permission: 'intake.read',
    input: z.object({}),
    output: dashboardOutput,
  },
} as const
