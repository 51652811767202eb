/**
 * Names for the compounds a batch prints one copy each for, in the order
 * asked. Names come from the notice itself where it lists them, else from the
 * places registry of the issuing community (paged, never a whole table).
 */
import { api } from '../api/client'
import type { Notice } from '../../shared/api/notices'

export async function compoundNamesFor(notice: Notice, ids: number[]): Promise<string[]> {
  const names = new Map(notice.compounds.map((c) => [c.id, c.name]))
  const missing = () => ids.filter((id) => !names.has(id))
  for (let page = 1; missing().length > 0; page++) {
    const result = await api.places.listCompounds({
      communityId: notice.communityId,
      includeArchived: true,
      page,
      pageSize: 200,
    })
    for (const c of result.items) names.set(c.id, c.name)
    if (page * result.pageSize >= result.total) break
  }
  const unknown = missing()
  if (unknown.length > 0) throw new Error(`有${unknown.length}个小区不属于发文社区，无法批量打印`)
  return ids.map((id) => names.get(id)!)
}
