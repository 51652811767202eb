/**
 * What the mediation printouts say (renderer/print/mediation*.ts), from
 * hand-made case details: who may print what, the parties' particulars with
 * masked or full phones, numbering, the law's sentences, the parts (one
 * session or follow-up, or all), the 卷宗, and the print menu's offer per state.
 */
import { describe, expect, it } from 'vitest'
import type { CaseParty, MediationCaseDetail, MediationOptions } from '../../shared/api/mediation'
import {
  MediationPrintRefused,
  ageOn,
  caseName,
  chineseNumber,
  formRows,
  notesRefusal,
  paragraphs,
  printedParties,
} from '../../renderer/print/mediationCommon'
import { printedApplication } from '../../renderer/print/mediationApplication'
import { printedRegistration } from '../../renderer/print/mediationRegistration'
import { printedRights } from '../../renderer/print/mediationRights'
import { printedSessions } from '../../renderer/print/mediationSession'
import { printedAgreement } from '../../renderer/print/mediationAgreement'
import { printedOral } from '../../renderer/print/mediationOral'
import { printedFollowUps } from '../../renderer/print/mediationFollowUp'
import { printedCover, printedIndex } from '../../renderer/print/mediationFile'
import { mediationPrintDocs } from '../../renderer/print/mediationPrintDocs'

const options: MediationOptions = {
  committeeName: '红光社区人民调解委员会',
  shortName: '红',
  defaultPlace: '社区调解室',
  judicialConfirmDays: 30,
  judicialReminderDays: 7,
}

function party(over: Partial<CaseParty> & { name: string; id: number }): CaseParty {
  const { name, id, ...rest } = over
  return {
    id,
    position: id,
    role: 'applicant',
    person: {
      id: 100 + id,
      name,
      sex: 'male',
      age: null,
      phoneMasked: '138****5678',
      idNumberMasked: null,
      address: '红光小区3栋2单元501',
    },
    ethnicity: '汉族',
    birthDate: '1980-06-15',
    occupation: '工人',
    phone: '13812345678',
    agentForPartyId: null,
    authorization: null,
    identityNote: '居民身份证',
    ...rest,
  }
}

