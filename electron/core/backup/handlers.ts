/**
 * The API handlers for 数据备份 (backup.*) and the recovery screen
 * (recovery.*). Backups themselves are the manager's; restores swap the
 * database under core, so they are the caller's (`BackupPorts`), which knows
 * how to close and reopen it.
 */
import type { Knex } from 'knex'
import type { MethodOutput, ParsedInput } from '../../../shared/api/contract'
import { ApiError } from '../../../shared/api/errors'
import type { Ctx } from '../context'
import { recordAudit, type AuditEvent } from '../audit/trail'
import type { BackupManager } from './manager'
import { checkedSettings } from './settingsInput'

export interface BackupPorts {
  manager: BackupManager
  dataDir: string
  nextAutomaticAt(): Date | null
  restore(ctx: Ctx, id: string): Promise<MethodOutput<'backup.restore'>>
  recoveryStatus(ctx: Ctx): Promise<MethodOutput<'recovery.status'>>
  restoreLatest(ctx: Ctx): Promise<MethodOutput<'recovery.restoreLatest'>>
  /** The location changed: whatever shows it (system.info) follows. */
  settingsSaved(location: string): void
}

export async function auditBackup(db: Knex, ctx: Ctx, event: Omit<AuditEvent, 'entity' | 'entityId'>): Promise<void> {
  await db.transaction((trx) => recordAudit(trx, ctx, { ...event, entity: 'backup', entityId: null }))
}

export function backupHandlers(db: Knex, ports: BackupPorts) {
  const { manager } = ports
  return {
    'backup.status': async (): Promise<MethodOutput<'backup.status'>> => manager.status(ports.nextAutomaticAt()),

    'backup.list': (): Promise<MethodOutput<'backup.list'>> => manager.list(),

    'backup.create': async (ctx: Ctx): Promise<MethodOutput<'backup.create'>> => {
      try {
        const { entry } = await manager.create('manual')
        await auditBackup(db, ctx, {
          action: 'backup',
          detail: { kind: 'manual', file: entry.id, sizeBytes: entry.sizeBytes, place: entry.place, ok: true },
        })
        return entry
      } catch (err) {
        const reason = err instanceof ApiError ? err.message : '备份未完成'
        await auditBackup(db, ctx, { action: 'backup', detail: { kind: 'manual', ok: false, reason } })
        throw err
      }
    },

    'backup.verify': async (ctx: Ctx, input: ParsedInput<'backup.verify'>): Promise<MethodOutput<'backup.verify'>> => {
      const item = manager.find(input.id)
      if (!item) throw new ApiError('NOT_FOUND', '找不到这份备份，可能已被删除或移走。请刷新备份列表', 'id')
      const outcome = await manager.verify(item)
      return { id: item.id, ok: outcome.ok, message: outcome.message, checkedAt: ctx.clock.now().toISOString() }
    },

    'backup.restore': (ctx: Ctx, input: ParsedInput<'backup.restore'>): Promise<MethodOutput<'backup.restore'>> =>
      ports.restore(ctx, input.id),

    'backup.getSettings': async (): Promise<MethodOutput<'backup.getSettings'>> => manager.settings(),

    'backup.saveSettings': async (
      ctx: Ctx,
      input: ParsedInput<'backup.saveSettings'>,
    ): Promise<MethodOutput<'backup.saveSettings'>> => {
      const before = manager.settings()
      const next = checkedSettings(input, ports.dataDir, before.defaultLocation)
      const saved = manager.saveSettings(next)
      await auditBackup(db, ctx, {
        action: 'update',
        detail: {
          location: saved.location,
          locationChanged: saved.location !== before.location,
          keepDaily: saved.keepDaily,
          keepWeekly: saved.keepWeekly,
          keepMonthly: saved.keepMonthly,
        },
      })
      ports.settingsSaved(saved.location)
      return saved
    },

    'recovery.status': (ctx: Ctx): Promise<MethodOutput<'recovery.status'>> => ports.recoveryStatus(ctx),

    'recovery.restoreLatest': (ctx: Ctx): Promise<MethodOutput<'recovery.restoreLatest'>> => ports.restoreLatest(ctx),
  }
}
