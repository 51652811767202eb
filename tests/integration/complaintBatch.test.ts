/**
 * Batch registration of 诉求 on a real database: rows the same as the
 * one-by-one path writes (登记, and history rows 受理 / 办结 / 回访, under both
 * clock rules), numbers gapless after existing ones and in order of receipt,
 * people matched and never doubled, one audit event per batch with the chain
 * intact, and nothing written when a draft is bad or the batch is stopped
 * after chunks were written.
 */
import { describe, expect, it } from 'vitest'
import type { Knex } from 'knex'
import { registerComplaintBatch, type ComplaintBatchDraft } from '../../electron/core/services/intake/complaintBatch'
import { historyFollowUpCaller } from '../../electron/core/services/intake/complaintBatchRows'
import { BATCH_ROWS } from '../../electron/core/dataTransfer/bulk'
import { verifyAuditTrail } from '../../electron/core/audit/trail'
import { complaintContent } from '../../shared/api/complaints'
import type { ComplaintContentInput } from '../../shared/api/complaints'
import { apiErrorOf, call, countRows, ctx } from '../fixtures/core'
import { at, complaintInput, useIntakeCore, type IntakeRefs } from '../fixtures/intake'
import { idNumber } from '../fixtures/dataImport'
import { normalizePhone } from '../../shared/validation/phone'
import { draftFromParsedPerson } from '../../electron/core/dataTransfer/personDraft'

type Row = Record<string, unknown>

/** What differs between two registrations of the same matter by nature: identity, number, when typed. */
const identity = ['id', 'number', 'seq', 'visit_id', 'created_at', 'updated_at']

function without(row: Row, keys: readonly string[]): Row {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)))
}

async function complaintRow(db: Knex, id: number): Promise<Row> {
  return (await db('complaints').where({ id }).first()) as Row
}

async function eventsOf(db: Knex, id: number): Promise<Row[]> {
  const rows = (await db('complaint_events').where({ complaint_id: id }).orderBy('id')) as Row[]
  return rows.map((e) => without(e, ['id', 'complaint_id', 'at']))
}

function contentOf(refs: IntakeRefs, extra: Partial<ComplaintContentInput> = {}) {
  return complaintContent.parse(complaintInput(refs, extra))
}

/** One 诉求 through the visit form at `receivedAt` (its clock standing there), and its person's id. */
async function single(
  env: ReturnType<typeof useIntakeCore>,
  receivedAt: string,
  extra: Partial<ComplaintContentInput> = {},
) {
  const visit = await call(
    env.core,
    'visits.create',
    {
      person: { name: '张三', phone: '13812345678' },
      channel: 'walk_in',
      subject: '反映问题',
      outcome: 'complaints',
      visitedAt: receivedAt,
      complaints: [complaintInput(env.refs, extra)],
    },
    at(receivedAt),
  )
  return { id: visit.complaints[0]!.id, personId: visit.person.id }
}