/** An accepted neighbour dispute with two sessions, a written agreement and one follow-up made. */
function detail(over: Partial<MediationCaseDetail> = {}): MediationCaseDetail {
  return {
    id: 7,
    number: '（2026）红人调字第3号',
    year: 2026,
    source: 'application',
    disputeType: 'neighbour',
    status: 'concluded',
    outcome: 'written_agreement',
    registeredOn: '2026-03-01',
    acceptedOn: '2026-03-02',
    dueDate: '2026-04-02',
    clockState: 'ok',
    concludedOn: '2026-03-20',
    closedOn: null,
    access: 'full',
    partyNames: '张三 与 李四',
    presidingName: '王调解',
    updatedAt: '2026-03-20T08:00:00.000Z',
    version: 5,
    complaint: null,
    visit: null,
    registeredByName: '前台小刘',
    parties: [
      party({ id: 1, name: '张三' }),
      party({
        id: 2,
        name: '李四',
        role: 'respondent',
        person: {
          id: 102,
          name: '李四',
          sex: 'female',
          age: 52,
          phoneMasked: '139****0000',
          idNumberMasked: null,
          address: '红光小区3栋2单元401',
        },
        phone: '13900000000',
        occupation: null,
        ethnicity: null,
      }),
      party({ id: 3, name: '赵律师', role: 'agent', agentForPartyId: 2, authorization: '一般授权，2026年3月2日' }),
    ],
    mediators: [
      { staffId: 5, name: '王调解', role: 'presiding' },
      { staffId: 6, name: '陈协助', role: 'assisting' },
    ],
    facts: '楼上卫生间漏水，楼下天花板发霉。',
    requests: ['请求被申请人修复防水层', '请求赔偿损失2000元'],
    rejectedOn: null,
    rejectReason: null,
    rightsNotice: { date: '2026-03-03', way: 'written' },
    originalDueDate: '2026-04-02',
    extensions: [],
    sessions: [
      {
        id: 21,
        seq: 2,
        heldAt: '2026-03-10T02:00:00.000Z',
        place: '社区调解室',
        presidingStaffId: 5,
        presidingName: '王调解',
        recorder: '孙记录',
        open: false,
        closedReason: '涉及当事人隐私',
        attendees: [
          { partyId: 1, name: '张三', capacity: '申请人', signed: true },
          { partyId: 2, name: '李四', capacity: '被申请人', signed: false },
        ],
        record: '第二次调解记录。',
        nextSteps: null,
        createdAt: '2026-03-10T03:00:00.000Z',
        version: 1,
      },
      {
        id: 20,
        seq: 1,
        heldAt: '2026-03-05T01:30:00.000Z',
        place: '社区调解室',
        presidingStaffId: 5,
        presidingName: '王调解',
        recorder: '孙记录',
        open: true,
        closedReason: null,
        attendees: [
          { partyId: 1, name: '张三', capacity: '申请人', signed: true },
          { partyId: null, name: '钱邻居', capacity: '邻居', signed: true },
        ],
        record: '第一次调解记录。',
        nextSteps: '下周现场查看。',
        createdAt: '2026-03-05T03:00:00.000Z',
        version: 1,
      },
    ],
    agreement: {
      agreedOn: '2026-03-20',
      effectiveOn: '2026-03-20',
      place: '社区调解室',
      terms: [
        { content: '李四修复卫生间防水层', way: '自行维修', place: '红光小区3栋401', deadline: '2026-04-10' },
        { content: '李四赔偿张三1500元', way: '一次性支付', place: null, deadline: '2026-03-31' },
      ],
      copies: 3,
      oralContent: null,
      performBy: '2026-04-10',
      disputePoints: '争议在于维修责任和赔偿数额；李四对漏水负主要责任。',
    },
    failedAdvice: null,
    terminateReason: null,
    followUps: [
      {
        id: 31,
        dueOn: '2026-04-10',
        calledOn: '2026-04-11',
        caller: '王调解',
        performance: 'partly',
        satisfaction: 'basically_satisfied',
        lawsuit: false,
        lawsuitNote: null,
        risk: '赔偿款尚未付清',
        measures: '电话督促李四履行',
      },
      {
        id: 32,
        dueOn: '2026-04-26',
        calledOn: null,
        caller: null,
        performance: null,
        satisfaction: null,
        lawsuit: null,
        lawsuitNote: null,
        risk: null,
        measures: null,
      },
    ],
    judicial: null,
    judicialDeadline: '2026-04-19',
    file: {
      filer: null,
      filedOn: null,
      retention: null,
      index: [
        {
          key: 'registration',
          kind: 'registration',
          title: '人民调解申请书',
          date: '2026-03-01',
          pages: 1,
          pageRange: '1',
          required: true,
          manualId: null,
        },
        {
          key: 'manual:4',
          kind: 'evidence',
          title: '漏水照片',
          date: null,
          pages: 3,
          pageRange: '2-4',
          required: false,
          manualId: 4,
        },
      ],
      missing: [],
    },
    createdAt: '2026-03-01T01:00:00.000Z',
    ...over,
  }
}

const summaryOnly = (): MediationCaseDetail =>
  detail({
    access: 'summary',
    parties: [],
    mediators: [],
    facts: null,
    requests: [],
    rightsNotice: null,
    sessions: [],
    agreement: null,
    followUps: [],
  })

