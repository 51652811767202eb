/**
 * Demo visits and 诉求 for the demo places, dated relative to today so the
 * clocks show every state a desk meets: on time, due soon, overdue, closed.
 * Written through the same services and schemas as the UI, as if a clerk had
 * logged each one on its day. Names and phones are invented.
 */
import type { Knex } from 'knex'
import { contract, type MethodInput } from '../../../shared/api/contract'
import type { ComplaintActInput } from '../../../shared/api/complaints'
import type { Ctx } from '../context'
import { visitService } from '../services/intake/visits'
import { complaintActionService } from '../services/intake/complaintActions'
import { fetchComplaint } from '../services/intake/complaintQueries'
import { loadDemoMediation } from './mediation'

/** An action's own fields, without the id and version filled in when it is taken. */
type Step = ComplaintActInput extends infer T ? (T extends unknown ? Omit<T, 'id' | 'version'> : never) : never

interface DemoVisit {
  daysAgo: number
  compound: string
  visit: Omit<MethodInput<'visits.create'>, 'person'> & {
    person: Omit<MethodInput<'visits.create'>['person'], 'compoundId'>
  }
  /** Steps for the first 诉求, each taken `afterDays` after the visit. */
  steps?: { afterDays: number; step: Step }[]
}

const demoVisits: DemoVisit[] = [
  {
    daysAgo: 8,
    compound: '商业局小区',
    visit: {
      person: { name: '王秀英', phone: '13800000001', building: '1', unit: '2', room: '301', sex: 'female' },
      subject: '楼道长期堆放杂物，存在消防隐患',
      outcome: 'complaints',
      complaints: [
        {
          kind: 'complaint',
          categoryId: 1,
          request: '请尽快清理1栋2单元楼道内堆放的纸箱和旧家具',
          facts: '楼道内堆放纸箱、旧沙发已两个多月，多次与住户沟通无果。',
          reasons: '堵塞消防通道，老人上下楼不便。',
        },
      ],
    },
    steps: [
      { afterDays: 1, step: { action: 'accept', note: '属实，予以受理' } },
      { afterDays: 1, step: { action: 'assign', unitId: 2, assignee: '周师傅', note: '请社区物业三日内清理' } },
      { afterDays: 2, step: { action: 'start' } },
    ],
  },
  {
    daysAgo: 2,
    compound: '商业局小区',
    visit: {
      person: { name: '刘建国', phone: '13800000002', building: '2', sex: 'male' },
      subject: '2栋门口垃圾桶满溢无人清运',
      channel: 'phone',
      outcome: 'complaints',
      complaints: [{ kind: 'complaint', categoryId: 1, request: '请安排每天清运2栋门口的垃圾桶' }],
    },
  },
  {
    daysAgo: 20,
    compound: '红光小区',
    visit: {
      person: { name: '赵德明', phone: '13800000011', building: '3', sex: 'male' },
      subject: '小区路灯不亮',
      outcome: 'complaints',
      complaints: [{ kind: 'help', categoryId: 4, request: '3栋前面两盏路灯坏了一个多月，请帮忙修好' }],
    },
  },
  {
    daysAgo: 13,
    compound: '桂北小区',
    visit: {
      person: { name: '孙丽华', phone: '0851-8123456', building: '5', sex: 'female' },
      subject: '建议5栋加装电梯',
      outcome: 'complaints',
      complaints: [
        {
          kind: 'suggestion',
          categoryId: 9,
          request: '建议社区牵头组织5栋住户协商加装电梯',
          reasons: '5栋住户中70岁以上老人有12位，上下楼困难。',
        },
      ],
    },
  },
  {
    daysAgo: 3,
    compound: '桂北小区',
    visit: {
      person: { name: '钱卫东', phone: '13800000021', building: '2', sex: 'male' },
      subject: '物业收费不公示，集体来访',
      visitorCount: 5,
      involvedCount: 36,
      representatives: [{ name: '钱卫东', phone: '13800000021' }, { name: '李桂兰' }, { name: '周志强' }],
      outcome: 'complaints',
      complaints: [
        {
          kind: 'complaint',
          categoryId: 3,
          request: '要求物业公示近两年的收支明细',
          facts: '物业费上涨后未召开业主大会，也未公示收支。',
        },
      ],
    },
    steps: [
      { afterDays: 0, step: { action: 'accept' } },
      { afterDays: 1, step: { action: 'assign', unitId: 1, assignee: '社区主任', note: '约物业负责人面谈' } },
    ],
  },
  {
    daysAgo: 40,
    compound: '小吃街片区',
    visit: {
      person: { name: '张国强', phone: '13800000031', sex: 'male' },
      subject: '小吃街夜间占道经营',
      outcome: 'complaints',
      complaints: [{ kind: 'complaint', categoryId: 2, request: '请治理小吃街夜间摊位占用人行道' }],
    },
    steps: [
      { afterDays: 1, step: { action: 'accept' } },
      { afterDays: 1, step: { action: 'assign', unitId: 5, assignee: '城管中队' } },
      { afterDays: 2, step: { action: 'start' } },
      {
        afterDays: 9,
        step: { action: 'resolve', result: '已划定临时摆摊区域并安排夜间巡查，人行道已恢复通行。', answer: 'support' },
      },
      { afterDays: 12, step: { action: 'follow_up', date: '', caller: '本机管理员', satisfaction: 'satisfied' } },
      { afterDays: 12, step: { action: 'archive' } },
    ],
  },
  {
    daysAgo: 0,
    compound: '松林苑',
    visit: {
      person: { name: '吴春梅', phone: '13800000041', sex: 'female' },
      subject: '咨询高龄津贴申领条件',
      outcome: 'on_spot',
      answer: '已告知：年满80周岁的本市户籍老人可在社区申请高龄津贴，需带身份证、户口簿和银行卡。',
    },
  },
]

function dayShift(ctx: Ctx, days: number): Ctx {
  const at = new Date(ctx.clock.now().getTime() - days * 86_400_000)
  return { ...ctx, clock: { now: () => at } }
}

function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export async function loadDemoIntake(db: Knex, ctx: Ctx): Promise<{ visits: number; complaints: number }> {
  const visits = visitService(db)
  const actions = complaintActionService(db)
  let complaints = 0
  for (const d of demoVisits) {
    const compound = (await db('compounds').where({ name: d.compound }).first('id')) as { id: number }
    const on = dayShift(ctx, d.daysAgo)
    const input = contract['visits.create'].input.parse({
      ...d.visit,
      visitedAt: on.clock.now().toISOString(),
      person: { ...d.visit.person, compoundId: compound.id },
    })
    const visit = await visits.create(on, input)
    complaints += visit.complaints.length
    const first = visit.complaints[0]
    for (const { afterDays, step } of d.steps ?? []) {
      if (!first) break
      const when = dayShift(ctx, d.daysAgo - afterDays)
      const current = await fetchComplaint(db, when, first.id)
      const raw = step.action === 'follow_up' ? { ...step, date: isoDay(when.clock.now()) } : step
      await actions.act(
        when,
        contract['complaints.act'].input.parse({ ...raw, id: first.id, version: current.version }),
      )
    }
  }
  // Mediation cases build on the demo people and escalate one of the 诉求 above.
  await loadDemoMediation(db, ctx)
  return { visits: demoVisits.length, complaints }
}
