/**
 * Backup file names. The name is the backup's id (the renderer never sees a
 * path), so it must say on its own what the file is: `cd-<UTC date>-<UTC
 * time>[-n]-<kind>.sqlite`. Anything else in a backup folder (the user's own
 * files on a USB drive) is not ours and is never listed, touched or removed.
 * Files from before this module (`pre-migrate-…-from-<version>.sqlite` in
 * the data folder's `backups`) are recognised as 升级前 backups.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BackupKind } from '../../../shared/api/backup'

const kindInName: Record<BackupKind, string> = {
  startup: 'startup',
  daily: 'daily',
  manual: 'manual',
  pre_migrate: 'pre-migrate',
  pre_restore: 'pre-restore',
}
const kindOfName = new Map(Object.entries(kindInName).map(([k, v]) => [v, k as BackupKind]))

const OURS = /^cd-(\d{8})-(\d{6})(?:-(\d+))?-(startup|daily|manual|pre-migrate|pre-restore)\.sqlite$/
const LEGACY = /^pre-migrate-(\d{8})-(\d{6})-from-[A-Za-z0-9]+(?:-\d+)?\.sqlite$/

export const MANIFEST_SUFFIX = '.json'
/** Work in progress carries this suffix (and a leading dot) until it is verified and renamed. */
export const PARTIAL_SUFFIX = '.partial'

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
}

function dateOf(day: string, time: string): Date | null {
  const iso = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}Z`
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? null : d
}

export interface ParsedName {
  kind: BackupKind
  createdAt: Date
  legacy: boolean
}

/** What a file name says about a backup; null for files that are not our backups. */
export function parseBackupName(name: string): ParsedName | null {
  const ours = OURS.exec(name)
  if (ours) {
    const createdAt = dateOf(ours[1] ?? '', ours[2] ?? '')
    const kind = kindOfName.get(ours[4] ?? '')
    return createdAt && kind ? { kind, createdAt, legacy: false } : null
  }
  const legacy = LEGACY.exec(name)
  if (legacy) {
    const createdAt = dateOf(legacy[1] ?? '', legacy[2] ?? '')
    return createdAt ? { kind: 'pre_migrate', createdAt, legacy: true } : null
  }
  return null
}

/**
 * A name not yet taken (by a backup or its work in progress) in `folder` or
 * any of `alsoIn`: the id must stay unique across every folder listed.
 */
export function freshBackupName(folder: string, kind: BackupKind, at: Date, alsoIn: readonly string[] = []): string {
  const base = `cd-${stamp(at)}`
  const folders = [folder, ...alsoIn]
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}-${kindInName[kind]}.sqlite`
    const files = [name, partialName(name), name + MANIFEST_SUFFIX]
    if (!folders.some((dir) => files.some((f) => fs.existsSync(path.join(dir, f))))) return name
  }
}

export function partialName(name: string): string {
  return `.${name}${PARTIAL_SUFFIX}`
}

export function manifestName(name: string): string {
  return name + MANIFEST_SUFFIX
}