describe('rows the same as the one-by-one path writes', () => {
  const env = useIntakeCore()
  const receivedAt = '2026-02-10T10:30:00+08:00'
  const iso = new Date(receivedAt).toISOString()

  it('登记: the complaint row and its 登记 event', async () => {
    const one = await single(env, receivedAt, { urgency: 'urgent', reasons: '影响通行' })
    const batch = await registerComplaintBatch(env.core.db, ctx, [
      {
        person: { id: one.personId },
        content: contentOf(env.refs, { urgency: 'urgent', reasons: '影响通行' }),
        receivedAt: iso,
      },
    ])
    const a = await complaintRow(env.core.db, one.id)
    const b = await complaintRow(env.core.db, batch.ids[0]!)
    expect(b.visit_id).toBeNull()
    expect(b.number).toBe(batch.numbers[0])
    expect(without(b, identity)).toEqual(without(a, identity))
    expect(b).toMatchObject({ status: 'registered', received_date: '2026-02-10', accept_due: '2026-02-25' })
    expect(await eventsOf(env.core.db, batch.ids[0]!)).toEqual(await eventsOf(env.core.db, one.id))
  })

  it.each(['statutory', 'workdays'] as const)('受理 under the %s clock rule', async (mode) => {
    const options = await call(env.core, 'intake.getOptions', {})
    await call(env.core, 'intake.saveOptions', { ...options, clockMode: mode })
    const one = await single(env, receivedAt, { kind: 'help' })
    const loaded = await call(env.core, 'complaints.get', { id: one.id })
    await call(env.core, 'complaints.act', { action: 'accept', id: one.id, version: loaded.version }, at(receivedAt))
    const batch = await registerComplaintBatch(env.core.db, ctx, [
      {
        person: { id: one.personId },
        content: contentOf(env.refs, { kind: 'help' }),
        receivedAt: iso,
        history: { status: 'accepted' },
      },
    ])
    const a = await complaintRow(env.core.db, one.id)
    const b = await complaintRow(env.core.db, batch.ids[0]!)
    expect(without(b, identity)).toEqual(without(a, identity))
    // 求助 under the workdays rule: 3 working days from Tuesday 10 Feb 2026 (春节 holidays start on the 15th).
    expect(b.handle_due).toBe(mode === 'statutory' ? '2026-04-11' : '2026-02-13')
    expect(b).toMatchObject({ status: 'accepted', version: 2, due_date: b.handle_due })
    expect(await eventsOf(env.core.db, batch.ids[0]!)).toEqual(await eventsOf(env.core.db, one.id))
    await call(env.core, 'intake.saveOptions', { ...options, clockMode: 'statutory' })
  })

  it.each([
    ['satisfied', 'followed_up'],
    ['unsatisfied', 'in_progress'],
    [null, 'resolved'],
  ] as const)(
    '办结 with satisfaction %s ends %s, with the clock fields the buttons set',
    async (satisfaction, status) => {
      const resolvedAt = '2026-02-20T15:00:00+08:00'
      const one = await single(env, receivedAt)
      const step = async (input: Record<string, unknown>, when: string) => {
        const c = await call(env.core, 'complaints.get', { id: one.id })
        await call(env.core, 'complaints.act', { ...input, id: one.id, version: c.version } as never, at(when))
      }
      await step({ action: 'accept' }, receivedAt)
      await step({ action: 'assign', unitId: env.refs.units['物业公司'] }, receivedAt)
      await step({ action: 'resolve', result: '已清理完毕', answer: 'support' }, resolvedAt)
      if (satisfaction) {
        await step({ action: 'follow_up', date: '2026-02-20', caller: '李前台', satisfaction }, resolvedAt)
      }
      const batch = await registerComplaintBatch(env.core.db, ctx, [
        {
          person: { id: one.personId },
          content: contentOf(env.refs),
          receivedAt: iso,
          history: {
            status: 'resolved',
            resolvedAt: new Date(resolvedAt).toISOString(),
            result: '已清理完毕',
            answer: 'support',
            satisfaction,
          },
        },
      ])
      const a = await complaintRow(env.core.db, one.id)
      const b = await complaintRow(env.core.db, batch.ids[0]!)
      // The one-by-one matter went through 交办 (a unit, a version more); an old register names no unit.
      const handled = [...identity, 'unit_id', 'assignee', 'version']
      expect(without(b, handled)).toEqual(without(a, handled))
      expect(b).toMatchObject({ status, result: '已清理完毕', answer: 'support', unit_id: null })
      const events = (await eventsOf(env.core.db, batch.ids[0]!)).map((e) => e.action)
      const expected = ['register', 'accept', 'resolve']
      if (satisfaction) expected.push('follow_up')
      if (satisfaction === 'unsatisfied') expected.push('reopen')
      expect(events).toEqual(expected)
      const followUps = await env.core.db('complaint_followups').where({ complaint_id: batch.ids[0]! })
      expect(followUps).toHaveLength(satisfaction ? 1 : 0)
      if (satisfaction) {
        expect(followUps[0]).toMatchObject({ date: '2026-02-20', caller: historyFollowUpCaller, satisfaction })
      }
    },
  )

  it('reads back through complaints.get like any other 诉求', async () => {
    const one = await single(env, receivedAt)
    const batch = await registerComplaintBatch(env.core.db, ctx, [
      { person: { id: one.personId }, content: contentOf(env.refs), receivedAt: iso },
    ])
    const detail = await call(env.core, 'complaints.get', { id: batch.ids[0]! })
    expect(detail).toMatchObject({ number: batch.numbers[0], status: 'registered', person: { name: '张三' } })
    expect(detail.timeline.map((e) => e.action)).toEqual(['register'])
  })
})

