/**
 * Backup settings live in a small JSON file in the data folder, not in the
 * database: a damaged database must not hide where its backups are, and
 * restoring an old backup must not move future backups back to an old
 * location.
 *
 * The default location is a sibling of the data folder (`<data>-backups`):
 * outside the database's folder, so deleting or replacing that folder does not
 * take the backups with it, and always writable by the same user. It is on
 * the same disk, so the administrator is told to choose another disk or a
 * USB drive.
 */
import fs from 'node:fs'
import path from 'node:path'
import { defaultBackupKeep } from '../../../shared/api/backup'
import { writeJsonDurably } from './durable'

export const SETTINGS_FILE = 'backup-settings.json'

export interface StoredBackupSettings {
  /** Absolute folder, or null for the default. */
  location: string | null
  keepDaily: number
  keepWeekly: number
  keepMonthly: number
}

export function defaultBackupLocation(dataDir: string): string {
  const resolved = path.resolve(dataDir)
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-backups`)
}

/** Where backups made before this module went (pre-migrate copies only). */
export function legacyBackupFolder(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'backups')
}

function whole(v: unknown, min: number, max: number, fallback: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback
}

/** The stored settings; defaults for anything missing or unreadable (a hand-edited file must not stop backups). */
export function readBackupSettings(dataDir: string): StoredBackupSettings {
  let raw: Record<string, unknown> = {}
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, SETTINGS_FILE), 'utf8')) as unknown
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>
  } catch {
    // No file yet, or unreadable: the defaults apply.
  }
  const location = typeof raw.location === 'string' && path.isAbsolute(raw.location) ? raw.location : null
  return {
    location,
    keepDaily: whole(raw.keepDaily, 1, 60, defaultBackupKeep.keepDaily),
    keepWeekly: whole(raw.keepWeekly, 0, 104, defaultBackupKeep.keepWeekly),
    keepMonthly: whole(raw.keepMonthly, 0, 240, defaultBackupKeep.keepMonthly),
  }
}

export function writeBackupSettings(dataDir: string, settings: StoredBackupSettings): void {
  writeJsonDurably(path.join(dataDir, SETTINGS_FILE), settings)
}
