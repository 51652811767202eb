/**
 * What an administrator sets for intake: the office named on printouts, the
 * numbering pattern, which clock applies, the working-day calendar for years
 * the bundled data does not cover, the category tree and the units.
 */
import { z } from './zod'
import { id, isoDate, optionalPhone, optionalText, requiredText, version } from './fields'
import { clockModes, complaintKinds, unitKinds } from '../intake/labels'
import { numberPatternProblem } from '../complaints/numbering'

const workdayCount = z
  .number({ error: '工作日数应为数字' })
  .int('工作日数应为整数')
  .min(1, '工作日数至少为1')
  .max(60, '工作日数不能超过60')

export const intakeOptions = z.object({
  officeName: requiredText('受理单位名称', 40),
  officePhone: optionalPhone('受理单位电话'),
  numberPattern: requiredText('诉求编号格式', 30).superRefine((s, ctx) => {
    const problem = numberPatternProblem(s)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  }),
  clockMode: z.enum(clockModes, { error: '请选择时限规则' }),
  workdays: z.object(
    Object.fromEntries(complaintKinds.map((k) => [k, workdayCount])) as Record<
      (typeof complaintKinds)[number],
      typeof workdayCount
    >,
  ),
})
export type IntakeOptions = z.infer<typeof intakeOptions>

export const category = z.object({
  id,
  parentId: z.number().int().nullable(),
  name: z.string(),
  path: z.string(),
  position: z.number().int(),
  archivedAt: z.string().nullable(),
})
export type Category = z.infer<typeof category>

export const saveCategoryInput = z.object({
  id: id.optional(),
  parentId: id.nullish().transform((v) => v ?? null),
  name: requiredText('类别名称', 20).refine((s) => !s.includes('/'), '类别名称不能包含“/”'),
  position: z.number().int().min(0).max(10000).default(0),
})

export const unit = z.object({
  id,
  name: z.string(),
  kind: z.enum(unitKinds),
  contact: z.string().nullable(),
  phone: z.string().nullable(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
})
export type Unit = z.infer<typeof unit>

export const saveUnitInput = z.object({
  id: id.optional(),
  version: version.optional(),
  name: requiredText('单位名称', 40),
  kind: z.enum(unitKinds, { error: '请选择单位类型' }),
  contact: optionalText('联系人', 30),
  phone: optionalPhone('联系电话'),
})

export const yearSchedule = z
  .object({
    year: z.number({ error: '请填写年份' }).int().min(2000, '年份不正确').max(2100, '年份不正确'),
    holidays: z.array(isoDate('放假日期')).max(60, '放假日期最多60天'),
    workdays: z.array(isoDate('调休上班日期')).max(20, '调休上班日期最多20天'),
  })
  .superRefine((v, ctx) => {
    const outside = [...v.holidays, ...v.workdays].find((d) => !d.startsWith(`${v.year}-`))
    if (outside) ctx.addIssue({ code: 'custom', path: ['holidays'], message: `${outside} 不在 ${v.year} 年内` })
    const both = v.holidays.find((d) => v.workdays.includes(d))
    if (both) ctx.addIssue({ code: 'custom', path: ['workdays'], message: `${both} 不能既放假又上班` })
    const weekday = v.workdays.find((d) => {
      const day = new Date(`${d}T00:00:00Z`).getUTCDay()
      return day !== 0 && day !== 6
    })
    if (weekday) {
      ctx.addIssue({
        code: 'custom',
        path: ['workdays'],
        message: `${weekday} 本来就是工作日，调休上班日应为周六或周日`,
      })
    }
  })
export type YearScheduleInput = z.input<typeof yearSchedule>

export const schedulesOutput = z.object({
  bundledYears: z.array(z.number().int()),
  entered: z.array(yearSchedule),
  /** This year and next when neither bundled nor entered: the clocks then know only weekends. */
  missingYears: z.array(z.number().int()),
})

export const intakeSettingsMethods = {
  'intake.getOptions': {
    summary: '受理设置：单位名称、编号格式、时限规则',
    permission: 'intake.read',
    input: z.object({}),
    output: intakeOptions,
  },
  'intake.saveOptions': {
    summary: '保存受理设置',
    permission: 'intake.admin',
    input: intakeOptions,
    output: intakeOptions,
  },
  'intake.listCategories': {
    summary: '诉求类别（树）',
    permission: 'intake.read',
    input: z.object({ includeArchived: z.boolean().default(false) }),
    output: z.array(category),
  },
  'intake.saveCategory': {
    summary: '新增或修改诉求类别',
    permission: 'intake.admin',
    input: saveCategoryInput,
    output: category,
  },
  'intake.archiveCategory': {
    summary: '停用或恢复诉求类别（已使用的类别不删除）',
    permission: 'intake.admin',
    input: z.object({ id, archived: z.boolean() }),
    output: category,
  },
  'intake.listUnits': {
    summary: '承办单位',
    permission: 'intake.read',
    input: z.object({ includeArchived: z.boolean().default(false) }),
    output: z.array(unit),
  },
  'intake.saveUnit': {
    summary: '新增或修改承办单位',
    permission: 'intake.admin',
    input: saveUnitInput,
    output: unit,
  },
  'intake.archiveUnit': {
    summary: '停用或恢复承办单位',
    permission: 'intake.admin',
    input: z.object({ id, archived: z.boolean() }),
    output: unit,
  },
  'intake.listSchedules': {
    summary: '法定节假日与调休安排：内置年份与手工录入年份',
    permission: 'intake.read',
    input: z.object({}),
    output: schedulesOutput,
  },
  'intake.saveSchedule': {
    summary: '录入某一年的放假与调休安排（以国务院办公厅通知为准）',
    permission: 'intake.admin',
    input: yearSchedule,
    output: schedulesOutput,
  },
  'intake.deleteSchedule': {
    summary: '删除手工录入的某年安排（恢复使用内置数据）',
    permission: 'intake.admin',
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: schedulesOutput,
  },
} as const
