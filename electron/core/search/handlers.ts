/**
 * The API handlers of 全局搜索 (search.*), for core's handler table
 * (electron/core/api.ts spreads them in).
 */
import type { Knex } from 'knex'
import type { Ctx } from '../context'
import type { ParsedInput, MethodOutput } from '../../../shared/api/contract'
import { recordAudit } from '../audit/trail'
import { searchQuery } from './query'
import { rebuildIndex } from './rebuild'

export function searchHandlers(db: Knex) {
  return {
    'search.query': (ctx: Ctx, input: ParsedInput<'search.query'>): Promise<MethodOutput<'search.query'>> =>
      searchQuery(db, ctx, input),
    'search.rebuild': async (ctx: Ctx): Promise<MethodOutput<'search.rebuild'>> => {
      const started = performance.now()
      const documents = await db.transaction(async (trx) => {
        const n = await rebuildIndex(trx)
        // A maintenance act on all data, in the trail like backups and imports.
        await recordAudit(trx, ctx, {
          action: 'update',
          entity: 'data',
          entityId: null,
          detail: { what: 'search_index', documents: n },
        })
        return n
      })
      return { documents, tookMs: Math.round(performance.now() - started) }
    },
  }
}
