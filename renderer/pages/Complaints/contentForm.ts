/** The editable content of a 诉求, as a form and back, and which fields differ between two versions. */
import type { ComplaintDetail, ComplaintContentInput } from '../../../shared/api/complaints'
import type { ComplaintKind, Urgency } from '../../../shared/intake/labels'

export interface ContentForm {
  kind: ComplaintKind
  categoryId: number | undefined
  urgency: Urgency
  communityId: number | undefined
  compoundId: number | undefined
  locationDetail: string
  request: string
  facts: string
  reasons: string
}

export function contentFormOf(d: ComplaintDetail): ContentForm {
  return {
    kind: d.kind,
    categoryId: d.categoryId,
    urgency: d.urgency,
    communityId: d.communityId ?? undefined,
    compoundId: d.compoundId ?? undefined,
    locationDetail: d.locationDetail ?? '',
    request: d.request,
    facts: d.facts ?? '',
    reasons: d.reasons ?? '',
  }
}

export function contentInput(f: ContentForm): ComplaintContentInput {
  return {
    kind: f.kind,
    categoryId: f.categoryId as number,
    urgency: f.urgency,
    compoundId: f.compoundId ?? null,
    locationDetail: f.locationDetail,
    request: f.request,
    facts: f.facts,
    reasons: f.reasons,
  }
}

const fieldLabels: Record<keyof ContentForm, string> = {
  kind: '类型',
  categoryId: '类别',
  urgency: '紧急程度',
  communityId: '社区',
  compoundId: '小区',
  locationDetail: '具体位置',
  request: '请求',
  facts: '事实',
  reasons: '理由',
}

export interface Rebased {
  /** Fields only the other clerk changed: the form now shows their value. */
  taken: string[]
  /** Fields both changed: the form keeps what this clerk typed. */
  kept: string[]
}

/**
 * Moves a form that began at `before` onto `latest` (another clerk's save):
 * what this clerk left alone takes the newer value, what they typed stays.
 * So saving afterwards never quietly undoes the other clerk's change.
 */
export function rebase(form: ContentForm, before: ContentForm, latest: ContentForm): Rebased {
  const result: Rebased = { taken: [], kept: [] }
  for (const k of Object.keys(fieldLabels) as (keyof ContentForm)[]) {
    if ((before[k] ?? '') === (latest[k] ?? '')) continue
    if ((form[k] ?? '') === (before[k] ?? '')) {
      ;(form as unknown as Record<string, unknown>)[k] = latest[k]
      result.taken.push(fieldLabels[k])
    } else if ((form[k] ?? '') !== (latest[k] ?? '')) {
      result.kept.push(fieldLabels[k])
    }
  }
  return result
}
