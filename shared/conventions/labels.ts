/**
 * zh-CN labels for the 居民公约 registry (城市居民委员会组织法; 2018 《关于做好村规民约和
 * 居民公约工作的指导意见》). Codes stay English.
 */

/** A convention belongs to a whole community (社区居民公约) or one compound (小区公约). */
export const conventionScopes = ['community', 'compound'] as const
export type ConventionScope = (typeof conventionScopes)[number]
export const conventionScopeLabels: Record<ConventionScope, string> = {
  community: '社区居民公约',
  compound: '小区公约',
}

/**
 * The stage of one version: 征集意见 → 草案 → 审核 → 表决 → 已通过 → 已备案 → 已公布.
 * A review sent back or a failed vote returns the version to 草案. A version
 * replaced by a newer adopted one is 已被修订 (its text is kept forever).
 */
export const versionStages = [
  'collecting',
  'drafting',
  'reviewing',
  'voting',
  'adopted',
  'filed',
  'posted',
  'superseded',
] as const
export type VersionStage = (typeof versionStages)[number]
export const versionStageLabels: Record<VersionStage, string> = {
  collecting: '征集意见',
  drafting: '草案',
  reviewing: '审核中',
  voting: '待表决',
  adopted: '已通过',
  filed: '已备案',
  posted: '已公布',
  superseded: '已被修订',
}
/** Stages whose articles may still change; from 审核 on the text is what was reviewed and voted. */
export const editableStages: readonly VersionStage[] = ['collecting', 'drafting']
/** Stages of a version that is (or was) in force: its text never changes again. */
export const adoptedStages: readonly VersionStage[] = ['adopted', 'filed', 'posted', 'superseded']

/** The convention as a whole: not yet adopted, in force, or repealed (废止). */
export const conventionStatuses = ['drafting', 'in_force', 'repealed'] as const
export type ConventionStatus = (typeof conventionStatuses)[number]
export const conventionStatusLabels: Record<ConventionStatus, string> = {
  drafting: '制定中',
  in_force: '施行中',
  repealed: '已废止',
}

export const opinionSources = ['person', 'household', 'group'] as const
export type OpinionSource = (typeof opinionSources)[number]
export const opinionSourceLabels: Record<OpinionSource, string> = {
  person: '居民个人',
  household: '住户',
  group: '居民小组/组织',
}

export const meetingKinds = ['residents', 'representatives', 'households'] as const
export type MeetingKind = (typeof meetingKinds)[number]
export const meetingKindLabels: Record<MeetingKind, string> = {
  residents: '居民会议',
  representatives: '居民代表会议',
  households: '户代表会议',
}

export const reviewResults = ['passed', 'returned'] as const
export type ReviewResult = (typeof reviewResults)[number]
export const reviewResultLabels: Record<ReviewResult, string> = { passed: '审核通过', returned: '退回修改' }

/** Suggested topic tags; staff may type others. */
export const articleTopics = [
  '日常行为',
  '公共秩序',
  '居民权利',
  '矛盾调解',
  '移风易俗',
  '环境卫生',
  '垃圾分类',
  '停车',
  '宠物',
  '噪音',
  '消防安全',
  '邻里互助',
  '家庭美德',
] as const
