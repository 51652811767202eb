/**
 * The background merge of the search index (search/tidy.ts) on a real
 * database: many write transactions leave many FTS5 segments; the merge
 * leaves one per table, finds the same records, and stops when asked.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../electron/core/app'
import { mergeStep, startSearchTidy, tidySearchIndex } from '../../electron/core/search/tidy'
import { searchSegments } from '../fixtures/search'
import { call, tempDir } from '../fixtures/core'

let core: Core | null = null
afterEach(async () => {
  await core?.close()
  core = null
})

/** Residents written one transaction each, as a desk does through the day: one new segment per write. */
async function addResidents(c: Core, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await c.db.raw(
      `INSERT INTO persons (name, name_pinyin, name_initials, notes, created_at, updated_at, created_by, updated_by)
       SELECT ?, 'x', 'x', ?, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', id, id FROM staff ORDER BY id LIMIT 1`,
      [`居民${String.fromCodePoint(0x4e00 + i)}`, `第${i}号楼道堆放杂物`],
    )
  }
}

describe('search index merge', () => {
  it('merges many segments into one per table, and search finds the same records', async () => {
    core = await openCore({ dataDir: tempDir(), mode: 'serve', appVersion: 'test', tidySearchIndex: false })
    await addResidents(core, 40)
    const before = await searchSegments(core.db)
    expect(before.tri).toBeGreaterThan(3)
    const search = async () =>
      (await call(core!, 'search.query', { query: '堆放杂物', kinds: ['person'], limit: 50 })).groups[0]
    const found = await search()
    expect(found?.total).toBe(40)

    const steps = await tidySearchIndex((run) => run(core!.db))
    expect(steps).toBeGreaterThan(0)
    expect(await searchSegments(core.db)).toEqual({ tri: 1, bi: 1 })
    expect(await search()).toEqual(found)
    // Nothing left to do: a further step reports no work.
    expect(await mergeStep(core.db, 'search_tri')).toBe(false)
    expect(await mergeStep(core.db, 'search_bi')).toBe(false)
  })

  it('runs in the background after start, as the app does by default', async () => {
    const dataDir = tempDir()
    core = await openCore({ dataDir, mode: 'serve', appVersion: 'test', tidySearchIndex: false })
    await addResidents(core, 40)
    await core.close()

    core = await openCore({
      dataDir,
      mode: 'serve',
      appVersion: 'test',
      automaticBackups: false,
      tidySearchIndex: true,
    })
    await core.tidied()
    expect(await searchSegments(core.db)).toEqual({ tri: 1, bi: 1 })
    await core.close()
  })

  it('stops between steps when asked, leaving the index as it was', async () => {
    core = await openCore({ dataDir: tempDir(), mode: 'serve', appVersion: 'test', tidySearchIndex: false })
    await addResidents(core, 40)
    const before = await searchSegments(core.db)
    let steps = 0
    const run = startSearchTidy(
      Promise.resolve(),
      (step) => {
        steps++
        return step(core!.db)
      },
      () => undefined,
    )
    run.stop()
    expect(await run.done).toBe(0)
    expect(steps).toBe(0)
    expect(await searchSegments(core.db)).toEqual(before)
  })
})
