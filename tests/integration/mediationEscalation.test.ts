/**
 * 转人民调解: escalating a 诉求 registers its mediation case in the same
 * transaction, linked both ways, with the resident as 申请人; the mediator
 * completes it and accepts it, and the 诉求 then shows the case number.
 */
import { describe, expect, it } from 'vitest'
import { call } from '../fixtures/core'
import { act as actComplaint, createComplaint, seedIntake, type IntakeRefs } from '../fixtures/intake'
import { act, party, useMediationCore } from './mediationFixtures'

describe('escalation from a 诉求', () => {
  const env = useMediationCore()
  let refs: IntakeRefs

  async function escalated(as = env.mediator, disputeType?: 'neighbour') {
    if (!refs) refs = await seedIntake(env.core)
    let complaint = await createComplaint(env.core, refs)
    complaint = await actComplaint(env.core, refs, complaint, 'accept')
    complaint = await call(
      env.core,
      'complaints.act',
      {
        action: 'escalate_mediation',
        id: complaint.id,
        version: complaint.version,
        note: '双方同意调解',
        ...(disputeType ? { disputeType } : {}),
      },
      as,
    )
    return complaint
  }

  it('registers a linked case with the resident as 申请人 and the request as the 申请事项', async () => {
    const complaint = await escalated(env.mediator, 'neighbour')
    expect(complaint.status).toBe('in_progress')
    expect(complaint.mediationCases).toHaveLength(1)
    expect(complaint.mediationCases[0]!.number).toBeNull()
    const c = await call(env.core, 'mediation.get', { id: complaint.mediationCases[0]!.id }, env.mediator)
    expect(c).toMatchObject({
      status: 'registered',
      source: 'complaint',
      disputeType: 'neighbour',
      complaint: { id: complaint.id, number: complaint.number },
      registeredOn: '2026-03-01',
      requests: ['请清理楼下堆放的建筑垃圾'],
      facts: '请清理楼下堆放的建筑垃圾\n楼下堆放建筑垃圾已有两周',
      presidingName: '王建国',
    })
    expect(c.parties.map((p) => [p.role, p.person.id])).toEqual([['applicant', complaint.person!.id]])
  })

  it('refuses a second escalation while the first case is open, and leaves the 诉求 as it was', async () => {
    const complaint = await escalated()
    const err = await call(
      env.core,
      'complaints.act',
      { action: 'escalate_mediation', id: complaint.id, version: complaint.version },
      env.mediator,
    ).catch((e: Error & { code?: string }) => e)
    expect(err).toMatchObject({ code: 'CONFLICT', message: '该诉求已转人民调解（待受理），请在调解案件中继续办理' })
    const again = await call(env.core, 'complaints.get', { id: complaint.id })
    expect(again.version).toBe(complaint.version)
    expect(again.timeline).toHaveLength(complaint.timeline.length)
    expect(again.mediationCases).toHaveLength(1)
  })

  it('defaults the dispute type to 其他 and leaves a front-desk escalation without a mediator', async () => {
    const complaint = await escalated(env.frontDesk)
    const c = await call(env.core, 'mediation.get', { id: complaint.mediationCases[0]!.id }, env.admin)
    expect(c).toMatchObject({ disputeType: 'other', mediators: [], registeredByName: '李萍' })
    // Any 调解员 may take it up while nobody mediates it.
    expect((await call(env.core, 'mediation.get', { id: c.id }, env.otherMediator)).access).toBe('full')
  })

  it('is accepted once the other side is added, and the 诉求 shows the number', async () => {
    const complaint = await escalated()
    let c = await call(env.core, 'mediation.get', { id: complaint.mediationCases[0]!.id }, env.mediator)
    const refused = await act(env, c, { action: 'accept', acceptedOn: '2026-03-01' }).catch((e: Error) => e.message)
    expect(refused).toBe('受理前还需要：被申请人。请先在“修改登记”中补充')
    const applicant = c.parties[0]!
    // The resident's record gets an address at the desk; the case form never loaded it.
    await env.core.db('persons').where({ id: applicant.person.id }).update({ building: '3', room: '502', version: 7 })
    c = await call(
      env.core,
      'mediation.update',
      {
        id: c.id,
        version: c.version,
        source: 'complaint',
        disputeType: 'neighbour',
        complaintId: complaint.id,
        registeredOn: c.registeredOn,
        parties: [
          // Linked by id alone (no version): the person record is used as stored, not re-saved.
          {
            person: { id: applicant.person.id, name: applicant.person.name },
            role: 'applicant',
            identityNote: '居民身份证',
          },
          party('周桂兰', 'respondent'),
        ],
        mediators: c.mediators,
        facts: c.facts!,
        requests: c.requests,
      },
      env.mediator,
    )
    expect(c.parties[0]).toMatchObject({ id: applicant.id, identityNote: '居民身份证', phone: '13812345678' })
    const person = (await env.core.db('persons').where({ id: applicant.person.id }).first()) as Record<string, unknown>
    expect(person).toMatchObject({ building: '3', room: '502', version: 7, phone: '13812345678' })
    c = await act(env, c, { action: 'accept', acceptedOn: '2026-03-01' })
    const again = await call(env.core, 'complaints.get', { id: complaint.id })
    expect(again.mediationCases).toEqual([{ id: c.id, number: c.number }])
    expect(c.complaint).toEqual({ id: complaint.id, number: complaint.number })
  })
})
