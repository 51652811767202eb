/** 通知模板: list, edit, and start a new draft notice from one. */
import type { Knex } from 'knex'
import { ApiError } from '../../../shared/api/errors'
import type { ParsedInput } from '../../../shared/api/contract'
import { saveNoticeInput, type BodyBlock, type Notice, type NoticeTemplate } from '../../../shared/api/notices'
import { fillPlaceholders, type PlaceholderValues } from '../../../shared/print/placeholders'
import type { Ctx } from '../context'
import { isUniqueViolation } from '../db/sqlite'
import { recordAudit } from '../audit/trail'
import { insertOrUpdate, nowIso } from './rows'
import { localIsoDate } from './docNumbers'
import { validationError } from '../validation'
import type { noticeService } from './notices'

interface TemplateRow {
  id: number
  name: string
  title: string
  body: string
  attachments_note: string | null
  updated_at: string
  version: number
}

function toTemplate(r: TemplateRow): NoticeTemplate {
  return {
    id: r.id,
    name: r.name,
    title: r.title,
    body: JSON.parse(r.body) as BodyBlock[],
    attachmentsNote: r.attachments_note,
    updatedAt: r.updated_at,
    version: r.version,
  }
}

async function fetchTemplate(db: Knex | Knex.Transaction, id: number): Promise<NoticeTemplate> {
  const row = (await db('notice_templates').where({ id }).first()) as TemplateRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该模板不存在，请刷新后重试')
  return toTemplate(row)
}

export function noticeTemplateService(db: Knex, notices: ReturnType<typeof noticeService>) {
  return {
    async list(): Promise<NoticeTemplate[]> {
      return ((await db('notice_templates').orderBy('id')) as TemplateRow[]).map(toTemplate)
    },

    async save(ctx: Ctx, input: ParsedInput<'notices.saveTemplate'>): Promise<NoticeTemplate> {
      const values = {
        name: input.name,
        title: input.title,
        body: JSON.stringify(input.body),
        attachments_note: input.attachmentsNote,
        updated_at: nowIso(ctx),
      }
      try {
        return await db.transaction(async (trx) => {
          const same = await trx('notice_templates')
            .where({ name: input.name })
            .whereNot({ id: input.id ?? 0 })
            .first('id')
          if (same) throw new ApiError('CONFLICT', `已有名为“${input.name}”的模板，请换一个名称`, 'name')
          const id = await insertOrUpdate(trx, 'notice_templates', input, values, {}, '模板')
          await recordAudit(trx, ctx, {
            action: input.id ? 'update' : 'create',
            entity: 'notice_template',
            entityId: id,
          })
          return fetchTemplate(trx, id)
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw new ApiError('CONFLICT', '模板名称重复，请换一个名称', 'name')
        throw err
      }
    },

    async createNotice(ctx: Ctx, input: ParsedInput<'notices.fromTemplate'>): Promise<Notice> {
      const template = await fetchTemplate(db, input.templateId)
      const community = (await db('communities').where({ id: input.communityId }).first('name')) as
        { name: string } | undefined
      if (!community) throw new ApiError('VALIDATION', '所选发文社区不存在，请重新选择', 'communityId')
      const issuerName = `${community.name}居民委员会`
      const values: PlaceholderValues = { 社区名称: community.name, 发文单位: issuerName }
      // One chosen compound: fill its name now. Several: keep {{小区名称}} so each printed copy gets its own.
      if (input.compoundIds.length === 1) {
        const only = (await db('compounds').where({ id: input.compoundIds[0] }).first('name')) as
          { name: string } | undefined
        if (only) values.小区名称 = only.name
      }
      const fill = (s: string) => fillPlaceholders(s, values)
      // A filled-in template must pass the same checks as a notice typed by hand (a long compound name can push the title past its limit).
      const checked = saveNoticeInput.safeParse({
        communityId: input.communityId,
        title: fill(template.title),
        docNumber: undefined,
        audience: input.compoundIds.length > 0 ? 'compounds' : 'community',
        compoundIds: input.compoundIds,
        body: template.body.map((b) => ({ ...b, text: fill(b.text) })),
        attachmentsNote: template.attachmentsNote ? fill(template.attachmentsNote) : null,
        issuerName,
        issuedOn: localIsoDate(ctx.clock.now()),
        contact: null,
        postingLocation: null,
      })
      if (!checked.success) throw validationError(checked.error)
      return notices.save(ctx, checked.data)
    },
  }
}
