/**
 * What the blank 征求意见表 says: the office over the title 《…》征求意见表,
 * which text it asks about (a first draft, a revision, or the convention in
 * force), why residents are asked, the tick boxes for agreeing, and where to
 * hand it back. It needs no articles, so it prints from the first day of
 * 征集意见. Pure.
 */
import type { Convention, ConventionVersion } from '../../shared/api/conventions'
import type { IntakeOptions } from '../../shared/api/intakeSettings'
import { adoptedStages } from '../../shared/conventions/labels'
import { bookTitle, committeeName } from './conventionText'

export interface PrintedOpinionForm {
  officeName: string
  title: string
  /** 公约名称 as filled in: 《…》（草案）. */
  conventionName: string
  intro: string
  /** 是否同意草案 (or 本公约, for the text in force). */
  agreeLabel: string
  choices: string[]
  returnText: string
}

type ConventionHead = Pick<Convention, 'title' | 'communityName'>

/** Whether residents are asked about a draft or about the text in force (for a later revision). */
function isDraft(v: Pick<ConventionVersion, 'stage'> | null): boolean {
  return v === null || !adoptedStages.includes(v.stage)
}

function draftMark(v: Pick<ConventionVersion, 'stage' | 'number'> | null): string {
  if (!isDraft(v)) return ''
  return v && v.number > 1 ? '（修订草案）' : '（草案）'
}

export function printedOpinionForm(
  c: ConventionHead,
  v: Pick<ConventionVersion, 'stage' | 'number'> | null,
  options: Pick<IntakeOptions, 'officeName' | 'officePhone'>,
): PrintedOpinionForm {
  const title = bookTitle(c.title)
  const draft = isDraft(v)
  const phone = options.officePhone ? `（联系电话：${options.officePhone}）` : ''
  return {
    officeName: options.officeName,
    title: `${title}征求意见表`,
    conventionName: `${title}${draftMark(v)}`,
    intro: draft
      ? `为使公约充分体现居民意愿，${committeeName(c)}现就${title}${draftMark(v)}广泛征求意见，欢迎您提出意见和建议。`
      : `为做好${title}的修订工作，${committeeName(c)}现广泛征求意见，欢迎您提出意见和建议。`,
    agreeLabel: draft ? '是否同意草案' : '是否同意本公约',
    choices: ['同意', '基本同意，有修改意见', '不同意'],
    returnText: `填写后请交回${options.officeName}${phone}。`,
  }
}
