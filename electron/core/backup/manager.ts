/**
 * One place that writes, lists, verifies and rotates backups for a data
 * folder. Backups run one at a time (a queue), so the scheduler, 立即备份 and
 * a restore's 恢复前 copy never copy the database at once; the running one's
 * progress is what `backup.status` shows.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  backupKindLabels,
  backupPhaseLabels,
  type BackupEntry,
  type BackupKind,
  type BackupProgress,
  type BackupSettings,
  type BackupStatus,
} from '../../../shared/api/backup'
import { ApiError } from '../../../shared/api/errors'
import type { Clock } from '../context'
import { describeBackup, findBackup, scanBackups, type BackupFolders, type CatalogItem } from './catalog'
import { inspectLocation, locationWarnings, usable } from './location'
import { backupsToRemove, type Keep } from './rotation'
import {
  defaultBackupLocation,
  legacyBackupFolder,
  readBackupSettings,
  writeBackupSettings,
  type StoredBackupSettings,
} from './settings'
import { verifyBackupFile, type VerifyOutcome } from './verify'
import { BackupCheckFailed, removeStalePartials, writeBackup, type WritePhase } from './writer'
import { manifestName } from './names'
import { removeQuietly } from './durable'

export interface BackupEvent {
  ok: boolean
  kind: BackupKind
  id: string | null
  sizeBytes: number | null
  place: string | null
  reason: string | null
  removed: number
}

export interface BackupManagerOptions {
  dataDir: string
  databaseFile: string
  appVersion: string
  knownMigrations: readonly string[]
  clock: Clock
  log?: (err: unknown) => void
}

export interface CreatedBackup {
  entry: BackupEntry
  item: CatalogItem
}

const phaseSpan: Record<WritePhase, [number, number]> = { copy: [0, 80], verify: [80, 97], finish: [97, 100] }

/** A Chinese reason for a failed backup; the raw error goes to the log. */
function reasonOf(err: unknown): string {
  if (err instanceof ApiError) return err.message
  if (err instanceof BackupCheckFailed) {
    return `备份副本未通过完整性校验，当前数据库可能已损坏（${err.problems.slice(0, 2).join('；')}）`
  }
  const code = (err as { code?: unknown } | null)?.code
  if (code === 'ENOSPC') return '备份位置空间不足，备份未完成'
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入备份位置的权限，备份未完成'
  if (code === 'ENOENT') return '备份位置在备份过程中不可用（U盘被拔出？），备份未完成'
  return `备份未完成（${err instanceof Error ? err.message.slice(0, 200) : String(err)}）`
}

