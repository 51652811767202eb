/**
 * 来访人: one record per resident, found again by phone, ID number, name or
 * pinyin. Phone and ID number leave core masked (138****5678); the full value
 * is revealed only through `people.reveal`, which is a permission and leaves
 * an audit event.
 */
import { z } from './zod'
import { id, isoDate, optionalPhone, optionalText, personName, requiredText, version } from './fields'
import { ethnicities, sexes, sexLabels } from '../intake/labels'
import { birthDateOf, idNumberMessages, idNumberProblem, sexOf } from '../validation/idNumber'

const idNumber = z
  .string({ error: '身份证号应为文字' })
  .trim()
  .toUpperCase()
  .max(30, idNumberMessages.format)
  .refine((s) => s === '' || idNumberProblem(s) !== 'format', idNumberMessages.format)
  .refine((s) => s === '' || idNumberProblem(s) !== 'birthDate', idNumberMessages.birthDate)
  .refine((s) => s === '' || idNumberProblem(s) !== 'checkDigit', idNumberMessages.checkDigit)
  .nullish()
  .transform((s) => (s ? s : null))

function todayIso(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export const personInput = z
  .object({
    /** Set when the visitor was found in the registry; the fields below then update that record. */
    id: id.optional(),
    version: version.optional(),
    name: personName('姓名'),
    sex: z
      .enum(sexes, { error: '请选择性别' })
      .nullish()
      .transform((v) => v ?? null),
    birthDate: isoDate('出生日期')
      .refine((s) => s <= todayIso(), '出生日期不能晚于今天')
      .refine((s) => s >= '1900-01-01', '出生日期不能早于1900年')
      .nullish()
      .transform((v) => v ?? null),
    age: z
      .number({ error: '年龄应为数字' })
      .int('年龄应为整数')
      .min(0, '年龄不能为负数')
      .max(130, '年龄不能超过130岁')
      .nullish()
      .transform((v) => v ?? null),
    ethnicity: z
      .enum(ethnicities, { error: '请从列表中选择民族' })
      .nullish()
      .transform((v) => v ?? null),
    /** For an existing person, leaving phone or ID number out keeps what is stored. */
    phone: optionalPhone('联系电话'),
    idNumber,
    compoundId: id.nullish().transform((v) => v ?? null),
    building: optionalText('楼栋', 20),
    unit: optionalText('单元', 20),
    room: optionalText('房号', 20),
    address: optionalText('住址', 100),
    notes: optionalText('备注', 1000, true),
  })
  .superRefine((v, ctx) => {
    if (!v.idNumber) return
    const fromId = birthDateOf(v.idNumber)
    if (v.birthDate && v.birthDate !== fromId) {
      ctx.addIssue({
        code: 'custom',
        path: ['birthDate'],
        message: `出生日期与身份证号不一致：身份证号中为 ${fromId}，请核对`,
      })
    }
    if (fromId > todayIso()) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '身份证号中的出生日期晚于今天，请核对号码' })
    }
    const sex = sexOf(v.idNumber)
    if (v.sex && v.sex !== sex) {
      ctx.addIssue({
        code: 'custom',
        path: ['sex'],
        message: `性别与身份证号不一致：身份证号第17位表示“${sexLabels[sex]}”，请核对`,
      })
    }
  })
export type PersonInput = z.input<typeof personInput>

/** What lists, pickers and printouts see: sensitive values masked. */
export const personSummary = z.object({
  id,
  name: z.string(),
  sex: z.enum(sexes).nullable(),
  age: z.number().int().nullable(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  address: z.string(),
})
export type PersonSummary = z.infer<typeof personSummary>

export const person = personSummary.extend({
  birthDate: z.string().nullable(),
  ethnicity: z.enum(ethnicities).nullable(),
  hasPhone: z.boolean(),
  hasIdNumber: z.boolean(),
  compoundId: z.number().int().nullable(),
  compoundName: z.string().nullable(),
  building: z.string().nullable(),
  unit: z.string().nullable(),
  room: z.string().nullable(),
  addressText: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
})
export type Person = z.infer<typeof person>

export const searchPeopleInput = z.object({
  query: z.string().trim().min(1, '请输入电话、身份证号、姓名或拼音').max(30, '搜索内容不能超过30个字'),
  limit: z.number().int().min(1).max(50).default(10),
})

export const personMatch = personSummary.extend({
  /** Which field matched, so the picker can say why this person is offered. */
  matchedBy: z.enum(['phone', 'idNumber', 'name', 'pinyin']),
  openComplaints: z.number().int(),
  lastVisitAt: z.string().nullable(),
})
export type PersonMatch = z.infer<typeof personMatch>

export const historyVisit = z.object({
  id,
  number: z.string(),
  visitedAt: z.string(),
  channel: z.string(),
  subject: z.string(),
  outcome: z.string(),
})

export const historyComplaint = z.object({
  id,
  number: z.string(),
  kind: z.string(),
  categoryName: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  dueDate: z.string().nullable(),
  request: z.string(),
})

export const personHistory = z.object({
  person,
  visits: z.array(historyVisit),
  openComplaints: z.array(historyComplaint),
  totalVisits: z.number().int(),
})
export type PersonHistory = z.infer<typeof personHistory>

/** Reasons offered in the 显示完整号码 popover; the clerk may also type one. */
export const revealReasons = ['回访联系', '核实身份', '转办需要', '居民本人申请'] as const

export const revealFields = ['phone', 'idNumber'] as const
export type RevealField = (typeof revealFields)[number]
export const revealFieldLabels: Record<RevealField, string> = { phone: '联系电话', idNumber: '身份证号' }

export const revealInput = z.object({
  id,
  field: z.enum(revealFields, { error: '请说明要查看哪一项' }),
  /** Why: recorded in the audit trail with the field (never the value). */
  reason: requiredText('查看原因', 100),
})

export const peopleMethods = {
  'people.search': {
    summary: '按电话、身份证号、姓名或拼音（全拼、首字母）查找来访人',
    permission: 'intake.read',
    input: searchPeopleInput,
    output: z.array(personMatch),
  },
  'people.history': {
    summary: '来访人详情：历次来访与未办结诉求（重复来访提示）',
    permission: 'intake.read',
    input: z.object({ id }),
    output: personHistory,
  },
  'people.save': {
    summary: '修改来访人信息（带版本号）',
    permission: 'intake.write',
    input: personInput,
    output: person,
  },
  'people.reveal': {
    summary: '查看完整电话或身份证号（须说明原因，记入审计日志）',
    permission: 'people.reveal',
    input: revealInput,
    output: z.object({ value: z.string().nullable() }),
  },
} as const
