/**
 * 条文提示: articles whose text reads as an abusive penalty, with the
 * reviewer's dismissals. A dismissal covers the wording it was given for;
 * once the article is edited the flag shows again.
 */
import type { ConventionArticle, PenaltyFlag } from '../../../../shared/api/conventions'
import { penaltyFindings } from '../../../../shared/conventions/penaltyWords'
import type { Db } from './rows'

export interface DismissalRow {
  id: number
  version_id: number
  article_id: number
  article_text: string
  phrase: string
  reason: string
  staff_id: number
  at: string
}

export async function dismissalsOf(db: Db, versionId: number): Promise<DismissalRow[]> {
  return (await db('convention_flag_dismissals').where({ version_id: versionId }).orderBy('id')) as DismissalRow[]
}

export function flagsOf(
  articles: readonly ConventionArticle[],
  dismissals: readonly DismissalRow[],
  names: Map<number, string>,
): PenaltyFlag[] {
  const flags: PenaltyFlag[] = []
  for (const a of articles) {
    for (const f of penaltyFindings(a.text)) {
      const d = dismissals.find((x) => x.phrase === f.phrase && x.article_text === a.text)
      flags.push({
        articleId: a.id,
        numberText: a.numberText,
        phrase: f.phrase,
        hint: f.hint,
        dismissed: d ? { reason: d.reason, staffName: names.get(d.staff_id) ?? '', at: d.at } : null,
      })
    }
  }
  return flags
}
