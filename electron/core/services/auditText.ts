/**
 * An audit event's detail in words for the viewer and the export: known keys
 * get a Chinese name and their codes a label (“办理：受理；原状态：登记”);
 * anything a later feature adds still shows, as key and value.
 */
import { complaintEventLabels, type ComplaintEventKind } from '../../../shared/complaints/workflow'
import { complaintStatusLabels, type ComplaintStatus } from '../../../shared/intake/labels'
import { printLayoutLabels, staffRoleLabels, type PrintLayoutKind, type StaffRole } from '../../../shared/labels'
import { printDocumentLabels, type PrintDocument } from '../../../shared/print/target'
import { revealFieldLabels, type RevealField } from '../../../shared/api/people'
import { backupKindLabels, backupPlaceLabels } from '../../../shared/api/backup'
import { conventionScopeLabels, versionStageLabels } from '../../../shared/conventions/labels'
import { mediationActionLabels, type MediationAction } from '../../../shared/mediation/actions'
import {
  fileItemKindLabels,
  mediationSourceLabels,
  mediationStatusLabels,
  performanceStateLabels,
  type FileItemKind,
  type MediationSource,
  type MediationStatus,
  type PerformanceState,
} from '../../../shared/mediation/labels'
import {
  exportListLabels,
  importKindLabels,
  type ExportList,
  type ImportKind,
} from '../../../shared/dataTransfer/fields'

type Value = string | number | boolean | null

const keyLabels: Record<string, string> = {
  importKind: '导入内容',
  fileType: '文件类型',
  created: '新增记录',
  matched: '已有记录（未重复登记）',
  newPeople: '新增人员',
  matchedPeople: '匹配到的已有人员',
  updatedPeople: '补全信息的人员',
  list: '导出列表',
  unmasked: '含完整号码',
  sheets: '工作表数',
  field: '查看',
  reason: '原因',
  docNumber: '文号',
  other: '关联诉求记录',
  rows: '行数',
  action: '操作',
  from: '原状态',
  to: '新状态',
  attempt: '连续错误次数',
  locked: '已锁定账号',
  role: '角色',
  reset: '管理员重置',
  idleLockMinutes: '自动锁定（分钟）',
  document: '文书',
  format: '格式',
  layout: '版式',
  copies: '份数',
  printer: '打印机',
  paper: '纸张',
  people: '人数',
  bulk: '批量处理',
  visits: '来访记录数',
  complaints: '诉求数',
  scrubbedFields: '删除号码的文字字段',
  closedVisitYears: '来访记录保存（年）',
  closedComplaintYears: '诉求保存（年）',
  inactivePersonYears: '无往来人员保存（年）',
  caseSource: '案件来源',
  parties: '当事人数',
  mediators: '调解员人数',
  mediationAction: '调解操作',
  fromStatus: '原状态',
  toStatus: '新状态',
  session: '调解笔录编号',
  followUp: '回访编号',
  performance: '履行情况',
  nextFollowUp: '下次回访',
  fileItem: '卷宗材料编号',
  fileItemKind: '材料类别',
  kind: '备份类型',
  file: '备份文件',
  sizeBytes: '大小（字节）',
  place: '存放位置',
  ok: '成功',
  stage: '阶段',
  restoredFrom: '恢复自',
  preRestoreBackup: '恢复前备份',
  backupTakenAt: '备份时间',
  migrated: '已升级数据结构',
  damagedFileKeptAs: '损坏文件另存为',
  location: '备份位置',
  locationChanged: '更改了位置',
  keepDaily: '保留每日备份（份）',
  keepWeekly: '保留每周备份（份）',
  keepMonthly: '保留每月备份（份）',
  removed: '轮换删除（份）',
  versionNumber: '公约版本',
  fromStage: '原阶段',
  toStage: '新阶段',
  passed: '表决通过',
  part: '修改内容',
  scope: '公约范围',
  title: '名称',
  phrase: '提示词',
  count: '条数',
  before: '修改前',
  after: '修改后',
  what: '内容',
  documents: '索引记录数',
  report: '报表',
  period: '统计周期',
  community: '社区',
}

/** Keys whose values are codes, each with its own labels (mediation, backups). */
const mediationLabels: Record<string, Record<string, string>> = {
  importKind: importKindLabels satisfies Record<ImportKind, string>,
  list: exportListLabels satisfies Record<ExportList, string>,
  caseSource: mediationSourceLabels satisfies Record<MediationSource, string>,
  mediationAction: mediationActionLabels satisfies Record<MediationAction, string>,
  fromStatus: mediationStatusLabels satisfies Record<MediationStatus, string>,
  toStatus: mediationStatusLabels,
  performance: performanceStateLabels satisfies Record<PerformanceState, string>,
  fileItemKind: fileItemKindLabels satisfies Record<FileItemKind, string>,
  kind: backupKindLabels,
  place: backupPlaceLabels,
  stage: { requested: '提出恢复', restored: '已恢复', recovered: '启动时修复' },
  fromStage: versionStageLabels,
  toStage: versionStageLabels,
  scope: conventionScopeLabels,
  part: { articles: '条文', opinion: '征集意见', flag: '条文提示', title: '公约名称' },
  what: { search_index: '重建搜索索引' },
}

function lookup<K extends string>(labels: Record<K, string>, value: Value): string | null {
  return typeof value === 'string' && value in labels ? labels[value as K] : null
}

function valueText(key: string, value: Value): string {
  if (value === null) return '—'
  if (typeof value === 'boolean') return value ? '是' : '否'
  const ownLabels = mediationLabels[key]
  if (ownLabels) return lookup(ownLabels, value) ?? String(value)
  const label =
    key === 'field'
      ? lookup<RevealField>(revealFieldLabels, value)
      : key === 'action'
        ? lookup<ComplaintEventKind>(complaintEventLabels, value)
        : key === 'from' || key === 'to'
          ? lookup<ComplaintStatus>(complaintStatusLabels, value)
          : key === 'role'
            ? lookup<StaffRole>(staffRoleLabels, value)
            : key === 'document'
              ? lookup<PrintDocument>(printDocumentLabels, value)
              : key === 'layout'
                ? lookup<PrintLayoutKind>(printLayoutLabels, value)
                : null
  return label ?? String(value)
}

export function auditDetailText(detail: Record<string, Value>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${keyLabels[key] ?? key}：${valueText(key, value)}`)
    .join('；')
}
