/**
 * 登录与账号. Sign-in, sign-out and the idle lock for everyone; accounts for
 * the administrator. Accounts are never deleted, only deactivated, because
 * every record and audit event points at the staff member who made it.
 * The session token in sign-in answers is taken off by the transport (an
 * HttpOnly cookie in serve mode, kept in the main process in Electron); the
 * renderer never sees it.
 */
import { z } from './zod'
import { id, personName, version } from './fields'
import { staffRoles } from '../labels'
import { maxPasswordLength, passwordProblem } from '../auth/passwordRules'

export const loginName = z
  .string({ error: '请填写登录名' })
  .trim()
  .min(2, '登录名至少2个字符')
  .max(30, '登录名不能超过30个字符')
  .refine((s) => /^[\p{L}\p{N}._-]+$/u.test(s), '登录名只能包含汉字、字母、数字和 . _ -')

/** A password as typed at sign-in: no rules beyond a sane length (the rules apply when it is set). */
const typedPassword = z
  .string({ error: '请输入密码' })
  .min(1, '请输入密码')
  .max(maxPasswordLength, `密码不能超过${maxPasswordLength}个字符`)

/** A new password: checked against the rules (and the login name, where the schema knows it). */
export const newPassword = z.string({ error: '请设置密码' }).superRefine((s, ctx) => {
  const problem = passwordProblem(s)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

export const signedInStaff = z.object({
  id,
  name: z.string(),
  login: z.string(),
  role: z.enum(staffRoles),
})
export type SignedInStaff = z.infer<typeof signedInStaff>

export const authStatus = z.object({
  /** No account has a password yet: the first run asks for the administrator. */
  setupNeeded: z.boolean(),
  staff: signedInStaff.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
})
export type AuthStatus = z.infer<typeof authStatus>

export const signedIn = z.object({ staff: signedInStaff, token: z.string() })

export const account = z.object({
  id,
  name: z.string(),
  login: z.string().nullable(),
  role: z.enum(staffRoles),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
})
export type Account = z.infer<typeof account>

function passwordNotLogin(v: { login: string; password?: string | undefined }, ctx: z.RefinementCtx): void {
  // The general rules are reported by `newPassword` itself; this adds only the login-name rule.
  if (v.password === undefined || passwordProblem(v.password)) return
  const problem = passwordProblem(v.password, v.login)
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem })
}

export const setupInput = z
  .object({ name: personName('姓名'), login: loginName, password: newPassword })
  .superRefine(passwordNotLogin)

export const saveAccountInput = z
  .object({
    id: id.optional(),
    version: version.optional(),
    name: personName('姓名'),
    login: loginName,
    role: z.enum(staffRoles, { error: '请选择角色' }),
    /** Required for a new account; ignored when editing (use 重置密码). */
    password: newPassword.optional(),
  })
  .superRefine(passwordNotLogin)
  .superRefine((v, ctx) => {
    if (v.id === undefined && v.password === undefined) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: '新账号请设置初始密码' })
    }
  })
export type SaveAccountInput = z.input<typeof saveAccountInput>

export const securitySettings = z.object({
  idleLockMinutes: z
    .number({ error: '请填写自动锁定时间' })
    .int('自动锁定时间应为整数分钟')
    .min(1, '自动锁定时间至少1分钟')
    .max(240, '自动锁定时间不能超过240分钟'),
})

export const authMethods = {
  'auth.status': {
    summary: '登录状态：是否需要首次设置、当前用户、是否已锁定',
    permission: 'public',
    input: z.object({}),
    output: authStatus,
  },
  'auth.setup': {
    summary: '首次使用：设置管理员姓名、登录名和密码，并登录',
    permission: 'public',
    input: setupInput,
    output: signedIn,
  },
  'auth.signIn': {
    summary: '登录（连续5次密码错误锁定5分钟）',
    permission: 'public',
    input: z.object({ login: loginName, password: typedPassword }),
    output: signedIn,
  },
  'auth.signOut': {
    summary: '退出登录',
    permission: 'session',
    input: z.object({}),
    output: z.object({ ok: z.boolean() }),
  },
  'auth.lock': {
    summary: '锁定（离开座位或空闲超时），未保存的内容保留在界面上',
    permission: 'session',
    input: z.object({}),
    output: z.object({ ok: z.boolean() }),
  },
  'auth.unlock': {
    summary: '输入密码解锁',
    permission: 'session',
    input: z.object({ password: typedPassword }),
    output: authStatus,
  },
  'auth.changePassword': {
    summary: '修改自己的密码',
    permission: 'session',
    input: z.object({ current: typedPassword, next: newPassword }),
    output: z.object({ ok: z.boolean() }),
  },
  'accounts.list': {
    summary: '账号列表',
    permission: 'accounts.admin',
    input: z.object({ includeInactive: z.boolean().default(true) }),
    output: z.array(account),
  },
  'accounts.save': {
    summary: '新增或修改账号（姓名、登录名、角色）',
    permission: 'accounts.admin',
    input: saveAccountInput,
    output: account,
  },
  'accounts.resetPassword': {
    summary: '管理员重置某账号的密码（同时解除锁定）',
    permission: 'accounts.admin',
    input: z.object({ id, password: newPassword }),
    output: account,
  },
  'accounts.setActive': {
    summary: '停用或启用账号（账号从不删除）',
    permission: 'accounts.admin',
    input: z.object({ id, active: z.boolean({ error: '请说明是停用还是启用' }) }),
    output: account,
  },
  'accounts.getSecurity': {
    summary: '安全设置：空闲自动锁定时间',
    permission: 'session',
    input: z.object({}),
    output: securitySettings,
  },
  'accounts.saveSecurity': {
    summary: '保存安全设置',
    permission: 'accounts.admin',
    input: securitySettings,
    output: securitySettings,
  },
} as const
