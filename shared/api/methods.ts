/**
 * The names of every method the renderer may call, `domain.verb`. Kept free of
 * zod so the preload can build `window.api` from it without bundling schemas.
 * `contract.ts` must declare exactly these (checked by the compiler).
 */
import type { StaffRole } from '../labels'

export const methodNames = [
  'places.listCommunities',
  'places.getCommunity',
  'places.saveCommunity',
  'places.archiveCommunity',
  'places.listCompounds',
  'places.getCompound',
  'places.saveCompound',
  'places.archiveCompound',
  'system.info',
  'system.loadDemo',
  'notices.list',
  'notices.get',
  'notices.suggestDocNumber',
  'notices.save',
  'notices.copy',
  'notices.publish',
  'notices.archive',
  'notices.listTemplates',
  'notices.saveTemplate',
  'notices.fromTemplate',
  'print.listPrinters',
  'print.savePdf',
  'print.send',
  'people.search',
  'people.history',
  'people.save',
  'people.reveal',
  'visits.create',
  'visits.get',
  'visits.list',
  'complaints.list',
  'complaints.exportXlsx',
  'complaints.get',
  'complaints.update',
  'complaints.act',
  'complaints.link',
  'complaints.dashboard',
  'intake.getOptions',
  'intake.saveOptions',
  'intake.listCategories',
  'intake.saveCategory',
  'intake.archiveCategory',
  'intake.listUnits',
  'intake.saveUnit',
  'intake.archiveUnit',
  'intake.listSchedules',
  'intake.saveSchedule',
  'intake.deleteSchedule',
  'auth.status',
  'auth.setup',
  'auth.signIn',
  'auth.signOut',
  'auth.lock',
  'auth.unlock',
  'auth.changePassword',
  'accounts.list',
  'accounts.save',
  'accounts.resetPassword',
  'accounts.setActive',
  'accounts.getSecurity',
  'accounts.saveSecurity',
  'audit.list',
  'audit.exportXlsx',
  'audit.verify',
  'privacy.getRetention',
  'privacy.saveRetention',
  'privacy.listOverdue',
  'privacy.exportPerson',
  'privacy.anonymisePerson',
  'privacy.anonymiseMany',
  'backup.status',
  'backup.list',
  'backup.create',
  'backup.verify',
  'backup.restore',
  'backup.getSettings',
  'backup.saveSettings',
  'recovery.status',
  'recovery.restoreLatest',
  'mediation.list',
  'mediation.get',
  'mediation.register',
  'mediation.update',
  'mediation.act',
  'mediation.saveSession',
  'mediation.recordFollowUp',
  'mediation.saveFileItem',
  'mediation.removeFileItem',
  'mediation.listMediators',
  'mediation.dashboard',
  'mediation.getOptions',
  'mediation.saveOptions',
  'conventions.list',
  'conventions.get',
  'conventions.getVersion',
  'conventions.create',
  'conventions.rename',
  'conventions.saveArticles',
  'conventions.saveOpinion',
  'conventions.act',
  'conventions.compare',
  'conventions.coverage',
  'conventions.getPhoto',
  'conventions.getRules',
  'conventions.saveRules',
  'import.preview',
  'import.dryRun',
  'import.commit',
  'import.status',
  'import.cancel',
  'export.list',
  'export.everything',
  'search.query',
  'search.rebuild',
  'stats.dashboard',
  'stats.exportMonthly',
] as const

export type MethodName = (typeof methodNames)[number]

export const permissions = [
  'places.read',
  'places.write',
  'system.read',
  'system.demo',
  'notices.read',
  'notices.write',
  'print',
  'intake.read',
  'intake.write',
  'intake.admin',
  'people.reveal',
  'accounts.admin',
  /** The audit trail: read, export, verify. */
  'audit.read',
  /** Personal data: export a person's data, anonymise, retention. */
  'privacy.admin',
  /**
   * Backups (list, create, verify, restore, location and rotation), importing
   * registers (import.*) and the full export for handover (export.everything).
   */
  'data.admin',
  /**
   * 调解案件: read lists every case at least as number, type and status; what
   * else a caller sees is decided per case in core (the case's mediators and
   * administrators see the notes). write registers and works cases.
   */
  'mediation.read',
  'mediation.write',
  /** 居民公约: everyone reads the registry; committee staff (前台接待, 调解员, 管理员) keep it. */
  'conventions.read',
  'conventions.write',
  /** 统计报表 and the 月报: every role (leaders above all). */
  'stats.read',
  /** Anyone, signed in or not (sign-in itself, the first-run setup). */
  'public',
  /** Any signed-in staff member, even while the session is locked. */
  'session',
] as const
export type Permission = (typeof permissions)[number]

/**
 * Which role may do what: the single table core checks every call against
 * (electron/core/auth/permissions.ts). It lives here so the renderer can hide
 * what a role may not do (显示完整号码 for 领导查询) from the same answer.
 */
export const rolePermissions: Record<StaffRole, readonly Exclude<Permission, 'public' | 'session'>[]> = {
  admin: [
    'places.read',
    'places.write',
    'system.read',
    'system.demo',
    'notices.read',
    'notices.write',
    'print',
    'intake.read',
    'intake.write',
    'intake.admin',
    'people.reveal',
    'accounts.admin',
    'audit.read',
    'privacy.admin',
    'data.admin',
    'mediation.read',
    'mediation.write',
    'conventions.read',
    'conventions.write',
    'stats.read',
  ],
  front_desk: [
    'places.read',
    'system.read',
    'notices.read',
    'notices.write',
    'print',
    'intake.read',
    'intake.write',
    'people.reveal',
    'mediation.read',
    'conventions.read',
    'conventions.write',
    'stats.read',
  ],
  // 调解员: everything 前台接待 has, and mediation cases.
  mediator: [
    'places.read',
    'system.read',
    'notices.read',
    'notices.write',
    'print',
    'intake.read',
    'intake.write',
    'people.reveal',
    'mediation.read',
    'mediation.write',
    'conventions.read',
    'conventions.write',
    'stats.read',
  ],
  // 领导查询 reads and prints (the 月报 above all); printouts show numbers masked as lists do.
  viewer: [
    'places.read',
    'system.read',
    'notices.read',
    'print',
    'intake.read',
    'mediation.read',
    'conventions.read',
    'stats.read',
  ],
}

/** Whether a signed-in role holds a permission ('public' and 'session' are anyone's). */
export function roleHas(role: StaffRole, permission: Permission): boolean {
  if (permission === 'public' || permission === 'session') return true
  return (rolePermissions[role] as readonly Permission[]).includes(permission)
}

export function isMethodName(name: string): name is MethodName {
  return (methodNames as readonly string[]).includes(name)
}
