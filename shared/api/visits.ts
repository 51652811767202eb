/**
 * 来访登记: one contact at the desk. It is either answered on the spot
 * (当场办结, with the answer given) or becomes one or more 诉求.
 */
import { z } from './zod'
import {
  id,
  isoDate,
  isoDateTime,
  optionalPhone,
  optionalText,
  page,
  personName,
  query,
  requiredLongText,
} from './fields'
import { visitChannels, visitOutcomes } from '../intake/labels'
import { personInput, personSummary } from './people'
import { complaintContent, complaintRef } from './complaints'
import { complaintKinds, complaintStatuses } from '../intake/labels'

export const maxRepresentatives = 5

export const representative = z.object({
  name: personName('代表姓名'),
  phone: optionalPhone('代表电话'),
})

export const saveVisitInput = z
  .object({
    person: personInput,
    visitedAt: isoDateTime('来访时间').optional(),
    channel: z.enum(visitChannels, { error: '请选择来访方式' }).default('walk_in'),
    visitorCount: z
      .number({ error: '来访人数应为数字' })
      .int('来访人数应为整数')
      .min(1, '来访人数至少为1')
      .max(1000, '来访人数不能超过1000')
      .default(1),
    involvedCount: z
      .number({ error: '涉及人数应为数字' })
      .int('涉及人数应为整数')
      .min(1, '涉及人数至少为1')
      .max(100000, '涉及人数不能超过100000')
      .nullish()
      .transform((v) => v ?? null),
    representatives: z
      .array(representative)
      .max(maxRepresentatives, `集体访最多推选${maxRepresentatives}名代表（信访工作条例第十八条）`)
      .default([]),
    subject: requiredLongText('事由', 2000),
    outcome: z.enum(visitOutcomes, { error: '请选择处理方式：当场办结或转为诉求' }),
    answer: optionalText('答复内容', 5000, true),
    complaints: z.array(complaintContent).max(10, '一次来访最多登记10件诉求').default([]),
    notes: optionalText('备注', 2000, true),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'on_spot' && !v.answer) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '当场办结时请填写答复内容' })
    }
    if (v.outcome === 'complaints' && v.complaints.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['complaints'], message: '转为诉求时至少登记一件诉求' })
    }
    if (v.representatives.length > 0 && v.visitorCount < 2) {
      ctx.addIssue({ code: 'custom', path: ['visitorCount'], message: '登记了代表时，来访人数应至少为2' })
    }
    if (v.involvedCount !== null && v.involvedCount < v.visitorCount) {
      ctx.addIssue({ code: 'custom', path: ['involvedCount'], message: '涉及人数不应少于来访人数' })
    }
    if (v.visitedAt && Date.parse(v.visitedAt) > Date.now() + 5 * 60_000) {
      ctx.addIssue({ code: 'custom', path: ['visitedAt'], message: '来访时间不能晚于现在' })
    }
  })
export type SaveVisitInput = z.input<typeof saveVisitInput>

export const visitComplaint = complaintRef.extend({
  kind: z.enum(complaintKinds),
  categoryName: z.string(),
  status: z.enum(complaintStatuses),
  acceptDue: z.string(),
  request: z.string(),
  hasPossibleDuplicate: z.boolean(),
})

export const visit = z.object({
  id,
  number: z.string(),
  lookupCode: z.string(),
  person: personSummary,
  visitedAt: z.string(),
  channel: z.enum(visitChannels),
  visitorCount: z.number().int(),
  involvedCount: z.number().int().nullable(),
  representatives: z.array(z.object({ name: z.string(), phoneMasked: z.string().nullable() })),
  subject: z.string(),
  outcome: z.enum(visitOutcomes),
  answer: z.string().nullable(),
  notes: z.string().nullable(),
  receivedBy: z.string(),
  complaints: z.array(visitComplaint),
  createdAt: z.string(),
})
export type Visit = z.infer<typeof visit>

export const visitSorts = ['visitedAt', 'number'] as const

export const listVisitsInput = z.object({
  query,
  channel: z.enum(visitChannels).optional(),
  outcome: z.enum(visitOutcomes).optional(),
  dateFrom: isoDate('开始日期').optional(),
  dateTo: isoDate('结束日期').optional(),
  /** Sorted by the server (the newest visit first unless asked otherwise), then paged. */
  sort: z.enum(visitSorts, { error: '排序方式无效' }).default('visitedAt'),
  order: z.enum(['asc', 'desc'], { error: '排序方向无效' }).default('desc'),
  ...page(100),
})

export const visitPage = z.object({
  items: z.array(visit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

export const visitsMethods = {
  'visits.create': {
    summary: '来访登记：登记来访人与事由，当场办结或转为诉求',
    permission: 'intake.write',
    input: saveVisitInput,
    output: visit,
  },
  'visits.get': {
    summary: '来访记录详情（含由此登记的诉求）',
    permission: 'intake.read',
    input: z.object({ id }),
    output: visit,
  },
  'visits.list': {
    summary: '来访记录列表：按编号、查询码、姓名、日期、方式筛选',
    permission: 'intake.read',
    input: listVisitsInput,
    output: visitPage,
  },
} as const
