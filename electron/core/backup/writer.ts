/**
 * Writes one backup: online copy under a temporary name in the target folder,
 * switch the copy to a self-contained single file (no -wal beside it), run
 * `integrity_check` on the copy, fsync, write the manifest, and only then
 * rename it to its final name. A backup with a final name has always passed
 * the check; a crash leaves at most a `.partial` file, removed later.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BackupKind } from '../../../shared/api/backup'
import { checkIntegrity, onlineCopy, recordedMigrations, schemaVersionOf, withRaw } from './sqliteFile'
import { fsyncFile, fsyncFolder, removeQuietly, sha256OfFile } from './durable'
import { freshBackupName, manifestName, partialName } from './names'
import { writeManifest, type Manifest } from './manifest'

export type WritePhase = 'copy' | 'verify' | 'finish'

export interface WriteRequest {
  databaseFile: string
  folder: string
  kind: BackupKind
  at: Date
  appVersion: string
  /** Other backup folders the new name must not clash with (ids are unique across them). */
  otherFolders?: readonly string[]
  onProgress?: (phase: WritePhase, fraction: number) => void
}

export interface WrittenBackup {
  file: string
  name: string
  manifest: Manifest
}

export class BackupCheckFailed extends Error {
  constructor(readonly problems: string[]) {
    super(`integrity_check failed: ${problems.join('; ')}`)
  }
}

export async function writeBackup(req: WriteRequest): Promise<WrittenBackup> {
  const progress = req.onProgress ?? (() => undefined)
  const name = freshBackupName(req.folder, req.kind, req.at, req.otherFolders)
  const file = path.join(req.folder, name)
  const temp = path.join(req.folder, partialName(name))
  try {
    progress('copy', 0)
    await onlineCopy(req.databaseFile, temp, (p) => progress('copy', p.done / p.total))
    progress('verify', 0)
    const { migrations } = await withRaw(temp, 'rw', async (db) => {
      // The copy carries the source's WAL flag; a backup is one file, readable even from read-only media.
      await new Promise<void>((resolve, reject) =>
        db.exec('PRAGMA journal_mode = DELETE', (e) => (e ? reject(e) : resolve())),
      )
      const check = await checkIntegrity(db)
      if (!check.ok) throw new BackupCheckFailed(check.problems)
      return { migrations: await recordedMigrations(db) }
    })
    progress('finish', 0)
    fsyncFile(temp)
    const manifest: Manifest = {
      format: 1,
      kind: req.kind,
      createdAt: req.at.toISOString(),
      appVersion: req.appVersion,
      schemaVersion: schemaVersionOf(migrations),
      migrations,
      sizeBytes: fs.statSync(temp).size,
      sha256: await sha256OfFile(temp),
      verified: true,
      verifiedAt: req.at.toISOString(),
      problem: null,
    }
    writeManifest(file, manifest)
    fs.renameSync(temp, file)
    fsyncFolder(req.folder)
    progress('finish', 1)
    return { file, name, manifest }
  } catch (err) {
    removeQuietly(temp)
    removeQuietly(`${temp}-journal`)
    removeQuietly(path.join(req.folder, manifestName(name)))
    throw err
  }
}

/** Leftovers of backups a crash interrupted: untouched for 10 minutes (a running backup keeps writing). */
export function removeStalePartials(folder: string, now: Date): void {
  let names: string[]
  try {
    names = fs.readdirSync(folder)
  } catch {
    return
  }
  const stale = (file: string): boolean => {
    try {
      return now.getTime() - fs.statSync(file).mtimeMs > 10 * 60_000
    } catch {
      return false
    }
  }
  for (const n of names) {
    const file = path.join(folder, n)
    if (n.startsWith('.cd-') && (n.endsWith('.partial') || n.endsWith('.partial-journal')) && stale(file)) {
      removeQuietly(file)
    }
    // A manifest whose backup never got its final name (a crash between the two renames).
    const backup = n.slice(0, -'.json'.length)
    if (n.startsWith('cd-') && n.endsWith('.sqlite.json') && !names.includes(backup) && stale(file)) removeQuietly(file)
  }
}
