/** zh-CN labels for every enum the UI shows; codes stay English. */
export const compoundKinds = ['commercial', 'old', 'three_no', 'work_unit', 'resettlement', 'other'] as const
export type CompoundKind = (typeof compoundKinds)[number]
export const compoundKindLabels: Record<CompoundKind, string> = {
  commercial: '商品房',
  old: '老旧小区',
  three_no: '三无小区',
  work_unit: '单位宿舍',
  resettlement: '安置房',
  other: '其他',
}

export const managementKinds = ['property_company', 'community_property', 'self_governance', 'none'] as const
export type ManagementKind = (typeof managementKinds)[number]
export const managementKindLabels: Record<ManagementKind, string> = {
  property_company: '物业公司',
  community_property: '社区物业',
  self_governance: '居民自治小组',
  none: '无',
}

export const staffRoles = ['front_desk', 'mediator', 'admin', 'viewer'] as const
export type StaffRole = (typeof staffRoles)[number]
export const staffRoleLabels: Record<StaffRole, string> = {
  front_desk: '前台接待',
  mediator: '调解员',
  admin: '管理员',
  viewer: '领导查询',
}

export type RunMode = 'electron' | 'serve'
export const runModeLabels: Record<RunMode, string> = {
  electron: '桌面应用',
  serve: '浏览器模式',
}

export const noticeStatuses = ['draft', 'published', 'archived'] as const
export type NoticeStatus = (typeof noticeStatuses)[number]
export const noticeStatusLabels: Record<NoticeStatus, string> = {
  draft: '草稿',
  published: '已发布',
  archived: '已归档',
}

export const noticeAudiences = ['community', 'compounds'] as const
export type NoticeAudience = (typeof noticeAudiences)[number]
export const noticeAudienceLabels: Record<NoticeAudience, string> = {
  community: '全社区',
  compounds: '指定小区',
}

export const printLayouts = ['official', 'wall'] as const
export type PrintLayoutKind = (typeof printLayouts)[number]
export const printLayoutLabels: Record<PrintLayoutKind, string> = {
  official: 'A4 公文格式',
  wall: 'A3 张贴大字版',
}