describe('common pieces', () => {
  it('writes small numbers in Chinese and ages in whole years', () => {
    expect([1, 3, 10, 12, 20, 30, 99].map(chineseNumber)).toEqual(['一', '三', '十', '十二', '二十', '三十', '九十九'])
    expect(chineseNumber(120)).toBe('120')
    expect(ageOn('1980-06-15', '2026-06-14')).toBe(45)
    expect(ageOn('1980-06-15', '2026-06-15')).toBe(46)
  })

  it('names the case after its two sides and the dispute type', () => {
    expect(caseName(detail())).toBe('张三与李四邻里纠纷')
    expect(caseName(detail({ disputeType: 'other' }))).toBe('张三与李四纠纷')
  })

  it('lists every party with 姓名 性别 民族 年龄 职业 住址 联系方式, masked unless asked for the full phone', () => {
    const [zhang, li, agent] = printedParties(detail())
    expect(zhang!.fields.map((f) => f.label)).toEqual(['姓名', '性别', '民族', '年龄', '职业', '住址', '联系方式'])
    expect(zhang!.fields.map((f) => f.value)).toEqual([
      '张三',
      '男',
      '汉族',
      '45岁',
      '工人',
      '红光小区3栋2单元501',
      '138****5678',
    ])
    // Age as core computed it wins; unknown values stay blank for the pen.
    expect(li!.fields.find((f) => f.label === '年龄')!.value).toBe('52岁')
    expect(li!.fields.find((f) => f.label === '职业')!.value).toBe('')
    expect(agent!.role).toBe('代理人（李四的委托代理人）')
    expect(agent!.authorization).toBe('一般授权，2026年3月2日')
    expect(printedParties(detail(), true)[1]!.fields.at(-1)!.value).toBe('13900000000')
    // Without the full number from core (not full access) even the 协议书 path stays masked.
    const masked = detail({ parties: detail().parties.map((p) => ({ ...p, phone: null })) })
    expect(printedParties(masked, true)[1]!.fields.at(-1)!.value).toBe('139****0000')
  })

  it('splits typed text into paragraphs, keeping empty lines as lines', () => {
    expect(paragraphs('第一段。\r\n\n第二段。\n')).toEqual(['第一段。', ' ', '第二段。'])
    expect(paragraphs(null)).toEqual([])
    expect(
      printedSessions(detail({ sessions: [{ ...detail().sessions[0]!, record: '甲\n乙' }] }), options)[0]!.record,
    ).toEqual(['甲', '乙'])
  })

  it('pairs short form rows and gives an odd one an empty partner before a wide row', () => {
    const rows = formRows([
      { label: 'a', value: '1' },
      { label: 'w', value: 'long', wide: true },
      null,
      { label: 'b', value: '2' },
      { label: 'c', value: '3' },
      { label: 'd', value: '4' },
    ])
    expect(rows.map((r) => r.label)).toEqual(['a', '', 'w', 'b', 'c', 'd', ''])
  })
})

describe('who may print what', () => {
  it('refuses the notes-bearing documents below full access, with the reason', () => {
    const registrationOnly = detail({ access: 'registration', sessions: [], agreement: null, followUps: [] })
    expect(() => printedAgreement(registrationOnly, options)).toThrow(notesRefusal)
    expect(() => printedSessions(registrationOnly, options)).toThrow(notesRefusal)
    expect(() => printedFollowUps(registrationOnly, options)).toThrow(notesRefusal)
    expect(() => printedOral(registrationOnly, options)).toThrow(notesRefusal)
    expect(() => printedCover(registrationOnly, options)).toThrow('只有本案调解员和管理员可以打印卷宗封面')
    expect(() => printedRights(registrationOnly, options)).toThrow(MediationPrintRefused)
    // The registration papers are for anyone who may see the parties.
    expect(printedApplication(registrationOnly, options).title).toBe('人民调解申请书')
    expect(() => printedApplication(summaryOnly(), options)).toThrow('无权查看本案当事人信息，不能打印人民调解申请书')
    expect(() => printedAgreement(summaryOnly(), options)).toThrow(notesRefusal)
  })

  it('refuses documents the case has not reached', () => {
    const registered = detail({ status: 'registered', number: null, acceptedOn: null, outcome: null, agreement: null })
    expect(() => printedRights(registered, options)).toThrow('该案件尚未受理，不能打印人民调解权利义务告知书')
    expect(() => printedIndex(registered, options)).toThrow('该案件尚未受理')
    expect(() => printedAgreement(detail({ outcome: 'failed' }), options)).toThrow(
      '该案件没有达成书面调解协议，不能打印调解协议书',
    )
    expect(() => printedOral(detail(), options)).toThrow('该案件没有达成口头协议，不能打印口头协议登记表')
    expect(() => printedSessions(detail({ sessions: [] }), options)).toThrow('该案件还没有调解笔录')
    expect(() => printedFollowUps(detail({ followUps: [] }), options)).toThrow('该案件还没有回访记录')
  })
})

