/**
 * Importing a 诉求 register (诉求登记历史) through the import service on a real
 * database: the columns suggested from the headings, every bad row reported
 * by row, column and a Chinese reason with nothing written, then a good .xlsx
 * committed in one go (residents matched, numbers after existing ones,
 * history rows with their clocks, one audit event) and not doubled when the
 * same file comes again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { importService } from '../../electron/core/dataTransfer/importService'
import type { ImportRunInput } from '../../shared/api/dataTransfer'
import { importPreviewInput, importRunInput } from '../../shared/api/dataTransfer'
import { apiErrorOf, call, countRows, ctx, openTestCore } from '../fixtures/core'
import { seedIntake, type IntakeRefs } from '../fixtures/intake'
import { csvText, fileOf, idNumber, xlsxBytes, type TestFile } from '../fixtures/dataImport'

let core: Core
let refs: IntakeRefs
let service: ReturnType<typeof importService>

beforeAll(async () => {
  core = await openTestCore()
  refs = await seedIntake(core)
  service = importService(core.db, core.paths.databaseFile)
})
afterAll(async () => {
  await core.close()
})

const headings = [
  '登记日期',
  '姓名',
  '电话',
  '身份证号',
  '类型',
  '分类',
  '紧急程度',
  '小区',
  '具体位置',
  '诉求内容',
  '事实',
  '理由',
  '办理状态',
  '办理结果',
  '答复类型',
  '办结日期',
  '满意度',
]

type Cells = (string | number | Date | null)[]

function row(extra: Partial<Record<(typeof headings)[number], string | number | Date | null>>): Cells {
  const base: Record<string, string | number | Date | null> = {
    登记日期: '2025-06-03 09:30',
    姓名: '张建国',
    电话: '13812345678',
    身份证号: '',
    类型: '投诉',
    分类: '占道经营',
    紧急程度: '一般',
    小区: '幸福小区',
    具体位置: '东门菜市场旁',
    诉求内容: '请取缔东门占道摆摊',
    事实: '每天早上摊贩占用消防通道',
    理由: '',
    办理状态: '登记',
    办理结果: '',
    答复类型: '',
    办结日期: '',
    满意度: '',
    ...extra,
  }
  return headings.map((h) => base[h] ?? null)
}

function run(input: ImportRunInput) {
  return importRunInput.parse(input)
}

async function mappingOf(file: TestFile) {
  const preview = await service.preview(ctx, importPreviewInput.parse({ kind: 'complaints', file }))
  return { preview, mapping: preview.suggested }
}

async function snapshot() {
  const counts: Record<string, number> = {}
  for (const t of ['complaints', 'complaint_events', 'complaint_followups', 'persons', 'audit_events']) {
    counts[t] = await countRows(core, t)
  }
  return counts
}

describe('a 诉求 register with bad rows', () => {
  const rows: Cells[] = [
    headings,
    row({}),
    row({ 分类: '天文观测' }),
    row({ 小区: '不存在的小区' }),
    row({ 登记日期: '2099-01-01' }),
    row({ 诉求内容: '' }),
    row({ 电话: '1381234' }),
    row({ 身份证号: '110105196005010120' }),
    row({ 办理状态: '办结', 答复类型: '支持', 办结日期: '2025-06-10' }),
    row({ 办理状态: '受理', 办结日期: '2025-06-10' }),
    row({ 类型: '表扬' }),
    row({ 办理状态: '办结', 办理结果: '已清理', 答复类型: '支持', 办结日期: '2025-05-01' }),
    row({ 满意度: '很好', 办理状态: '办结', 办理结果: '已清理', 答复类型: '支持', 办结日期: '2025-06-10' }),
  ]
  const file = fileOf('诉求登记.csv', csvText(rows as (string | number | null)[][]))

  it('suggests every column from its heading', async () => {
    const { preview, mapping } = await mappingOf(file)
    expect(preview.headers).toEqual(headings)
    expect(mapping).toMatchObject({
      receivedAt: 0,
      name: 1,
      phone: 2,
      idNumber: 3,
      kind: 4,
      category: 5,
      urgency: 6,
      compound: 7,
      locationDetail: 8,
      request: 9,
      facts: 10,
      reasons: 11,
      status: 12,
      result: 13,
      answer: 14,
      resolvedDate: 15,
      satisfaction: 16,
    })
  })

  it('reports each problem at its row and column in Chinese', async () => {
    const { mapping } = await mappingOf(file)
    const report = await service.dryRun(ctx, run({ kind: 'complaints', file, mapping }))
    expect(report).toMatchObject({ kind: 'complaints', rowCount: 12, okCount: 1, problemRows: 11 })
    const at = (r: number) => report.problems.filter((p) => p.row === r)
    const one = (r: number, column: string, text: string) => {
      const found = at(r).find((p) => p.column === column)
      expect(found, `row ${r} ${column}: ${JSON.stringify(at(r))}`).toBeDefined()
      expect(found!.message).toContain(text)
    }
    one(3, '分类', '找不到诉求类别“天文观测”')
    one(4, '小区', '找不到小区“不存在的小区”')
    one(5, '登记日期', '登记日期不能晚于今天')
    one(6, '诉求内容', '请填写诉求请求')
    one(7, '电话', '联系电话格式不正确')
    one(8, '身份证号', '校验位不正确')
    one(9, '办理结果', '已办结的诉求请填写办理结果')
    one(10, '办结日期', '只有办理状态为“办结”的诉求才填写此项')
    one(11, '类型', '类型“表扬”无法识别，应为：投诉、求助、建议、咨询')
    one(12, '办结日期', '办结日期不能早于登记日期')
    one(13, '满意度', '满意度“很好”无法识别')
    for (const p of report.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('refuses the commit and writes nothing at all', async () => {
    const { mapping } = await mappingOf(file)
    const before = await snapshot()
    const err = await apiErrorOf(() => service.commit(ctx, run({ kind: 'complaints', file, mapping })))
    expect(err.message).toContain('没有导入任何数据')
    expect(await snapshot()).toEqual(before)
  })
})

describe('a good 诉求 register (.xlsx)', () => {
  const known = idNumber('1962-04-08', 21)

  it('goes in whole: residents matched, numbers after existing ones, history with its clocks, one audit event', async () => {
    // A resident registered at the desk, with a 诉求 of this year already numbered.
    const visit = await call(core, 'visits.create', {
      person: { name: '李秀英', phone: '13900001111', idNumber: known },
      channel: 'walk_in',
      subject: '反映噪音',
      outcome: 'complaints',
      visitedAt: '2025-05-01T02:00:00.000Z',
      complaints: [{ kind: 'complaint', categoryId: refs.categories['环境卫生']!, request: '夜间施工噪音扰民' }],
    })
    const existing = visit.complaints[0]!.number
    const rows = [
      ['幸福小区诉求登记台账（2025年）'],
      headings,
      row({ 姓名: '李秀英', 电话: '', 身份证号: known, 登记日期: new Date(2025, 5, 2, 10, 0) }),
      row({
        姓名: '王志强',
        电话: '13700002222',
        类型: '求助',
        分类: '设施维修',
        紧急程度: '紧急',
        诉求内容: '楼道灯坏了，老人夜里看不见',
        办理状态: '受理',
      }),
      row({
        姓名: '王志强',
        电话: '13700002222',
        登记日期: '2025/6/5',
        类型: '建议',
        分类: '停车充电',
        诉求内容: '建议增设电动车充电桩',
        办理状态: '办结',
        办理结果: '已协调物业安装充电桩10个',
        答复类型: '支持',
        办结日期: '2025年6月20日',
        满意度: '满意',
      }),
      row({
        姓名: '',
        电话: '',
        登记日期: '2025-06-04',
        类型: '咨询',
        分类: '政策咨询',
        诉求内容: '网格员上报：居民咨询老旧小区改造政策',
        小区: '',
      }),
    ]
    const file = fileOf('台账.xlsx', await xlsxBytes({ 诉求: rows }))
    const { preview, mapping } = await mappingOf(file)
    expect(preview.headerRow).toBe(2)
    const report = await service.dryRun(ctx, run({ kind: 'complaints', file, mapping }))
    expect(report.problems).toEqual([])
    expect(report).toMatchObject({ rowCount: 4, created: 4, matched: 0, newPeople: 1, matchedPeople: 1 })

    const before = await snapshot()
    const persons = await countRows(core, 'persons')
    const result = await service.commit(ctx, run({ kind: 'complaints', file, mapping }))
    expect(result).toMatchObject({ kind: 'complaints', created: 4, newPeople: 1, matchedPeople: 1 })
    expect(await countRows(core, 'persons')).toBe(persons + 1)
    expect(await countRows(core, 'complaints')).toBe(before.complaints! + 4)

    const added = (await core
      .db('complaints')
      .where('id', '>', Number(visit.complaints[0]!.id))
      .orderBy('id')) as Record<string, unknown>[]
    // Numbered in the order received, after the one already registered in 2025.
    const seq = Number(existing.slice(5))
    expect(added.map((c) => c.number)).toEqual([1, 2, 3, 4].map((n) => `2025-${String(seq + n).padStart(6, '0')}`))
    const byRequest = Object.fromEntries(added.map((c) => [c.request, c]))
    expect(byRequest['请取缔东门占道摆摊']).toMatchObject({
      person_id: visit.person.id,
      status: 'registered',
      received_date: '2025-06-02',
      accept_due: '2025-06-17',
      compound_id: refs.places.xingfu,
    })
    expect(byRequest['楼道灯坏了，老人夜里看不见']).toMatchObject({
      kind: 'help',
      urgency: 'urgent',
      status: 'accepted',
      handle_due: '2025-08-02',
      due_date: '2025-08-02',
      version: 2,
    })
    expect(byRequest['建议增设电动车充电桩']).toMatchObject({
      status: 'followed_up',
      result: '已协调物业安装充电桩10个',
      answer: 'support',
      satisfaction: 'satisfied',
      resolved_on_time: 1,
      due_date: null,
    })
    expect(byRequest['网格员上报：居民咨询老旧小区改造政策']).toMatchObject({ person_id: null, compound_id: null })
    const detail = await call(core, 'complaints.get', { id: byRequest['建议增设电动车充电桩']!.id as number })
    expect(detail.timeline.map((e) => e.action)).toEqual(['register', 'accept', 'resolve', 'follow_up'])
    expect(detail.followUps).toHaveLength(1)

    const audits = (await core.db('audit_events').where('id', '>', 0).orderBy('id', 'desc').limit(1)) as {
      action: string
      entity: string
      detail: string
    }[]
    expect(await countRows(core, 'audit_events')).toBe(before.audit_events! + 1)
    expect(audits[0]).toMatchObject({ action: 'import', entity: 'complaint' })
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({ importKind: 'complaints', rows: 4, created: 4 })

    // The same file again: every 诉求 is already there, nothing doubled.
    const again = await service.commit(ctx, run({ kind: 'complaints', file, mapping }))
    expect(again).toMatchObject({ created: 0, matched: 4, newPeople: 0 })
    expect(await countRows(core, 'complaints')).toBe(before.complaints! + 4)
  })
})
