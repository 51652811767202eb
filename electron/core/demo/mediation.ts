/**
 * Demo mediation cases for the 红光社区人民调解委员会, one in each state a
 * mediator meets: just escalated from a 诉求, in mediation (one due soon),
 * concluded with a written agreement and a follow-up coming up, and closed
 * with its full 卷宗. Dated relative to today and written through the same
 * services and schemas as the UI, mostly by the demo 调解员 (login tiaojie).
 * Names and phones are invented.
 */
import type { Knex } from 'knex'
import { contract, type MethodInput, type MethodName, type ParsedInput } from '../../../shared/api/contract'
import type { Ctx, Staff } from '../context'
import { caseService } from '../services/mediation/cases'
import { caseActionService } from '../services/mediation/caseActions'
import { sessionService } from '../services/mediation/sessions'
import { followUpService } from '../services/mediation/followUps'
import { fileItemService } from '../services/mediation/fileItems'
import { complaintActionService } from '../services/intake/complaintActions'
import { fetchComplaint } from '../services/intake/complaintQueries'
import { fetchCaseRow } from '../services/mediation/caseRows'
import { demoAccounts } from './accounts'

const demoMediator = demoAccounts.find((a) => a.role === 'mediator')!

/**
 * The demo 调解员's staff row. Demo data is loaded before the demo accounts
 * are given passwords, so the row is made here (it cannot sign in until
 * createDemoAccounts sets its password) and reused if it already exists.
 */
