/**
 * 通知公告: drafts are edited freely; publishing locks the text (a change
 * means copying to a new notice); archiving hides without deleting.
 */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type { MethodOutput, ParsedInput } from '../../../shared/api/contract'
import type { BodyBlock, Notice } from '../../../shared/api/notices'
import type { NoticeAudience, NoticeStatus } from '../../../shared/labels'
import type { Ctx } from '../context'
import { isUniqueViolation } from '../db/sqlite'
import { recordAudit } from '../audit/trail'
import { createStamp, insertOrUpdate, likePattern, nowIso, staffId, updateVersioned } from './rows'
import { localIsoDate, nextDocNumber, sequenceOf } from './docNumbers'

type Db = Knex | Knex.Transaction

interface NoticeRow {
  id: number
  community_id: number
  community_name: string
  title: string
  doc_number: string
  doc_year: number
  doc_seq: number | null
  audience: NoticeAudience
  body: string
  attachments_note: string | null
  issuer_name: string
  issued_on: string
  contact: string | null
  posting_location: string | null
  status: NoticeStatus
  published_at: string | null
  archived_at: string | null
  created_at: string
  updated_at: string
  version: number
}

function selectNotices(db: Db): Knex.QueryBuilder {
  return db('notices')
    .join('communities', 'communities.id', 'notices.community_id')
    .select('notices.*', 'communities.name as community_name')
}

async function compoundsOf(db: Db, ids: number[]): Promise<Map<number, { id: number; name: string }[]>> {
  const map = new Map<number, { id: number; name: string }[]>(ids.map((id) => [id, []]))
  if (ids.length === 0) return map
  const rows = (await db('notice_compounds')
    .join('compounds', 'compounds.id', 'notice_compounds.compound_id')
    .whereIn('notice_id', ids)
    .orderBy(['notice_id', 'position'])
    .select('notice_id', 'compounds.id', 'compounds.name')) as { notice_id: number; id: number; name: string }[]
  for (const r of rows) map.get(r.notice_id)?.push({ id: r.id, name: r.name })
  return map
}

function toNotice(r: NoticeRow, compounds: { id: number; name: string }[]): Notice {
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    title: r.title,
    docNumber: r.doc_number,
    audience: r.audience,
    compounds,
    body: JSON.parse(r.body) as BodyBlock[],
    attachmentsNote: r.attachments_note,
    issuerName: r.issuer_name,
    issuedOn: r.issued_on,
    contact: r.contact,
    postingLocation: r.posting_location,
    status: r.status,
    publishedAt: r.published_at,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }
}

export async function fetchNotice(db: Db, id: number): Promise<Notice> {
  const row = (await selectNotices(db).where('notices.id', id).first()) as NoticeRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该通知不存在，请刷新列表')
  return toNotice(row, (await compoundsOf(db, [id])).get(id) ?? [])
}

async function communityName(db: Db, id: number): Promise<string> {
  const row = (await db('communities').where({ id }).first('name', 'archived_at')) as
    { name: string; archived_at: string | null } | undefined
  if (!row) throw new ApiError('VALIDATION', '所选发文社区不存在，请重新选择', 'communityId')
  return row.name
}

async function assertCompoundsBelong(db: Db, communityId: number, compoundIds: number[]): Promise<void> {
  if (compoundIds.length === 0) return
  const found = (await db('compounds').whereIn('id', compoundIds).select('id', 'community_id')) as {
    id: number
    community_id: number
  }[]
  if (found.length !== new Set(compoundIds).size || found.some((c) => c.community_id !== communityId)) {
    throw new ApiError('VALIDATION', '所选小区不属于发文社区，请重新选择', 'compoundIds')
  }
}

async function assertDocNumberFree(db: Db, docNumber: string, exceptId: number): Promise<void> {
  const other = (await db('notices').where({ doc_number: docNumber }).whereNot({ id: exceptId }).first('title')) as
    { title: string } | undefined
  if (other) throw new ApiError('CONFLICT', `文号“${docNumber}”已被《${other.title}》使用，请修改`, 'docNumber')
}

async function writeCompounds(trx: Knex.Transaction, noticeId: number, compoundIds: number[]): Promise<void> {
  await trx('notice_compounds').where({ notice_id: noticeId }).delete()
  const unique = [...new Set(compoundIds)]
  if (unique.length > 0) {
    await trx('notice_compounds').insert(
      unique.map((compound_id, position) => ({ notice_id: noticeId, compound_id, position })),
    )
  }
}

