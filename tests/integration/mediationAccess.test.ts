/**
 * Confidentiality, enforced in core: 前台 and 领导 see that a case exists
 * (number, type, status); another 调解员 sees the registration; the case's
 * own mediators and administrators see everything, and each such read is
 * audited once. Only they may write.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Ctx } from '../../electron/core/context'
import type { MediationCaseDetail } from '../../shared/api/mediation'
import { apiErrorOf, call, openTestCore } from '../fixtures/core'
import { FakePrinter } from '../fixtures/notices'
import { act, caseAt, caseInput, ctxOf, sessionInput, staffRow, useMediationCore } from './mediationFixtures'

const env = useMediationCore()
let c: MediationCaseDetail
const secrets = ['张三', '李四', '13812345678', '漏水', '双方陈述了漏水的经过', '防水层老化']

async function viewRows(caseId: number): Promise<{ staff_id: number }[]> {
  return (await env.core
    .db('audit_events')
    .where({ action: 'view_notes', entity: 'mediation_case', entity_id: caseId })
    .select('staff_id')) as { staff_id: number }[]
}

beforeAll(async () => {
  c = await caseAt(env, 'written')
})

describe('what each role reads', () => {
  it.each([
    ['前台接待', () => env.frontDesk],
    ['领导查询', () => env.viewer],
  ])('%s sees number, type and status only', async (_label, who) => {
    const seen = await call(env.core, 'mediation.get', { id: c.id }, who())
    expect(seen).toMatchObject({
      access: 'summary',
      number: c.number,
      disputeType: 'neighbour',
      status: 'concluded',
      partyNames: null,
      presidingName: null,
      parties: [],
      mediators: [],
      facts: null,
      requests: [],
      rightsNotice: null,
      sessions: [],
      agreement: null,
      followUps: [],
      complaint: null,
      file: { index: [], missing: [] },
    })
    const text = JSON.stringify(seen)
    for (const secret of secrets) expect(text).not.toContain(secret)
    const list = await call(env.core, 'mediation.list', {}, who())
    expect(list.items.find((i) => i.id === c.id)).toMatchObject({
      access: 'summary',
      partyNames: null,
      number: c.number,
    })
    expect(JSON.stringify(list)).not.toContain('张三')
  })

  it('does not let a summary reader find a case by a party’s name', async () => {
    expect((await call(env.core, 'mediation.list', { query: '张三' }, env.frontDesk)).total).toBe(0)
    expect((await call(env.core, 'mediation.list', { query: '红人调字第1' }, env.frontDesk)).total).toBe(1)
    expect((await call(env.core, 'mediation.list', { query: '张三' }, env.otherMediator)).total).toBe(1)
  })

  it('another 调解员 sees the registration but no notes', async () => {
    const seen = await call(env.core, 'mediation.get', { id: c.id }, env.otherMediator)
    expect(seen).toMatchObject({
      access: 'registration',
      partyNames: '张三 与 李四',
      presidingName: '王建国',
      facts: c.facts,
      requests: c.requests,
      rightsNotice: null,
      originalDueDate: null,
      extensions: [],
      sessions: [],
      agreement: null,
      failedAdvice: null,
      followUps: [],
      judicial: null,
      judicialDeadline: null,
      file: { index: [], missing: [], filer: null },
    })
    expect(seen.parties.map((p) => p.person.name)).toEqual(['张三', '李四'])
    // The full phone is for the agreement the parties sign: not at registration access.
    expect(seen.parties.map((p) => p.phone)).toEqual([null, null])
    expect(JSON.stringify(seen)).not.toContain('13812345678')
    expect(JSON.stringify(seen)).not.toContain('双方陈述了漏水的经过')
  })

  it.each([
    ['本案调解员', () => env.mediator],
    ['管理员', () => env.admin],
  ])('%s sees everything, the full phone included', async (_label, who) => {
    const seen = await call(env.core, 'mediation.get', { id: c.id }, who())
    expect(seen.access).toBe('full')
    expect(seen.sessions).toHaveLength(1)
    expect(seen.agreement?.terms).toHaveLength(2)
    expect(seen.rightsNotice).not.toBeNull()
    expect(seen.file.index.length).toBeGreaterThan(0)
    expect(seen.parties[0]!.phone).toBe('13812345678')
  })
})

describe('the audit of reading notes', () => {
  it('writes exactly one view_notes row per full read, and none for others', async () => {
    const other = await caseAt(env, 'session')
    const before = (await viewRows(other.id)).length
    await call(env.core, 'mediation.get', { id: other.id }, env.mediator)
    await call(env.core, 'mediation.get', { id: other.id }, env.admin)
    await call(env.core, 'mediation.get', { id: other.id }, env.otherMediator)
    await call(env.core, 'mediation.get', { id: other.id }, env.frontDesk)
    await call(env.core, 'mediation.get', { id: other.id }, env.viewer)
    await call(env.core, 'mediation.list', {}, env.mediator)
    const rows = await viewRows(other.id)
    expect(rows.length - before).toBe(2)
    expect(rows.slice(before).map((r) => r.staff_id)).toEqual([env.mediator.staff!.id, env.admin.staff!.id])
    const details = (await env.core.db('audit_events').where({ action: 'view_notes' }).select('detail')) as {
      detail: string
    }[]
    expect(details.every((d) => d.detail === '{}')).toBe(true)
  })
})

describe('who may write', () => {
  const forbidden = (who: () => Ctx) => [
    () => act(env, c, { action: 'judicial', applied: false }, who()),
    () => call(env.core, 'mediation.update', { ...caseInput(), id: c.id, version: c.version }, who()),
    () => call(env.core, 'mediation.saveSession', { ...sessionInput(c), id: c.sessions[0]!.id, version: 1 }, who()),
    () =>
      call(
        env.core,
        'mediation.recordFollowUp',
        {
          caseId: c.id,
          calledOn: '2026-03-01',
          caller: '陈淑芬',
          performance: 'performed',
          satisfaction: 'satisfied',
          lawsuit: false,
        },
        who(),
      ),
    () => call(env.core, 'mediation.saveFileItem', { caseId: c.id, kind: 'evidence', title: '照片', pages: 1 }, who()),
    () => call(env.core, 'mediation.removeFileItem', { caseId: c.id, id: 1 }, who()),
  ]

  it('refuses another 调解员 with the reason', async () => {
    for (const attempt of forbidden(() => env.otherMediator)) {
      const err = await apiErrorOf(attempt)
      expect(err.code).toBe('FORBIDDEN')
      expect(err.message).toMatch(/^只有本案调解员和管理员可以/)
    }
    const now = await call(env.core, 'mediation.get', { id: c.id }, env.mediator)
    expect(now.version).toBe(c.version)
  })

  it.each([
    ['前台接待', () => env.frontDesk],
    ['领导查询', () => env.viewer],
  ])('refuses %s every write', async (_label, who) => {
    for (const attempt of forbidden(who)) expect((await apiErrorOf(attempt)).code).toBe('FORBIDDEN')
    const register = await apiErrorOf(() => call(env.core, 'mediation.register', caseInput(), who()))
    expect(register.code).toBe('FORBIDDEN')
  })

  it('lets any 调解员 take up a registered case nobody mediates yet, then only its own', async () => {
    const open = await call(env.core, 'mediation.register', caseInput(), env.admin)
    expect((await call(env.core, 'mediation.get', { id: open.id }, env.otherMediator)).access).toBe('full')
    const taken = await call(
      env.core,
      'mediation.update',
      {
        ...caseInput(),
        mediators: [{ staffId: env.otherMediator.staff!.id, role: 'presiding' }],
        id: open.id,
        version: open.version,
      },
      env.otherMediator,
    )
    expect(taken.presidingName).toBe('陈淑芬')
    expect((await call(env.core, 'mediation.get', { id: open.id }, env.mediator)).access).toBe('registration')
    expect((await call(env.core, 'mediation.list', { mine: true }, env.otherMediator)).items.map((i) => i.id)).toEqual([
      open.id,
    ])
  })
})

describe('printing mediation documents', () => {
  it('is for the case’s mediators and administrators only', async () => {
    const printer = new FakePrinter()
    const core = await openTestCore(undefined, printer)
    try {
      const mine = ctxOf(await staffRow(core, '王建国', 'wangjianguo', 'mediator'))
      const other = ctxOf(await staffRow(core, '陈淑芬', 'chenshufen', 'mediator'))
      const desk = ctxOf(await staffRow(core, '李萍', 'liping', 'front_desk'))
      const made = await call(core, 'mediation.register', caseInput(), mine)
      const target = { document: 'mediation-application' as const, id: made.id, layout: 'official' as const }
      for (const who of [other, desk]) {
        const err = await apiErrorOf(() => call(core, 'print.savePdf', { target, suggestedName: '申请书' }, who))
        expect(err).toMatchObject({ code: 'FORBIDDEN', message: '只有本案调解员和管理员可以打印本案的调解文书' })
      }
      await call(core, 'print.savePdf', { target, suggestedName: '申请书' }, mine)
      expect(printer.pdfRequests).toHaveLength(1)
      const audit = (await core.db('audit_events').where({ action: 'export' }).first()) as {
        entity: string
        entity_id: number
      }
      expect(audit).toMatchObject({ entity: 'mediation_case', entity_id: made.id })
    } finally {
      await core.close()
    }
  })
})
