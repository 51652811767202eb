/**
 * People are written as a side effect of other records: a visit creates or
 * updates its 来访人, a mediation case its parties. Each such write must
 * leave its own audit event for the person (and each 诉求 a visit registers
 * one for the 诉求), in the same transaction, with the record's id and never
 * the values typed. auditCoverage.test.ts only counts "some event per
 * method", which the visit's own 'create' already satisfied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { apiErrorOf, call, ctx, openTestCore } from '../fixtures/core'
import { complaintInput, createVisit, personInput, seedIntake, type IntakeRefs } from '../fixtures/intake'
import { caseInput } from './mediationFixtures'

interface EventRow {
  id: number
  action: string
  entity: string
  entity_id: number | null
  detail: string
}

let core: Core
let refs: IntakeRefs

beforeAll(async () => {
  core = await openTestCore()
  refs = await seedIntake(core)
})
afterAll(async () => {
  await core.close()
})

async function lastEventId(): Promise<number> {
  const row = (await core.db('audit_events').max({ id: 'id' }).first()) as { id: number | null }
  return row.id ?? 0
}

/** The events written after `since`, as "action entity id" for compact comparison. */
async function eventsSince(since: number): Promise<string[]> {
  const rows = (await core.db('audit_events').where('id', '>', since).orderBy('id')) as EventRow[]
  return rows.map((r) => `${r.action} ${r.entity} ${r.entity_id ?? '-'}`)
}

async function rawEventsSince(since: number): Promise<EventRow[]> {
  return (await core.db('audit_events').where('id', '>', since).orderBy('id')) as EventRow[]
}

describe('a visit writes the audit events of the person and the 诉求 it creates', () => {
  it('records the new person, each 诉求 and the visit, without the numbers typed', async () => {
    const since = await lastEventId()
    const visit = await createVisit(
      core,
      refs,
      [complaintInput(refs), complaintInput(refs, { request: '请修复路灯' })],
      { person: personInput({ name: '审计甲', phone: '13800001111', idNumber: '11010519491231002X' }) },
    )
    const [first, second] = visit.complaints.map((c) => c.id)
    expect(await eventsSince(since)).toEqual([
      `create person ${visit.person.id}`,
      `create complaint ${first}`,
      `create complaint ${second}`,
      `create visit ${visit.id}`,
    ])
    const raw = JSON.stringify(await rawEventsSince(since))
    expect(raw).not.toContain('13800001111')
    expect(raw).not.toContain('11010519491231002X')
    expect(raw).not.toContain('审计甲')
  })

  it('records an update of a known person edited in the visit form', async () => {
    const first = await createVisit(core, refs, [], {
      person: personInput({ name: '审计乙', phone: '13800002222' }),
      outcome: 'on_spot',
      answer: '已答复',
      complaints: [],
    })
    const person = await call(core, 'people.history', { id: first.person.id })
    const since = await lastEventId()
    const again = await createVisit(core, refs, [], {
      person: personInput({
        id: person.person.id,
        version: person.person.version,
        name: '审计乙',
        phone: null,
        notes: '家住顶楼',
      }),
      outcome: 'on_spot',
      answer: '已答复',
      complaints: [],
    })
    expect(again.person.id).toBe(first.person.id)
    expect(await eventsSince(since)).toEqual([`update person ${first.person.id}`, `create visit ${again.id}`])
    expect(JSON.stringify(await rawEventsSince(since))).not.toContain('家住顶楼')
  })

  it('writes nothing, person event included, when the visit is refused', async () => {
    const since = await lastEventId()
    const persons = await core.db('persons').count({ n: '*' }).first()
    const err = await apiErrorOf(() =>
      createVisit(core, refs, [complaintInput(refs, { categoryId: 99999 })], {
        person: personInput({ name: '审计丙' }),
      }),
    )
    expect(err.field).toBe('complaints.0.categoryId')
    expect(await eventsSince(since)).toEqual([])
    expect(await core.db('persons').count({ n: '*' }).first()).toEqual(persons)
  })

  it('people.save still writes exactly one update event', async () => {
    const visit = await createVisit(core, refs, [], {
      person: personInput({ name: '审计丁' }),
      outcome: 'on_spot',
      answer: '已答复',
      complaints: [],
    })
    const { person } = await call(core, 'people.history', { id: visit.person.id })
    const since = await lastEventId()
    await call(core, 'people.save', {
      ...personInput({ name: '审计丁', phone: null }),
      id: person.id,
      version: person.version,
    })
    expect(await eventsSince(since)).toEqual([`update person ${person.id}`])
  })
})

describe('a mediation case writes the audit events of the parties it creates', () => {
  it('records each new party on registration, and only new or edited parties on update', async () => {
    const since = await lastEventId()
    const registered = await call(core, 'mediation.register', caseInput(), ctx)
    const partyIds = registered.parties.map((p) => p.person.id)
    expect(partyIds).toHaveLength(2)
    expect(await eventsSince(since)).toEqual([
      `create person ${partyIds[0]}`,
      `create person ${partyIds[1]}`,
      `create mediation_case ${registered.id}`,
    ])
    expect(JSON.stringify(await rawEventsSince(since))).not.toContain('13812345678')

    const before = await lastEventId()
    const updated = await call(
      core,
      'mediation.update',
      {
        ...caseInput(),
        id: registered.id,
        version: registered.version,
        parties: [
          // Parties kept as the form shows them (id, no version): not saved, so no person event.
          ...registered.parties.map((p) => ({ person: { id: p.person.id, name: p.person.name }, role: p.role })),
          { person: { name: '王五', phone: '13700003333' }, role: 'third_party' as const },
        ],
      },
      ctx,
    )
    const added = updated.parties.find((p) => p.person.name === '王五')!.person.id
    const events = await eventsSince(before)
    expect(events.filter((e) => e.includes(' person '))).toEqual([`create person ${added}`])
    expect(events).toContain(`update mediation_case ${registered.id}`)
  })
})
