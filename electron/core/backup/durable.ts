/**
 * File operations that survive a power cut: data is fsync'ed before the
 * rename that makes it visible, and the folder is fsync'ed after, so a name
 * never points at a half-written file.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Makes a rename in `folder` durable; not possible on Windows (folders cannot be opened), where NTFS journals it. */
export function fsyncFolder(folder: string): void {
  let fd: number | null = null
  try {
    fd = fs.openSync(folder, 'r')
    fs.fsyncSync(fd)
  } catch {
    // EISDIR/EPERM on Windows: nothing more to do there.
  } finally {
    if (fd !== null) fs.closeSync(fd)
  }
}

/** Writes JSON under a temporary name, syncs it, then renames it into place. */
export function writeJsonDurably(file: string, value: unknown): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.partial`)
  fs.writeFileSync(temp, JSON.stringify(value, null, 2) + '\n')
  fsyncFile(temp)
  fs.renameSync(temp, file)
  fsyncFolder(path.dirname(file))
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // Best effort: a leftover temporary file is cleaned up next time.
  }
}
