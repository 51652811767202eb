/**
 * Is the backup location usable? A USB drive that is not plugged in, a
 * read-only share or a full disk each get a warning the administrator can act
 * on, in Chinese, before a backup fails because of it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BackupWarning } from '../../../shared/api/backup'

export interface LocationState {
  folder: string
  exists: boolean
  /** Something else (a file) has the folder's name. */
  notFolder?: boolean
  writable: boolean
  freeBytes: number | null
}

const MB = 1024 * 1024

/** Room one more backup needs: the database plus slack for its growth while copying. */
export function bytesNeeded(databaseBytes: number): number {
  return Math.ceil(databaseBytes * 1.2) + 10 * MB
}

function canWrite(folder: string): boolean {
  // access(W_OK) says little on Windows and network shares: try a real file.
  const probe = path.join(folder, `.cd-write-test-${process.pid}-${Date.now()}`)
  try {
    fs.writeFileSync(probe, 'ok')
    fs.rmSync(probe, { force: true })
    return true
  } catch {
    return false
  }
}

/**
 * `parentSpace`: for a folder core makes itself (the default one), report the
 * free space of the disk it will be made on. Not for a chosen folder: a
 * missing USB drive's mount point would report the system disk's room.
 */
export function inspectLocation(folder: string, options: { parentSpace?: boolean } = {}): LocationState {
  let exists = false
  let notFolder = false
  try {
    exists = fs.statSync(folder).isDirectory()
    notFolder = !exists
  } catch {
    exists = false
  }
  if (!exists) {
    const freeBytes = options.parentSpace && !notFolder ? freeOnParent(folder) : null
    return { folder, exists, notFolder, writable: false, freeBytes }
  }
  return { folder, exists, writable: canWrite(folder), freeBytes: freeSpace(folder) }
}

function freeSpace(folder: string): number | null {
  try {
    const s = fs.statfsSync(folder)
    return Number(s.bavail) * Number(s.bsize)
  } catch {
    return null
  }
}

/** Free space where a missing folder would be made: its nearest existing parent folder. */
function freeOnParent(folder: string): number | null {
  let at = path.dirname(folder)
  for (;;) {
    try {
      if (fs.statSync(at).isDirectory()) return freeSpace(at)
    } catch {
      // not there either: go up
    }
    const up = path.dirname(at)
    if (up === at) return null
    at = up
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * MB) return `${(n / 1024 / MB).toFixed(1)} GB`
  if (n >= MB) return `${(n / MB).toFixed(1)} MB`
  return `${Math.max(1, Math.round(n / 1024))} KB`
}

/** Whether a backup can be written there now (exists, writable, room for one more). */
export function usable(state: LocationState, databaseBytes: number): boolean {
  return state.exists && state.writable && (state.freeBytes === null || state.freeBytes >= bytesNeeded(databaseBytes))
}

function sameDisk(a: string, b: string): boolean {
  try {
    return fs.statSync(a).dev === fs.statSync(b).dev
  } catch {
    return false
  }
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

export function locationWarnings(
  state: LocationState,
  context: { isDefault: boolean; databaseBytes: number; dataDir: string },
): BackupWarning[] {
  const where = state.folder
  if (state.notFolder) {
    return [{ level: 'error', message: `备份位置不是文件夹：${where}。请在备份设置中重新选择位置。` }]
  }
  if (!state.exists) {
    // The default folder is made by the first backup; a chosen one missing is a drive not plugged in.
    return [
      context.isDefault
        ? { level: 'info', message: `备份文件夹 ${where} 会在第一次备份时自动创建。` }
        : {
            level: 'error',
            message: `备份位置不存在：${where}。如果是U盘或移动硬盘，请插好后再试；否则请在备份设置中重新选择位置。`,
          },
    ]
  }
  const warnings: BackupWarning[] = []
  if (!state.writable) {
    warnings.push({ level: 'error', message: `备份位置无法写入：${where}。请检查该文件夹的权限，或选择其他位置。` })
  }
  if (state.freeBytes !== null) {
    const need = bytesNeeded(context.databaseBytes)
    if (state.freeBytes < need) {
      warnings.push({
        level: 'error',
        message: `备份位置空间不足：剩余 ${formatBytes(state.freeBytes)}，一份备份约需 ${formatBytes(need)}。请清理空间或更换位置。`,
      })
    } else if (state.freeBytes < Math.max(need * 5, 500 * MB)) {
      warnings.push({
        level: 'warning',
        message: `备份位置剩余空间较少（${formatBytes(state.freeBytes)}），请及时清理或更换位置。`,
      })
    }
  }
  if (inside(where, context.dataDir)) {
    warnings.push({
      level: 'warning',
      message: '备份位置在数据目录里面：删除或替换数据目录时，备份会一起丢失。请选择数据目录以外的位置。',
    })
  } else if (sameDisk(where, context.dataDir)) {
    warnings.push({
      level: 'info',
      message: '备份与数据库在同一块磁盘上，硬盘损坏时会一起丢失。建议把备份位置设在另一块硬盘或U盘上。',
    })
  }
  return warnings
}
