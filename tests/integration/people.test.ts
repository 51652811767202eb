/**
 * 来访人 on a real database: found by pinyin, initials, phone, ID prefix or
 * name; phone and ID number masked everywhere except `people.reveal`, which
 * is a permission and leaves an audit event; one person per ID number; birth
 * date and sex read from the ID; edits carry a version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Person } from '../../shared/api/people'
import { apiErrorOf, call, countRows, ctx, openTestCore } from '../fixtures/core'
import { complaintInput, createVisit, personInput, seedIntake, withRole, type IntakeRefs } from '../fixtures/intake'

const zhangPhone = '13812345678'
const zhangId = '11010519491231002X'
const liPhone = '13987654321'
const liId = '440524198001010013'

let core: Core
let refs: IntakeRefs
const ids: Record<string, number> = {}

beforeAll(async () => {
  core = await openTestCore()
  refs = await seedIntake(core)
  const people = [
    { key: 'zhang', person: personInput({ name: '张三', phone: zhangPhone, idNumber: zhangId }) },
    { key: 'li', person: personInput({ name: '李四', phone: liPhone, idNumber: liId }) },
    { key: 'shan', person: personInput({ name: '单田芳', phone: '010-62345678' }) },
    { key: 'zeng', person: personInput({ name: '曾小贤', phone: '13700001111' }) },
  ]
  for (const { key, person } of people) {
    const visit = await createVisit(core, refs, [complaintInput(refs)], {
      person: { ...person, compoundId: refs.places.xingfu, building: '3', unit: '2', room: '301' },
    })
    ids[key] = visit.person.id
  }
})
afterAll(async () => {
  await core.close()
})

async function found(query: string): Promise<string[]> {
  return (await call(core, 'people.search', { query })).map((p) => p.name).sort()
}

describe('search', () => {
  it('finds by full pinyin, by its start, and by initials', async () => {
    expect(await found('zs')).toEqual(['张三'])
    expect(await found('zhangsan')).toEqual(['张三'])
    expect(await found('zhang')).toEqual(['张三'])
    expect(await found('ZhangSan')).toEqual(['张三'])
    expect(await found('zhang san')).toEqual(['张三'])
    expect(await found('ls')).toEqual(['李四'])
    expect(await found('wangwu')).toEqual([])
  })

  it('reads a polyphonic surname as a surname: 单 is shan, 曾 is zeng', async () => {
    expect(await found('shan')).toEqual(['单田芳'])
    expect(await found('shantianfang')).toEqual(['单田芳'])
    expect(await found('stf')).toEqual(['单田芳'])
    expect(await found('dantianfang')).toEqual([])
    expect(await found('zengxiaoxian')).toEqual(['曾小贤'])
    expect(await found('cengxiaoxian')).toEqual([])
  })

  it('finds by part of a phone number, however it is typed', async () => {
    expect(await found('5678')).toEqual(['单田芳', '张三'])
    expect(await found('138 1234')).toEqual(['张三'])
    expect(await found('+86 13812345678')).toEqual(['张三'])
    expect(await found('13987654321')).toEqual(['李四'])
    expect(await found('010-6234')).toEqual(['单田芳'])
  })

  it('finds by the start of an ID number, a lowercase x too', async () => {
    expect(await found('110105')).toEqual(['张三'])
    expect(await found('11010519491231002x')).toEqual(['张三'])
    expect(await found('440524')).toEqual(['李四'])
    // The middle of an ID number is not a search key.
    expect(await found('19491231')).toEqual([])
  })

  it('finds by name', async () => {
    expect(await found('张三')).toEqual(['张三'])
    expect(await found('三')).toEqual(['张三'])
    expect(await found('田')).toEqual(['单田芳'])
  })

  it('says why each person matched, with open 诉求 and last visit', async () => {
    const [byPhone] = await call(core, 'people.search', { query: '13812345678' })
    expect(byPhone).toMatchObject({ name: '张三', matchedBy: 'phone', openComplaints: 1 })
    expect(byPhone!.lastVisitAt).toBe(ctx.clock.now().toISOString())
    const [byId] = await call(core, 'people.search', { query: '110105' })
    expect(byId!.matchedBy).toBe('idNumber')
    expect((await call(core, 'people.search', { query: 'zs' }))[0]!.matchedBy).toBe('pinyin')
    expect((await call(core, 'people.search', { query: '张' }))[0]!.matchedBy).toBe('name')
  })

  it('shows phone and ID masked and never the full value anywhere', async () => {
    const results = [
      ...(await call(core, 'people.search', { query: 'zs' })),
      ...(await call(core, 'people.search', { query: '110105' })),
      ...(await call(core, 'people.search', { query: '5678' })),
    ]
    const zhang = results.find((p) => p.name === '张三')!
    expect(zhang).toMatchObject({
      phoneMasked: '138****5678',
      idNumberMasked: '110105********002X',
      sex: 'female',
      age: 76,
      address: '幸福小区3栋2单元301室',
    })
    expect(results.find((p) => p.name === '单田芳')!.phoneMasked).toBe('010-****5678')
    const json = JSON.stringify(results)
    for (const secret of [zhangPhone, zhangId, '11010519491231', '62345678']) expect(json).not.toContain(secret)

    const history = JSON.stringify(await call(core, 'people.history', { id: ids.zhang! }))
    const list = JSON.stringify(await call(core, 'complaints.list', {}))
    const visits = JSON.stringify(await call(core, 'visits.list', {}))
    for (const text of [history, list, visits]) {
      expect(text).toContain('138****5678')
      for (const secret of [zhangPhone, zhangId, liPhone, liId]) expect(text).not.toContain(secret)
    }
  })

  it('asks for something to search for', async () => {
    const err = await apiErrorOf(() => call(core, 'people.search', { query: '  ' }))
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'query', message: '请输入电话、身份证号、姓名或拼音' })
  })
})

describe('reveal', () => {
  it('returns the full value and leaves an audit event without it', async () => {
    const before = await countRows(core, 'audit_events')
    expect(await call(core, 'people.reveal', { id: ids.zhang!, field: 'phone', reason: '回访联系' })).toEqual({
      value: zhangPhone,
    })
    expect(await call(core, 'people.reveal', { id: ids.zhang!, field: 'idNumber', reason: '回访联系' })).toEqual({
      value: zhangId,
    })
    expect(await call(core, 'people.reveal', { id: ids.shan!, field: 'idNumber', reason: '回访联系' })).toEqual({
      value: null,
    })
    const rows = (await core.db('audit_events').where('id', '>', before).orderBy('id')) as {
      action: string
      entity: string
      entity_id: number
      staff_id: number
      detail: string
    }[]
    expect(rows.map((r) => [r.action, r.entity, r.entity_id, JSON.parse(r.detail)])).toEqual([
      ['reveal', 'person', ids.zhang, { field: 'phone', reason: '回访联系' }],
      ['reveal', 'person', ids.zhang, { field: 'idNumber', reason: '回访联系' }],
      ['reveal', 'person', ids.shan, { field: 'idNumber', reason: '回访联系' }],
    ])
    expect(rows.every((r) => r.staff_id === 1)).toBe(true)
    expect(JSON.stringify(rows)).not.toContain(zhangPhone)
  })

  it('is refused to a viewer, leaving no audit event', async () => {
    const before = await countRows(core, 'audit_events')
    for (const role of ['viewer'] as const) {
      const err = await apiErrorOf(() =>
        call(core, 'people.reveal', { id: ids.zhang!, field: 'phone', reason: '回访联系' }, withRole(role)),
      )
      expect(err).toMatchObject({ code: 'FORBIDDEN', message: '当前账号没有此项操作的权限，请联系管理员' })
    }
    expect(await countRows(core, 'audit_events')).toBe(before)
    // A front-desk clerk may.
    expect(
      await call(core, 'people.reveal', { id: ids.li!, field: 'phone', reason: '回访联系' }, withRole('front_desk')),
    ).toEqual({
      value: liPhone,
    })
  })

  it('says when the person does not exist', async () => {
    const err = await apiErrorOf(() => call(core, 'people.reveal', { id: 9999, field: 'phone', reason: '回访联系' }))
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: '该来访人不存在，请重新查找' })
  })
})

describe('a viewer', () => {
  it('may search and read but not write', async () => {
    const viewer = withRole('viewer')
    expect(await call(core, 'people.search', { query: 'zs' }, viewer)).toHaveLength(1)
    const person = (await call(core, 'people.history', { id: ids.li! }, viewer)).person
    const complaint = (await call(core, 'complaints.list', {}, viewer)).items[0]!
    const writes: [string, () => Promise<unknown>][] = [
      ['people.save', () => call(core, 'people.save', { ...saveInput(person), notes: '查看者修改' }, viewer)],
      ['visits.create', () => createVisit(core, refs, undefined, {}, viewer)],
      [
        'complaints.act',
        () => call(core, 'complaints.act', { action: 'accept', id: complaint.id, version: complaint.version }, viewer),
      ],
      [
        'complaints.update',
        () =>
          call(
            core,
            'complaints.update',
            { ...complaintInput(refs), id: complaint.id, version: complaint.version },
            viewer,
          ),
      ],
      ['complaints.link', () => call(core, 'complaints.link', { id: complaint.id, otherId: complaint.id + 1 }, viewer)],
    ]
    const counts = async () =>
      Promise.all(
        ['persons', 'visits', 'complaints', 'complaint_events', 'audit_events'].map((t) => countRows(core, t)),
      )
    const before = await counts()
    for (const [method, run] of writes) {
      const err = await apiErrorOf(run)
      expect(err.code, method).toBe('FORBIDDEN')
    }
    expect(await counts()).toEqual(before)
    expect((await call(core, 'people.history', { id: ids.li! })).person).toEqual(person)
  })
})

function saveInput(p: Person) {
  return {
    id: p.id,
    version: p.version,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    compoundId: p.compoundId,
    building: p.building,
    unit: p.unit,
    room: p.room,
    address: p.addressText,
    notes: p.notes,
  }
}

describe('one person per ID number', () => {
  it('refuses a new visitor whose ID number is already on another person, writing nothing', async () => {
    const counts = async () => Promise.all(['persons', 'visits', 'complaints'].map((t) => countRows(core, t)))
    const before = await counts()
    const err = await apiErrorOf(() =>
      createVisit(core, refs, undefined, { person: personInput({ name: '张山', idNumber: zhangId.toLowerCase() }) }),
    )
    expect(err).toMatchObject({
      code: 'CONFLICT',
      field: 'person.idNumber',
      message: '该身份证号已登记在来访人“张*”名下，请在查找结果中选择该来访人',
    })
    expect(await counts()).toEqual(before)
  })

  it('refuses to give an existing person someone else’s ID number', async () => {
    const li = (await call(core, 'people.history', { id: ids.li! })).person
    const err = await apiErrorOf(() =>
      call(core, 'people.save', { ...saveInput(li), birthDate: null, sex: null, idNumber: zhangId }),
    )
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'idNumber' })
    expect((await call(core, 'people.history', { id: ids.li! })).person).toEqual(li)
  })
})

describe('reading the ID number', () => {
  it('fills birth date and sex when they were not typed', async () => {
    const visit = await createVisit(core, refs, undefined, {
      person: { name: '赵敏', idNumber: '440524198001010021' },
    })
    const person = (await call(core, 'people.history', { id: visit.person.id })).person
    expect(person).toMatchObject({
      birthDate: '1980-01-01',
      sex: 'female',
      age: 46,
      hasIdNumber: true,
      hasPhone: false,
      idNumberMasked: '440524********0021',
    })
  })

  it('keeps what was typed when it agrees with the ID number', async () => {
    const visit = await createVisit(core, refs, undefined, {
      person: { name: '钱多多', idNumber: '440524198001010056', birthDate: '1980-01-01', sex: 'male' },
    })
    expect((await call(core, 'people.history', { id: visit.person.id })).person).toMatchObject({
      birthDate: '1980-01-01',
      sex: 'male',
    })
  })
})

describe('editing a person', () => {
  it('updates, keeping phone and ID number when they are left out', async () => {
    const zhang = (await call(core, 'people.history', { id: ids.zhang! })).person
    const saved = await call(core, 'people.save', { ...saveInput(zhang), notes: '耳背，请大声说话', ethnicity: '回族' })
    expect(saved).toMatchObject({
      notes: '耳背，请大声说话',
      ethnicity: '回族',
      version: zhang.version + 1,
      phoneMasked: '138****5678',
      idNumberMasked: '110105********002X',
    })
    expect(await call(core, 'people.reveal', { id: zhang.id, field: 'phone', reason: '回访联系' })).toEqual({
      value: zhangPhone,
    })
    // Renaming updates the pinyin keys.
    const renamed = await call(core, 'people.save', { ...saveInput(saved), name: '张叁' })
    expect(renamed.name).toBe('张叁')
    expect(await found('zhangsan')).toEqual(['张叁'])
    await call(core, 'people.save', { ...saveInput(renamed), name: '张三' })
  })

  it('refuses the second of two clerks saving the same version, changing nothing', async () => {
    const first = (await call(core, 'people.history', { id: ids.li! })).person
    const second = (await call(core, 'people.history', { id: ids.li! })).person
    const saved = await call(core, 'people.save', { ...saveInput(first), notes: '第一位办事员' })
    const audits = await countRows(core, 'audit_events')
    const err = await apiErrorOf(() => call(core, 'people.save', { ...saveInput(second), notes: '第二位办事员' }))
    expect(err).toMatchObject({ code: 'CONFLICT', message: '该来访人已被他人修改，请刷新后再保存（您的修改尚未保存）' })
    expect((await call(core, 'people.history', { id: ids.li! })).person).toEqual(saved)
    expect(await countRows(core, 'audit_events')).toBe(audits)
  })

  it('only edits: a new person comes with a visit', async () => {
    const err = await apiErrorOf(() => call(core, 'people.save', personInput()))
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'id' })
  })

  it('through a repeat visit updates the person found, at the version loaded', async () => {
    const li = (await call(core, 'people.history', { id: ids.li! })).person
    const visit = await createVisit(core, refs, undefined, {
      person: { ...saveInput(li), room: '502' },
    })
    expect(visit.person.id).toBe(li.id)
    const history = await call(core, 'people.history', { id: li.id })
    expect(history.totalVisits).toBe(2)
    expect(history.visits.map((v) => v.number)).toContain(visit.number)
    expect(history.openComplaints).toHaveLength(2)
    expect(history.person).toMatchObject({ room: '502', version: li.version + 1 })
    // Sending the old version again is refused.
    const stale = await apiErrorOf(() => createVisit(core, refs, undefined, { person: saveInput(li) }))
    expect(stale).toMatchObject({ code: 'CONFLICT' })
  })
})

describe('editing a person who has an ID number', () => {
  // BUG in core: the birth date / sex agreement is checked only against an ID number sent
  // in the input (shared/api/people.ts superRefine). On an edit the form never resends the
  // stored ID (it only saw it masked), so a disagreeing birth date or sex is saved
  // (electron/core/services/intake/people.ts savePerson).
  it('checks an edited birth date and sex against the stored ID number', async () => {
    const visit = await createVisit(core, refs, undefined, {
      person: { name: '冯宝宝', idNumber: '110105198001010016' },
    })
    const person = (await call(core, 'people.history', { id: visit.person.id })).person
    expect(person).toMatchObject({ birthDate: '1980-01-01', sex: 'male', hasIdNumber: true })
    const err = await apiErrorOf(() =>
      call(core, 'people.save', { ...saveInput(person), birthDate: '1990-06-01', sex: 'female' }),
    )
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'birthDate' })
    expect((await call(core, 'people.history', { id: person.id })).person).toEqual(person)
  })
})
