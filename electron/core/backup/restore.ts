/**
 * Restoring a backup: verify it → back up the current database (恢复前) →
 * swap the file atomically while no call is running → reopen and migrate if
 * the backup is older → end every session (everyone signs in again) → audit.
 * A backup that fails verification, or comes from a newer version, is refused
 * before anything changes. Recovery (a damaged database at start-up) follows
 * the same path, except that the damaged file is kept aside instead of backed
 * up (it cannot be read), and nobody is signed in to do it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import { backupKindLabels, type RestoreResult } from '../../../shared/api/backup'
import { ApiError } from '../../../shared/api/errors'
import type { Ctx } from '../context'
import type { MigrateResult } from '../db/migrate'
import { recordAudit } from '../audit/trail'
import type { CatalogItem } from './catalog'
import type { BackupManager } from './manager'
import type { SwapGate } from './gate'
import { fsyncFile, removeQuietly, sha256OfFile } from './durable'
import { discardSwapped, swapDatabaseFile, undoSwap } from './swapFile'
import { schemaVersionOf } from './sqliteFile'
import { recoveryCandidates } from './recovery'

export interface LiveControl {
  dataDir: string
  databaseFile: string
  manager: BackupManager
  gate: SwapGate
  /** The open database, null in recovery mode. */
  db(): Knex | null
  /** Stops the scheduler, waits for backups, closes the database. */
  closeLive(): Promise<void>
  /** Opens, migrates (with a 升级前 backup), rebuilds the handlers and restarts the scheduler. */
  openLive(): Promise<MigrateResult>
  log(err: unknown): void
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
}

function localTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { hour12: false })
}

/** A private copy of the backup next to the database (same disk, so the swap is a rename), checked byte for byte. */
async function stage(control: LiveControl, item: CatalogItem, sha256: string, at: Date): Promise<string> {
  const staging = path.join(control.dataDir, `.restore-${stamp(at)}-${process.pid}.sqlite.partial`)
  try {
    fs.copyFileSync(item.file, staging)
    fsyncFile(staging)
    if ((await sha256OfFile(staging)) !== sha256) {
      throw new ApiError('CONFLICT', '复制备份文件时出错（校验码不一致），未进行恢复。请重试')
    }
    return staging
  } catch (err) {
    removeQuietly(staging)
    if (err instanceof ApiError) throw err
    control.log(err)
    throw new ApiError('CONFLICT', '无法复制备份文件到数据目录（空间不足或没有权限？），未进行恢复')
  }
}

/** Refuses a backup that is damaged, changed since written, or from a newer version; returns its checksum. */
async function verifiedForRestore(control: LiveControl, item: CatalogItem): Promise<string> {
  const outcome = await control.manager.verify(item)
  if (!outcome.ok) throw new ApiError('CONFLICT', `这份备份不能用来恢复：${outcome.message}。当前数据没有任何改动`)
  if (outcome.newer) {
    const version = schemaVersionOf(outcome.migrations ?? [])
    throw new ApiError(
      'CONFLICT',
      `这份备份来自更新版本的社区服务台（数据版本 ${version}），当前版本不能用它恢复，请先升级社区服务台。当前数据没有任何改动`,
    )
  }
  return outcome.sha256
}

/** Every session ends (everyone signs in again) and the restore is recorded, in one transaction. */
async function finish(db: Knex, ctx: Ctx, detail: Record<string, string | number | boolean | null>): Promise<void> {
  const now = ctx.clock.now().toISOString()
  await db.transaction(async (trx) => {
    await trx('sessions').whereNull('ended_at').update({ ended_at: now })
    await recordAudit(trx, ctx, { action: 'restore', entity: 'backup', entityId: null, detail })
  })
}

/** Swaps in `staging` with the database closed; puts the old file back if the new one will not open. */
async function swapAndReopen(
  control: LiveControl,
  staging: string,
  asideBase: string,
  /** false in recovery mode: the old file is damaged, so core stays in recovery instead of reopening it. */
  reopenOld: boolean,
): Promise<{ migration: MigrateResult; keptAs: string | null; discard: () => void }> {
  if (control.db()) await control.closeLive()
  const swapped = swapDatabaseFile(control.databaseFile, staging, asideBase)
  try {
    const migration = await control.openLive()
    return { migration, keptAs: swapped.keptAs, discard: () => discardSwapped(swapped) }
  } catch (err) {
    control.log(err)
    await control.closeLive().catch(() => undefined)
    undoSwap(control.databaseFile, swapped)
    if (reopenOld) await control.openLive().catch((again: unknown) => control.log(again))
    throw new ApiError('CONFLICT', '恢复后的数据库无法打开，已改回恢复前的数据。请换一份备份再试')
  }
}

