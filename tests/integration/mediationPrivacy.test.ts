/**
 * Personal data meets the case file: a party to a mediation case may not be
 * anonymised while the case runs or its 卷宗 is within its 保管期限, is left
 * off the retention list for that time, and finds the case in their export.
 */
import { describe, expect, it } from 'vitest'
import { apiErrorOf, call } from '../fixtures/core'
import { act, caseAt, caseInput, ctxOf, useMediationCore } from './mediationFixtures'
import { localStaff } from '../../electron/core/context'

const env = useMediationCore('test')

const noted = caseInput({
  parties: [
    { person: { name: '张三', phone: '13812345678' }, role: 'applicant', identityNote: '居民身份证' },
    { person: { name: '李四', phone: '13987654321' }, role: 'respondent', identityNote: '居民身份证' },
  ],
})

function adminAt(day: string) {
  return ctxOf(localStaff, new Date(`${day}T10:00:00+08:00`))
}

async function overdueNames(day: string): Promise<string[]> {
  const page = await call(env.core, 'privacy.listOverdue', { pageSize: 100 }, adminAt(day))
  return page.items.map((p) => p.name)
}

describe('mediation parties and personal data', () => {
  it('refuses to anonymise a party while the case is in mediation, naming the case', async () => {
    const c = await caseAt(env, 'session', noted)
    const err = await apiErrorOf(() =>
      call(env.core, 'privacy.anonymisePerson', { id: c.parties[0]!.person.id, reason: '本人申请' }, env.admin),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('调解案件的当事人')
    expect(err.message).toContain(c.number!)
    const person = await env.core.db('persons').where({ id: c.parties[0]!.person.id }).first('name')
    expect(person.name).toBe('张三')
  })

  it("holds a filed case's parties until its 保管期限 ends, then lets them go", async () => {
    let c = await caseAt(env, 'written', noted)
    c = await act(env, c, { action: 'close', filer: '王建国', filedOn: '2026-02-28', retention: 'years_10' })
    expect(c.status).toBe('closed')
    // A rejected case has no file: its parties follow the ordinary retention rules.
    const rejected = await call(
      env.core,
      'mediation.register',
      caseInput({
        parties: [
          { person: { name: '王五', phone: '13700001111' }, role: 'applicant' },
          { person: { name: '赵六', phone: '13700002222' }, role: 'respondent' },
        ],
      }),
      env.mediator,
    )
    await act(env, rejected, { action: 'reject', date: '2026-02-17', reason: '不属于人民调解范围' })

    const before = await overdueNames('2036-02-27')
    expect(before).toEqual(expect.arrayContaining(['王五', '赵六']))
    expect(before).not.toContain('张三')
    const held = await apiErrorOf(() =>
      call(
        env.core,
        'privacy.anonymisePerson',
        { id: c.parties[0]!.person.id, reason: '本人申请' },
        adminAt('2036-02-27'),
      ),
    )
    expect(held.message).toContain('保管期限')

    expect(await overdueNames('2036-02-28')).toEqual(expect.arrayContaining(['张三', '李四', '王五', '赵六']))
    const done = await call(
      env.core,
      'privacy.anonymisePerson',
      { id: c.parties[0]!.person.id, reason: '本人申请' },
      adminAt('2036-02-28'),
    )
    expect(done.anonymisedAt).toBeTruthy()
  })

  it("keeps a permanent file's parties forever", async () => {
    const c = await caseAt(env, 'written', noted)
    const closed = await act(env, c, {
      action: 'close',
      filer: '王建国',
      filedOn: '2026-02-28',
      retention: 'permanent',
    })
    expect(closed.status).toBe('closed')
    expect(await overdueNames('2090-01-01')).not.toContain('张三')
  })

  it("lists the person's cases, their part and the outcome in their export, without the case notes", async () => {
    const c = await caseAt(env, 'written', noted)
    const out = await call(env.core, 'privacy.exportPerson', { id: c.parties[1]!.person.id }, env.admin)
    const data = JSON.parse(Buffer.from(out.base64, 'base64').toString('utf8')) as {
      mediationCases: { number: string; role: string; status: string; outcome: string }[]
    }
    expect(data.mediationCases).toEqual([
      expect.objectContaining({ number: c.number, role: '被申请人', status: '调解结束', outcome: '达成书面协议' }),
    ])
    expect(JSON.stringify(data)).not.toContain('双方陈述了漏水的经过')
  })
})
