/**
 * 来访登记 on a real database: closed on the spot or turned into several
 * 诉求 in one transaction, group visits, the visit list, repeat visitors and
 * the possible-duplicate flag (same compound and category within 30 days).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { apiErrorOf, call, countRows, fixedNow } from '../fixtures/core'
import { at, complaintInput, createVisit, personInput, useIntakeCore, visitInput } from '../fixtures/intake'

const env = useIntakeCore()

describe('logging a visit', () => {
  it('closed on the spot keeps the answer and makes no 诉求', async () => {
    const complaintsBefore = await countRows(env.core, 'complaints')
    const visit = await call(
      env.core,
      'visits.create',
      visitInput(env.refs, [], {
        outcome: 'on_spot',
        channel: 'phone',
        subject: '咨询居住证办理材料',
        answer: '告知需携带身份证、租房合同，到社区服务大厅办理',
        person: personInput({ name: '陈晨', phone: '0851-8123456' }),
      }),
    )
    expect(visit).toMatchObject({
      number: expect.stringMatching(/^LF2026-\d{6}$/),
      outcome: 'on_spot',
      channel: 'phone',
      answer: '告知需携带身份证、租房合同，到社区服务大厅办理',
      complaints: [],
      visitedAt: fixedNow.toISOString(),
      receivedBy: '本机管理员',
      visitorCount: 1,
      person: { name: '陈晨', phoneMasked: '0851-***3456' },
    })
    expect(await countRows(env.core, 'complaints')).toBe(complaintsBefore)
    expect(await call(env.core, 'visits.get', { id: visit.id })).toEqual(visit)
    const audit = await env.core.db('audit_events').where({ entity: 'visit', entity_id: visit.id })
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create'])
  })

  it('turned into several 诉求 registers each with its own number, clock and first event', async () => {
    const visit = await createVisit(
      env.core,
      env.refs,
      [
        complaintInput(env.refs),
        complaintInput(env.refs, { kind: 'help', categoryId: env.refs.categories['设施维修'], request: '路灯不亮' }),
        complaintInput(env.refs, {
          kind: 'inquiry',
          categoryId: env.refs.categories['政策咨询'],
          compoundId: null,
          request: '高龄补贴',
        }),
      ],
      { answer: '这段答复只属于当场办结，不应保存', person: personInput({ compoundId: env.refs.places.shangyeju }) },
    )
    expect(visit.answer).toBeNull()
    expect(visit.complaints).toHaveLength(3)
    expect(visit.complaints.map((c) => [c.kind, c.categoryName, c.status, c.acceptDue, c.request])).toEqual([
      ['complaint', '环境卫生', 'registered', '2026-03-16', '请清理楼下堆放的建筑垃圾'],
      ['help', '设施维修', 'registered', '2026-03-16', '路灯不亮'],
      ['inquiry', '政策咨询', 'registered', '2026-03-16', '高龄补贴'],
    ])
    const [first, , third] = await Promise.all(
      visit.complaints.map((c) => call(env.core, 'complaints.get', { id: c.id })),
    )
    expect(first).toMatchObject({
      visitId: visit.id,
      visitNumber: visit.number,
      lookupCode: visit.lookupCode,
      person: { id: visit.person.id, name: '张三', phoneMasked: '138****5678' },
      compoundName: '幸福小区',
      ownerName: '本机管理员',
      version: 1,
    })
    expect(first!.timeline).toEqual([
      {
        id: expect.any(Number),
        complaintNumber: first!.number,
        at: fixedNow.toISOString(),
        staffName: '本机管理员',
        action: 'register',
        fromStatus: null,
        toStatus: 'registered',
        note: null,
        detail: {},
      },
    ])
    // Without a location of its own, a 诉求 is placed at the visitor's compound.
    expect(third!.compoundName).toBe('商业局小区')
  })

  it('records a group visit with its representatives, phones masked', async () => {
    const visit = await createVisit(env.core, env.refs, undefined, {
      channel: 'walk_in',
      visitorCount: 12,
      involvedCount: 240,
      representatives: [{ name: '刘一', phone: '13600001234' }, { name: '阿依古丽·买买提' }],
    })
    expect(visit).toMatchObject({
      visitorCount: 12,
      involvedCount: 240,
      representatives: [
        { name: '刘一', phoneMasked: '136****1234' },
        { name: '阿依古丽·买买提', phoneMasked: null },
      ],
    })
    expect(JSON.stringify(visit)).not.toContain('13600001234')
  })

  it('says when a visit does not exist', async () => {
    const err = await apiErrorOf(() => call(env.core, 'visits.get', { id: 9999 }))
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: '该来访记录不存在' })
  })
})

describe('the visit list', () => {
  let mine: Awaited<ReturnType<typeof createVisit>>

  beforeAll(async () => {
    mine = await createVisit(env.core, env.refs, undefined, {
      person: personInput({ name: '欧阳娜娜', phone: '13566667777' }),
      subject: '反映广场舞噪音扰民',
      channel: 'hotline_12345',
      visitedAt: '2026-02-10T10:00:00+08:00',
    })
  })

  const numbers = async (input: Parameters<typeof call<'visits.list'>>[2]) =>
    (await call(env.core, 'visits.list', input)).items.map((v) => v.number)

  it('finds a visit by number, lookup code, name, subject or phone digits', async () => {
    expect(await numbers({ query: mine.number.toLowerCase() })).toEqual([mine.number])
    expect(await numbers({ query: mine.lookupCode.toLowerCase() })).toEqual([mine.number])
    expect(await numbers({ query: '欧阳' })).toEqual([mine.number])
    expect(await numbers({ query: '广场舞' })).toEqual([mine.number])
    expect(await numbers({ query: '6666 7777' })).toEqual([mine.number])
  })

  it('filters by channel, outcome and date, newest first, with totals', async () => {
    expect(await numbers({ channel: 'hotline_12345' })).toEqual([mine.number])
    expect(
      (await call(env.core, 'visits.list', { outcome: 'on_spot' })).items.every((v) => v.outcome === 'on_spot'),
    ).toBe(true)
    expect(await numbers({ dateFrom: '2026-02-10', dateTo: '2026-02-10' })).toEqual([mine.number])
    expect(await numbers({ dateTo: '2026-02-09' })).toEqual([])
    const all = await call(env.core, 'visits.list', { pageSize: 100 })
    expect(all.items.at(-1)!.number).toBe(mine.number)
    const page = await call(env.core, 'visits.list', { pageSize: 2, page: 2 })
    expect(page.total).toBe(all.total)
    expect(page.items.map((v) => v.number)).toEqual(all.items.slice(2, 4).map((v) => v.number))
  })
})

describe('a repeat visitor', () => {
  it('is found by phone, with earlier visits and open 诉求', async () => {
    const phone = '13911112222'
    const first = await createVisit(env.core, env.refs, undefined, { person: personInput({ name: '钱卫东', phone }) })
    const [match] = await call(env.core, 'people.search', { query: phone })
    expect(match).toMatchObject({ name: '钱卫东', openComplaints: 1, lastVisitAt: fixedNow.toISOString() })

    const history = await call(env.core, 'people.history', { id: match!.id })
    const person = history.person
    const second = await createVisit(
      env.core,
      env.refs,
      [complaintInput(env.refs, { categoryId: env.refs.categories['停车充电'], request: '车位被占' })],
      {
        person: { id: person.id, version: person.version, name: person.name },
        visitedAt: '2026-03-01T08:00:00Z',
      },
    )
    expect(second.person.id).toBe(person.id)
    const after = await call(env.core, 'people.history', { id: person.id })
    expect(after.totalVisits).toBe(2)
    expect(after.visits.map((v) => v.number)).toEqual([first.number, second.number])
    expect(after.openComplaints.map((c) => [c.number, c.categoryName, c.status])).toEqual([
      [first.complaints[0]!.number, '环境卫生', 'registered'],
      [second.complaints[0]!.number, '停车充电', 'registered'],
    ])
    // The phone was kept although the second visit did not send it again.
    expect(after.person.phoneMasked).toBe('139****2222')
  })
})

describe('possible duplicates', () => {
  it('flags the same compound and category within 30 days both ways, and nothing else', async () => {
    const own = { compoundId: env.refs.places.hongguangYuan, categoryId: env.refs.categories['占道经营'] }
    const logAt = async (date: string, extra = {}) =>
      (
        await createVisit(
          env.core,
          env.refs,
          [complaintInput(env.refs, { ...own, ...extra })],
          {},
          at(`${date}T10:00:00+08:00`),
        )
      ).complaints[0]!
    const a = await logAt('2026-01-10')
    expect(a.hasPossibleDuplicate).toBe(false)
    const b = await logAt('2026-02-09') // 30 days later
    expect(b.hasPossibleDuplicate).toBe(true)
    const c = await logAt('2026-03-12') // 31 days after b, 61 after a
    const otherCategory = await logAt('2026-02-09', { categoryId: env.refs.categories['安全隐患'] })
    const otherCompound = await logAt('2026-02-09', {
      compoundId: env.refs.places.xingfu,
      categoryId: env.refs.categories['占道经营'],
    })
    const noCompound = await call(
      env.core,
      'visits.create',
      visitInput(env.refs, [complaintInput(env.refs, { ...own, compoundId: null })], {
        person: personInput({ compoundId: null }),
      }),
    )

    const detail = async (id: number) => call(env.core, 'complaints.get', { id })
    const dupIds = async (id: number) => (await detail(id)).possibleDuplicates.map((d) => d.id)
    expect(await dupIds(a.id)).toEqual([b.id])
    expect(await dupIds(b.id)).toEqual([a.id])
    expect(await dupIds(c.id)).toEqual([])
    expect(await dupIds(otherCategory.id)).toEqual([])
    expect(await dupIds(otherCompound.id)).toEqual([])
    expect(await dupIds(noCompound.complaints[0]!.id)).toEqual([])
    expect((await detail(a.id)).hasPossibleDuplicate).toBe(true)
    expect((await detail(c.id)).hasPossibleDuplicate).toBe(false)
    expect((await detail(b.id)).possibleDuplicates[0]).toMatchObject({ number: a.number, status: 'registered' })
    // The visit shows the flag on the 诉求 too.
    expect(
      (await call(env.core, 'visits.get', { id: (await detail(a.id)).visitId! })).complaints[0]!.hasPossibleDuplicate,
    ).toBe(true)
  })
})