function resultOf(
  item: CatalogItem,
  migration: MigrateResult,
  savedCurrentAs: string | null,
  note: string,
): RestoreResult {
  const when = localTime(item.createdAt.toISOString())
  return {
    restoredFrom: item.id,
    restoredFromCreatedAt: item.createdAt.toISOString(),
    savedCurrentAs,
    schemaVersion: migration.schemaVersion,
    migrated: migration.applied.length > 0,
    signInAgain: true,
    message:
      `已恢复到 ${when} 的${backupKindLabels[item.parsed.kind]}备份。${note}` +
      `${migration.applied.length > 0 ? '备份来自较早的版本，已自动升级。' : ''}所有人需要重新登录。`,
  }
}

export function createRestorer(control: LiveControl) {
  let busy = false

  async function exclusively<T>(run: () => Promise<T>): Promise<T> {
    if (busy) throw new ApiError('CONFLICT', '正在恢复数据，请稍候')
    busy = true
    try {
      return await run()
    } finally {
      busy = false
    }
  }

  return {
    /** backup.restore: an administrator replaces the working database with a backup. */
    restore(ctx: Ctx, id: string): Promise<RestoreResult> {
      return exclusively(async () => {
        const db = control.db()
        if (!db) throw new ApiError('RECOVERY', '系统处于恢复模式，请在恢复页面操作')
        const item = control.manager.find(id)
        if (!item) throw new ApiError('NOT_FOUND', '找不到这份备份，可能已被删除或移走。请刷新备份列表', 'id')
        const sha256 = await verifiedForRestore(control, item)
        const at = ctx.clock.now()
        const staging = await stage(control, item, sha256, at)
        try {
          // Recorded before the 恢复前 copy, so that copy itself says what replaced it.
          await db.transaction((trx) =>
            recordAudit(trx, ctx, {
              action: 'restore',
              entity: 'backup',
              entityId: null,
              detail: { stage: 'requested', restoredFrom: item.id },
            }),
          )
          let preRestore: string
          try {
            preRestore = (await control.manager.create('pre_restore')).entry.id
          } catch (err) {
            const reason = err instanceof ApiError ? err.message : '原因不明'
            throw new ApiError('CONFLICT', `未能先备份当前数据库，所以没有进行恢复：${reason}`)
          }
          const swapped = await control.gate.exclusive(() =>
            swapAndReopen(control, staging, `${control.databaseFile}.before-restore-${stamp(at)}`, true),
          )
          swapped.discard()
          const newDb = control.db()
          if (newDb) {
            await finish(newDb, ctx, {
              stage: 'restored',
              restoredFrom: item.id,
              backupTakenAt: item.createdAt.toISOString(),
              preRestoreBackup: preRestore,
              migrated: swapped.migration.applied.length > 0,
            })
          }
          return resultOf(item, swapped.migration, preRestore, `恢复前的数据已另存为备份 ${preRestore}。`)
        } finally {
          removeQuietly(staging)
        }
      })
    },

    /** recovery.restoreLatest: the newest backup that verifies replaces a damaged database. */
    recoverLatest(ctx: Ctx): Promise<RestoreResult> {
      return exclusively(async () => {
        const candidates = recoveryCandidates(await control.manager.list())
        // Checked newest first; a backup that turns out damaged is passed over for the next one.
        let chosen: { item: CatalogItem; sha256: string } | null = null
        for (const entry of candidates) {
          const item = control.manager.find(entry.id)
          if (!item) continue
          const sha256 = await verifiedForRestore(control, item).catch(() => null)
          if (sha256) {
            chosen = { item, sha256 }
            break
          }
        }
        if (!chosen) {
          throw new ApiError(
            'CONFLICT',
            `没有找到可用的完好备份，无法自动恢复。请不要删除数据目录（${control.dataDir}），并联系技术人员处理`,
          )
        }
        const { item, sha256 } = chosen
        const at = ctx.clock.now()
        const staging = await stage(control, item, sha256, at)
        try {
          const swapped = await control.gate.exclusive(() =>
            swapAndReopen(control, staging, `${control.databaseFile}.damaged-${stamp(at)}`, false),
          )
          const keptAs = swapped.keptAs ? path.basename(swapped.keptAs) : null
          const newDb = control.db()
          if (newDb) {
            await finish(newDb, ctx, {
              stage: 'recovered',
              restoredFrom: item.id,
              backupTakenAt: item.createdAt.toISOString(),
              damagedFileKeptAs: keptAs,
              migrated: swapped.migration.applied.length > 0,
            })
          }
          const note = keptAs ? `损坏的数据库文件已保留为数据目录中的 ${keptAs}。` : ''
          return resultOf(item, swapped.migration, keptAs, note)
        } finally {
          removeQuietly(staging)
        }
      })
    },
  }
}
