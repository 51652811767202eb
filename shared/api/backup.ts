/**
 * 数据备份与恢复 for the administrator, and the recovery screen shown when the
 * database file is damaged at start-up.
 *
 * Backups are consistent copies made with SQLite's online backup while the
 * app runs, each checked with `integrity_check` before it gets its final
 * name. They are referred to by an opaque id (the backup's file name, which
 * core looks up in its own backup folders): the renderer never sees or sends
 * a path it could point elsewhere. Only the backup *location* (a folder the
 * administrator chooses, e.g. a USB drive) is a path, and only as a setting.
 *
 * Recovery mode: when the database cannot be opened or fails `quick_check`
 * at start-up, core does not crash. It opens in recovery mode, where every
 * method but `recovery.*` answers with the error code RECOVERY (HTTP 503) and
 * a Chinese explanation. `recovery.status` says what happened and lists the
 * backups; `recovery.restoreLatest` puts the newest good backup in place
 * (the damaged file is kept beside it, renamed) and core continues normally.
 * Both are 'public' (no sign-in) for a reason: with the database damaged
 * there are no readable accounts to sign in with. Core still answers them
 * only to calls from this machine (the Electron window, or HTTP from a
 * loopback address) and only while in recovery mode; elsewhere
 * `recovery.status` says `active: false` and nothing else, and
 * `recovery.restoreLatest` is refused. Someone at the PC could copy the
 * backup file over the database by hand anyway; the button does it safely.
 */
import { z } from './zod'

export const backupKinds = ['startup', 'daily', 'manual', 'pre_migrate', 'pre_restore'] as const
export type BackupKind = (typeof backupKinds)[number]

export const backupKindLabels: Record<BackupKind, string> = {
  startup: '自动',
  daily: '每日',
  manual: '手动',
  pre_migrate: '升级前',
  pre_restore: '恢复前',
}

/** The automatic kinds: only these are thinned out by rotation (7 daily, 4 weekly, 12 monthly). */
export const rotatedBackupKinds: readonly BackupKind[] = ['startup', 'daily']

/** Where a backup lies: the chosen location, the default folder (used when the chosen one was unusable), or the old folder inside the data folder. */
export const backupPlaces = ['location', 'fallback', 'legacy'] as const
export const backupPlaceLabels: Record<(typeof backupPlaces)[number], string> = {
  location: '备份位置',
  fallback: '默认位置（备用）',
  legacy: '数据目录内（旧版）',
}