describe('registration papers', () => {
  it('申请书: parties, facts, numbered requests, addressed to the committee, signed by each applicant', () => {
    const a = printedApplication(detail(), options)
    expect(a.parties).toHaveLength(3)
    expect(a.facts).toEqual(['楼上卫生间漏水，楼下天花板发霉。'])
    expect(a.requests).toEqual(['1. 请求被申请人修复防水层', '2. 请求赔偿损失2000元'])
    expect(a.committee).toBe('红光社区人民调解委员会')
    expect(a.signers).toEqual(['申请人张三'])
    expect(a.date).toBe('2026年3月1日')
  })

  it('受理登记表: number, source, type, dates, mediators and the decision; blanks before acceptance', () => {
    const r = printedRegistration(detail({ source: 'complaint', complaint: { id: 9, number: '2026-000123' } }), options)
    const value = (label: string) => [...r.head, ...r.body].find((x) => x.label === label)?.value
    expect(value('编号')).toBe('（2026）红人调字第3号')
    expect(value('来源')).toBe('诉求转入（诉求2026-000123）')
    expect(value('纠纷类型')).toBe('邻里')
    expect(value('登记日期')).toBe('2026年3月1日')
    expect(value('受理日期')).toBe('2026年3月2日')
    expect(value('申请事项')).toBe('1. 请求被申请人修复防水层\n2. 请求赔偿损失2000元')
    expect(value('调解员')).toBe('王调解（主持调解员）、陈协助（协助调解员）')
    expect(value('受理意见')).toBe('同意受理，于2026年3月2日受理。')
    expect(value('登记人')).toBe('前台小刘')
    expect(r.parties.map((p) => p.role)).toEqual(['申请人', '被申请人', '代理人（李四的委托代理人）'])

    const waiting = printedRegistration(
      detail({ status: 'registered', number: null, acceptedOn: null, dueDate: null }),
      options,
    )
    expect(waiting.head.find((x) => x.label === '编号')!.value).toBe('')
    expect(waiting.body.find((x) => x.label === '受理意见')!.value).toBe('')
    const rejected = printedRegistration(
      detail({ status: 'rejected', number: null, acceptedOn: null, rejectReason: '已经人民法院受理' }),
      options,
    )
    expect(rejected.body.find((x) => x.label === '受理意见')!.value).toBe('不予受理。理由：已经人民法院受理')
  })
})

