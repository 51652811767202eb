/**
 * export.list: a list as its page shows it, with the same filters, as an
 * .xlsx workbook. The rows come from the lists' own services (page by page),
 * so a filter means exactly what it means on screen; phone and ID numbers
 * stay masked as the lists show them. Each export is audited (list and row
 * count, no values).
 */
import type { Knex } from 'knex'
import { format } from 'date-fns'
import { ApiError } from '../../../shared/api/errors'
import type { ExportListParsed, XlsxFile } from '../../../shared/api/dataTransfer'
import { exportListLabels, type ExportList } from '../../../shared/dataTransfer/fields'
import {
  compoundKindLabels,
  managementKindLabels,
  noticeAudienceLabels,
  noticeStatusLabels,
} from '../../../shared/labels'
import { sexLabels, visitChannelLabels, visitOutcomeLabels } from '../../../shared/intake/labels'
import { roleHas, type Permission } from '../../../shared/api/methods'
import { localDate } from '../../../shared/calendar/workCalendar'
import { maskPhone } from '../../../shared/validation/phone'
import type { Ctx } from '../context'
import { recordAudit, type AuditEntity } from '../audit/trail'
import { xlsxWorkbook, type XlsxColumn } from '../xlsx'
import { communityService } from '../services/communities'
import { compoundService } from '../services/compounds'
import { noticeService } from '../services/notices'
import { visitService } from '../services/intake/visits'
import { exportPeople } from './exportPeople'

/** A list longer than this is not read by anyone; the clerk narrows the filter (or uses 全部导出). */
export const maxListRows = 100_000
const PAGE = 2000

type Row = Record<string, unknown>

export function whenText(iso: string | null | undefined): string {
  if (!iso) return ''
  return iso.length === 10 ? iso : format(new Date(iso), 'yyyy-MM-dd HH:mm')
}

/** Reads a paged list to the end (or refuses when it is longer than an export holds). */
async function allPages<T>(fetch: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const first = await fetch(1)
  if (first.total > maxListRows) {
    throw new ApiError('VALIDATION', `符合条件的记录有${first.total}条，超过${maxListRows}条，请增加筛选条件后再导出`)
  }
  const items = [...first.items]
  for (let page = 2; items.length < first.total; page++) {
    const next = await fetch(page)
    if (next.items.length === 0) break
    items.push(...next.items)
  }
  return items
}

interface Sheet {
  columns: XlsxColumn[]
  rows: Row[]
}

const readPermission: Record<ExportList, Permission> = {
  communities: 'places.read',
  compounds: 'places.read',
  people: 'intake.read',
  visits: 'intake.read',
  notices: 'notices.read',
}

const auditEntity: Record<ExportList, AuditEntity> = {
  communities: 'community',
  compounds: 'compound',
  people: 'person',
  visits: 'visit',
  notices: 'notice',
}

