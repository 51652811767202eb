/**
 * 审计日志 for the administrator: who did what to which record, when. Rows
 * name the record, never sensitive values; the labels here are the Chinese
 * words the viewer and the .xlsx export use. `audit.verify` walks the hash
 * chain and says whether any row was changed or removed.
 */
import { z } from './zod'
import { id, isoDate, page } from './fields'
import { xlsxFile } from './complaints'

export const auditActions = [
  'create',
  'update',
  'archive',
  'restore',
  'publish',
  'copy',
  'print',
  'export',
  'delete',
  'transition',
  'link',
  'reveal',
  'anonymise',
  'setup',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'lock',
  'unlock',
  'password',
  'activate',
  'deactivate',
  'view_notes',
  'backup',
  'import',
] as const
export type AuditActionCode = (typeof auditActions)[number]

export const auditActionLabels: Record<AuditActionCode, string> = {
  create: '新建',
  update: '修改',
  archive: '归档',
  restore: '恢复',
  publish: '发布',
  copy: '复制',
  print: '打印',
  export: '导出',
  delete: '删除',
  transition: '办理',
  link: '关联',
  reveal: '查看完整号码',
  anonymise: '匿名化',
  setup: '首次设置',
  sign_in: '登录',
  sign_in_failed: '登录失败',
  sign_out: '退出登录',
  lock: '锁定',
  unlock: '解锁',
  password: '修改密码',
  activate: '启用账号',
  deactivate: '停用账号',
  view_notes: '查看调解记录',
  backup: '备份',
  import: '导入',
}

export const auditEntities = [
  'person',
  'visit',
  'complaint',
  'notice',
  'notice_template',
  'community',
  'compound',
  'category',
  'unit',
  'intake_options',
  'work_schedule',
  'staff',
  'security_settings',
  'retention_settings',
  'audit_trail',
  'mediation_case',
  'mediation_options',
  'convention',
  'vote_rules',
  'backup',
  'data',
  'stats',
] as const
export type AuditEntityCode = (typeof auditEntities)[number]

export const auditEntityLabels: Record<AuditEntityCode, string> = {
  person: '来访人',
  visit: '来访登记',
  complaint: '诉求',
  notice: '通知公告',
  notice_template: '通知模板',
  community: '社区',
  compound: '小区',
  category: '诉求类别',
  unit: '承办单位',
  intake_options: '受理设置',
  work_schedule: '节假日安排',
  staff: '账号',
  security_settings: '安全设置',
  retention_settings: '保存期限',
  audit_trail: '审计日志',
  mediation_case: '调解案件',
  mediation_options: '调解设置',
  convention: '居民公约',
  vote_rules: '表决规则',
  backup: '数据备份',
  data: '全部数据',
  stats: '统计报表',
}

/** A code another part of the app added after this list: shown as is rather than hidden. */
export function auditActionLabel(code: string): string {
  return (auditActionLabels as Record<string, string>)[code] ?? code
}
export function auditEntityLabel(code: string): string {
  return (auditEntityLabels as Record<string, string>)[code] ?? code
}

const filterFields = {
  staffId: id.optional(),
  action: z.enum(auditActions, { error: '请从列表中选择操作' }).optional(),
  entity: z.enum(auditEntities, { error: '请从列表中选择对象类型' }).optional(),
  entityId: z.number({ error: '记录编号应为数字' }).int('记录编号应为整数').positive('记录编号应为正整数').optional(),
  dateFrom: isoDate('开始日期').optional(),
  dateTo: isoDate('结束日期').optional(),
}

function datesInOrder(v: { dateFrom?: string | undefined; dateTo?: string | undefined }, ctx: z.RefinementCtx): void {
  if (v.dateFrom && v.dateTo && v.dateFrom > v.dateTo) {
    ctx.addIssue({ code: 'custom', path: ['dateTo'], message: '结束日期不能早于开始日期' })
  }
}

export const auditFilter = z.object(filterFields).superRefine(datesInOrder)
export const listAuditInput = z.object({ ...filterFields, ...page(100) }).superRefine(datesInOrder)
export type AuditFilter = z.input<typeof auditFilter>

export const auditDetailValue = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const auditRow = z.object({
  id,
  at: z.string(),
  staffId: z.number().int().nullable(),
  /** 未登录 for failed sign-ins by an unknown caller. */
  staffName: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  entity: z.string(),
  entityLabel: z.string(),
  entityId: z.number().int().nullable(),
  /** A readable name for the record where it is not personal (诉求 number, account name); null otherwise. */
  record: z.string().nullable(),
  detail: z.record(z.string(), auditDetailValue),
  /** The detail in words, e.g. “查看：联系电话；事由：回访联系”. */
  detailText: z.string(),
})
export type AuditRow = z.infer<typeof auditRow>

export const auditPage = z.object({
  items: z.array(auditRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

export const auditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
  verifiedAt: z.string(),
})
export type AuditVerification = z.infer<typeof auditVerification>

export const auditMethods = {
  'audit.list': {
    summary: '审计日志：按操作人、操作、对象、日期筛选，最新在前',
    permission: 'audit.read',
    input: listAuditInput,
    output: auditPage,
  },
  'audit.exportXlsx': {
    summary: '按当前筛选条件导出审计日志（.xlsx）',
    permission: 'audit.read',
    input: auditFilter,
    output: xlsxFile,
  },
  'audit.verify': {
    summary: '校验审计日志是否完整（有无记录被改动或删除）',
    permission: 'audit.read',
    input: z.object({}),
    output: auditVerification,
  },
} as const
