/**
 * Checks a backup location the administrator typed or picked before it is
 * saved: an absolute path to an existing folder we can write to, outside the
 * data folder (a backup inside it would be lost with it). Errors name the
 * field, so the form shows them next to the input.
 */
import path from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import type { ParsedInput } from '../../../shared/api/contract'
import { inspectLocation } from './location'
import type { StoredBackupSettings } from './settings'

function refuse(message: string): never {
  throw new ApiError('VALIDATION', message, 'location')
}

export function checkedSettings(
  input: ParsedInput<'backup.saveSettings'>,
  dataDir: string,
  defaultLocation: string,
): StoredBackupSettings {
  const keep = { keepDaily: input.keepDaily, keepWeekly: input.keepWeekly, keepMonthly: input.keepMonthly }
  if (input.location === null) return { location: null, ...keep }
  if (!path.isAbsolute(input.location)) {
    refuse('请填写完整的文件夹路径，例如 E:\\社区服务台备份 或 /media/U盘/社区服务台备份')
  }
  const folder = path.resolve(input.location)
  if (folder === path.resolve(defaultLocation)) return { location: null, ...keep }
  const data = path.resolve(dataDir)
  const rel = path.relative(data, folder)
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    refuse('备份位置不能在数据目录里面：删除或替换数据目录时备份会一起丢失。请选择其他文件夹')
  }
  const state = inspectLocation(folder)
  if (!state.exists) refuse('找不到这个文件夹。请先建好文件夹；如果是U盘或移动硬盘，请先插好')
  if (!state.writable) refuse('这个文件夹无法写入，请检查权限，或选择其他文件夹')
  return { location: folder, ...keep }
}
