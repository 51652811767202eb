/**
 * 社区 and 小区 by name, as registers write them. A 小区 name may exist in two
 * communities; the row's 所属社区, or the community chosen for the import,
 * decides, and a name still ambiguous is a problem rather than a guess.
 */
import type { Knex } from 'knex'

export interface PlaceIndex {
  communityByName: Map<string, number>
  communityName: Map<number, string>
  archivedCommunities: Set<number>
  /** 小区 name → its compounds (archived last, so a live one wins a tie). */
  compoundsByName: Map<string, { id: number; communityId: number }[]>
}

/** Names compared without spaces, full-width or not. */
export function placeKey(name: string): string {
  return name.replace(/[\s\u3000]/g, '')
}

export async function loadPlaces(db: Knex | Knex.Transaction): Promise<PlaceIndex> {
  const communities = (await db('communities').select('id', 'name', 'archived_at')) as {
    id: number
    name: string
    archived_at: string | null
  }[]
  const compounds = (await db('compounds')
    .select('id', 'community_id', 'name', 'archived_at')
    .orderByRaw('archived_at IS NOT NULL')
    .orderBy('id')) as { id: number; community_id: number; name: string }[]
  const compoundsByName = new Map<string, { id: number; communityId: number }[]>()
  for (const c of compounds) {
    const key = placeKey(c.name)
    const list = compoundsByName.get(key) ?? []
    list.push({ id: c.id, communityId: c.community_id })
    compoundsByName.set(key, list)
  }
  return {
    communityByName: new Map(communities.map((c) => [placeKey(c.name), c.id])),
    communityName: new Map(communities.map((c) => [c.id, c.name])),
    archivedCommunities: new Set(communities.filter((c) => c.archived_at).map((c) => c.id)),
    compoundsByName,
  }
}

export type PlaceResult<T> = { ok: true; value: T } | { ok: false; message: string }

export function communityOf(places: PlaceIndex, name: string): PlaceResult<number> {
  const id = places.communityByName.get(placeKey(name))
  if (id !== undefined) return { ok: true, value: id }
  return { ok: false, message: `找不到社区“${name.slice(0, 30)}”，请先在「基础信息」中登记该社区，或核对名称` }
}

/**
 * The 小区 a row names. `communityId` is the row's own 所属社区 (strict) or
 * the import's chosen community (preferred, not required).
 */
export function compoundOf(
  places: PlaceIndex,
  name: string,
  communityId: number | null,
  strict: boolean,
): PlaceResult<number> {
  const all = places.compoundsByName.get(placeKey(name)) ?? []
  const inCommunity = communityId === null ? [] : all.filter((c) => c.communityId === communityId)
  if (inCommunity.length > 0) return { ok: true, value: inCommunity[0]!.id }
  if (strict && communityId !== null) {
    const community = places.communityName.get(communityId) ?? ''
    return {
      ok: false,
      message: `社区“${community}”下没有小区“${name.slice(0, 40)}”，请先在「基础信息」中登记，或核对名称`,
    }
  }
  const distinct = new Set(all.map((c) => c.communityId))
  if (distinct.size === 1) return { ok: true, value: all[0]!.id }
  if (distinct.size > 1) {
    return {
      ok: false,
      message: `小区“${name.slice(0, 40)}”在${distinct.size}个社区都有，请在文件中加上“所属社区”列，或在导入时选择社区`,
    }
  }
  return { ok: false, message: `找不到小区“${name.slice(0, 40)}”，请先在「基础信息」中登记该小区，或清空此格` }
}
