/** 居民公约: the handlers behind the conventions.* methods, one file per idea beside this one. */
import type { Knex } from 'knex'
import type { ParsedInput } from '../../../../shared/api/contract'
import type { Ctx } from '../../context'
import { actOnConvention } from './act'
import { saveArticles } from './articles'
import { compareVersions } from './compareVersions'
import { coverage } from './coverage'
import { createConvention, renameConvention } from './create'
import { saveOpinion } from './opinions'
import { getPhoto } from './photos'
import { fetchDetail, fetchVersion, listConventions } from './queries'
import { readVoteRules, saveVoteRules } from './rules'

export function conventionService(db: Knex) {
  return {
    list: (_ctx: Ctx, input: ParsedInput<'conventions.list'>) => listConventions(db, input),
    get: (_ctx: Ctx, input: ParsedInput<'conventions.get'>) => fetchDetail(db, input.id),
    getVersion: (_ctx: Ctx, input: ParsedInput<'conventions.getVersion'>) => fetchVersion(db, input.versionId),
    create: (ctx: Ctx, input: ParsedInput<'conventions.create'>) => createConvention(db, ctx, input),
    rename: (ctx: Ctx, input: ParsedInput<'conventions.rename'>) => renameConvention(db, ctx, input),
    saveArticles: (ctx: Ctx, input: ParsedInput<'conventions.saveArticles'>) => saveArticles(db, ctx, input),
    saveOpinion: (ctx: Ctx, input: ParsedInput<'conventions.saveOpinion'>) => saveOpinion(db, ctx, input),
    act: (ctx: Ctx, input: ParsedInput<'conventions.act'>) => actOnConvention(db, ctx, input),
    compare: (_ctx: Ctx, input: ParsedInput<'conventions.compare'>) =>
      compareVersions(db, input.fromVersionId, input.toVersionId),
    coverage: (_ctx: Ctx, input: ParsedInput<'conventions.coverage'>) => coverage(db, input),
    getPhoto: (_ctx: Ctx, input: ParsedInput<'conventions.getPhoto'>) => getPhoto(db, input.id),
    getRules: () => readVoteRules(db),
    saveRules: (ctx: Ctx, input: ParsedInput<'conventions.saveRules'>) => saveVoteRules(db, ctx, input),
  }
}
