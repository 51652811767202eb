/**
 * Batch writers index their own rows (search/batchIndex.ts, migrations 013
 * and 014), on a real database: a batch of 诉求 is found by search at once and
 * lands in the index as one new segment per table (not one per row, which is
 * what made indexing 4 times dearer than the rows at a million), so do the
 * people an import fills in, and a batch that fails part-way indexes nothing
 * and leaves the triggers working.
 */
import { describe, expect, it } from 'vitest'
import type { Knex } from 'knex'
import { registerComplaintBatch, type ComplaintBatchDraft } from '../../electron/core/services/intake/complaintBatch'
import { bulkWriter } from '../../electron/core/dataTransfer/bulk'
import * as m013 from '../../electron/core/db/migrations/013_search_batch'
import * as m014 from '../../electron/core/db/migrations/014_search_fill'
import { insertTriggers, updateTriggers } from '../../electron/core/db/migrations/009_search'
import { complaintContent } from '../../shared/api/complaints'
import { searchSegments } from '../fixtures/search'
import { call, ctx } from '../fixtures/core'
import { complaintInput, createVisit, useIntakeCore } from '../fixtures/intake'

async function held(db: Knex): Promise<number> {
  const rows = (await db.raw('SELECT count(*) AS n FROM search_batch')) as { n: number }[]
  return Number(rows[0]!.n)
}

describe('batch writers index their own rows', () => {
  const env = useIntakeCore('test')

  async function found(query: string, kind: 'complaint' | 'person') {
    const out = await call(env.core, 'search.query', { query, kinds: [kind], limit: 50 })
    return out.groups[0] ?? { total: 0, hits: [] }
  }

  it('a batch of 诉求 is found at once, added as one segment per table, the triggers released', async () => {
    const n = 600
    const receivedAt = new Date('2026-02-14T09:00:00+08:00').toISOString()
    const drafts: ComplaintBatchDraft[] = Array.from({ length: n }, (_, i) => ({
      person: null,
      content: complaintContent.parse(
        complaintInput(env.refs, { request: `请修复第${i}号井盖松动`, facts: `井盖编号${i}号晃动有响声` }),
      ),
      receivedAt,
    }))
    const before = await searchSegments(env.core.db)
    const result = await registerComplaintBatch(env.core.db, ctx, drafts)

    const after = await searchSegments(env.core.db)
    expect(after.tri - before.tri).toBeLessThanOrEqual(1)
    expect(after.bi - before.bi).toBeLessThanOrEqual(1)
    expect(await held(env.core.db)).toBe(0)

    // 3+ characters (trigram), 2 characters (pairs), and one row picked out by its own text.
    expect((await found('井盖松动', 'complaint')).total).toBe(n)
    expect((await found('井盖', 'complaint')).total).toBe(n)
    const one = await found('第377号井盖', 'complaint')
    expect(one.hits.map((h) => h.id)).toEqual([result.ids[377]])

    // A 诉求 saved on its own afterwards is still indexed by its trigger.
    await createVisit(env.core, env.refs, [complaintInput(env.refs, { request: '单独登记的路灯不亮问题' })])
    expect((await found('路灯不亮', 'complaint')).total).toBe(1)
  })

  it('a batch that fails part-way indexes nothing and leaves the triggers working', async () => {
    const columns = [
      'name',
      'name_pinyin',
      'name_initials',
      'notes',
      'created_at',
      'updated_at',
      'created_by',
      'updated_by',
    ]
    const row = (name: string, by: number) => [
      name,
      'x',
      'x',
      '楼道堆放杂物',
      '2026-03-01T00:00:00Z',
      '2026-03-01T00:00:00Z',
      by,
      by,
    ]
    await env.core.db.transaction(async (trx) => {
      const bulk = await bulkWriter(trx)
      try {
        // The second row names a staff member who does not exist: the statement fails as a whole.
        await expect(bulk.insert('persons', columns, [row('甲批次居民', 1), row('乙批次居民', 999)])).rejects.toThrow(
          /FOREIGN KEY/,
        )
      } finally {
        await bulk.close()
      }
      expect(await held(trx)).toBe(0)
      await trx.raw(
        `INSERT INTO persons (name, name_pinyin, name_initials, notes, created_at, updated_at, created_by, updated_by)
         VALUES ('丙单独居民', 'x', 'x', '楼道堆放杂物', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', 1, 1)`,
      )
    })
    expect((await found('批次居民', 'person')).total).toBe(0)
    expect((await found('丙单独居民', 'person')).total).toBe(1)
  })
  it("filling matched people's empty fields rewrites their documents as one segment per table", async () => {
    const n = 600
    const stampColumns = ['created_at', 'updated_at', 'created_by', 'updated_by']
    const stamp = ['2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', 1, 1]
    let ids: number[] = []
    await env.core.db.transaction(async (trx) => {
      const bulk = await bulkWriter(trx)
      try {
        const rows = Array.from({ length: n }, (_, i) => [`补填居民${i}`, 'x', 'x', ...stamp])
        ids = await bulk.insert('persons', ['name', 'name_pinyin', 'name_initials', ...stampColumns], rows)
      } finally {
        await bulk.close()
      }
    })
    const before = await searchSegments(env.core.db)
    await env.core.db.transaction(async (trx) => {
      const bulk = await bulkWriter(trx)
      try {
        // In the order an import meets them (oldest first), as fillMatchedPeople passes them.
        const rows = ids.map((id, i) => [id, `梧桐巷${i}号`])
        await bulk.fillEmpty('persons', ['address_text'], rows, { sql: 'version = persons.version + 1', params: [] })
      } finally {
        await bulk.close()
      }
    })
    const after = await searchSegments(env.core.db)
    expect(after.tri - before.tri).toBeLessThanOrEqual(1)
    expect(after.bi - before.bi).toBeLessThanOrEqual(1)
    expect((await found('梧桐巷', 'person')).total).toBe(n)
    expect((await found('梧桐巷377号', 'person')).hits.map((h) => h.id)).toEqual([ids[377]])

    // A person changed on their own afterwards is still rewritten by the update trigger.
    await env.core.db('persons').where('id', ids[5]!).update({ address_text: '银杏路八号' })
    expect((await found('银杏路八号', 'person')).hits.map((h) => h.id)).toEqual([ids[5]])
    expect((await found('梧桐巷5号', 'person')).total).toBe(0)
  })

  it('migrations 013 and 014 go down to the plain triggers and up again', async () => {
    const names = [...insertTriggers(), ...updateTriggers()].map((t) => t.name)
    const standingAside = async () => {
      const rows = (await env.core.db('sqlite_master').whereIn('name', names).select('sql')) as { sql: string }[]
      expect(rows).toHaveLength(names.length)
      return rows.filter((r) => r.sql.includes('search_batch')).length
    }
    expect(await standingAside()).toBe(12)
    await m014.down(env.core.db)
    expect(await standingAside()).toBe(6)
    await m013.down(env.core.db)
    expect(await standingAside()).toBe(0)
    await m013.up(env.core.db)
    await m014.up(env.core.db)
    expect(await standingAside()).toBe(12)
  })
})
