/**
 * What a case refuses, and how it says so: a session before the rights
 * notice, acceptance without the other side or a presiding mediator, an
 * outcome without a session, closing with the exact list of what is
 * missing, stale versions, and bad input named at its field.
 */
import { describe, expect, it } from 'vitest'
import { apiErrorOf, call, countRows } from '../fixtures/core'
import { act, caseAt, caseInput, party, sessionInput, useMediationCore, writtenAgreement } from './mediationFixtures'

const env = useMediationCore()

describe('order of the steps', () => {
  it('refuses a session before the rights notice, and one dated before it', async () => {
    const c = await caseAt(env, 'accepted')
    const err = await apiErrorOf(() => call(env.core, 'mediation.saveSession', sessionInput(c), env.mediator))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toBe('请先记录权利义务告知（日期和方式），再记录调解笔录')
    const told = await act(env, c, { action: 'notify_rights', date: '2026-02-21', way: 'oral' })
    const early = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.saveSession',
        sessionInput(told, { heldAt: '2026-02-20T10:00:00+08:00' }),
        env.mediator,
      ),
    )
    expect(early.code).toBe('VALIDATION')
    expect(early.field).toBe('heldAt')
    expect(early.message).toContain('请先记录权利义务告知')
    expect(await countRows(env.core, 'mediation_sessions')).toBe(0)
  })

  it('refuses to accept without a presiding mediator, listing what is missing', async () => {
    // An administrator registering names no mediator; nobody presides yet.
    const c = await call(env.core, 'mediation.register', caseInput(), env.admin)
    expect(c.mediators).toEqual([])
    const err = await apiErrorOf(() => act(env, c, { action: 'accept', acceptedOn: '2026-02-17' }, env.admin))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toBe('受理前还需要：主持调解员。请先在“修改登记”中补充')
    expect((await call(env.core, 'mediation.get', { id: c.id }, env.admin)).status).toBe('registered')
  })

  it('refuses to accept without a respondent', async () => {
    const c = await call(
      env.core,
      'mediation.register',
      caseInput({ parties: [party('张三', 'applicant'), party('王五', 'third_party')] }),
      env.mediator,
    )
    const err = await apiErrorOf(() => act(env, c, { action: 'accept', acceptedOn: '2026-02-17' }))
    expect(err.message).toBe('受理前还需要：被申请人。请先在“修改登记”中补充')
  })

  it('refuses acceptance dated before registration or in the future', async () => {
    const c = await caseAt(env, 'registered')
    const before = await apiErrorOf(() => act(env, c, { action: 'accept', acceptedOn: '2026-02-15' }))
    expect(before).toMatchObject({
      code: 'VALIDATION',
      field: 'acceptedOn',
      message: '受理日期不能早于登记日期（2026-02-16）',
    })
    const future = await apiErrorOf(() => act(env, c, { action: 'accept', acceptedOn: '2026-03-02' }))
    expect(future).toMatchObject({ code: 'VALIDATION', field: 'acceptedOn', message: '受理日期不能晚于今天' })
  })

  it('refuses an outcome before any session, except 终止', async () => {
    const c = await caseAt(env, 'noticed')
    const err = await apiErrorOf(() => act(env, c, writtenAgreement))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toBe('请先记录至少一次调解笔录，再记录调解结果（终止调解除外）')
    const ended = await act(env, c, { action: 'terminate', date: '2026-02-20', reason: '申请人撤回调解申请' })
    expect(ended).toMatchObject({ status: 'concluded', outcome: 'terminated', terminateReason: '申请人撤回调解申请' })
  })

  it('refuses a step from the wrong status', async () => {
    const c = await caseAt(env, 'registered')
    const err = await apiErrorOf(() => act(env, c, writtenAgreement))
    expect(err).toMatchObject({ code: 'CONFLICT', message: '案件当前为“待受理”，不能达成书面协议' })
    const rejected = await act(env, c, { action: 'reject', date: '2026-02-17', reason: '纠纷已由法院受理' })
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectedOn: '2026-02-17',
      rejectReason: '纠纷已由法院受理',
      number: null,
    })
    const again = await apiErrorOf(() => act(env, rejected, { action: 'accept', acceptedOn: '2026-02-17' }))
    expect(again.message).toBe('案件当前为“不予受理”，不能受理')
  })

  it('refuses follow-ups and 司法确认 without an agreement', async () => {
    const c = await caseAt(env, 'session')
    const failed = await act(env, c, {
      action: 'conclude_failed',
      date: '2026-02-25',
      advice: '告知双方可向人民法院起诉',
    })
    const follow = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.recordFollowUp',
        {
          caseId: c.id,
          calledOn: '2026-03-01',
          caller: '王建国',
          performance: 'performed',
          satisfaction: 'satisfied',
          lawsuit: false,
        },
        env.mediator,
      ),
    )
    expect(follow.message).toBe('只有达成调解协议（书面或口头）的案件才需要回访')
    const judicial = await apiErrorOf(() => act(env, failed, { action: 'judicial', applied: false }))
    expect(judicial.message).toBe('只有达成调解协议的案件才能申请司法确认')
  })
})

