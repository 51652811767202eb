/**
 * Puts a prepared database file in place of the live one, atomically: at
 * every instant the database path names either the old file or the new one,
 * never nothing and never half of one. The old file is first given a second
 * name (a hard link, or a copy where links are not possible) so it can be put
 * back; the old -wal/-shm are moved aside before the new file appears, since
 * SQLite would otherwise replay the old WAL into the new database.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fsyncFolder, removeQuietly } from './durable'

export interface SwappedFiles {
  /** Where the old database now lies (null when there was none). */
  keptAs: string | null
  /** The old -wal/-shm, if there were any. */
  sidecars: string[]
}

function keepAside(file: string, aside: string): void {
  try {
    fs.linkSync(file, aside)
  } catch {
    fs.copyFileSync(file, aside)
  }
}

/** Replaces `databaseFile` with `preparedFile` (in the same folder); the old one is kept under `asideBase`. */
export function swapDatabaseFile(databaseFile: string, preparedFile: string, asideBase: string): SwappedFiles {
  const folder = path.dirname(databaseFile)
  const sidecars: string[] = []
  for (const suffix of ['-wal', '-shm', '-journal']) {
    const from = databaseFile + suffix
    if (!fs.existsSync(from)) continue
    const to = asideBase + suffix
    fs.renameSync(from, to)
    sidecars.push(to)
  }
  let keptAs: string | null = null
  if (fs.existsSync(databaseFile)) {
    keepAside(databaseFile, asideBase)
    keptAs = asideBase
  }
  fs.renameSync(preparedFile, databaseFile)
  fsyncFolder(folder)
  return { keptAs, sidecars }
}

/** Undoes a swap whose new database then failed to open: the old file (and its WAL) go back. */
export function undoSwap(databaseFile: string, swapped: SwappedFiles): void {
  for (const suffix of ['-wal', '-shm', '-journal']) removeQuietly(databaseFile + suffix)
  if (swapped.keptAs) fs.renameSync(swapped.keptAs, databaseFile)
  for (const side of swapped.sidecars) {
    const suffix = side.slice(side.lastIndexOf('-'))
    fs.renameSync(side, databaseFile + suffix)
  }
  fsyncFolder(path.dirname(databaseFile))
}

/** After a good swap the old file is only needed where it cannot be found elsewhere (recovery keeps it). */
export function discardSwapped(swapped: SwappedFiles): void {
  if (swapped.keptAs) removeQuietly(swapped.keptAs)
  for (const side of swapped.sidecars) removeQuietly(side)
}
