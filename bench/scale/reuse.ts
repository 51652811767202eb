/**
 * `npm run bench -- --reuse DIR`: measure again on the data folder an
 * earlier run kept (`--keep`), without seeding it again. Seeding a million
 * 诉求 and their raw twin takes most of an hour on a small machine; after a
 * change to search, lists, statistics or start-up only the measurements
 * need repeating. The insert figures cannot be measured without inserting,
 * so they are carried over from the earlier run's results and marked so
 * (`reused`: when that run was, and its insert figures).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Core } from '../../electron/core/app'
import { topCategories, type Places } from './seed'

/** The places a seeded database holds, in the order seedPlaces made them. */
export async function placesOf(core: Core): Promise<Places> {
  const communityIds = ((await core.db('communities').orderBy('id').select('id')) as { id: number }[]).map((r) => r.id)
  const compounds = (await core.db('compounds').orderBy('id').select('id', 'name', 'community_id')) as {
    id: number
    name: string
    community_id: number
  }[]
  const categories = await topCategories(core)
  return {
    communityIds,
    compounds: compounds.map((c) => ({ id: c.id, name: c.name, communityId: c.community_id })),
    categories,
  }
}

export async function countOf(core: Core, table: string): Promise<number> {
  const row = (await core.db(table).count({ n: '*' }).first()) as { n: number }
  return Number(row.n)
}

export interface ReusedInserts {
  /** The earlier run the data folder (and these figures) came from. */
  date: string
  insert_rows_per_s: number
  insert_raw_rows_per_s: number
}

/** The insert figures of the earlier run, from its results file; refuses a file of another size. */
export function earlierInserts(resultsFile: string, rows: number): ReusedInserts {
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Record<string, unknown>
  if (r.rows !== rows || typeof r.insert_rows_per_s !== 'number' || typeof r.insert_raw_rows_per_s !== 'number') {
    throw new Error(`${path.basename(resultsFile)} 不是 ${rows} 行的基准结果，无法沿用其写入数据`)
  }
  const reused = r.reused as ReusedInserts | undefined
  return {
    date: reused?.date ?? String(r.date),
    insert_rows_per_s: r.insert_rows_per_s,
    insert_raw_rows_per_s: r.insert_raw_rows_per_s,
  }
}
