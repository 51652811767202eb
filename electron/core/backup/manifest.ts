/**
 * The sidecar `<backup>.json` beside each backup: what the file name cannot
 * say (schema, app version, checksum, when it was last verified). A backup
 * without one (an older version's, or copied in by hand) is still listed,
 * with what can be read from the file itself.
 */
import fs from 'node:fs'
import path from 'node:path'
import { backupKinds, type BackupKind } from '../../../shared/api/backup'
import { manifestName } from './names'
import { writeJsonDurably } from './durable'

export interface Manifest {
  format: 1
  kind: BackupKind
  createdAt: string
  appVersion: string | null
  schemaVersion: string
  migrations: string[]
  sizeBytes: number
  sha256: string
  verified: boolean
  verifiedAt: string
  problem: string | null
}

function isManifest(v: unknown): v is Manifest {
  if (typeof v !== 'object' || v === null) return false
  const m = v as Record<string, unknown>
  return (
    m.format === 1 &&
    (backupKinds as readonly unknown[]).includes(m.kind) &&
    typeof m.createdAt === 'string' &&
    typeof m.schemaVersion === 'string' &&
    Array.isArray(m.migrations) &&
    typeof m.sizeBytes === 'number' &&
    typeof m.sha256 === 'string' &&
    typeof m.verified === 'boolean'
  )
}

/** The manifest of `backupFile`, or null when there is none or it cannot be read. */
export function readManifest(backupFile: string): Manifest | null {
  const file = path.join(path.dirname(backupFile), manifestName(path.basename(backupFile)))
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
    return isManifest(parsed) ? parsed : null
  } catch {
    return null
  }
}

export function writeManifest(backupFile: string, manifest: Manifest): void {
  writeJsonDurably(path.join(path.dirname(backupFile), manifestName(path.basename(backupFile))), manifest)
}
