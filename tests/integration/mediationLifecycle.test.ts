/**
 * A case's whole life through the real API door on a real SQLite file:
 * registered → accepted with its number → rights told → session → written
 * agreement → follow-up 未履行 schedules the next → 司法确认 → closed with
 * the 卷内目录 paged — and what is refused once it is filed.
 */
import { describe, expect, it } from 'vitest'
import type { MediationCaseDetail } from '../../shared/api/mediation'
import { apiErrorOf, call } from '../fixtures/core'
import { act, caseInput, party, sessionInput, useMediationCore, writtenAgreement } from './mediationFixtures'

describe('the life of a case', () => {
  const env = useMediationCore()
  let c: MediationCaseDetail

  it('registers with its parties in order; the registering 调解员 presides', async () => {
    c = await call(
      env.core,
      'mediation.register',
      caseInput({
        parties: [
          ...caseInput().parties,
          party('张小明', 'agent', { agentFor: 0, authorization: '一般授权，2026年2月15日签署' }),
        ],
      }),
      env.mediator,
    )
    expect(c).toMatchObject({
      status: 'registered',
      number: null,
      access: 'full',
      partyNames: '张三 与 李四',
      presidingName: '王建国',
      registeredByName: '王建国',
      requests: ['修复防水', '赔偿吊顶维修费用2400元'],
    })
    expect(c.parties.map((p) => [p.position, p.role, p.person.name])).toEqual([
      [0, 'applicant', '张三'],
      [1, 'respondent', '李四'],
      [2, 'agent', '张小明'],
    ])
    expect(c.parties[2]!.agentForPartyId).toBe(c.parties[0]!.id)
    expect(c.parties[0]!.phone).toBe('13812345678')
    expect(c.parties[0]!.person.phoneMasked).not.toBe('13812345678')
    expect(c.mediators).toEqual([{ staffId: env.mediator.staff!.id, name: '王建国', role: 'presiding' }])
  })

  it('accepts with the year’s first number and a due date one month later', async () => {
    c = await act(env, c, { action: 'accept', acceptedOn: '2026-02-17', note: '双方同意调解' })
    expect(c).toMatchObject({
      status: 'accepted',
      number: '（2026）红人调字第1号',
      year: 2026,
      acceptedOn: '2026-02-17',
      dueDate: '2026-03-17',
      originalDueDate: '2026-03-17',
      clockState: 'ok',
    })
  })

  it('records the rights notice and then a session with who attended and signed', async () => {
    c = await act(env, c, { action: 'notify_rights', date: '2026-02-18', way: 'written' })
    expect(c.rightsNotice).toEqual({ date: '2026-02-18', way: 'written' })
    c = await call(
      env.core,
      'mediation.saveSession',
      sessionInput(c, { open: false, closedReason: '当事人反对公开' }),
      env.mediator,
    )
    expect(c.sessions).toHaveLength(1)
    expect(c.sessions[0]).toMatchObject({
      seq: 1,
      place: '社区人民调解室',
      presidingName: '王建国',
      open: false,
      closedReason: '当事人反对公开',
      version: 1,
    })
    expect(c.sessions[0]!.attendees.map((a) => [a.name, a.signed])).toEqual([
      ['张三', true],
      ['李四', true],
      ['张小明', true],
      ['王德福', false],
    ])
  })

  it('edits a session at its version and refuses a stale one', async () => {
    const s = c.sessions[0]!
    const edited = await call(
      env.core,
      'mediation.saveSession',
      { ...sessionInput(c), id: s.id, version: s.version, record: '补充：双方同意先修复防水再谈赔偿。' },
      env.mediator,
    )
    expect(edited.sessions[0]).toMatchObject({
      id: s.id,
      seq: 1,
      version: 2,
      record: '补充：双方同意先修复防水再谈赔偿。',
    })
    const stale = await apiErrorOf(() =>
      call(env.core, 'mediation.saveSession', { ...sessionInput(c), id: s.id, version: s.version }, env.mediator),
    )
    expect(stale.code).toBe('CONFLICT')
    expect(stale.message).toContain('该调解笔录已被他人修改')
    c = edited
  })

  it('concludes with a written agreement: copies = parties + 1, a follow-up at the last deadline', async () => {
    c = await act(env, c, writtenAgreement)
    expect(c).toMatchObject({
      status: 'concluded',
      outcome: 'written_agreement',
      concludedOn: '2026-02-24',
      clockState: null,
    })
    expect(c.agreement).toMatchObject({ agreedOn: '2026-02-24', effectiveOn: '2026-02-25', copies: 3 })
    expect(c.agreement!.terms.map((t) => t.deadline)).toEqual(['2026-03-05', '2026-03-10'])
    expect(c.followUps).toEqual([expect.objectContaining({ dueOn: '2026-03-10', calledOn: null })])
    expect(c.judicialDeadline).toBe('2026-03-27')
  })

  it('a 未履行 follow-up schedules the next one 15 days later', async () => {
    c = await call(
      env.core,
      'mediation.recordFollowUp',
      {
        caseId: c.id,
        id: c.followUps[0]!.id,
        calledOn: '2026-03-01',
        caller: '王建国',
        performance: 'not_performed',
        satisfaction: 'basically_satisfied',
        lawsuit: false,
        risk: '双方仍有口角',
        measures: '督促被申请人尽快付款',
      },
      env.mediator,
    )
    expect(c.followUps).toEqual([
      expect.objectContaining({
        calledOn: '2026-03-01',
        performance: 'not_performed',
        risk: '双方仍有口角',
        lawsuit: false,
      }),
      expect.objectContaining({ dueOn: '2026-03-16', calledOn: null }),
    ])
  })

  it('records 司法确认', async () => {
    c = await act(env, c, {
      action: 'judicial',
      applied: true,
      appliedOn: '2026-02-28',
      court: '成华区人民法院',
      result: 'pending',
    })
    expect(c.judicial).toEqual({
      applied: true,
      appliedOn: '2026-02-28',
      court: '成华区人民法院',
      result: 'pending',
      note: null,
    })
  })

  it('refuses to close while identity notes are missing, naming each party', async () => {
    expect(c.file.missing).toEqual(['当事人张三的身份证明', '当事人李四的身份证明', '代理人张小明的身份证明'])
    const err = await apiErrorOf(() =>
      act(env, c, { action: 'close', filer: '王建国', filedOn: '2026-03-01', retention: 'years_10' }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toBe('结案前还需要：当事人张三的身份证明；当事人李四的身份证明；代理人张小明的身份证明')
  })

  it('closes once complete, with the 卷内目录 numbered page by page', async () => {
    const persons = c.parties.map((p) => ({ id: p.person.id, name: p.person.name }))
    const versions = (await env.core
      .db('persons')
      .whereIn(
        'id',
        persons.map((p) => p.id),
      )
      .select('id', 'version')) as {
      id: number
      version: number
    }[]
    const withIds = caseInput().parties.map((p, i) => ({
      ...p,
      person: { ...p.person, id: persons[i]!.id, version: versions.find((v) => v.id === persons[i]!.id)!.version },
      identityNote: '居民身份证',
    }))
    const agent = {
      ...party('张小明', 'agent', {
        agentFor: 0,
        authorization: '一般授权，2026年2月15日签署',
        identityNote: '居民身份证',
      }),
    }
    agent.person = {
      ...agent.person,
      id: persons[2]!.id,
      version: versions.find((v) => v.id === persons[2]!.id)!.version,
    }
    c = await call(
      env.core,
      'mediation.update',
      {
        ...caseInput({ parties: [...withIds, agent], mediators: c.mediators }),
        id: c.id,
        version: c.version,
      },
      env.mediator,
    )
    expect(c.parties.map((p) => p.identityNote)).toEqual(['居民身份证', '居民身份证', '居民身份证'])
    c = await call(
      env.core,
      'mediation.saveFileItem',
      { caseId: c.id, kind: 'evidence', title: '漏水现场照片', date: '2026-02-19', pages: 3 },
      env.mediator,
    )
    expect(c.file.missing).toEqual([])
    const session = c.sessions[0]!.id
    c = await act(env, c, {
      action: 'close',
      filer: '王建国',
      filedOn: '2026-03-01',
      retention: 'years_10',
      pages: { [`session:${session}`]: 2 },
    })
    expect(c).toMatchObject({ status: 'closed', closedOn: '2026-03-01' })
    expect(c.file).toMatchObject({ filer: '王建国', filedOn: '2026-03-01', retention: 'years_10', missing: [] })
    expect(c.file.index.map((i) => [i.title, i.pageRange, i.required])).toEqual([
      ['人民调解申请书', '1', true],
      ['人民调解权利义务告知书', '2', true],
      ['当事人身份证明（张三）', '3', true],
      ['当事人身份证明（李四）', '4', true],
      ['代理人身份证明（张小明）', '5', true],
      ['授权委托书（张小明）', '6', false],
      ['漏水现场照片', '7-9', false],
      ['调解笔录（第1次）', '10-11', true],
      ['调解协议书', '12', true],
      ['回访记录（第1次）', '13', false],
      ['司法确认申请材料', '14', false],
      ['封底', '15', true],
    ])
    expect(c.file.index.find((i) => i.kind === 'session')!.key).toBe(`session:${session}`)
    expect(c.file.index.find((i) => i.kind === 'evidence')!.manualId).not.toBeNull()
  })

  it('refuses edits of the filed case but still takes follow-ups and 司法确认', async () => {
    const refused = [
      () => call(env.core, 'mediation.update', { ...caseInput(), id: c.id, version: c.version }, env.mediator),
      () => call(env.core, 'mediation.saveSession', sessionInput(c), env.mediator),
      () =>
        call(
          env.core,
          'mediation.saveSession',
          { ...sessionInput(c), id: c.sessions[0]!.id, version: 2 },
          env.mediator,
        ),
      () =>
        call(
          env.core,
          'mediation.saveFileItem',
          { caseId: c.id, kind: 'evidence', title: '补充照片', pages: 1 },
          env.mediator,
        ),
      () =>
        call(
          env.core,
          'mediation.removeFileItem',
          { caseId: c.id, id: c.file.index.find((i) => i.manualId)!.manualId! },
          env.mediator,
        ),
      () => act(env, c, { action: 'notify_rights', date: '2026-02-18', way: 'oral' }),
    ]
    for (const attempt of refused) {
      const err = await apiErrorOf(attempt)
      expect(err.code).toBe('CONFLICT')
      expect(err.message).toBe('案件已结案归档，不能修改')
    }
    c = await call(
      env.core,
      'mediation.recordFollowUp',
      {
        caseId: c.id,
        id: c.followUps[1]!.id,
        calledOn: '2026-03-01',
        caller: '王建国',
        performance: 'performed',
        satisfaction: 'satisfied',
        lawsuit: false,
      },
      env.mediator,
    )
    expect(c.followUps.filter((f) => f.calledOn === null)).toEqual([])
    c = await act(env, c, {
      action: 'judicial',
      applied: true,
      appliedOn: '2026-02-28',
      court: '成华区人民法院',
      result: 'confirmed',
    })
    expect(c.judicial!.result).toBe('confirmed')
    expect(c.status).toBe('closed')
  })

  it('audits each step on the case, never with names or notes', async () => {
    const rows = (await env.core
      .db('audit_events')
      .where({ entity: 'mediation_case', entity_id: c.id })
      .orderBy('id')) as {
      action: string
      detail: string
    }[]
    expect(rows[0]!.action).toBe('create')
    // Sessions, follow-ups, the registration edit and the 卷宗 item are each on record too.
    expect(rows.filter((r) => r.action === 'create' || r.action === 'update')).toHaveLength(7)
    expect(rows.filter((r) => r.action === 'transition').map((r) => JSON.parse(r.detail).mediationAction)).toEqual([
      'accept',
      'notify_rights',
      'conclude_written',
      'judicial',
      'close',
      'judicial',
    ])
    const text = JSON.stringify(rows)
    for (const secret of ['张三', '李四', '漏水', '13812345678', '双方仍有口角']) expect(text).not.toContain(secret)
  })
})