describe('numbers, people and the audit trail', () => {
  const env = useIntakeCore()

  it('numbers gaplessly after existing ones, per year, in order of receipt', async () => {
    const existing = await single(env, '2026-01-05T09:00:00+08:00')
    const before = (await complaintRow(env.core.db, existing.id)).seq as number
    const content = contentOf(env.refs)
    const drafts: ComplaintBatchDraft[] = [
      { person: null, content, receivedAt: new Date('2026-02-03T09:00:00+08:00').toISOString() },
      { person: null, content, receivedAt: new Date('2025-12-30T09:00:00+08:00').toISOString() },
      { person: null, content, receivedAt: new Date('2026-01-20T09:00:00+08:00').toISOString() },
      { person: null, content, receivedAt: new Date('2026-01-06T09:00:00+08:00').toISOString() },
    ]
    const result = await registerComplaintBatch(env.core.db, ctx, drafts)
    expect(result.numbers).toEqual([
      `2026-${String(before + 3).padStart(6, '0')}`,
      '2025-000001',
      `2026-${String(before + 2).padStart(6, '0')}`,
      `2026-${String(before + 1).padStart(6, '0')}`,
    ])
    // Ids follow the numbers (written in order of receipt).
    expect(result.ids[3]! < result.ids[2]! && result.ids[2]! < result.ids[0]!).toBe(true)
    const next = await single(env, '2026-02-25T09:00:00+08:00')
    expect((await complaintRow(env.core.db, next.id)).seq).toBe(before + 4)
    const seqs = (await env.core.db('number_sequences').where('scope', 'like', 'complaint:%').orderBy('scope')) as {
      scope: string
      last: number
    }[]
    expect(seqs).toEqual([
      { scope: 'complaint:2025', last: 1 },
      { scope: 'complaint:2026', last: before + 4 },
    ])
  })

  it('matches people like the import (ID number; phone and name) and adds new ones once', async () => {
    const visit = await call(env.core, 'visits.create', {
      person: { name: '李秀英', phone: '13900001111' },
      channel: 'phone',
      subject: '咨询',
      outcome: 'on_spot',
      answer: '已答复',
    })
    const known = (await env.core.db('persons').where({ id: visit.person.id }).first()) as {
      id: number
      version: number
      compound_id: number | null
    }
    expect(known.compound_id).toBeNull()
    const persons = await countRows(env.core, 'persons')
    const content = contentOf(env.refs)
    const receivedAt = new Date('2026-02-12T09:00:00+08:00').toISOString()
    // As the import drafts a row's resident (sex and birth date derived from the ID number).
    const person = (name: string, phone: string | null, idNumber: string | null) =>
      draftFromParsedPerson(0, {
        name,
        phone: phone && normalizePhone(phone),
        idNumber,
        compoundId: env.refs.places.xingfu,
        address: null,
      })
    const newId = idNumber('1958-03-02', 31)
    const result = await registerComplaintBatch(env.core.db, ctx, [
      { person: person('李秀英', '13900001111', null), content, receivedAt },
      { person: person('王建国', null, newId), content, receivedAt },
      { person: person('王建国', '13700002222', newId), content, receivedAt },
    ])
    expect(result).toMatchObject({ newPeople: 1, matchedPeople: 1 })
    expect(await countRows(env.core, 'persons')).toBe(persons + 1)
    const owners = (await env.core.db('complaints').whereIn('id', result.ids).orderBy('id')) as {
      person_id: number
    }[]
    expect(owners[0]!.person_id).toBe(known.id)
    expect(owners[1]!.person_id).toBe(owners[2]!.person_id)
    const added = (await env.core.db('persons').where({ id: owners[1]!.person_id }).first()) as Row
    // Filled from the later row, derived from the ID number, pinyin keys computed.
    expect(added).toMatchObject({
      phone: normalizePhone('13700002222'),
      birth_date: '1958-03-02',
      name_initials: 'wjg',
    })
    // The registered person got the empty 小区 filled, not overwritten.
    expect(await env.core.db('persons').where({ id: known.id }).first()).toMatchObject({
      compound_id: env.refs.places.xingfu,
      version: known.version + 1,
    })
  })

  it('records one audit event per batch, and the chain still verifies', async () => {
    const audits = await countRows(env.core, 'audit_events')
    const content = contentOf(env.refs)
    const receivedAt = new Date('2026-02-13T09:00:00+08:00').toISOString()
    await registerComplaintBatch(
      env.core.db,
      ctx,
      Array.from({ length: 25 }, () => ({ person: null, content, receivedAt })),
    )
    const added = (await env.core.db('audit_events').where('id', '>', audits).orderBy('id')) as Row[]
    expect(added).toHaveLength(1)
    expect(added[0]).toMatchObject({ action: 'create', entity: 'complaint', entity_id: null })
    expect(JSON.parse(added[0]!.detail as string)).toMatchObject({ batch: true, complaints: 25 })
    expect((await verifyAuditTrail(env.core.db)).ok).toBe(true)
  })
})

