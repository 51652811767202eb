/**
 * zh-CN labels for people's mediation (人民调解法; 司法部 2010 文书格式).
 * Codes stay English; every list is in the order forms and statistics use.
 */

/** Where a case came from. `complaint` is the escalation of a 诉求 (转人民调解). */
export const mediationSources = ['application', 'own_initiative', 'police', 'court', 'government', 'complaint'] as const
export type MediationSource = (typeof mediationSources)[number]
export const mediationSourceLabels: Record<MediationSource, string> = {
  application: '当事人申请',
  own_initiative: '主动调解',
  police: '公安移交',
  court: '法院委托',
  government: '政府部门指定',
  complaint: '诉求转入',
}

/** The national statistics' dispute types. */
export const disputeTypes = [
  'marriage_family',
  'neighbour',
  'housing_land',
  'contract',
  'business',
  'damages',
  'labour',
  'property_management',
  'land_acquisition',
  'other',
] as const
export type DisputeType = (typeof disputeTypes)[number]
export const disputeTypeLabels: Record<DisputeType, string> = {
  marriage_family: '婚姻家庭',
  neighbour: '邻里',
  housing_land: '房屋宅基地',
  contract: '合同',
  business: '生产经营',
  damages: '损害赔偿',
  labour: '劳动争议',
  property_management: '物业',
  land_acquisition: '征地拆迁',
  other: '其他',
}

export const partyRoles = ['applicant', 'respondent', 'third_party', 'agent'] as const
export type PartyRole = (typeof partyRoles)[number]
export const partyRoleLabels: Record<PartyRole, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  third_party: '第三人',
  agent: '代理人',
}

export const mediatorRoles = ['presiding', 'assisting'] as const
export type MediatorRole = (typeof mediatorRoles)[number]
export const mediatorRoleLabels: Record<MediatorRole, string> = { presiding: '主持调解员', assisting: '协助调解员' }

/**
 * registered 待受理 → accepted 调解中 (or rejected 不予受理) → concluded 调解结束
 * (an outcome is recorded; follow-ups run) → closed 已结案 (the 卷宗 is filed).
 */
export const mediationStatuses = ['registered', 'rejected', 'accepted', 'concluded', 'closed'] as const
export type MediationStatus = (typeof mediationStatuses)[number]
export const mediationStatusLabels: Record<MediationStatus, string> = {
  registered: '待受理',
  rejected: '不予受理',
  accepted: '调解中',
  concluded: '调解结束',
  closed: '已结案',
}

export const mediationOutcomes = ['written_agreement', 'oral_agreement', 'failed', 'terminated'] as const
export type MediationOutcome = (typeof mediationOutcomes)[number]
export const mediationOutcomeLabels: Record<MediationOutcome, string> = {
  written_agreement: '达成书面协议',
  oral_agreement: '达成口头协议',
  failed: '调解不成',
  terminated: '终止调解',
}

/** How something was told or agreed: the rights notice, the parties' consent to an extension. */
export const noticeWays = ['written', 'oral'] as const
export type NoticeWay = (typeof noticeWays)[number]
export const noticeWayLabels: Record<NoticeWay, string> = { written: '书面', oral: '口头' }

export const performanceStates = ['performed', 'partly', 'not_performed'] as const
export type PerformanceState = (typeof performanceStates)[number]
export const performanceStateLabels: Record<PerformanceState, string> = {
  performed: '已履行',
  partly: '部分履行',
  not_performed: '未履行',
}

export const judicialResults = ['pending', 'confirmed', 'refused', 'withdrawn'] as const
export type JudicialResult = (typeof judicialResults)[number]
export const judicialResultLabels: Record<JudicialResult, string> = {
  pending: '审查中',
  confirmed: '确认有效',
  refused: '不予确认',
  withdrawn: '撤回申请',
}

/** 保管期限 of a case file (档案保管期限: 永久, 定期30年, 定期10年). */
export const retentionPeriods = ['permanent', 'years_30', 'years_10'] as const
export type RetentionPeriod = (typeof retentionPeriods)[number]
export const retentionPeriodLabels: Record<RetentionPeriod, string> = {
  permanent: '永久',
  years_30: '30年',
  years_10: '10年',
}

/**
 * The items of a 卷宗 in the order of the 卷内目录. `required` ones must exist
 * before the case may be closed. Items marked `manual` are added by the
 * mediator (scans and papers the app does not produce); the others come
 * from the case's own records.
 */
export const fileItemKinds = [
  'registration',
  'rights_notice',
  'identity',
  'authorization',
  'investigation',
  'evidence',
  'session',
  'outcome',
  'performance',
  'follow_up',
  'judicial',
  'explanation',
  'back_cover',
] as const
export type FileItemKind = (typeof fileItemKinds)[number]
export const fileItemKindLabels: Record<FileItemKind, string> = {
  registration: '人民调解申请书/受理登记表',
  rights_notice: '权利义务告知书',
  identity: '当事人身份证明',
  authorization: '授权委托书',
  investigation: '调查记录',
  evidence: '证据材料',
  session: '调解笔录',
  outcome: '调解协议书',
  performance: '履行凭证',
  follow_up: '回访记录',
  judicial: '司法确认材料',
  explanation: '卷宗情况说明',
  back_cover: '封底',
}
export const requiredFileItems: readonly FileItemKind[] = [
  'registration',
  'rights_notice',
  'identity',
  'session',
  'outcome',
  'back_cover',
]
/** Papers the mediator adds by hand (title, date, pages). */
export const manualFileItemKinds = [
  'authorization',
  'investigation',
  'evidence',
  'performance',
  'judicial',
  'explanation',
] as const
export type ManualFileItemKind = (typeof manualFileItemKinds)[number]