export function exportListService(db: Knex) {
  const communities = communityService(db)
  const compounds = compoundService(db)
  const notices = noticeService(db)
  const visits = visitService(db)

  async function sheetOf(ctx: Ctx, input: ExportListParsed): Promise<Sheet> {
    switch (input.list) {
      case 'communities': {
        const items = await communities.list(ctx, input.filters)
        return {
          columns: [
            { header: '社区名称', key: 'name', width: 16 },
            { header: '社区代码', key: 'code', width: 12 },
            { header: '办公地址', key: 'address', width: 30 },
            { header: '联系电话', key: 'phone', width: 16 },
            { header: '小区数', key: 'compounds', width: 8 },
            { header: '状态', key: 'state', width: 8 },
          ],
          rows: items.map((c) => ({
            name: c.name,
            code: c.code ?? '',
            address: c.address ?? '',
            phone: c.phone ?? '',
            compounds: c.compoundCount,
            state: c.archivedAt ? '已归档' : '在用',
          })),
        }
      }
      case 'compounds': {
        const items = await allPages((page) => compounds.list(ctx, { ...input.filters, page, pageSize: PAGE }))
        return {
          columns: [
            { header: '所属社区', key: 'community', width: 14 },
            { header: '小区名称', key: 'name', width: 18 },
            { header: '小区地址', key: 'address', width: 28 },
            { header: '小区类型', key: 'kind', width: 10 },
            { header: '管理方式', key: 'management', width: 12 },
            { header: '物业公司名称', key: 'company', width: 20 },
            { header: '户数', key: 'households', width: 8 },
            { header: '楼栋数', key: 'buildings', width: 8 },
            { header: '楼栋长', key: 'leaders', width: 40 },
            { header: '备注', key: 'notes', width: 24 },
            { header: '状态', key: 'state', width: 8 },
          ],
          rows: items.map((c) => ({
            community: c.communityName,
            name: c.name,
            address: c.address ?? '',
            kind: compoundKindLabels[c.kind],
            management: managementKindLabels[c.management],
            company: c.propertyCompany ?? '',
            households: c.households ?? '',
            buildings: c.buildings ?? '',
            // Building leaders' phones are personal numbers: shown masked like every list.
            leaders: c.leaders
              .map((l) => `${l.building} ${l.name}${l.phone ? ` ${maskPhone(l.phone)}` : ''}`)
              .join('；'),
            notes: c.notes ?? '',
            state: c.archivedAt ? '已归档' : '在用',
          })),
        }
      }
      case 'people': {
        const items = await exportPeople(db, ctx, input.filters, maxListRows)
        return {
          columns: [
            { header: '姓名', key: 'name', width: 10 },
            { header: '性别', key: 'sex', width: 6 },
            { header: '年龄', key: 'age', width: 6 },
            { header: '出生日期', key: 'birthDate', width: 12 },
            { header: '民族', key: 'ethnicity', width: 8 },
            { header: '联系电话', key: 'phone', width: 14 },
            { header: '身份证号', key: 'idNumber', width: 20 },
            { header: '住址', key: 'address', width: 36 },
            { header: '来访次数', key: 'visits', width: 8 },
            { header: '最近来访', key: 'lastVisit', width: 18 },
            { header: '备注', key: 'notes', width: 24 },
            { header: '登记时间', key: 'createdAt', width: 18 },
          ],
          rows: items.map((p) => ({
            name: p.name,
            sex: p.sex ? sexLabels[p.sex] : '',
            age: p.age ?? '',
            birthDate: p.birthDate ?? '',
            ethnicity: p.ethnicity ?? '',
            phone: p.phoneMasked ?? '',
            idNumber: p.idNumberMasked ?? '',
            address: p.address,
            visits: p.visits,
            lastVisit: whenText(p.lastVisitAt),
            notes: p.notes ?? '',
            createdAt: whenText(p.createdAt),
          })),
        }
      }
      case 'visits': {
        const items = await allPages((page) => visits.list(ctx, { ...input.filters, page, pageSize: PAGE }))
        return {
          columns: [
            { header: '编号', key: 'number', width: 16 },
            { header: '查询码', key: 'code', width: 9 },
            { header: '来访时间', key: 'at', width: 18 },
            { header: '来访方式', key: 'channel', width: 10 },
            { header: '来访人', key: 'person', width: 10 },
            { header: '联系电话', key: 'phone', width: 14 },
            { header: '住址', key: 'address', width: 28 },
            { header: '来访人数', key: 'count', width: 8 },
            { header: '代表', key: 'reps', width: 20 },
            { header: '事由', key: 'subject', width: 40 },
            { header: '处理方式', key: 'outcome', width: 10 },
            { header: '答复内容', key: 'answer', width: 40 },
            { header: '诉求编号', key: 'complaints', width: 20 },
            { header: '接待人', key: 'by', width: 10 },
            { header: '备注', key: 'notes', width: 24 },
          ],
          rows: items.map((v) => ({
            number: v.number,
            code: v.lookupCode,
            at: whenText(v.visitedAt),
            channel: visitChannelLabels[v.channel],
            person: v.person.name,
            phone: v.person.phoneMasked ?? '',
            address: v.person.address,
            count: v.visitorCount,
            reps: v.representatives.map((r) => r.name).join('、'),
            subject: v.subject,
            outcome: visitOutcomeLabels[v.outcome],
            answer: v.answer ?? '',
            complaints: v.complaints.map((c) => c.number).join('、'),
            by: v.receivedBy,
            notes: v.notes ?? '',
          })),
        }
      }
      case 'notices': {
        const items = await allPages((page) => notices.list(ctx, { ...input.filters, page, pageSize: PAGE }))
        return {
          columns: [
            { header: '文号', key: 'docNumber', width: 22 },
            { header: '标题', key: 'title', width: 36 },
            { header: '发文社区', key: 'community', width: 14 },
            { header: '通知对象', key: 'audience', width: 10 },
            { header: '指定小区', key: 'compounds', width: 24 },
            { header: '成文日期', key: 'issuedOn', width: 12 },
            { header: '发文单位', key: 'issuer', width: 20 },
            { header: '状态', key: 'status', width: 8 },
            { header: '发布时间', key: 'publishedAt', width: 18 },
          ],
          rows: items.map((n) => ({
            docNumber: n.docNumber,
            title: n.title,
            community: n.communityName,
            audience: noticeAudienceLabels[n.audience],
            compounds: n.compounds.map((c) => c.name).join('、'),
            issuedOn: n.issuedOn,
            issuer: n.issuerName,
            status: noticeStatusLabels[n.status],
            publishedAt: whenText(n.publishedAt),
          })),
        }
      }
    }
  }

  return {
    async exportList(ctx: Ctx, input: ExportListParsed): Promise<XlsxFile> {
      // One method serves lists of several areas: each list needs what reading it needs.
      if (ctx.staff && !roleHas(ctx.staff.role, readPermission[input.list])) {
        throw new ApiError('FORBIDDEN', '当前账号没有此项操作的权限，请联系管理员')
      }
      const sheet = await sheetOf(ctx, input)
      const label = exportListLabels[input.list]
      const book = await xlsxWorkbook(ctx.clock.now())
      book.addSheet(label, sheet.columns, sheet.rows)
      const buffer = await book.finish()
      await db.transaction((trx) =>
        recordAudit(trx, ctx, {
          action: 'export',
          entity: auditEntity[input.list],
          entityId: null,
          detail: { list: input.list, rows: sheet.rows.length },
        }),
      )
      return {
        fileName: `${label}-${localDate(ctx.clock.now())}.xlsx`,
        base64: buffer.toString('base64'),
        rows: sheet.rows.length,
      }
    },
  }
}