describe('权利义务告知书', () => {
  it('tells nature, principles, effect, rights and duties in the law’s words, and when and how', () => {
    const r = printedRights(detail(), options)
    const text = [r.intro, ...r.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('')
    for (const phrase of [
      '群众性组织',
      '在当事人自愿、平等的基础上进行调解',
      '不违背法律、法规和国家政策',
      '尊重当事人的权利，不得因调解而阻止当事人依法通过仲裁、行政、司法等途径维护自己的权利',
      '经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。',
      '可以自调解协议生效之日起三十日内共同向人民法院申请司法确认',
      '（一）选择或者接受人民调解员；',
      '（二）接受调解、拒绝调解或者要求终止调解；',
      '（三）要求调解公开进行或者不公开进行；',
      '（四）自主表达意愿、自愿达成调解协议。',
      '（一）如实陈述纠纷事实；',
      '（二）遵守调解现场秩序，尊重人民调解员；',
      '（三）尊重对方当事人行使权利。',
    ]) {
      expect(text, phrase).toContain(phrase)
    }
    expect(r.addressee).toBe('张三、李四：')
    expect(r.notified).toBe('告知日期：2026年3月3日　　告知方式：书面告知')
    expect(r.signers).toEqual(['申请人张三', '被申请人李四', '代理人（李四的委托代理人）赵律师'])
    expect(r.reference).toBe('编号：（2026）红人调字第3号')
    // The 司法确认 period follows the setting.
    expect(printedRights(detail(), { ...options, judicialConfirmDays: 15 }).sections[2]!.paragraphs.join('')).toContain(
      '十五日内',
    )
    expect(printedRights(detail({ rightsNotice: null }), options).notified).toContain('□书面告知　□口头告知')
  })
})

describe('调解笔录', () => {
  it('prints every session in order, or only the one asked for', () => {
    const all = printedSessions(detail(), options)
    expect(all.map((s) => s.seqLabel)).toEqual(['第1次调解', '第2次调解'])
    const [second] = printedSessions(detail(), options, 21)
    const field = (label: string) => second!.fields.find((f) => f.label === label)?.value
    expect(field('地点')).toBe('社区调解室')
    expect(field('主持调解员')).toBe('王调解')
    expect(field('记录人')).toBe('孙记录')
    expect(field('是否公开')).toBe('不公开调解（理由：涉及当事人隐私）')
    expect(field('到场人员')).toBe('张三（申请人）、李四（被申请人）')
    expect(field('案由')).toBe('张三与李四邻里纠纷')
    expect(second!.signers).toEqual([
      '张三（申请人）',
      '李四（被申请人）',
      '主持调解员王调解',
      '协助调解员陈协助',
      '记录人孙记录',
    ])
    expect(all[0]!.fields.find((f) => f.label === '是否公开')!.value).toBe('公开调解')
    expect(all[0]!.nextSteps).toEqual(['下周现场查看。'])
    expect(second!.nextSteps).toEqual(['无'])
    expect(() => printedSessions(detail(), options, 99)).toThrow('该案件没有这份调解笔录')
  })
})

describe('协议书 and 口头协议登记表', () => {
  it('协议书: full phones, facts and points, numbered terms with how, where, by when, copies and effect', () => {
    const a = printedAgreement(detail(), options)
    expect(a.number).toBe('编号：（2026）红人调字第3号')
    expect(a.parties[0]!.fields.at(-1)!.value).toBe('13812345678')
    expect(a.disputePoints).toEqual(['争议在于维修责任和赔偿数额；李四对漏水负主要责任。'])
    expect(a.terms).toEqual([
      {
        label: '1.',
        content: '李四修复卫生间防水层',
        performance: '履行方式：自行维修；履行地点：红光小区3栋401；履行期限：2026年4月10日前',
      },
      { label: '2.', content: '李四赔偿张三1500元', performance: '履行方式：一次性支付；履行期限：2026年3月31日前' },
    ])
    expect(a.closing[0]).toBe('本协议一式三份，当事人各持一份，人民调解委员会留存一份。')
    expect(a.closing[1]).toBe(
      '本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。',
    )
    expect(a.signers).toEqual(['申请人：张三', '被申请人：李四', '代理人（李四的委托代理人）：赵律师'])
    expect(a.mediators).toEqual(['王调解', '陈协助'])
    expect(a.date).toBe('2026年3月20日')
    // Copies default to one per party (agents excluded) plus the committee's.
    const noCount = detail({ agreement: { ...detail().agreement!, copies: null } })
    expect(printedAgreement(noCount, options).closing[0]).toContain('一式三份')
  })

  it('口头协议登记表: content, agreed day, performance deadline, mediator and who recorded it', () => {
    const oral = detail({
      outcome: 'oral_agreement',
      agreement: {
        agreedOn: '2026-03-18',
        effectiveOn: '2026-03-18',
        place: null,
        terms: [],
        copies: null,
        oralContent: '李四当场道歉并承诺三日内修好。',
        performBy: '2026-03-21',
        disputePoints: null,
      },
    })
    const o = printedOral(oral, options)
    const value = (label: string) => o.rows.find((r) => r.label === label)?.value
    expect(value('编号')).toBe('（2026）红人调字第3号')
    expect(value('协议内容')).toBe('李四当场道歉并承诺三日内修好。')
    expect(value('达成协议日期')).toBe('2026年3月18日')
    expect(value('履行期限')).toBe('2026年3月21日前')
    expect(value('登记人')).toBe('王调解')
    expect(value('当事人')).toContain('张三（申请人）')
    expect(value('纠纷简要情况')).toBe('楼上卫生间漏水，楼下天花板发霉。')
  })
})

describe('回访记录', () => {
  it('prints the follow-ups made, or one of them; a scheduled one is refused', () => {
    const all = printedFollowUps(detail(), options)
    expect(all).toHaveLength(1)
    const value = (label: string) => all[0]!.rows.find((r) => r.label === label)?.value
    expect(value('案件编号')).toBe('（2026）红人调字第3号')
    expect(value('协议编号/日期')).toBe('（2026）红人调字第3号（达成书面协议，2026年3月20日）')
    expect(value('回访日期')).toBe('2026年4月11日')
    expect(value('回访人')).toBe('王调解')
    expect(value('履行情况')).toBe('部分履行')
    expect(value('满意度')).toBe('基本满意')
    expect(value('是否起诉')).toBe('否')
    expect(value('遗留风险')).toBe('赔偿款尚未付清')
    expect(value('采取措施')).toBe('电话督促李四履行')
    expect(value('回访对象')).toBe('张三（申请人）、李四（被申请人）、赵律师（李四的委托代理人）')
    expect(() => printedFollowUps(detail(), options, 32)).toThrow('这次回访尚未进行，不能打印回访记录')
    expect(printedFollowUps(detail(), options, 31)).toHaveLength(1)
  })
})

describe('卷宗', () => {
  it('cover: 卷名, 卷号, 调解员, period; filing fields blank until closed', () => {
    const preview = printedCover(detail(), options)
    const value = (c: typeof preview, label: string) => c.rows.find((r) => r.label === label)?.value
    expect(preview.preview).toBe(true)
    expect(value(preview, '卷名')).toBe('张三与李四邻里纠纷')
    expect(value(preview, '卷号')).toBe('（2026）红人调字第3号')
    expect(value(preview, '调解员')).toBe('王调解、陈协助')
    expect(value(preview, '调解起止日期')).toBe('2026年3月2日至2026年3月20日')
    expect(value(preview, '立卷人')).toBe('')
    const closed = printedCover(
      detail({
        status: 'closed',
        closedOn: '2026-05-01',
        file: { ...detail().file, filer: '王调解', filedOn: '2026-05-01', retention: 'years_10' },
      }),
      options,
    )
    expect(closed.preview).toBe(false)
    expect(value(closed, '立卷人')).toBe('王调解')
    expect(value(closed, '立卷日期')).toBe('2026年5月1日')
    expect(value(closed, '保管期限')).toBe('10年')
  })

  it('index: every item in order with date, page numbers and * for required ones', () => {
    const i = printedIndex(detail(), options)
    expect(i.rows).toEqual([
      { seq: 1, title: '人民调解申请书', date: '2026年3月1日', pages: '1', note: '*' },
      { seq: 2, title: '漏水照片', date: '', pages: '2-4', note: '' },
    ])
    expect(i.caseName).toBe('张三与李四邻里纠纷')
  })
})

describe('the print menu', () => {
  it('offers what the case has: each session and all, the agreement reached, each follow-up made, 卷宗 as preview', () => {
    const docs = mediationPrintDocs(detail())
    expect(docs.map((d) => d.label)).toEqual([
      '人民调解申请书',
      '人民调解受理登记表',
      '人民调解权利义务告知书',
      '调解笔录（第1次，2026年3月5日）',
      '调解笔录（第2次，2026年3月10日）',
      '调解笔录（全部2次）',
      '人民调解协议书',
      '回访记录（2026年4月11日）',
      '卷宗封面（预览）',
      '卷内目录（预览）',
    ])
    expect(docs[3]).toEqual({ label: '调解笔录（第1次，2026年3月5日）', document: 'mediation-session', part: 20 })
    expect(docs[5]!.part).toBeUndefined()
  })

  it('offers only the registration papers before acceptance, nothing below full access', () => {
    const registered = detail({ status: 'registered', number: null, outcome: null, agreement: null, sessions: [] })
    expect(mediationPrintDocs(registered).map((d) => d.document)).toEqual([
      'mediation-application',
      'mediation-registration',
    ])
    // Core's print pipeline refuses mediation documents below full access; the menu does not offer them.
    expect(mediationPrintDocs(detail({ access: 'registration' }))).toEqual([])
    expect(mediationPrintDocs(summaryOnly())).toEqual([])
    const oral = mediationPrintDocs(detail({ outcome: 'oral_agreement', status: 'closed' })).map((d) => d.label)
    expect(oral).toContain('口头协议登记表')
    expect(oral).not.toContain('人民调解协议书')
    expect(oral).toContain('卷宗封面')
  })
})
