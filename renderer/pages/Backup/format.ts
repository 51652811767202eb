/** Sizes and times on the 数据备份 and recovery screens. */
import type { BackupEntry } from '../../../shared/api/backup'

const pad = (n: number) => String(n).padStart(2, '0')

/** To the minute: backups are hours apart, seconds would only clutter the list. */
export function formatWhen(iso: string | null): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Bytes as an administrator reads them: KB below a megabyte, MB below a gigabyte, else GB. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '无法获取'
  const kb = 1024
  const mb = kb * 1024
  const gb = mb * 1024
  if (bytes >= gb) return `${(bytes / gb).toFixed(1)} GB`
  if (bytes >= mb) return `${(bytes / mb).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / kb))} KB`
}

export type CheckState = 'ok' | 'unchecked' | 'damaged'

export function checkState(entry: BackupEntry): CheckState {
  if (entry.verified === true) return 'ok'
  if (entry.verified === false) return 'damaged'
  return 'unchecked'
}

export const checkLabels: Record<CheckState, string> = { ok: '已校验', unchecked: '未校验', damaged: '损坏' }
export const checkTags: Record<CheckState, 'success' | 'info' | 'danger'> = {
  ok: 'success',
  unchecked: 'info',
  damaged: 'danger',
}

/** Why 恢复 is not offered for this backup, or null when it can be restored. */
export function restoreBlocked(entry: BackupEntry): string | null {
  if (entry.newerSchema) return '这份备份由更新版本的社区服务台创建，当前版本无法恢复。请先升级程序'
  if (entry.verified === false) return `这份备份已损坏，不能用于恢复${entry.problem ? `：${entry.problem}` : ''}`
  return null
}