describe('all or nothing', () => {
  const env = useIntakeCore()

  async function snapshot() {
    const counts: Record<string, number> = {}
    for (const t of ['complaints', 'complaint_events', 'complaint_followups', 'persons', 'audit_events']) {
      counts[t] = await countRows(env.core, t)
    }
    return { counts, seqs: await env.core.db('number_sequences').orderBy('scope') }
  }

  function drafts(n: number, refs: IntakeRefs): ComplaintBatchDraft[] {
    const content = complaintContent.parse(complaintInput(refs))
    const receivedAt = new Date('2026-02-14T09:00:00+08:00').toISOString()
    return Array.from({ length: n }, () => ({ person: null, content, receivedAt }))
  }

  it.each([
    [
      'an unknown category',
      (d: ComplaintBatchDraft) => (d.content = { ...d.content, categoryId: 99999 }),
      '所选诉求类别不存在',
    ],
    [
      'an unknown compound',
      (d: ComplaintBatchDraft) => (d.content = { ...d.content, compoundId: 99999 }),
      '所选小区不存在',
    ],
    ['an unknown person', (d: ComplaintBatchDraft) => (d.person = { id: 99999 }), '所选来访人不存在'],
    ['a future date', (d: ComplaintBatchDraft) => (d.receivedAt = '2030-01-01T00:00:00.000Z'), '登记时间不能晚于现在'],
    ['an empty request', (d: ComplaintBatchDraft) => (d.content = { ...d.content, request: ' ' }), '请填写诉求请求'],
    [
      '办结 without a result',
      (d: ComplaintBatchDraft) => (d.history = { status: 'resolved', resolvedAt: d.receivedAt, answer: 'support' }),
      '请填写办理结果',
    ],
  ])('refuses a batch with %s in its last draft, naming it, writing nothing', async (_what, spoil, message) => {
    await single(env, '2026-02-01T09:00:00+08:00')
    const before = await snapshot()
    const batch = drafts(30, env.refs)
    spoil(batch[29]!)
    const err = await apiErrorOf(() => registerComplaintBatch(env.core.db, ctx, batch))
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toContain('第30条诉求：')
    expect(err.message).toContain(message)
    expect(await snapshot()).toEqual(before)
  })

  it('rolls back chunks already written when the batch stops part-way', async () => {
    const before = await snapshot()
    let calls = 0
    const err = await registerComplaintBatch(env.core.db, ctx, drafts(BATCH_ROWS * 2 + 5, env.refs), {
      progress: (done) => {
        calls++
        // After the first chunk went in: the rows are in the transaction, not yet committed.
        if (done >= BATCH_ROWS) throw new Error('stopped')
      },
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Error)
    expect(calls).toBe(1)
    expect(await snapshot()).toEqual(before)
    // The numbers were given back: the next one follows the last committed.
    const after = await single(env, '2026-02-02T09:00:00+08:00')
    const last = (before.seqs as { scope: string; last: number }[]).find((s) => s.scope === 'complaint:2026')!.last
    expect((await complaintRow(env.core.db, after.id)).seq).toBe(last + 1)
  })
})
