/** The filtered 诉求 list as an .xlsx workbook (exceljs), for reports and handing to leaders. */
import type { Knex } from 'knex'
import { xlsxWorkbook } from '../../xlsx'
import { format } from 'date-fns'
import { ApiError } from '../../../../shared/api/errors'
import type { MethodOutput, ParsedInput } from '../../../../shared/api/contract'
import {
  answerKindLabels,
  complaintKindLabels,
  complaintStatusLabels,
  satisfactionLabels,
  urgencyLabels,
} from '../../../../shared/intake/labels'
import { clockStateLabels } from '../../../../shared/intake/labels'
import type { Ctx } from '../../context'
import { recordAudit } from '../../audit/trail'
import { filteredComplaints, rowsOf, todayOf, toComplaints } from './complaintQueries'

/** A workbook larger than this is not a list anyone reads; the clerk should narrow the filter. */
export const maxExportRows = 20000

// date-fns rather than toLocaleString: that builds a new Intl formatter per call, seconds for a big export.
function dateText(iso: string | null): string {
  if (!iso) return ''
  return iso.length === 10 ? iso : format(new Date(iso), 'yyyy-MM-dd HH:mm')
}

export function complaintExportService(db: Knex) {
  return {
    async exportXlsx(
      ctx: Ctx,
      input: ParsedInput<'complaints.exportXlsx'>,
    ): Promise<MethodOutput<'complaints.exportXlsx'>> {
      const { q } = await filteredComplaints(db, ctx, input)
      const rows = await rowsOf(db, q, input, maxExportRows + 1)
      if (rows.length > maxExportRows) {
        throw new ApiError('VALIDATION', `符合条件的诉求超过${maxExportRows}件，请缩小日期范围或增加筛选条件后再导出`)
      }
      const items = await toComplaints(db, ctx, rows)
      const book = await xlsxWorkbook(ctx.clock.now())
      book.addSheet(
        '诉求列表',
        [
          { header: '编号', key: 'number', width: 16 },
          { header: '登记时间', key: 'receivedAt', width: 20 },
          { header: '来访人', key: 'person', width: 10 },
          { header: '联系电话', key: 'phone', width: 14 },
          { header: '类型', key: 'kind', width: 8 },
          { header: '类别', key: 'category', width: 14 },
          { header: '紧急程度', key: 'urgency', width: 8 },
          { header: '社区', key: 'community', width: 12 },
          { header: '小区', key: 'compound', width: 14 },
          { header: '具体位置', key: 'location', width: 18 },
          { header: '诉求请求', key: 'request', width: 40 },
          { header: '状态', key: 'status', width: 10 },
          { header: '承办单位', key: 'unit', width: 14 },
          { header: '承办人', key: 'assignee', width: 10 },
          { header: '期限', key: 'due', width: 12 },
          { header: '时限状态', key: 'clock', width: 10 },
          { header: '延期天数', key: 'extension', width: 8 },
          { header: '办结时间', key: 'resolvedAt', width: 20 },
          { header: '按期办结', key: 'onTime', width: 8 },
          { header: '答复意见', key: 'answer', width: 10 },
          { header: '满意度', key: 'satisfaction', width: 10 },
          { header: '登记人', key: 'owner', width: 10 },
        ],
        items.map((c) => ({
          number: c.number,
          receivedAt: dateText(c.receivedAt),
          person: c.person?.name ?? '',
          phone: c.person?.phoneMasked ?? '',
          kind: complaintKindLabels[c.kind],
          category: c.categoryName,
          urgency: urgencyLabels[c.urgency],
          community: c.communityName ?? '',
          compound: c.compoundName ?? '',
          location: c.locationDetail ?? '',
          request: c.request,
          status: complaintStatusLabels[c.status],
          unit: c.unitName ?? '',
          assignee: c.assignee ?? '',
          due: c.dueDate ?? '',
          clock: c.clockState ? clockStateLabels[c.clockState] : '',
          extension: c.extensionDays ?? '',
          resolvedAt: dateText(c.resolvedAt),
          onTime: c.resolvedOnTime === null ? '' : c.resolvedOnTime ? '是' : '否',
          answer: c.answer ? answerKindLabels[c.answer] : '',
          satisfaction: c.satisfaction ? satisfactionLabels[c.satisfaction] : '',
          owner: c.ownerName,
        })),
      )
      const buffer = await book.finish()
      await db.transaction((trx) =>
        recordAudit(trx, ctx, {
          action: 'export',
          entity: 'complaint',
          entityId: null,
          detail: { rows: items.length },
        }),
      )
      return { fileName: `诉求列表-${todayOf(ctx)}.xlsx`, base64: buffer.toString('base64'), rows: items.length }
    },
  }
}
