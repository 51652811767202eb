/** conventions.compare: two versions of the same convention, article by article. */
import { ApiError } from '../../../../shared/api/errors'
import type { MethodOutput } from '../../../../shared/api/contract'
import { compareArticles } from '../../../../shared/conventions/compare'
import { articleRowsOf, fetchVersionRow, type Db } from './rows'
import { toArticles, toSummary } from './versionDetail'

export async function compareVersions(
  db: Db,
  fromVersionId: number,
  toVersionId: number,
): Promise<MethodOutput<'conventions.compare'>> {
  const from = await fetchVersionRow(db, fromVersionId)
  const to = await fetchVersionRow(db, toVersionId)
  if (from.convention_id !== to.convention_id) {
    throw new ApiError('VALIDATION', '只能比较同一公约的两个版本', 'toVersionId')
  }
  const a = toArticles(await articleRowsOf(db, from.id))
  const b = toArticles(await articleRowsOf(db, to.id))
  return {
    from: toSummary(from, a.length),
    to: toSummary(to, b.length),
    articles: compareArticles(a, b),
  }
}
