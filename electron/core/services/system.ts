/** 系统: runtime facts for the settings page, and the first-run demo data. */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type { MethodOutput } from '../../../shared/api/contract'
import type { RunMode } from '../../../shared/labels'
import type { Ctx } from '../context'
import { loadDemoPlaces } from '../demo/places'
import { loadDemoIntake } from '../demo/intake'
import { loadDemoConventions } from '../demo/conventions'

export interface SystemEnvironment {
  appVersion: string
  mode: RunMode
  dataDir: string
  databaseFile: string
  backupsDir: string
  schemaVersion: string
}

export async function isEmptyDatabase(db: Knex): Promise<boolean> {
  const row = (await db('communities').count({ n: '*' }).first()) as { n: number }
  return Number(row.n) === 0
}

export function systemService(db: Knex, env: SystemEnvironment) {
  return {
    async info(ctx: Ctx): Promise<MethodOutput<'system.info'>> {
      if (!ctx.staff) throw new ApiError('UNAUTHENTICATED', '请先登录')
      return {
        appVersion: env.appVersion,
        mode: env.mode,
        schemaVersion: env.schemaVersion,
        dataDir: env.dataDir,
        databaseFile: env.databaseFile,
        backupsDir: env.backupsDir,
        staff: ctx.staff,
        isEmpty: await isEmptyDatabase(db),
      }
    },

    async loadDemo(ctx: Ctx): Promise<MethodOutput<'system.loadDemo'>> {
      if (!(await isEmptyDatabase(db))) {
        throw new ApiError('CONFLICT', '数据库中已有社区数据，演示数据只能在首次使用时载入')
      }
      const places = await loadDemoPlaces(db, ctx)
      const intake = await loadDemoIntake(db, ctx)
      await loadDemoConventions(db, ctx)
      return { ...places, ...intake }
    },
  }
}
