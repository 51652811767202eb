/**
 * The backups core knows about: our files in the backup location, in the
 * default folder (where backups go while the chosen location is unusable),
 * and the older pre-migrate copies in the data folder. Described from the
 * manifest when there is one, otherwise from the file itself.
 */
import fs from 'node:fs'
import path from 'node:path'
import { backupKindLabels, backupPlaceLabels, type BackupEntry, type backupPlaces } from '../../../shared/api/backup'
import { parseBackupName, type ParsedName } from './names'
import { readManifest, type Manifest } from './manifest'
import { recordedMigrations, schemaVersionOf, withRaw } from './sqliteFile'

export type BackupPlace = (typeof backupPlaces)[number]

export interface BackupFolders {
  location: string
  /** The default folder when a different location is chosen (backups fall back there). */
  fallback: string | null
  legacy: string
}

export interface CatalogItem {
  id: string
  file: string
  place: BackupPlace
  parsed: ParsedName
  /** From the manifest (to the millisecond) when there is one, else from the name (to the second). */
  createdAt: Date
  manifest: Manifest | null
  sizeBytes: number
  mtimeMs: number
}

function placesOf(folders: BackupFolders): [BackupPlace, string][] {
  const list: [BackupPlace, string][] = [['location', folders.location]]
  if (folders.fallback && path.resolve(folders.fallback) !== path.resolve(folders.location)) {
    list.push(['fallback', folders.fallback])
  }
  list.push(['legacy', folders.legacy])
  return list
}

/** Every backup file, newest first; a name found in two places is listed once (the first place wins). */
export function scanBackups(folders: BackupFolders): CatalogItem[] {
  const seen = new Set<string>()
  const items: CatalogItem[] = []
  for (const [place, folder] of placesOf(folders)) {
    let names: string[]
    try {
      names = fs.readdirSync(folder)
    } catch {
      continue
    }
    for (const name of names) {
      const parsed = parseBackupName(name)
      if (!parsed || seen.has(name)) continue
      if (place === 'legacy' ? !parsed.legacy : parsed.legacy) continue
      const file = path.join(folder, name)
      let stat: fs.Stats
      try {
        stat = fs.statSync(file)
      } catch {
        continue
      }
      if (!stat.isFile()) continue
      seen.add(name)
      const manifest = readManifest(file)
      const stated = manifest ? new Date(manifest.createdAt) : null
      const createdAt = stated && !Number.isNaN(stated.getTime()) ? stated : parsed.createdAt
      items.push({ id: name, file, place, parsed, createdAt, manifest, sizeBytes: stat.size, mtimeMs: stat.mtimeMs })
    }
  }
  return items.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
}

export function findBackup(folders: BackupFolders, id: string): CatalogItem | null {
  return scanBackups(folders).find((i) => i.id === id) ?? null
}

interface Inspected {
  migrations: string[] | null
}
const inspected = new Map<string, Inspected>()

/** Schema of a backup without a manifest, read once per file version. */
async function inspect(item: CatalogItem): Promise<Inspected> {
  const key = `${item.file}|${item.sizeBytes}|${item.mtimeMs}`
  const cached = inspected.get(key)
  if (cached) return cached
  let result: Inspected
  try {
    result = { migrations: await withRaw(item.file, 'ro', recordedMigrations) }
  } catch {
    result = { migrations: null }
  }
  inspected.set(key, result)
  return result
}

/** Migrations in the backup this version of the app does not know: it was written by a newer version. */
export function unknownMigrations(migrations: readonly string[], known: readonly string[]): string[] {
  return migrations.filter((m) => !known.includes(m))
}

export async function describeBackup(item: CatalogItem, knownMigrations: readonly string[]): Promise<BackupEntry> {
  const m = item.manifest
  const migrations = m ? m.migrations : (await inspect(item)).migrations
  const changed = m !== null && m.sizeBytes !== item.sizeBytes
  return {
    id: item.id,
    kind: item.parsed.kind,
    kindLabel: backupKindLabels[item.parsed.kind],
    createdAt: item.createdAt.toISOString(),
    sizeBytes: item.sizeBytes,
    verified: m ? m.verified && !changed : null,
    verifiedAt: m?.verifiedAt ?? null,
    problem: changed
      ? '备份文件大小与写入时不同，可能已被改动或损坏'
      : (m?.problem ?? (migrations ? null : '无法读取这份备份')),
    schemaVersion: migrations ? schemaVersionOf(migrations) : null,
    appVersion: m?.appVersion ?? null,
    newerSchema: migrations ? unknownMigrations(migrations, knownMigrations).length > 0 : false,
    place: item.place,
    placeLabel: backupPlaceLabels[item.place],
  }
}
