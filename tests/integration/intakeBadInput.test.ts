/**
 * Bad input at the front desk: each mistake gets a Chinese message naming
 * the field at fault (so the form can show it right there), and nothing at
 * all is written: no person, no visit, no 诉求, no event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { SaveVisitInput } from '../../shared/api/visits'
import { checkCharOf } from '../../shared/validation/idNumber'
import { apiErrorOf, call, countRows, openTestCore } from '../fixtures/core'
import {
  complaintInput,
  createComplaint,
  personInput,
  seedIntake,
  visitInput,
  type IntakeRefs,
} from '../fixtures/intake'

let core: Core
let refs: IntakeRefs
let auditsAfterSetup: number

beforeAll(async () => {
  core = await openTestCore()
  refs = await seedIntake(core)
  auditsAfterSetup = await countRows(core, 'audit_events')
})
afterAll(async () => {
  await core.close()
})

const megabyte = '事'.repeat(1024 * 1024)
const bornIn2099 = '11010520990101001' + checkCharOf('11010520990101001')
const phoneHint = '应为11位手机号，或带区号的固定电话（如0851-8123456）'

interface Case {
  name: string
  input: (refs: IntakeRefs) => SaveVisitInput
  field: string
  message: string
}

const person = (refs: IntakeRefs, extra: Parameters<typeof personInput>[0]) =>
  visitInput(refs, undefined, { person: personInput(extra) })

const cases: Case[] = [
  {
    name: 'an ID number with a wrong check digit',
    input: (r) => person(r, { idNumber: '110105194912310021' }),
    field: 'person.idNumber',
    message: '身份证号校验位不正确，请核对号码',
  },
  {
    name: 'an ID number of the wrong length',
    input: (r) => person(r, { idNumber: '11010519491231002' }),
    field: 'person.idNumber',
    message: '身份证号应为18位：前17位数字，最后一位为数字或X',
  },
  {
    name: 'an ID number whose birth date is in the future',
    input: (r) => person(r, { idNumber: bornIn2099 }),
    field: 'person.idNumber',
    message: '身份证号中的出生日期晚于今天，请核对号码',
  },
  {
    name: 'a typed birth date in the future',
    input: (r) => person(r, { birthDate: '2099-01-01' }),
    field: 'person.birthDate',
    message: '出生日期不能晚于今天',
  },
  {
    name: 'a birth date that is not a date',
    input: (r) => person(r, { birthDate: '1980-02-30' }),
    field: 'person.birthDate',
    message: '出生日期应为有效日期（如 2026-03-01）',
  },
  {
    name: 'a typed birth date that disagrees with the ID number',
    input: (r) => person(r, { idNumber: '11010519491231002X', birthDate: '1950-01-01' }),
    field: 'person.birthDate',
    message: '出生日期与身份证号不一致：身份证号中为 1949-12-31，请核对',
  },
  {
    name: 'a sex that disagrees with the ID number',
    input: (r) => person(r, { idNumber: '11010519491231002X', sex: 'male' }),
    field: 'person.sex',
    message: '性别与身份证号不一致：身份证号第17位表示“女”，请核对',
  },
  {
    name: 'a 12-digit phone',
    input: (r) => person(r, { phone: '138123456789' }),
    field: 'person.phone',
    message: `联系电话格式不正确，${phoneHint}`,
  },
  {
    name: 'a phone starting 12',
    input: (r) => person(r, { phone: '12812345678' }),
    field: 'person.phone',
    message: `联系电话格式不正确，${phoneHint}`,
  },
  {
    name: 'HTML as a name',
    input: (r) => person(r, { name: '<script>alert(1)</script>' }),
    field: 'person.name',
    message: '姓名只能包含汉字、字母和间隔号“·”，请删除其他符号',
  },
  {
    name: 'an empty name',
    input: (r) => person(r, { name: '   ' }),
    field: 'person.name',
    message: '请填写姓名',
  },
  {
    name: 'an age over 130',
    input: (r) => person(r, { age: 131 }),
    field: 'person.age',
    message: '年龄不能超过130岁',
  },
  {
    name: 'an empty request',
    input: (r) => visitInput(r, [complaintInput(r, { request: '  \n ' })]),
    field: 'complaints.0.request',
    message: '请填写诉求请求（要求解决什么）',
  },
  {
    name: 'an empty request in the second 诉求',
    input: (r) => visitInput(r, [complaintInput(r), complaintInput(r, { request: '' })]),
    field: 'complaints.1.request',
    message: '请填写诉求请求（要求解决什么）',
  },
  {
    name: 'a 1 MB description of the facts',
    input: (r) => visitInput(r, [complaintInput(r, { facts: megabyte })]),
    field: 'complaints.0.facts',
    message: '事实经过不能超过5000个字',
  },
  {
    name: 'a 1 MB subject',
    input: (r) => visitInput(r, undefined, { subject: megabyte }),
    field: 'subject',
    message: '事由不能超过2000个字，请精简后再保存',
  },
  {
    name: 'a control character in the request',
    input: (r) => visitInput(r, [complaintInput(r, { request: '请处理\u0007' })]),
    field: 'complaints.0.request',
    message: '诉求请求（要求解决什么）含有不可见的控制字符，请删除后重试',
  },
  {
    name: 'no kind of 诉求',
    input: (r) => visitInput(r, [{ ...complaintInput(r), kind: 'rumour' as never }]),
    field: 'complaints.0.kind',
    message: '请选择诉求类型（投诉/求助/建议/咨询）',
  },
  {
    name: 'six representatives',
    input: (r) =>
      visitInput(r, undefined, {
        visitorCount: 30,
        representatives: ['王一', '王二', '王三', '王四', '王五', '王六'].map((name) => ({ name })),
      }),
    field: 'representatives',
    message: '集体访最多推选5名代表（信访工作条例第十八条）',
  },
  {
    name: 'HTML as a representative’s name',
    input: (r) => visitInput(r, undefined, { visitorCount: 3, representatives: [{ name: '<b>王一</b>' }] }),
    field: 'representatives.0.name',
    message: '代表姓名只能包含汉字、字母和间隔号“·”，请删除其他符号',
  },
  {
    name: 'representatives for a single visitor',
    input: (r) => visitInput(r, undefined, { visitorCount: 1, representatives: [{ name: '王一' }] }),
    field: 'visitorCount',
    message: '登记了代表时，来访人数应至少为2',
  },
  {
    name: 'fewer people involved than came',
    input: (r) => visitInput(r, undefined, { visitorCount: 5, involvedCount: 3 }),
    field: 'involvedCount',
    message: '涉及人数不应少于来访人数',
  },
  {
    name: 'closed on the spot without the answer given',
    input: (r) => visitInput(r, [], { outcome: 'on_spot', answer: '  ' }),
    field: 'answer',
    message: '当场办结时请填写答复内容',
  },
  {
    name: 'turned into 诉求 without any',
    input: (r) => visitInput(r, []),
    field: 'complaints',
    message: '转为诉求时至少登记一件诉求',
  },
  {
    name: 'eleven 诉求 at once',
    input: (r) =>
      visitInput(
        r,
        Array.from({ length: 11 }, () => complaintInput(r)),
      ),
    field: 'complaints',
    message: '一次来访最多登记10件诉求',
  },
  {
    name: 'a visit time in the future',
    input: (r) => visitInput(r, undefined, { visitedAt: '2099-01-01T09:00:00+08:00' }),
    field: 'visitedAt',
    message: '来访时间不能晚于现在',
  },
  {
    name: 'a category that does not exist (found by core, inside the transaction)',
    input: (r) => visitInput(r, [complaintInput(r), complaintInput(r, { categoryId: 99999 })]),
    field: 'complaints.1.categoryId',
    message: '所选诉求类别不存在，请重新选择',
  },
  {
    name: 'a compound that does not exist for the 诉求',
    input: (r) => visitInput(r, [complaintInput(r, { compoundId: 99999 })]),
    field: 'complaints.0.compoundId',
    message: '所选小区不存在，请重新选择',
  },
  {
    name: 'a compound that does not exist for the person',
    input: (r) => person(r, { compoundId: 99999 }),
    field: 'person.compoundId',
    message: '所选小区不存在，请重新选择',
  },
]

describe('a visit with bad input', () => {
  it.each(cases)('refuses $name at $field, writing nothing', async ({ input, field, message }) => {
    const err = await apiErrorOf(() => call(core, 'visits.create', input(refs)))
    expect(err.code).toBe('VALIDATION')
    expect(err.field).toBe(field)
    expect(err.message).toBe(message)
    expect(err.message).toMatch(/[\u4e00-\u9fff]/)
    for (const table of ['persons', 'visits', 'visit_representatives', 'complaints', 'complaint_events']) {
      expect(await countRows(core, table), table).toBe(0)
    }
    expect(await countRows(core, 'audit_events')).toBe(auditsAfterSetup)
    expect(await core.db('number_sequences').select()).toEqual([])
  })

  it('refuses an archived category the same way', async () => {
    const category = await call(core, 'intake.saveCategory', { name: '噪音扰民' })
    await call(core, 'intake.archiveCategory', { id: category.id, archived: true })
    const err = await apiErrorOf(() =>
      call(core, 'visits.create', visitInput(refs, [complaintInput(refs, { categoryId: category.id })])),
    )
    expect(err).toMatchObject({
      code: 'VALIDATION',
      field: 'complaints.0.categoryId',
      message: '所选诉求类别已停用，请选择其他类别',
    })
    for (const table of ['persons', 'visits', 'complaints']) expect(await countRows(core, table)).toBe(0)
  })

  it('accepts the same visit once corrected', async () => {
    const visit = await call(
      core,
      'visits.create',
      person(refs, { idNumber: '11010519491231002x', phone: '+86 138 1234 5678', birthDate: '1949-12-31' }),
    )
    expect(visit.person).toMatchObject({ phoneMasked: '138****5678', idNumberMasked: '110105********002X' })
    expect(await countRows(core, 'complaints')).toBe(1)
  })
})

describe('editing a 诉求 with bad input', () => {
  it('refuses an empty request and a 1 MB reason at the field, changing nothing', async () => {
    const c = await createComplaint(core, refs)
    const cases: [Record<string, unknown>, string, string][] = [
      [{ request: '' }, 'request', '请填写诉求请求（要求解决什么）'],
      [{ reasons: megabyte }, 'reasons', '理由不能超过5000个字'],
      [{ categoryId: 99999 }, 'categoryId', '所选诉求类别不存在，请重新选择'],
    ]
    for (const [change, field, message] of cases) {
      const err = await apiErrorOf(() =>
        call(core, 'complaints.update', { ...complaintInput(refs), ...change, id: c.id, version: c.version }),
      )
      expect(err).toMatchObject({ code: 'VALIDATION', field, message })
    }
    expect(await call(core, 'complaints.get', { id: c.id })).toEqual(c)
  })
})
