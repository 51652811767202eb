/** The audit viewer's words for backup and convention events: no English codes reach the administrator. */
import { describe, expect, it } from 'vitest'
import { auditDetailText } from '../../electron/core/services/auditText'
import { backupPlaceLabels } from '../../shared/api/backup'

describe('audit detail text', () => {
  it('labels a backup and a restore', () => {
    expect(auditDetailText({ kind: 'manual', file: 'cd-1.sqlite', place: 'location', ok: true })).toBe(
      `备份类型：手动；备份文件：cd-1.sqlite；存放位置：${backupPlaceLabels.location}；成功：是`,
    )
    expect(auditDetailText({ stage: 'requested', restoredFrom: 'cd-1.sqlite' })).toBe(
      '阶段：提出恢复；恢复自：cd-1.sqlite',
    )
  })

  it('labels a convention step with its stages', () => {
    expect(auditDetailText({ action: '提交审核', versionNumber: 2, fromStage: 'drafting', toStage: 'reviewing' })).toBe(
      '操作：提交审核；公约版本：2；原阶段：草案；新阶段：审核中',
    )
    expect(auditDetailText({ scope: 'compound', part: 'articles', count: 3 })).toBe(
      '公约范围：小区公约；修改内容：条文；条数：3',
    )
  })
})