describe('closing', () => {
  it('lists exactly what the 卷宗 lacks', async () => {
    // Terminated before the parties were told their rights or met: almost nothing is on file.
    const c = await caseAt(env, 'accepted')
    const ended = await act(env, c, { action: 'terminate', date: '2026-02-18', reason: '被申请人拒绝调解' })
    const err = await apiErrorOf(() =>
      act(env, ended, { action: 'close', filer: '王建国', filedOn: '2026-03-01', retention: 'years_10' }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toBe(
      '结案前还需要：权利义务告知书（权利义务告知记录）；当事人张三的身份证明；当事人李四的身份证明；调解笔录（至少一次）',
    )
    expect(ended.file.missing).toEqual([
      '权利义务告知书（权利义务告知记录）',
      '当事人张三的身份证明',
      '当事人李四的身份证明',
      '调解笔录（至少一次）',
    ])
  })

  it('names the missing outcome record and refuses pages for items not in the index', async () => {
    const c = await caseAt(env, 'session', {
      parties: caseInput().parties.map((p) => ({ ...p, identityNote: '居民身份证' })),
    })
    expect(c.file.missing).toEqual(['调解结果记录（调解协议书、口头协议登记表、调解不成或终止调解记录）'])
    const done = await act(env, c, writtenAgreement)
    const err = await apiErrorOf(() =>
      act(env, done, {
        action: 'close',
        filer: '王建国',
        filedOn: '2026-03-01',
        retention: 'permanent',
        pages: { 'session:999': 2 },
      }),
    )
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'pages' })
    const early = await apiErrorOf(() =>
      act(env, done, { action: 'close', filer: '王建国', filedOn: '2026-02-20', retention: 'permanent' }),
    )
    expect(early).toMatchObject({ field: 'filedOn', message: '立卷日期不能早于调解结束日期（2026-02-24）' })
  })
})

describe('versions', () => {
  it('refuses a step at a stale version and changes nothing', async () => {
    const c = await caseAt(env, 'registered')
    const accepted = await act(env, c, { action: 'accept', acceptedOn: '2026-02-17' })
    const err = await apiErrorOf(() => act(env, c, { action: 'reject', date: '2026-02-17', reason: '重复申请' }))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toBe('该调解案件已被他人修改，请刷新后再保存（您的修改尚未保存）')
    const stale = await apiErrorOf(() =>
      call(env.core, 'mediation.update', { ...caseInput(), id: c.id, version: c.version }, env.mediator),
    )
    expect(stale.code).toBe('CONFLICT')
    const now = await call(env.core, 'mediation.get', { id: c.id }, env.mediator)
    expect(now).toMatchObject({ status: 'accepted', version: accepted.version })
  })

  it('bumps the case version on every write, sessions included', async () => {
    const c = await caseAt(env, 'noticed')
    const after = await call(env.core, 'mediation.saveSession', sessionInput(c), env.mediator)
    expect(after.version).toBe(c.version + 1)
    const stale = await apiErrorOf(() => act(env, c, { action: 'terminate', date: '2026-02-25', reason: '撤回' }))
    expect(stale.code).toBe('CONFLICT')
  })
})

