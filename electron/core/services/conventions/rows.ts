/** Row shapes of the convention tables and the small reads every convention service needs. */
import type { Knex } from 'knex'
import { ApiError } from '../../../../shared/api/errors'
import type { ConventionScope, ConventionStatus, VersionStage } from '../../../../shared/conventions/labels'

export type Db = Knex | Knex.Transaction

export interface ConventionRow {
  id: number
  scope: ConventionScope
  community_id: number
  compound_id: number | null
  title: string
  status: ConventionStatus
  current_version_id: number | null
  working_version_id: number | null
  repealed_on: string | null
  repeal_reason: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface VersionRow {
  id: number
  convention_id: number
  number: number
  stage: VersionStage
  adopted_on: string | null
  filing_authority: string | null
  filed_on: string | null
  filing_reference: string | null
  created_at: string
  updated_at: string
}

export interface ArticleRow {
  id: number
  version_id: number
  position: number
  chapter: string | null
  text: string
  tags: string
}

export async function fetchConventionRow(db: Db, id: number): Promise<ConventionRow> {
  const row = (await db('conventions').where({ id }).first()) as ConventionRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该公约不存在，请刷新列表')
  return row
}

export async function fetchVersionRow(db: Db, id: number): Promise<VersionRow> {
  const row = (await db('convention_versions').where({ id }).first()) as VersionRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该公约版本不存在，请刷新后重试')
  return row
}

export async function articleRowsOf(db: Db, versionId: number): Promise<ArticleRow[]> {
  return (await db('convention_articles').where({ version_id: versionId }).orderBy('position')) as ArticleRow[]
}

/** A staff member's display name by id, for the records that say who did what. */
export async function staffNames(db: Db): Promise<Map<number, string>> {
  const rows = (await db('staff').select('id', 'name')) as { id: number; name: string }[]
  return new Map(rows.map((r) => [r.id, r.name]))
}
