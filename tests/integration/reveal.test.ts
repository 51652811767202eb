/**
 * 显示完整号码: only with the permission, only with a reason, and every
 * unmasking leaves an audit event naming who, which person, which field and
 * why, never the number itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { verifyAuditTrail } from '../../electron/core/audit/trail'
import { apiErrorOf, call, countRows, openTestCore } from '../fixtures/core'
import { createVisit, complaintInput, personInput, seedIntake, withRole } from '../fixtures/intake'

const phone = '13812345678'
const idNumber = '11010519491231002X'

let core: Core
let personId: number

beforeAll(async () => {
  core = await openTestCore()
  const refs = await seedIntake(core)
  const visit = await createVisit(core, refs, [complaintInput(refs)], {
    person: personInput({ name: '张三', phone, idNumber }),
  })
  personId = visit.person.id
})
afterAll(async () => {
  await core.close()
})

type AuditRow = { action: string; entity: string; entity_id: number; staff_id: number; detail: string }

async function reveals(): Promise<AuditRow[]> {
  return (await core.db('audit_events').where({ action: 'reveal' }).orderBy('id')) as AuditRow[]
}

describe('people.reveal', () => {
  it('returns the full number and records field and reason, never the value', async () => {
    const before = (await reveals()).length
    expect(await call(core, 'people.reveal', { id: personId, field: 'phone', reason: '回访联系' })).toEqual({
      value: phone,
    })
    expect(
      await call(
        core,
        'people.reveal',
        { id: personId, field: 'idNumber', reason: '  核实身份  ' },
        withRole('front_desk'),
      ),
    ).toEqual({ value: idNumber })
    const rows = (await reveals()).slice(before)
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => [r.entity, r.entity_id, JSON.parse(r.detail)])).toEqual([
      ['person', personId, { field: 'phone', reason: '回访联系' }],
      ['person', personId, { field: 'idNumber', reason: '核实身份' }],
    ])
    const all = JSON.stringify(await core.db('audit_events'))
    expect(all).not.toContain(phone)
    expect(all).not.toContain(idNumber)
    await expect(verifyAuditTrail(core.db)).resolves.toMatchObject({ ok: true })
  })

  it('shows the reveal in the audit viewer in words', async () => {
    await call(core, 'people.reveal', { id: personId, field: 'phone', reason: '转办需要' })
    const page = await call(core, 'audit.list', { action: 'reveal', entity: 'person', entityId: personId })
    const newest = page.items[0]!
    expect(newest).toMatchObject({
      actionLabel: '查看完整号码',
      entityLabel: '来访人',
      entityId: personId,
      record: '张三',
      staffName: '本机管理员',
      detailText: '查看：联系电话；原因：转办需要',
    })
  })

  it('refuses without a reason, or with one over 100 characters, and records nothing', async () => {
    const before = await countRows(core, 'audit_events')
    const missing = await apiErrorOf(() =>
      call(core, 'people.reveal', { id: personId, field: 'phone' } as { id: number; field: 'phone'; reason: string }),
    )
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'reason' })
    expect(missing.message).toContain('查看原因')
    const blank = await apiErrorOf(() => call(core, 'people.reveal', { id: personId, field: 'phone', reason: '   ' }))
    expect(blank).toMatchObject({ code: 'VALIDATION', field: 'reason', message: '请填写查看原因' })
    const long = await apiErrorOf(() =>
      call(core, 'people.reveal', { id: personId, field: 'phone', reason: '回'.repeat(101) }),
    )
    expect(long).toMatchObject({ code: 'VALIDATION', field: 'reason', message: '查看原因不能超过100个字' })
    expect(await countRows(core, 'audit_events')).toBe(before)
  })

  it('is refused to 领导查询, with nothing recorded', async () => {
    const before = await countRows(core, 'audit_events')
    for (const role of ['viewer'] as const) {
      const err = await apiErrorOf(() =>
        call(core, 'people.reveal', { id: personId, field: 'phone', reason: '回访联系' }, withRole(role)),
      )
      expect(err.code).toBe('FORBIDDEN')
    }
    expect(await countRows(core, 'audit_events')).toBe(before)
  })

  it('says when the person does not exist, and records nothing', async () => {
    const before = await countRows(core, 'audit_events')
    const err = await apiErrorOf(() => call(core, 'people.reveal', { id: 99999, field: 'phone', reason: '回访联系' }))
    expect(err.code).toBe('NOT_FOUND')
    expect(await countRows(core, 'audit_events')).toBe(before)
  })
})