/** A backup's id: its file name, never a path (no separators can pass this). */
export const backupId = z
  .string({ error: '请选择一个备份' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.sqlite$/, '备份编号无效，请从备份列表中选择')

export const backupEntry = z.object({
  id: backupId,
  kind: z.enum(backupKinds),
  kindLabel: z.string(),
  /** When the copy was taken (ISO 8601). */
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  /**
   * true: passed integrity_check when written or when last verified; false:
   * found damaged or changed since; null: never checked (e.g. a copy from an
   * older version of the app).
   */
  verified: z.boolean().nullable(),
  verifiedAt: z.string().nullable(),
  /** What is wrong with it, in Chinese (null when nothing is known to be wrong). */
  problem: z.string().nullable(),
  /** The database's schema version (the last migration's number), null if unreadable. */
  schemaVersion: z.string().nullable(),
  appVersion: z.string().nullable(),
  /** Written by a newer version of the app: this version cannot restore it. */
  newerSchema: z.boolean(),
  place: z.enum(backupPlaces),
  placeLabel: z.string(),
})
export type BackupEntry = z.infer<typeof backupEntry>

export const backupWarning = z.object({
  /** error: backups cannot be written there; warning: act soon; info: good to know. */
  level: z.enum(['error', 'warning', 'info']),
  message: z.string(),
})
export type BackupWarning = z.infer<typeof backupWarning>

export const backupPhases = ['copy', 'verify', 'finish'] as const
export const backupPhaseLabels: Record<(typeof backupPhases)[number], string> = {
  copy: '正在复制',
  verify: '正在校验',
  finish: '正在保存',
}

export const backupProgress = z.object({
  kind: z.enum(backupKinds),
  kindLabel: z.string(),
  phase: z.enum(backupPhases),
  phaseLabel: z.string(),
  /** 0–100 over the whole job (copy, then verify, then the final rename). */
  percent: z.number().min(0).max(100),
  startedAt: z.string(),
})
export type BackupProgress = z.infer<typeof backupProgress>

export const backupStatus = z.object({
  /** The folder backups are written to (absolute; shown to the administrator). */
  location: z.string(),
  isDefaultLocation: z.boolean(),
  exists: z.boolean(),
  writable: z.boolean(),
  /** Free space at the location in bytes (null when it cannot be measured). */
  freeBytes: z.number().nullable(),
  databaseBytes: z.number(),
  /** Problems with the location or recent backups, in Chinese, worst first. */
  warnings: z.array(backupWarning),
  /** The newest good backup of any kind (ISO 8601), null when there is none. */
  lastBackupAt: z.string().nullable(),
  /** When the next automatic backup is due (it runs within the hour after). */
  nextAutomaticAt: z.string().nullable(),
  /** The backup being written right now (poll while it runs), null when idle. */
  running: backupProgress.nullable(),
  lastFailure: z
    .object({ at: z.string(), kind: z.enum(backupKinds), kindLabel: z.string(), message: z.string() })
    .nullable(),
})
export type BackupStatus = z.infer<typeof backupStatus>

function keep(label: string, min: number, max: number, fallback: number) {
  return z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(min, `${label}不能少于${min}`)
    .max(max, `${label}不能超过${max}`)
    .default(fallback)
}

export const defaultBackupKeep = { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 } as const

export const saveBackupSettingsInput = z.object({
  /** A folder (another disk, a USB drive); empty or null: the default folder beside the data folder. */
  location: z
    .string({ error: '备份位置应为文件夹路径' })
    .trim()
    .max(500, '备份位置路径不能超过500个字符')
    .nullish()
    .transform((s) => (s ? s : null)),
  keepDaily: keep('保留每日备份份数', 1, 60, defaultBackupKeep.keepDaily),
  keepWeekly: keep('保留每周备份份数', 0, 104, defaultBackupKeep.keepWeekly),
  keepMonthly: keep('保留每月备份份数', 0, 240, defaultBackupKeep.keepMonthly),
})

export const backupSettings = z.object({
  location: z.string(),
  defaultLocation: z.string(),
  isDefaultLocation: z.boolean(),
  keepDaily: z.number().int(),
  keepWeekly: z.number().int(),
  keepMonthly: z.number().int(),
})
export type BackupSettings = z.infer<typeof backupSettings>

export const backupVerification = z.object({
  id: backupId,
  ok: z.boolean(),
  /** 备份完好 or what is wrong, in Chinese. */
  message: z.string(),
  checkedAt: z.string(),
})

export const restoreResult = z.object({
  restoredFrom: backupId,
  restoredFromCreatedAt: z.string(),
  /**
   * The copy of the database as it was just before: the 恢复前 backup's id
   * after backup.restore; after recovery.restoreLatest, the name the damaged
   * file was kept under in the data folder.
   */
  savedCurrentAs: z.string().nullable(),
  schemaVersion: z.string(),
  /** The backup was from an older version and was brought up to date. */
  migrated: z.boolean(),
  /** Every session ended with the restore: everyone signs in again. */
  signInAgain: z.literal(true),
  message: z.string(),
})
export type RestoreResult = z.infer<typeof restoreResult>

export const recoveryStatus = z.object({
  /** Core is in recovery mode (false: the database is fine, the rest is empty). */
  active: z.boolean(),
  /** What happened, in Chinese, for the recovery screen. */
  problem: z.string().nullable(),
  /** SQLite's own words (for whoever helps the center), or null. */
  detail: z.string().nullable(),
  dataDir: z.string().nullable(),
  /** The backup restoreLatest would put in place, null when there is no good one. */
  latestGood: backupEntry.nullable(),
  backups: z.array(backupEntry),
})
export type RecoveryStatus = z.infer<typeof recoveryStatus>

const none = z.object({})

export const backupMethods = {
  'backup.status': {
    summary: '备份状态：位置、剩余空间、警告、上次备份时间、正在进行的备份进度',
    permission: 'data.admin',
    input: none,
    output: backupStatus,
  },
  'backup.list': {
    summary: '备份列表（最新在前）：时间、类型、大小、是否校验完好',
    permission: 'data.admin',
    input: none,
    output: z.array(backupEntry),
  },
  'backup.create': {
    summary: '立即备份：写入并校验一份手动备份（进度见 backup.status）',
    permission: 'data.admin',
    input: none,
    output: backupEntry,
  },
  'backup.verify': {
    summary: '重新校验一份备份是否完好',
    permission: 'data.admin',
    input: z.object({ id: backupId }),
    output: backupVerification,
  },
  'backup.restore': {
    summary: '从备份恢复：校验备份、先备份当前数据库、替换并升级；之后所有人需重新登录',
    permission: 'data.admin',
    input: z.object({ id: backupId }),
    output: restoreResult,
  },
  'backup.getSettings': {
    summary: '备份设置：备份位置和保留份数',
    permission: 'data.admin',
    input: none,
    output: backupSettings,
  },
  'backup.saveSettings': {
    summary: '保存备份设置（备份位置、保留每日/每周/每月份数）',
    permission: 'data.admin',
    input: saveBackupSettingsInput,
    output: backupSettings,
  },
  'recovery.status': {
    summary: '数据库损坏时的恢复信息（仅本机、仅恢复模式下有内容）',
    permission: 'public',
    input: none,
    output: recoveryStatus,
  },
  'recovery.restoreLatest': {
    summary: '恢复模式：用最近一份完好的备份恢复数据库（仅本机）',
    permission: 'public',
    input: none,
    output: restoreResult,
  },
} as const