async function mediatorStaff(db: Knex): Promise<Staff> {
  const found = (await db('staff')
    .whereRaw('login = ? COLLATE NOCASE', [demoMediator.login])
    .first('id', 'name', 'role')) as Staff | undefined
  if (found && (found.role === 'mediator' || found.role === 'admin')) return found
  const now = new Date().toISOString()
  const [row] = (await db('staff')
    .insert({
      name: demoMediator.name,
      role: 'mediator',
      // A clash with a real account of another role: keep the demo row nameless to sign-in.
      login: found ? null : demoMediator.login,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')) as { id: number }[]
  return { id: row!.id, name: demoMediator.name, role: 'mediator' }
}

/** Input checked and defaulted by the contract, as the API door would. */
function parse<M extends MethodName>(method: M, input: MethodInput<M>): ParsedInput<M> {
  return contract[method].input.parse(input) as ParsedInput<M>
}

function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export async function loadDemoMediation(db: Knex, base: Ctx): Promise<number> {
  const mediator = await mediatorStaff(db)
  const admin = base.staff!
  const cases = caseService(db)
  const actions = caseActionService(db)
  const sessions = sessionService(db)
  const followUps = followUpService(db)
  const files = fileItemService(db)

  /** `staff` acting `daysAgo` days before today. */
  const on = (daysAgo: number, staff: Staff = mediator): Ctx => {
    const at = new Date(base.clock.now().getTime() - daysAgo * 86_400_000)
    return { staff, clock: { now: () => at } }
  }
  const day = (daysAgo: number) => isoDay(on(daysAgo).clock.now())
  const at = (daysAgo: number, time = '09:30') => `${day(daysAgo)}T${time}:00+08:00`
  const compound = async (name: string) => ((await db('compounds').where({ name }).first('id')) as { id: number }).id
  const hongguang = await compound('红光小区')
  const guibei = await compound('桂北小区')
  const act = async (id: number, ctx: Ctx, input: Record<string, unknown>) => {
    const { version } = await fetchCaseRow(db, id)
    return actions.act(ctx, parse('mediation.act', { ...input, id, version } as MethodInput<'mediation.act'>))
  }
  const partyIds = async (id: number) =>
    ((await db('mediation_parties').where({ case_id: id }).orderBy('position').select('id')) as { id: number }[]).map(
      (p) => p.id,
    )

  // 1. 诉求转入: the 楼道杂物 诉求 escalated yesterday; the mediator added the neighbour it is about.
  const complaint = (await db('complaints').where('request', 'like', '%楼道内堆放的纸箱%').first('id')) as
    { id: number } | undefined
  if (complaint) {
    const c = await fetchComplaint(db, on(1), complaint.id)
    await complaintActionService(db).act(
      on(1),
      parse('complaints.act', {
        action: 'escalate_mediation',
        id: c.id,
        version: c.version,
        disputeType: 'neighbour',
        note: '楼道堆物涉及邻里矛盾，转社区人民调解委员会调解',
      }),
    )
    const escalated = (await db('mediation_cases').where({ complaint_id: c.id }).first('id')) as { id: number }
    const current = await cases.get(on(1), { id: escalated.id })
    const applicant = current.parties[0]!
    await cases.update(
      on(0),
      parse('mediation.update', {
        id: current.id,
        version: current.version,
        source: 'complaint',
        disputeType: 'neighbour',
        complaintId: c.id,
        registeredOn: current.registeredOn,
        parties: [
          {
            // Linked as stored: 王秀英's address from her visit stays.
            person: { id: applicant.person.id, name: applicant.person.name },
            role: 'applicant',
            occupation: '退休职工',
          },
          {
            person: {
              name: '周桂兰',
              phone: '13800000051',
              sex: 'female',
              age: 58,
              address: '商业局小区1栋2单元401室',
            },
            role: 'respondent',
            occupation: '个体经营',
          },
        ],
        mediators: [{ staffId: mediator.id, role: 'presiding' }],
        facts: current.facts!,
        requests: [...current.requests, '清理楼道内堆放的纸箱和旧家具，今后不在公共楼道堆物'],
      }),
    )
  }

  // 2. Closed, with its full 卷宗: a 漏水 damages dispute settled in writing two months ago.
  const closed = await cases.register(
    on(64),
    parse('mediation.register', {
      source: 'application',
      disputeType: 'damages',
      registeredOn: day(64),
      parties: [
        {
          person: {
            name: '何志明',
            phone: '13800000061',
            sex: 'male',
            age: 45,
            ethnicity: '汉族',
            compoundId: hongguang,
            building: '2',
            unit: '1',
            room: '201',
          },
          role: 'applicant',
          occupation: '出租车司机',
          identityNote: '居民身份证',
        },
        {
          person: {
            name: '黄秀兰',
            phone: '13800000062',
            sex: 'female',
            age: 52,
            ethnicity: '汉族',
            compoundId: hongguang,
            building: '2',
            unit: '1',
            room: '301',
          },
          role: 'respondent',
          occupation: '超市店员',
          identityNote: '居民身份证',
        },
      ],
      facts:
        '被申请人家卫生间防水层老化，自去年11月起多次向申请人家渗水，造成申请人家卫生间吊顶发霉脱落、墙面起皮。双方协商未果。',
      requests: ['被申请人修复卫生间防水', '赔偿吊顶和墙面修复费用2800元'],
    }),
  )
  await act(closed.id, on(63), { action: 'accept', acceptedOn: day(63), note: '属于人民调解受案范围，双方同意调解' })
  await act(closed.id, on(63), { action: 'notify_rights', date: day(63), way: 'written' })
  const [he, huang] = await partyIds(closed.id)
  await sessions.save(
    on(60),
    parse('mediation.saveSession', {
      caseId: closed.id,
      heldAt: at(60),
      place: '社区人民调解室',
      presidingStaffId: mediator.id,
      recorder: mediator.name,
      open: false,
      closedReason: '当事人要求不公开调解',
      attendees: [
        { partyId: he, name: '何志明', capacity: '申请人', signed: true },
        { partyId: huang, name: '黄秀兰', capacity: '被申请人', signed: true },
      ],
      record:
        '调解员：今天双方到场，先请申请人说明情况。\n何志明：楼上漏水四个多月，吊顶掉了两块，我找过她三次。\n黄秀兰：我不知道漏得这么严重，愿意修防水，但2800元太多。\n调解员：经现场查看，吊顶和墙面确有水渍和脱落，已请物业维修工估价。双方同意由被申请人先修防水，修复费用按维修工估价2400元。',
      nextSteps: '双方回去考虑，三日内再约时间签订协议。',
    }),
  )
  await act(closed.id, on(57), {
    action: 'conclude_written',
    agreedOn: day(57),
    effectiveOn: day(57),
    place: '社区人民调解室',
    disputePoints:
      '渗水原因为被申请人家卫生间防水层老化，被申请人应承担修复责任；争议在于赔偿金额，经现场查看和估价确定为2400元。',
    terms: [
      {
        content: '黄秀兰于协议签订后十日内请专业人员修复其家卫生间防水层。',
        way: '自行修复',
        place: '红光小区2栋1单元301室',
        deadline: day(47),
      },
      {
        content: '黄秀兰赔偿何志明吊顶和墙面修复费用人民币贰仟肆佰元整（2400元）。',
        way: '一次性现金支付',
        place: '社区人民调解室',
        deadline: day(47),
      },
    ],
  })
  const scheduled = (await db('mediation_followups').where({ case_id: closed.id }).first('id')) as { id: number }
  await followUps.record(
    on(46),
    parse('mediation.recordFollowUp', {
      caseId: closed.id,
      id: scheduled.id,
      calledOn: day(46),
      caller: mediator.name,
      performance: 'performed',
      satisfaction: 'satisfied',
      lawsuit: false,
      measures: '上门查看，防水已修复，赔偿款已当面付清。',
    }),
  )
  await act(closed.id, on(46), { action: 'judicial', applied: false, note: '双方表示协议已履行完毕，不申请司法确认' })
  await files.save(
    on(45),
    parse('mediation.saveFileItem', {
      caseId: closed.id,
      kind: 'evidence',
      title: '漏水现场照片',
      date: day(60),
      pages: 3,
    }),
  )
  await files.save(
    on(45),
    parse('mediation.saveFileItem', {
      caseId: closed.id,
      kind: 'performance',
      title: '赔偿款收条',
      date: day(47),
      pages: 1,
    }),
  )
  const record = (await db('mediation_sessions').where({ case_id: closed.id }).first('id')) as { id: number }
  await act(closed.id, on(44), {
    action: 'close',
    filer: mediator.name,
    filedOn: day(44),
    retention: 'years_10',
    // The session record ran to two pages.
    pages: { [`session:${record.id}`]: 2 },
  })

  // 3. Concluded with a written agreement: paid in two parts, a follow-up due this week, 司法确认 nearing.
  const agreed = await cases.register(
    on(40),
    parse('mediation.register', {
      source: 'own_initiative',
      disputeType: 'neighbour',
      registeredOn: day(40),
      parties: [
        {
          person: {
            name: '罗建华',
            phone: '13800000071',
            sex: 'male',
            age: 63,
            compoundId: guibei,
            building: '4',
            unit: '1',
            room: '102',
          },
          role: 'applicant',
          occupation: '退休工人',
          identityNote: '居民身份证',
        },
        {
          person: {
            name: '邓丽',
            phone: '13800000072',
            sex: 'female',
            age: 36,
            compoundId: guibei,
            building: '4',
            unit: '1',
            room: '202',
          },
          role: 'respondent',
          occupation: '教师',
          identityNote: '居民身份证',
        },
      ],
      facts: '被申请人家装修期间夜间施工，噪音影响申请人休息，双方在楼道发生争吵，申请人家门锁被损坏。',
      requests: ['被申请人晚上八点后不再施工', '赔偿门锁费用380元'],
      mediators: [
        { staffId: mediator.id, role: 'presiding' },
        { staffId: admin.id, role: 'assisting' },
      ],
    }),
  )
  await act(agreed.id, on(39), { action: 'accept', acceptedOn: day(39) })
  await act(agreed.id, on(39), { action: 'notify_rights', date: day(39), way: 'oral' })
  const [luo, deng] = await partyIds(agreed.id)
  await sessions.save(
    on(27),
    parse('mediation.saveSession', {
      caseId: agreed.id,
      heldAt: at(27, '19:00'),
      place: '桂北小区4栋楼下议事亭',
      presidingStaffId: mediator.id,
      recorder: admin.name,
      open: true,
      attendees: [
        { partyId: luo, name: '罗建华', capacity: '申请人', signed: true },
        { partyId: deng, name: '邓丽', capacity: '被申请人', signed: true },
        { name: '王德福', capacity: '楼栋长', signed: false },
      ],
      record:
        '双方各自陈述了装修噪音和门锁损坏的经过。楼栋长证实近两周夜间有施工声音。经调解，被申请人同意调整施工时间并赔偿门锁费用。',
      nextSteps: '起草调解协议书，次日签订。',
    }),
  )
  await act(agreed.id, on(26), {
    action: 'conclude_written',
    agreedOn: day(26),
    effectiveOn: day(26),
    disputePoints: '被申请人装修夜间施工违反小区管理规约；门锁系争吵中被申请人家属推搡损坏，应予赔偿。',
    terms: [
      {
        content: '邓丽家装修每日施工时间限于8:00至12:00、14:00至20:00。',
        way: '自行遵守',
        place: null,
        deadline: day(26),
      },
      {
        content: '邓丽赔偿罗建华门锁费用人民币叁佰捌拾元整（380元），分两次支付。',
        way: '分期现金支付',
        place: '社区人民调解室',
        deadline: day(-3),
      },
    ],
  })

  // 4. In mediation, due within the week: a wage dispute with the 物业 cleaner, one session held.
  const due = await cases.register(
    on(27),
    parse('mediation.register', {
      source: 'application',
      disputeType: 'labour',
      registeredOn: day(27),
      parties: [
        {
          person: { name: '唐桂芝', phone: '13800000081', sex: 'female', age: 55, compoundId: guibei },
          role: 'applicant',
          occupation: '保洁员',
          identityNote: '居民身份证',
        },
        {
          person: { name: '冯涛', phone: '13800000082', sex: 'male', age: 41 },
          role: 'respondent',
          occupation: '物业服务中心负责人',
        },
        {
          person: { name: '唐小军', phone: '13800000083', sex: 'male', age: 30 },
          role: 'agent',
          agentFor: 0,
          authorization: '一般授权：代为参加调解、陈述意见；委托日期见授权委托书',
          occupation: '职员',
        },
      ],
      facts: '申请人在桂北小区从事保洁工作，被申请人拖欠其两个月工资共计4200元。',
      requests: ['支付拖欠的两个月工资4200元'],
    }),
  )
  await act(due.id, on(26), { action: 'accept', acceptedOn: day(26) })
  await act(due.id, on(26), { action: 'notify_rights', date: day(26), way: 'written' })
  const [tang, feng, agent] = await partyIds(due.id)
  await sessions.save(
    on(20),
    parse('mediation.saveSession', {
      caseId: due.id,
      heldAt: at(20, '14:30'),
      place: '社区人民调解室',
      presidingStaffId: mediator.id,
      recorder: mediator.name,
      open: false,
      closedReason: '涉及当事人收入等个人隐私',
      attendees: [
        { partyId: tang, name: '唐桂芝', capacity: '申请人', signed: true },
        { partyId: agent, name: '唐小军', capacity: '委托代理人', signed: true },
        { partyId: feng, name: '冯涛', capacity: '被申请人', signed: true },
      ],
      record:
        '被申请人承认拖欠工资，称物业费收缴困难，提出分三个月支付。申请人要求一次付清。双方分歧较大，约定下周再调。',
      nextSteps: '请被申请人核对工资表，下次调解时带来。',
    }),
  )

  // 5. In mediation, presided by the administrator: a 合同 dispute over a shop lease, accepted a week ago.
  const lease = await cases.register(
    on(8, admin),
    parse('mediation.register', {
      source: 'court',
      disputeType: 'contract',
      registeredOn: day(8),
      parties: [
        {
          person: { name: '秦海燕', phone: '13800000091', sex: 'female', age: 47 },
          role: 'applicant',
          occupation: '个体工商户',
        },
        {
          person: { name: '蒋志国', phone: '13800000092', sex: 'male', age: 60 },
          role: 'respondent',
          occupation: '退休干部',
        },
      ],
      mediators: [
        { staffId: admin.id, role: 'presiding' },
        { staffId: mediator.id, role: 'assisting' },
      ],
      facts: '双方签订底商租赁合同，租期未满出租人要求提前收回，承租人要求赔偿装修损失。法院立案前委派调解。',
      requests: ['被申请人赔偿装修损失15000元', '给予两个月搬迁时间'],
    }),
  )
  await act(lease.id, on(7, admin), { action: 'accept', acceptedOn: day(7) })

  return 5
}
