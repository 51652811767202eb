/** Which version an action works on, and the Chinese refusal when it is at the wrong stage. */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import { versionStageLabels, type VersionStage } from '../../../../shared/conventions/labels'
import { fetchVersionRow, type ConventionRow, type VersionRow } from './rows'

/** The version being written or revised; refused when there is none. */
export async function workingVersionOf(trx: Knex.Transaction, c: ConventionRow, doing: string): Promise<VersionRow> {
  if (c.working_version_id === null) {
    const hint = c.current_version_id === null ? '' : '；如需修改施行中的公约，请先“开始修订”'
    throw new ApiError('CONFLICT', `该公约目前没有正在制定或修订的版本，不能${doing}${hint}`)
  }
  return fetchVersionRow(trx, c.working_version_id)
}

/** The version in force; refused when nothing has been adopted yet. */
export async function currentVersionOf(trx: Knex.Transaction, c: ConventionRow, doing: string): Promise<VersionRow> {
  if (c.current_version_id === null) {
    throw new ApiError('CONFLICT', `该公约尚无表决通过的版本，不能${doing}`)
  }
  return fetchVersionRow(trx, c.current_version_id)
}

export function requireStage(v: VersionRow, allowed: readonly VersionStage[], doing: string): void {
  if (allowed.includes(v.stage)) return
  const stages = allowed.map((s) => `“${versionStageLabels[s]}”`).join('或')
  throw new ApiError(
    'CONFLICT',
    `第${v.number}版目前处于“${versionStageLabels[v.stage]}”阶段，不能${doing}；只有${stages}阶段可以${doing}`,
  )
}
