/**
 * Which version each screen works on and which steps apply to it now. Core
 * decides (and refuses) anyway; the screens only offer what can succeed.
 *
 * The working version (being written or revised) goes 征集意见 → 草案 → 审核 →
 * 表决; once adopted it becomes the version in force, and 备案 and 公布 are
 * done on that one (公布 may be recorded again, e.g. for another notice board). A revision starts a new working version while the
 * adopted one stays in force.
 */
import type { ConventionDetail, ConventionVersion } from '../../../shared/api/conventions'
import { editableStages, type VersionStage } from '../../../shared/conventions/labels'

export type ConventionStep = 'start_draft' | 'submit_review' | 'review' | 'vote' | 'file' | 'post' | 'revise' | 'repeal'

export const stepLabels: Record<ConventionStep, string> = {
  start_draft: '形成草案',
  submit_review: '提交审核',
  review: '登记审核意见',
  vote: '登记表决结果',
  file: '登记备案',
  post: '登记公布',
  revise: '修订',
  repeal: '废止',
}

/** The version whose articles, opinions, reviews and votes the tabs show: the one being written, else the one in force. */
export function focusVersion(d: ConventionDetail): ConventionVersion | null {
  return d.working ?? d.current
}

/** The adopted version that 备案 and 公布 are about: the one in force. */
export function adoptedVersion(d: ConventionDetail): ConventionVersion | null {
  return d.current
}

export function isEditable(stage: VersionStage | undefined): boolean {
  return stage !== undefined && editableStages.includes(stage)
}

/** The steps that apply to the convention as it stands, in the order of the procedure. */
export function availableSteps(d: ConventionDetail): ConventionStep[] {
  if (d.status === 'repealed') return []
  const steps: ConventionStep[] = []
  const stage = d.working?.stage
  if (stage === 'collecting') steps.push('start_draft')
  if (stage === 'drafting') steps.push('submit_review')
  if (stage === 'reviewing') steps.push('review')
  if (stage === 'voting') steps.push('vote')
  const adopted = adoptedVersion(d)
  // A copy posted before it was filed may still be filed once.
  if (adopted && (adopted.stage === 'adopted' || (adopted.stage === 'posted' && !adopted.filing))) steps.push('file')
  if (adopted && ['adopted', 'filed', 'posted'].includes(adopted.stage)) steps.push('post')
  if (d.status === 'in_force' && !d.working) steps.push('revise')
  if (d.status === 'in_force') steps.push('repeal')
  return steps
}

/** The seven steps of the bar. */
export const procedure: { title: string }[] = [
  { title: '征集意见' },
  { title: '草案' },
  { title: '审核' },
  { title: '表决' },
  { title: '通过' },
  { title: '备案' },
  { title: '公布' },
]

/**
 * The step the version is at, as an index into `procedure`: the ongoing
 * stages are themselves steps; 通过, 备案 and 公布 are events, so once one has
 * happened the bar moves on to the next (past the end once posted).
 */
const stageStep: Record<VersionStage, number> = {
  collecting: 0,
  drafting: 1,
  reviewing: 2,
  voting: 3,
  adopted: 5,
  filed: 6,
  posted: 7,
  superseded: 7,
}

export function procedureIndex(stage: VersionStage): number {
  return stageStep[stage]
}
