/**
 * A person's data (privacy.exportPerson) as an .xlsx workbook a resident can
 * read: one sheet per kind of record, Chinese headers, dates as they are
 * written on paper.
 */
import { format } from 'date-fns'
import { xlsxWorkbook } from '../xlsx'
import type { PersonData } from './privacyExport'

type Text = string | null

function when(iso: Text): string {
  if (!iso) return ''
  return iso.length === 10 ? iso : format(new Date(iso), 'yyyy-MM-dd HH:mm')
}

export async function personWorkbook(data: PersonData, created: Date): Promise<Buffer> {
  const book = await xlsxWorkbook(created)
  const p = data.person
  const facts: [string, unknown][] = [
    ['姓名', p.name],
    ['性别', p.sex ?? ''],
    ['出生日期', p.birthDate ?? ''],
    ['年龄', p.age ?? ''],
    ['民族', p.ethnicity ?? ''],
    ['联系电话', p.phone ?? ''],
    ['身份证号', p.idNumber ?? ''],
    ['住址', p.address],
    ['备注', p.notes ?? ''],
    ['首次登记', when(p.registeredAt)],
    ['最后修改', when(p.updatedAt)],
    ['导出时间', when(data.exportedAt)],
    ['导出人', data.exportedBy],
  ]
  book.addSheet(
    '个人信息',
    [
      { header: '项目', key: 'item', width: 12 },
      { header: '内容', key: 'value', width: 50 },
    ],
    facts.map(([item, value]) => ({ item, value })),
  )
  book.addSheet(
    '来访记录',
    [
      { header: '编号', key: 'number', width: 16 },
      { header: '来访时间', key: 'at', width: 18 },
      { header: '方式', key: 'channel', width: 10 },
      { header: '人数', key: 'count', width: 6 },
      { header: '事由', key: 'subject', width: 40 },
      { header: '处理方式', key: 'outcome', width: 10 },
      { header: '答复内容', key: 'answer', width: 40 },
      { header: '备注', key: 'notes', width: 24 },
      { header: '接待人', key: 'by', width: 10 },
      { header: '诉求编号', key: 'complaints', width: 20 },
    ],
    data.visits.map((v) => ({
      number: v.number,
      at: when(v.visitedAt),
      channel: v.channel,
      count: v.visitorCount,
      subject: v.subject,
      outcome: v.outcome,
      answer: v.answer ?? '',
      notes: v.notes ?? '',
      by: v.receivedBy,
      complaints: v.complaints.join('、'),
    })),
  )
  book.addSheet(
    '诉求',
    [
      { header: '编号', key: 'number', width: 16 },
      { header: '登记时间', key: 'at', width: 18 },
      { header: '类型', key: 'kind', width: 8 },
      { header: '类别', key: 'category', width: 14 },
      { header: '地点', key: 'place', width: 24 },
      { header: '请求', key: 'request', width: 40 },
      { header: '事实', key: 'facts', width: 40 },
      { header: '理由', key: 'reasons', width: 30 },
      { header: '状态', key: 'status', width: 10 },
      { header: '承办单位', key: 'unit', width: 14 },
      { header: '办理结果', key: 'result', width: 40 },
      { header: '答复意见', key: 'answer', width: 10 },
      { header: '不予受理理由', key: 'reject', width: 30 },
      { header: '满意度', key: 'satisfaction', width: 10 },
    ],
    data.complaints.map((c) => ({
      number: c.number,
      at: when(c.receivedAt),
      kind: c.kind,
      category: c.category,
      place: c.place,
      request: c.request,
      facts: c.facts ?? '',
      reasons: c.reasons ?? '',
      status: c.status,
      unit: c.unit ?? '',
      result: c.result ?? '',
      answer: c.answer ?? '',
      reject: c.rejectReason ?? '',
      satisfaction: c.satisfaction ?? '',
    })),
  )
  book.addSheet(
    '办理过程',
    [
      { header: '诉求编号', key: 'number', width: 16 },
      { header: '时间', key: 'at', width: 18 },
      { header: '办理人', key: 'staff', width: 10 },
      { header: '操作', key: 'action', width: 12 },
      { header: '状态', key: 'status', width: 18 },
      { header: '说明', key: 'note', width: 40 },
      { header: '详情', key: 'detail', width: 40 },
    ],
    data.complaints.flatMap((c) =>
      c.timeline.map((e) => ({
        number: c.number,
        at: when(e.at),
        staff: e.staff,
        action: e.action,
        status: e.from && e.to ? `${e.from} → ${e.to}` : (e.to ?? ''),
        note: e.note ?? '',
        detail: e.detail,
      })),
    ),
  )
  book.addSheet(
    '回访记录',
    [
      { header: '诉求编号', key: 'number', width: 16 },
      { header: '回访日期', key: 'date', width: 12 },
      { header: '回访人', key: 'caller', width: 10 },
      { header: '满意度', key: 'satisfaction', width: 10 },
      { header: '回访意见', key: 'comment', width: 40 },
    ],
    data.complaints.flatMap((c) =>
      c.followUps.map((f) => ({
        number: c.number,
        date: f.date,
        caller: f.caller,
        satisfaction: f.satisfaction,
        comment: f.comment ?? '',
      })),
    ),
  )
  book.addSheet(
    '调解案件',
    [
      { header: '案件编号', key: 'number', width: 24 },
      { header: '当事人身份', key: 'role', width: 10 },
      { header: '纠纷类型', key: 'type', width: 12 },
      { header: '状态', key: 'status', width: 10 },
      { header: '登记日期', key: 'registered', width: 12 },
      { header: '受理日期', key: 'accepted', width: 12 },
      { header: '调解结束日期', key: 'concluded', width: 12 },
      { header: '调解结果', key: 'outcome', width: 14 },
    ],
    data.mediationCases.map((m) => ({
      number: m.number ?? '待受理',
      role: m.role,
      type: m.disputeType,
      status: m.status,
      registered: m.registeredOn,
      accepted: m.acceptedOn ?? '',
      concluded: m.concludedOn ?? '',
      outcome: m.outcome ?? '',
    })),
  )
  return book.finish()
}