export function noticeService(db: Knex) {
  async function save(ctx: Ctx, input: ParsedInput<'notices.save'>): Promise<Notice> {
    const now = nowIso(ctx)
    try {
      return await db.transaction(async (trx) => {
        const issuer = await communityName(trx, input.communityId)
        const compoundIds = input.audience === 'compounds' ? input.compoundIds : []
        await assertCompoundsBelong(trx, input.communityId, compoundIds)
        const year = Number(input.issuedOn.slice(0, 4))
        const current = input.id === undefined ? null : await fetchNotice(trx, input.id)
        if (current && current.status !== 'draft') {
          throw new ApiError('CONFLICT', '已发布或已归档的通知不能修改；如需更改，请“复制”为新通知后再编辑')
        }
        const docNumber =
          input.docNumber ??
          (current && current.communityId === input.communityId && current.docNumber.includes(`〔${year}〕`)
            ? current.docNumber
            : await nextDocNumber(trx, input.communityId, issuer, year))
        await assertDocNumberFree(trx, docNumber, input.id ?? 0)
        const values = {
          community_id: input.communityId,
          title: input.title,
          doc_number: docNumber,
          doc_year: year,
          doc_seq: sequenceOf(docNumber, issuer, year),
          audience: input.audience,
          body: JSON.stringify(input.body),
          attachments_note: input.attachmentsNote,
          issuer_name: input.issuerName,
          issued_on: input.issuedOn,
          contact: input.contact,
          posting_location: input.postingLocation,
          updated_at: now,
          updated_by: staffId(ctx),
        }
        const id = await insertOrUpdate(trx, 'notices', input, values, { status: 'draft', ...createStamp(ctx) }, '通知')
        await writeCompounds(trx, id, compoundIds)
        await recordAudit(trx, ctx, {
          action: input.id ? 'update' : 'create',
          entity: 'notice',
          entityId: id,
          detail: { docNumber },
        })
        return fetchNotice(trx, id)
      })
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError('CONFLICT', '文号与已有通知重复，请修改文号', 'docNumber')
      throw err
    }
  }

  return {
    save,

    get(_ctx: Ctx, input: ParsedInput<'notices.get'>): Promise<Notice> {
      return fetchNotice(db, input.id)
    },

    async list(_ctx: Ctx, input: ParsedInput<'notices.list'>): Promise<MethodOutput<'notices.list'>> {
      const q = selectNotices(db)
      if (input.communityId) q.where('notices.community_id', input.communityId)
      if (input.status) q.where('notices.status', input.status)
      if (input.query) {
        const pattern = likePattern(input.query)
        q.where((w) =>
          w
            .whereRaw(`notices.title LIKE ? ESCAPE '\\'`, [pattern])
            .orWhereRaw(`notices.doc_number LIKE ? ESCAPE '\\'`, [pattern]),
        )
      }
      const counted = (await q.clone().clearSelect().count({ n: '*' }).first()) as { n: number }
      const rows = (await q
        .orderBy([
          { column: 'notices.issued_on', order: 'desc' },
          { column: 'notices.id', order: 'desc' },
        ])
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)) as NoticeRow[]
      const compounds = await compoundsOf(
        db,
        rows.map((r) => r.id),
      )
      return {
        items: rows.map((r) => {
          // eslint-disable-next-line @typescript-eslint/no-unused-vars
          const { body, ...summary } = toNotice(r, compounds.get(r.id) ?? [])
          return summary
        }),
        total: Number(counted.n),
        page: input.page,
        pageSize: input.pageSize,
      }
    },

    async suggestDocNumber(_ctx: Ctx, input: ParsedInput<'notices.suggestDocNumber'>) {
      const issuer = await communityName(db, input.communityId)
      return { docNumber: await nextDocNumber(db, input.communityId, issuer, input.year) }
    },

    async copy(ctx: Ctx, input: ParsedInput<'notices.copy'>): Promise<Notice> {
      const source = await fetchNotice(db, input.id)
      return save(ctx, {
        communityId: source.communityId,
        title: source.title,
        docNumber: undefined,
        audience: source.audience,
        compoundIds: source.compounds.map((c) => c.id),
        body: source.body,
        attachmentsNote: source.attachmentsNote,
        issuerName: source.issuerName,
        issuedOn: localIsoDate(ctx.clock.now()),
        contact: source.contact,
        postingLocation: source.postingLocation,
      })
    },

    async publish(ctx: Ctx, input: ParsedInput<'notices.publish'>): Promise<Notice> {
      return db.transaction(async (trx) => {
        const current = await fetchNotice(trx, input.id)
        if (current.status !== 'draft') throw new ApiError('CONFLICT', '只有草稿可以发布')
        await updateVersioned(
          trx,
          'notices',
          input.id,
          input.version,
          { status: 'published', published_at: nowIso(ctx), updated_at: nowIso(ctx), updated_by: staffId(ctx) },
          '通知',
        )
        await recordAudit(trx, ctx, { action: 'publish', entity: 'notice', entityId: input.id })
        return fetchNotice(trx, input.id)
      })
    },

    async archive(ctx: Ctx, input: ParsedInput<'notices.archive'>): Promise<Notice> {
      return db.transaction(async (trx) => {
        const current = await fetchNotice(trx, input.id)
        const status: NoticeStatus = input.archived ? 'archived' : current.publishedAt ? 'published' : 'draft'
        await trx('notices')
          .where({ id: input.id })
          .update({
            status,
            archived_at: input.archived ? (current.archivedAt ?? nowIso(ctx)) : null,
            updated_at: nowIso(ctx),
            updated_by: staffId(ctx),
            version: current.version + 1,
          })
        await recordAudit(trx, ctx, {
          action: input.archived ? 'archive' : 'restore',
          entity: 'notice',
          entityId: input.id,
        })
        return fetchNotice(trx, input.id)
      })
    },
  }
}