export function createBackupManager(options: BackupManagerOptions) {
  const { dataDir, databaseFile, clock } = options
  const log = options.log ?? console.error
  const defaultLocation = defaultBackupLocation(dataDir)
  let stored: StoredBackupSettings = readBackupSettings(dataDir)
  let running: BackupProgress | null = null
  let lastFailure: BackupStatus['lastFailure'] = null
  let queue: Promise<unknown> = Promise.resolve()
  const listeners: ((e: BackupEvent) => Promise<void>)[] = []

  function location(): string {
    return stored.location ?? defaultLocation
  }

  function folders(): BackupFolders {
    return {
      location: location(),
      fallback: stored.location ? defaultLocation : null,
      legacy: legacyBackupFolder(dataDir),
    }
  }

  /** The newest backup that passed its check, of the kinds that keep the daily rhythm. */
  function newestGoodAt(): Date | null {
    const good = scanBackups(folders()).find(
      (i) => i.parsed.kind !== 'pre_restore' && i.place !== 'legacy' && i.manifest?.verified === true,
    )
    return good ? good.createdAt : null
  }

  function settings(): BackupSettings {
    return {
      location: location(),
      defaultLocation,
      isDefaultLocation: !stored.location,
      keepDaily: stored.keepDaily,
      keepWeekly: stored.keepWeekly,
      keepMonthly: stored.keepMonthly,
    }
  }

  function databaseBytes(): number {
    let n = 0
    for (const f of [databaseFile, `${databaseFile}-wal`]) {
      try {
        n += fs.statSync(f).size
      } catch {
        // Not there: nothing to count.
      }
    }
    return n
  }

  function makeFolder(folder: string): void {
    try {
      fs.mkdirSync(folder, { recursive: true })
    } catch {
      // Reported as unusable by the caller's check.
    }
  }

  /** The folder this backup goes to: the chosen location, else the default one (made if missing). */
  function target(): { folder: string; fallback: boolean } {
    const bytes = databaseBytes()
    const chosen = location()
    if (!stored.location) makeFolder(chosen)
    if (usable(inspectLocation(chosen), bytes)) return { folder: chosen, fallback: false }
    if (stored.location) {
      makeFolder(defaultLocation)
      if (usable(inspectLocation(defaultLocation), bytes)) return { folder: defaultLocation, fallback: true }
    }
    const warning = locationWarnings(inspectLocation(chosen), {
      isDefault: !stored.location,
      databaseBytes: bytes,
      dataDir,
    })[0]
    throw new ApiError('CONFLICT', warning?.message ?? `无法写入备份位置：${chosen}`)
  }

  function setProgress(kind: BackupKind, phase: BackupProgress['phase'], percent: number, startedAt: Date): void {
    running = {
      kind,
      kindLabel: backupKindLabels[kind],
      phase,
      phaseLabel: backupPhaseLabels[phase],
      percent: Math.max(0, Math.min(100, Math.round(percent * 10) / 10)),
      startedAt: startedAt.toISOString(),
    }
  }

  function rotate(): number {
    const items = scanBackups(folders()).filter((i) => i.place !== 'legacy')
    const remove = new Set(
      backupsToRemove(
        items.map((i) => ({
          id: i.id,
          kind: i.parsed.kind,
          createdAt: i.createdAt,
          verified: i.manifest?.verified ?? null,
        })),
        stored satisfies Keep,
      ),
    )
    for (const item of items) {
      if (!remove.has(item.id)) continue
      removeQuietly(item.file)
      removeQuietly(path.join(path.dirname(item.file), manifestName(item.id)))
    }
    return remove.size
  }

  async function notify(event: BackupEvent): Promise<void> {
    for (const l of listeners) await l(event).catch(log)
  }

  async function run(kind: BackupKind): Promise<CreatedBackup> {
    const startedAt = clock.now()
    setProgress(kind, 'copy', 0, startedAt)
    try {
      const { folder, fallback } = target()
      removeStalePartials(folder, clock.now())
      const written = await writeBackup({
        databaseFile,
        folder,
        kind,
        at: startedAt,
        appVersion: options.appVersion,
        otherFolders: Object.values(folders()).filter((f): f is string => f !== null && f !== folder),
        onProgress: (phase, fraction) => {
          const [from, to] = phaseSpan[phase]
          setProgress(kind, phase, from + (to - from) * fraction, startedAt)
        },
      })
      // Manual backups are never removed, so only the other kinds need a rotation afterwards.
      const removed = kind === 'manual' ? 0 : rotate()
      const item = findBackup(folders(), written.name)
      if (!item) throw new Error(`backup ${written.name} vanished after writing`)
      const entry = await describeBackup(item, options.knownMigrations)
      lastFailure = null
      await notify({
        ok: true,
        kind,
        id: entry.id,
        sizeBytes: entry.sizeBytes,
        place: fallback ? 'fallback' : 'location',
        reason: null,
        removed,
      })
      return { entry, item }
    } catch (err) {
      const reason = reasonOf(err)
      if (!(err instanceof ApiError)) log(err)
      lastFailure = { at: clock.now().toISOString(), kind, kindLabel: backupKindLabels[kind], message: reason }
      await notify({ ok: false, kind, id: null, sizeBytes: null, place: null, reason, removed: 0 })
      throw new ApiError('CONFLICT', reason)
    } finally {
      running = null
    }
  }

  return {
    folders,

    /** Called after every backup, good or failed (the audit trail listens). */
    onBackup(listener: (e: BackupEvent) => Promise<void>): void {
      listeners.push(listener)
    },

    /** Writes a backup of `kind` once the ones before it are done. */
    create(kind: BackupKind): Promise<CreatedBackup> {
      const job = queue.then(() => run(kind))
      queue = job.catch(() => undefined)
      return job
    },

    /** Resolves when no backup is queued or running. */
    async idle(): Promise<void> {
      for (let seen: unknown = null; seen !== queue;) {
        seen = queue
        await queue
      }
    },

    async list(): Promise<BackupEntry[]> {
      const known = options.knownMigrations
      return Promise.all(scanBackups(folders()).map((i) => describeBackup(i, known)))
    },

    find(id: string): CatalogItem | null {
      return findBackup(folders(), id)
    },

    verify(item: CatalogItem): Promise<VerifyOutcome> {
      return verifyBackupFile(item, options.knownMigrations, clock.now())
    },

    newestGoodAt,
    settings,

    saveSettings(next: StoredBackupSettings): BackupSettings {
      writeBackupSettings(dataDir, next)
      stored = next
      return settings()
    },

    status(nextAutomaticAt: Date | null): BackupStatus {
      const state = inspectLocation(location(), { parentSpace: !stored.location })
      const bytes = databaseBytes()
      const warnings = locationWarnings(state, { isDefault: !stored.location, databaseBytes: bytes, dataDir })
      if (stored.location && !usable(state, bytes)) {
        warnings.push({ level: 'warning', message: `在备份位置恢复可用之前，备份会写到默认位置：${defaultLocation}` })
      }
      if (lastFailure) {
        warnings.push({ level: 'error', message: `最近一次${lastFailure.kindLabel}备份失败：${lastFailure.message}` })
      }
      const newest = newestGoodAt()
      if (!newest) {
        warnings.push({
          level: 'warning',
          message: '还没有完好的备份。请点击“立即备份”，或等待自动备份（启动后一小时内）',
        })
      } else if (clock.now().getTime() - newest.getTime() > 3 * 86_400_000) {
        warnings.push({ level: 'warning', message: '已超过3天没有成功的备份，请检查备份位置并立即备份一次' })
      }
      const order = { error: 0, warning: 1, info: 2 }
      warnings.sort((a, b) => order[a.level] - order[b.level])
      return {
        location: state.folder,
        isDefaultLocation: !stored.location,
        exists: state.exists,
        writable: state.writable,
        freeBytes: state.freeBytes,
        databaseBytes: bytes,
        warnings,
        lastBackupAt: newest?.toISOString() ?? null,
        nextAutomaticAt: nextAutomaticAt?.toISOString() ?? null,
        running,
        lastFailure,
      }
    },
  }
}

export type BackupManager = ReturnType<typeof createBackupManager>