describe('bad input, named at its field', () => {
  it('needs two parties', async () => {
    const err = await apiErrorOf(() =>
      call(env.core, 'mediation.register', caseInput({ parties: [party('张三', 'applicant')] }), env.mediator),
    )
    expect(err).toMatchObject({
      code: 'VALIDATION',
      field: 'parties',
      message: '请至少填写两方当事人（申请人与被申请人）',
    })
  })

  it('needs an agent’s authorization and a principal who is not an agent', async () => {
    const noAuth = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.register',
        caseInput({ parties: [...caseInput().parties, party('张小明', 'agent', { agentFor: 0 })] }),
        env.mediator,
      ),
    )
    expect(noAuth).toMatchObject({ code: 'VALIDATION', field: 'parties.2.authorization' })
    expect(noAuth.message).toContain('请填写代理人张小明的授权委托情况')
    const agentOfAgent = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.register',
        caseInput({
          parties: [
            ...caseInput().parties,
            party('张小明', 'agent', { agentFor: 0, authorization: '一般授权' }),
            party('刘律师', 'agent', { agentFor: 2, authorization: '特别授权' }),
          ],
        }),
        env.mediator,
      ),
    )
    expect(agentOfAgent).toMatchObject({ code: 'VALIDATION', field: 'parties.3.agentFor' })
    const nobody = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.register',
        caseInput({ parties: [...caseInput().parties, party('张小明', 'agent', { authorization: '一般授权' })] }),
        env.mediator,
      ),
    )
    expect(nobody).toMatchObject({ field: 'parties.2.agentFor', message: '请选择代理人张小明代理的当事人' })
  })

  it('refuses markup in a name', async () => {
    const err = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.register',
        caseInput({ parties: [party('<script>alert(1)</script>', 'applicant'), party('李四', 'respondent')] }),
        env.mediator,
      ),
    )
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'parties.0.person.name' })
    expect(err.message).toContain('只能包含汉字、字母和间隔号')
  })

  it('refuses a 5 MB session record', async () => {
    const c = await caseAt(env, 'noticed')
    const err = await apiErrorOf(() =>
      call(env.core, 'mediation.saveSession', sessionInput(c, { record: '漏'.repeat(5 * 1024 * 1024) }), env.mediator),
    )
    expect(err).toMatchObject({
      code: 'VALIDATION',
      field: 'record',
      message: '笔录内容不能超过20000个字，请精简后再保存',
    })
  })

  it('refuses the same person twice, two presiding mediators and staff who cannot mediate', async () => {
    const twice = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.register',
        caseInput({
          parties: [
            party('张三', 'applicant', { person: { name: '张三', idNumber: '11010519491231002X' } }),
            party('张三', 'respondent', { person: { name: '张三', idNumber: '11010519491231002X' } }),
          ],
        }),
        env.mediator,
      ),
    )
    expect(twice.field).toBe('parties.1.person.idNumber')
    const found = (await call(env.core, 'mediation.register', caseInput(), env.mediator)).parties[0]!.person
    const version = ((await env.core.db('persons').where({ id: found.id }).first('version')) as { version: number })
      .version
    const same = { person: { id: found.id, version, name: found.name } }
    const picked = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.register',
        caseInput({
          parties: [
            { ...same, role: 'applicant' },
            { ...same, role: 'respondent' },
          ],
        }),
        env.mediator,
      ),
    )
    expect(picked).toMatchObject({
      field: 'parties.1.person.name',
      message: '张三已列为本案当事人，同一人不能重复列入',
    })
    const two = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.register',
        caseInput({
          mediators: [
            { staffId: env.mediator.staff!.id, role: 'presiding' },
            { staffId: env.otherMediator.staff!.id, role: 'presiding' },
          ],
        }),
        env.mediator,
      ),
    )
    expect(two).toMatchObject({ field: 'mediators.1.role', message: '每个案件只能有一名主持调解员，其他请选“协助”' })
    const clerk = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.register',
        caseInput({ mediators: [{ staffId: env.frontDesk.staff!.id, role: 'presiding' }] }),
        env.mediator,
      ),
    )
    expect(clerk).toMatchObject({ field: 'mediators.0.staffId', message: '李萍不是调解员或管理员，不能担任本案调解员' })
  })

  it('refuses a presiding mediator of a session who is not on the case, and a closed session without reason', async () => {
    const c = await caseAt(env, 'noticed')
    const other = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.saveSession',
        sessionInput(c, { presidingStaffId: env.otherMediator.staff!.id }),
        env.mediator,
      ),
    )
    expect(other).toMatchObject({ field: 'presidingStaffId', message: '主持调解员应为本案的调解员之一' })
    const closed = await apiErrorOf(() =>
      call(env.core, 'mediation.saveSession', sessionInput(c, { open: false }), env.mediator),
    )
    expect(closed.field).toBe('closedReason')
    const stranger = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.saveSession',
        sessionInput(c, { attendees: [{ partyId: 99999, name: '路人', capacity: '当事人' }] }),
        env.mediator,
      ),
    )
    expect(stranger.field).toBe('attendees.0.partyId')
  })

  it('refuses a removed party who attended a session', async () => {
    const c = await caseAt(env, 'session')
    const keep = c.parties[0]!
    const version = (
      (await env.core.db('persons').where({ id: keep.person.id }).first('version')) as { version: number }
    ).version
    const err = await apiErrorOf(() =>
      call(
        env.core,
        'mediation.update',
        {
          ...caseInput({
            parties: [
              { person: { id: keep.person.id, version, name: '张三' }, role: 'applicant' },
              party('赵六', 'respondent'),
            ],
            mediators: c.mediators,
          }),
          id: c.id,
          version: c.version,
        },
        env.mediator,
      ),
    )
    expect(err).toMatchObject({
      code: 'CONFLICT',
      field: 'parties',
      message: '李四已作为当事人出现在调解笔录中，不能从当事人中删除',
    })
  })
})
