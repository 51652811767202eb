/**
 * Recovery mode: the database is damaged, so core answers only recovery.*
 * (see the reasoning in shared/api/backup.ts) and refuses everything else
 * with a RECOVERY error the renderer turns into the recovery screen. Input
 * and output are still checked against the contract, as in api.ts.
 */
import { ApiError } from '../../../shared/api/errors'
import { contract, isMethodName, type MethodOutput } from '../../../shared/api/contract'
import type { BackupEntry } from '../../../shared/api/backup'
import { authorize } from '../auth/permissions'
import { validationError } from '../validation'
import type { Ctx } from '../context'
import type { BackupManager } from './manager'

export interface RecoveryInfo {
  problem: string
  detail: string
}

export const recoveryModeMessage =
  '数据库文件已损坏，社区服务台正处于恢复模式，暂时不能使用其他功能。请在恢复页面用最近的完好备份恢复数据'

/** Only this machine may act on the recovery screen: the Electron window, or HTTP from a loopback address. */
export function requireLocal(ctx: Ctx): void {
  if (ctx.local === false) throw new ApiError('FORBIDDEN', '只能在安装社区服务台的这台电脑上进行恢复')
}

/**
 * The order restoreLatest tries backups in: newest first, but a 恢复前 copy
 * last. It holds the data a restore deliberately replaced, so the newest
 * copy of what the database became since is any other backup.
 */
export function recoveryCandidates(backups: BackupEntry[]): BackupEntry[] {
  const usable = backups.filter((b) => !b.newerSchema && b.verified !== false)
  return [...usable.filter((b) => b.kind !== 'pre_restore'), ...usable.filter((b) => b.kind === 'pre_restore')]
}

/** The backup restoreLatest tries first. */
export function latestGood(backups: BackupEntry[]): BackupEntry | null {
  return recoveryCandidates(backups)[0] ?? null
}

export async function recoveryStatus(
  ctx: Ctx,
  recovery: RecoveryInfo | null,
  manager: BackupManager,
  dataDir: string,
): Promise<MethodOutput<'recovery.status'>> {
  if (!recovery || ctx.local === false) {
    return { active: false, problem: null, detail: null, dataDir: null, latestGood: null, backups: [] }
  }
  const backups = await manager.list()
  return {
    active: true,
    problem: recovery.problem,
    detail: recovery.detail,
    dataDir,
    latestGood: latestGood(backups),
    backups,
  }
}

export type RecoveryHandlers = {
  'recovery.status': (ctx: Ctx) => Promise<MethodOutput<'recovery.status'>>
  'recovery.restoreLatest': (ctx: Ctx) => Promise<MethodOutput<'recovery.restoreLatest'>>
}

/** The API door while in recovery mode. */
export function createRecoveryApi(handlers: RecoveryHandlers, log: (err: unknown) => void) {
  return async function callInRecovery(ctx: Ctx, method: string, rawInput: unknown): Promise<unknown> {
    if (!isMethodName(method)) throw new ApiError('UNKNOWN_METHOD', `没有名为 ${method.slice(0, 60)} 的接口`)
    if (method !== 'recovery.status' && method !== 'recovery.restoreLatest') {
      throw new ApiError('RECOVERY', recoveryModeMessage)
    }
    const spec = contract[method]
    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) throw validationError(parsed.error)
    authorize(ctx, spec.permission)
    let result: unknown
    try {
      result = await handlers[method](ctx)
    } catch (err) {
      if (err instanceof ApiError) throw err
      log(err)
      throw new ApiError('INTERNAL', '恢复时出现内部错误。请重试；如仍失败请联系技术人员')
    }
    const checked = spec.output.safeParse(result)
    if (!checked.success) {
      log(checked.error)
      throw new ApiError('INTERNAL', '系统返回的数据不完整，请刷新后核对')
    }
    return checked.data
  }
}
