/**
 * The 诉求 workflow through the real API door on a real SQLite file: every
 * action from every status (allowed ones move the 诉求 and leave an event,
 * refused ones change nothing and say why), follow-up, extension, merge,
 * link, and refusal of saves against a stale version.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { ComplaintDetail } from '../../shared/api/complaints'
import { complaintActions, canDo, refusalReason, type ComplaintAction } from '../../shared/complaints/workflow'
import { complaintStatuses, type ComplaintStatus } from '../../shared/intake/labels'
import { apiErrorOf, call, countRows, ctx, fixedNow } from '../fixtures/core'
import { act, actInput, complaintInput, createComplaint, createVisit, driveTo, useIntakeCore } from '../fixtures/intake'

const staleMessage = '该诉求已被他人办理或修改，请刷新后再操作（您填写的内容尚未提交）'

/** Where each allowed action leads (null: the status stays). */
const leadsTo: Record<ComplaintAction, ComplaintStatus | null> = {
  accept: 'accepted',
  reject: 'rejected',
  assign: 'assigned',
  start: 'in_progress',
  return: 'accepted',
  extend: null,
  escalate_mediation: 'in_progress',
  consult: 'in_progress',
  resolve: 'resolved',
  follow_up: 'followed_up',
  archive: 'archived',
  merge: 'merged',
}

describe('every action from every status', () => {
  const env = useIntakeCore()
  /** A merge target that stays open throughout. */
  let target: ComplaintDetail
  /** One 诉求 per status, for the refused actions (which must leave it untouched). */
  const inStatus = new Map<ComplaintStatus, ComplaintDetail>()

  beforeAll(async () => {
    target = await createComplaint(env.core, env.refs)
    for (const status of complaintStatuses) inStatus.set(status, await driveTo(env.core, env.refs, status))
  })

  it('has a real 诉求 in each of the nine statuses', () => {
    for (const status of complaintStatuses) expect(inStatus.get(status)!.status).toBe(status)
  })

  const combos = complaintStatuses.flatMap((status) => complaintActions.map((action) => ({ status, action })))

  it.each(combos.filter((c) => canDo(c.action, c.status)))(
    'allows $action from $status',
    async ({ status, action }) => {
      const before = await driveTo(env.core, env.refs, status)
      const saved = await act(env.core, env.refs, before, action, { targetId: target.id })
      const to = leadsTo[action] ?? status
      expect(saved.status).toBe(to)
      expect(saved.version).toBe(before.version + 1)
      const added = saved.timeline.slice(before.timeline.length)
      expect(added).toHaveLength(1)
      expect(added[0]).toMatchObject({
        complaintNumber: before.number,
        action,
        fromStatus: status,
        toStatus: to,
        staffName: '本机管理员',
        at: fixedNow.toISOString(),
      })
      expect(await call(env.core, 'complaints.get', { id: before.id })).toEqual(saved)
    },
  )

  it.each(combos.filter((c) => !canDo(c.action, c.status)))(
    'refuses $action from $status with the reason, changing nothing',
    async ({ status, action }) => {
      const before = await call(env.core, 'complaints.get', { id: inStatus.get(status)!.id })
      const events = await countRows(env.core, 'complaint_events')
      const audits = await countRows(env.core, 'audit_events')
      const followUps = await countRows(env.core, 'complaint_followups')
      const err = await apiErrorOf(() =>
        call(env.core, 'complaints.act', actInput(action, before, env.refs, { targetId: target.id })),
      )
      expect(err.code).toBe('CONFLICT')
      expect(err.message).toBe(refusalReason(action, status))
      expect(await call(env.core, 'complaints.get', { id: before.id })).toEqual(before)
      expect(await countRows(env.core, 'complaint_events')).toBe(events)
      expect(await countRows(env.core, 'audit_events')).toBe(audits)
      expect(await countRows(env.core, 'complaint_followups')).toBe(followUps)
    },
  )
})

describe('workflow details', () => {
  const env = useIntakeCore()

  it('records every step on the timeline with who, when, from, to and note, and one audit event each', async () => {
    let c = await createComplaint(env.core, env.refs)
    for (const action of ['accept', 'assign', 'start', 'resolve'] as const) c = await act(env.core, env.refs, c, action)
    expect(c.timeline.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['register', null, 'registered'],
      ['accept', 'registered', 'accepted'],
      ['assign', 'accepted', 'assigned'],
      ['start', 'assigned', 'in_progress'],
      ['resolve', 'in_progress', 'resolved'],
    ])
    expect(c.timeline[1]).toMatchObject({ note: '符合受理条件', staffName: '本机管理员' })
    expect(c.timeline[2]!.detail).toMatchObject({ unit: '物业公司', assignee: '王经理' })
    expect(c.timeline[4]).toMatchObject({ note: '已清理完毕，并设置临时堆放点', detail: { answer: 'support' } })
    expect(c).toMatchObject({
      unitName: '物业公司',
      assignee: '王经理',
      result: '已清理完毕，并设置临时堆放点',
      answer: 'support',
      resolvedAt: fixedNow.toISOString(),
      resolvedOnTime: true,
      dueDate: null,
      clockState: null,
    })
    const transitions = await env.core.db('audit_events').where({ action: 'transition', entity_id: c.id })
    expect(transitions).toHaveLength(4)
  })

  it('rejects with a reason, then archives', async () => {
    let c = await act(env.core, env.refs, await createComplaint(env.core, env.refs), 'reject')
    expect(c).toMatchObject({
      status: 'rejected',
      rejectReason: '不属于本社区职责范围，已告知向区市场监管局反映',
      dueDate: null,
    })
    c = await act(env.core, env.refs, c, 'archive')
    expect(c.status).toBe('archived')
  })

  it('a return (退单) clears the unit and goes back to 已受理, with the reason on the timeline', async () => {
    const c = await act(env.core, env.refs, await driveTo(env.core, env.refs, 'in_progress'), 'return')
    expect(c).toMatchObject({ status: 'accepted', unitId: null, unitName: null, assignee: null })
    expect(c.timeline.at(-1)).toMatchObject({
      action: 'return',
      note: '不属于物业服务范围',
      detail: { unit: '物业公司' },
    })
    expect(c.handleDue).not.toBeNull()
    expect(c.dueDate).toBe(c.handleDue)
  })

  it('reassigning (转办) records the previous unit', async () => {
    const c = await act(env.core, env.refs, await driveTo(env.core, env.refs, 'assigned'), 'assign', {
      unitId: env.refs.units['社区居委会'],
    })
    expect(c).toMatchObject({ status: 'assigned', unitName: '社区居委会' })
    expect(c.timeline.at(-1)!.detail).toMatchObject({ unit: '社区居委会', previousUnit: '物业公司' })
  })

  it('escalating to mediation hands it to the mediation committee; consulting records the meeting', async () => {
    const mediated = await act(env.core, env.refs, await driveTo(env.core, env.refs, 'accepted'), 'escalate_mediation')
    expect(mediated).toMatchObject({ status: 'in_progress', unitName: '人民调解委员会' })
    const consulted = await act(env.core, env.refs, await driveTo(env.core, env.refs, 'assigned'), 'consult')
    expect(consulted.status).toBe('in_progress')
    expect(consulted.timeline.at(-1)).toMatchObject({
      action: 'consult',
      note: '由物业公司每周清运一次',
      detail: { meetingDate: '2026-03-05', participants: '居民代表、物业公司、社区两委' },
    })
  })

  it('refuses to assign to a unit that is archived or does not exist, changing nothing', async () => {
    const c = await driveTo(env.core, env.refs, 'accepted')
    const unit = await call(env.core, 'intake.saveUnit', { name: '城管执法中队', kind: 'subdistrict_office' })
    await call(env.core, 'intake.archiveUnit', { id: unit.id, archived: true })
    const archived = await apiErrorOf(() => act(env.core, env.refs, c, 'assign', { unitId: unit.id }))
    expect(archived).toMatchObject({
      code: 'VALIDATION',
      field: 'unitId',
      message: '承办单位“城管执法中队”已停用，请选择其他单位',
    })
    const missing = await apiErrorOf(() => act(env.core, env.refs, c, 'assign', { unitId: 9999 }))
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'unitId', message: '所选承办单位不存在，请重新选择' })
    expect(await call(env.core, 'complaints.get', { id: c.id })).toEqual(c)
  })

  it('asks for the fields each action needs', async () => {
    const c = await driveTo(env.core, env.refs, 'in_progress')
    const cases: [Record<string, unknown>, string, string][] = [
      [{ action: 'resolve', result: '', answer: 'support' }, 'result', '请填写办理结果'],
      [{ action: 'resolve', result: '已处理' }, 'answer', '请选择答复意见（支持/解释/不予支持）'],
      [{ action: 'return', reason: '  ' }, 'reason', '请填写退单理由'],
      [{ action: 'extend', days: 10, approver: '', reason: '需协调' }, 'approver', '请填写批准人'],
      [{ action: 'fly' }, 'action', '未知的办理操作，应为：' + complaintActions.join('、')],
    ]
    for (const [input, field, message] of cases) {
      const err = await apiErrorOf(() =>
        // Deliberately malformed input, so past the typed helper straight to the API door.
        env.core.call(ctx, 'complaints.act', { id: c.id, version: c.version, ...input }),
      )
      expect(err, JSON.stringify(input)).toMatchObject({ code: 'VALIDATION', field, message })
    }
    expect(await call(env.core, 'complaints.get', { id: c.id })).toEqual(c)
  })

  it('a satisfied follow-up closes the loop as 已回访 and keeps the call on record', async () => {
    const c = await act(env.core, env.refs, await driveTo(env.core, env.refs, 'resolved'), 'follow_up', {
      satisfaction: 'basically_satisfied',
    })
    expect(c).toMatchObject({ status: 'followed_up', satisfaction: 'basically_satisfied' })
    expect(c.followUps).toEqual([
      {
        id: expect.any(Number),
        date: '2026-03-01',
        caller: '李前台',
        satisfaction: 'basically_satisfied',
        comment: '居民表示满意',
        at: fixedNow.toISOString(),
      },
    ])
  })

  it('an unsatisfied follow-up reopens it to 办理中 with a reopen event and a running clock', async () => {
    const resolved = await driveTo(env.core, env.refs, 'resolved')
    const reopened = await act(env.core, env.refs, resolved, 'follow_up', { satisfaction: 'unsatisfied' })
    expect(reopened).toMatchObject({
      status: 'in_progress',
      satisfaction: 'unsatisfied',
      resolvedAt: null,
      resolvedOnTime: null,
      dueDate: resolved.handleDue,
      version: resolved.version + 1,
    })
    expect(reopened.timeline.slice(-2).map((e) => [e.action, e.fromStatus, e.toStatus, e.note])).toEqual([
      ['follow_up', 'resolved', 'resolved', '居民表示满意'],
      ['reopen', 'resolved', 'in_progress', '回访不满意，重新办理'],
    ])
    expect(reopened.followUps).toHaveLength(1)
    expect(reopened.followUps[0]!.satisfaction).toBe('unsatisfied')

    // It can be resolved again and followed up once more.
    let again = await act(env.core, env.refs, reopened, 'resolve')
    again = await act(env.core, env.refs, again, 'follow_up')
    expect(again).toMatchObject({ status: 'followed_up', satisfaction: 'satisfied' })
    expect(again.followUps.map((f) => f.satisfaction)).toEqual(['unsatisfied', 'satisfied'])
  })

  it('extends once, by at most 30 days, with approver and reason', async () => {
    const accepted = await driveTo(env.core, env.refs, 'accepted')
    expect(accepted.handleDue).toBe('2026-04-30')

    const tooLong = await apiErrorOf(() => act(env.core, env.refs, accepted, 'extend', { days: 31 }))
    expect(tooLong).toMatchObject({
      code: 'VALIDATION',
      field: 'days',
      message: '延期不得超过30日（信访工作条例第三十二条）',
    })

    const extended = await act(env.core, env.refs, accepted, 'extend', { days: 30 })
    expect(extended).toMatchObject({
      status: 'accepted',
      handleDue: '2026-05-30',
      dueDate: '2026-05-30',
      extensionDays: 30,
      extensionApprover: '刘书记',
      extensionReason: '需协调多个部门现场勘查',
    })
    expect(extended.timeline.at(-1)).toMatchObject({
      action: 'extend',
      fromStatus: 'accepted',
      toStatus: 'accepted',
      detail: { days: 30, approver: '刘书记', from: '2026-04-30', to: '2026-05-30' },
    })

    // Still once only after a hand-back and a new assignment.
    let later = await act(env.core, env.refs, extended, 'assign')
    later = await act(env.core, env.refs, later, 'return')
    const events = await countRows(env.core, 'complaint_events')
    const again = await apiErrorOf(() => act(env.core, env.refs, later, 'extend', { days: 5 }))
    expect(again).toMatchObject({ code: 'CONFLICT', message: '该诉求已于此前延期30日；依《信访工作条例》只能延期一次' })
    expect(await call(env.core, 'complaints.get', { id: later.id })).toEqual(later)
    expect(await countRows(env.core, 'complaint_events')).toBe(events)
  })

  it('refuses to edit the content of an archived or merged 诉求', async () => {
    for (const status of ['archived', 'merged'] as const) {
      const c = await driveTo(env.core, env.refs, status)
      const err = await apiErrorOf(() =>
        call(env.core, 'complaints.update', {
          ...complaintInput(env.refs, { request: '改一改' }),
          id: c.id,
          version: c.version,
        }),
      )
      expect(err).toMatchObject({ code: 'CONFLICT', message: '已归档或已合并的诉求不能再修改内容' })
      expect(await call(env.core, 'complaints.get', { id: c.id })).toEqual(c)
    }
  })

  it('records which content was edited on the timeline', async () => {
    const c = await createComplaint(env.core, env.refs)
    const edited = await call(env.core, 'complaints.update', {
      ...complaintInput(env.refs, { request: '请尽快清理建筑垃圾', urgency: 'urgent' }),
      id: c.id,
      version: c.version,
    })
    expect(edited).toMatchObject({ request: '请尽快清理建筑垃圾', urgency: 'urgent', version: c.version + 1 })
    expect(edited.timeline.at(-1)).toMatchObject({ action: 'edit', note: '修改了紧急程度、请求' })
    // Saving the same content again adds no event.
    const same = await call(env.core, 'complaints.update', {
      ...complaintInput(env.refs, { request: '请尽快清理建筑垃圾', urgency: 'urgent' }),
      id: c.id,
      version: edited.version,
    })
    expect(same.timeline).toHaveLength(edited.timeline.length)
  })
})

describe('merge and link', () => {
  const env = useIntakeCore()

  it('merging keeps both timelines: the target shows the merged one’s events under its own number', async () => {
    // A compound and category of their own, so other tests' 诉求 are not possible duplicates.
    const own = { compoundId: env.refs.places.hongguangYuan, categoryId: env.refs.categories['加装电梯'] }
    const target = await act(env.core, env.refs, await createComplaint(env.core, env.refs, own), 'accept')
    let dup = await createComplaint(env.core, env.refs, own)
    dup = await act(env.core, env.refs, dup, 'accept')
    const merged = await act(env.core, env.refs, dup, 'merge', { targetId: target.id })
    expect(merged).toMatchObject({
      status: 'merged',
      mergedInto: { id: target.id, number: target.number },
      dueDate: null,
      clockState: null,
      possibleDuplicates: [],
    })
    expect(merged.timeline.map((e) => e.action)).toEqual(['register', 'accept', 'merge'])
    expect(merged.timeline.at(-1)!.detail).toEqual({ into: target.number })

    const after = await call(env.core, 'complaints.get', { id: target.id })
    expect(after.status).toBe('accepted')
    expect(after.mergedIn).toEqual([{ id: dup.id, number: dup.number }])
    const byNumber = (n: string) => after.timeline.filter((e) => e.complaintNumber === n).map((e) => e.action)
    expect(byNumber(dup.number)).toEqual(['register', 'accept', 'merge'])
    expect(byNumber(target.number)).toEqual(['register', 'accept', 'merged_in'])
    expect(after.timeline.find((e) => e.action === 'merged_in')!.detail).toEqual({ from: dup.number })
    // The merged one no longer counts as a possible duplicate of the target.
    expect(after.possibleDuplicates).toEqual([])
    expect(after.hasPossibleDuplicate).toBe(false)
  })

  // A → B and then B → C: C's timeline must carry A's own events too, not only B's.
  it('merging twice in a chain keeps every timeline on the final 诉求', async () => {
    const own = { compoundId: env.refs.places.hongguangYuan, categoryId: env.refs.categories['邻里纠纷'] }
    const a = await createComplaint(env.core, env.refs, own)
    const b = await createComplaint(env.core, env.refs, own)
    const c = await createComplaint(env.core, env.refs, own)
    await act(env.core, env.refs, a, 'merge', { targetId: b.id })
    await act(env.core, env.refs, await call(env.core, 'complaints.get', { id: b.id }), 'merge', { targetId: c.id })
    const final = await call(env.core, 'complaints.get', { id: c.id })
    expect(final.timeline.filter((e) => e.complaintNumber === a.number).map((e) => e.action)).toEqual([
      'register',
      'merge',
    ])
  })

  it('refuses to merge into itself, into a merged 诉求 or into one that does not exist', async () => {
    const created = await createComplaint(env.core, env.refs)
    const b = await createComplaint(env.core, env.refs)
    const c = await createComplaint(env.core, env.refs)
    await act(env.core, env.refs, b, 'merge', { targetId: c.id })
    const a = await call(env.core, 'complaints.get', { id: created.id })
    const cases: [number, string][] = [
      [a.id, '不能合并到它自己'],
      [b.id, `诉求${b.number}本身已合并到其他诉求，请选择最终的那一件`],
      [9999, '要合并到的诉求不存在'],
    ]
    for (const [targetId, message] of cases) {
      const err = await apiErrorOf(() => act(env.core, env.refs, a, 'merge', { targetId }))
      expect(err).toMatchObject({ code: 'VALIDATION', field: 'targetId', message })
    }
    expect(await call(env.core, 'complaints.get', { id: a.id })).toEqual(a)
  })

  it('linking two possible duplicates takes the pair off each other’s list', async () => {
    const own = { compoundId: env.refs.places.shangyeju, categoryId: env.refs.categories['停车充电'] }
    const visit = await createVisit(env.core, env.refs, [
      complaintInput(env.refs, own),
      complaintInput(env.refs, { ...own, request: '充电桩不够用' }),
    ])
    const [a, b] = visit.complaints
    expect(visit.complaints.map((c) => c.hasPossibleDuplicate)).toEqual([true, true])
    const before = await call(env.core, 'complaints.get', { id: a!.id })
    expect(before.possibleDuplicates.map((d) => d.id)).toEqual([b!.id])

    const linked = await call(env.core, 'complaints.link', { id: a!.id, otherId: b!.id })
    expect(linked.possibleDuplicates).toEqual([])
    expect(linked.linked).toEqual([{ id: b!.id, number: b!.number }])
    expect(linked.hasPossibleDuplicate).toBe(false)
    expect(linked.timeline.at(-1)).toMatchObject({ action: 'link', detail: { other: b!.number } })
    const other = await call(env.core, 'complaints.get', { id: b!.id })
    expect(other.possibleDuplicates).toEqual([])
    expect(other.linked).toEqual([{ id: a!.id, number: a!.number }])
    expect(other.hasPossibleDuplicate).toBe(false)

    const self = await apiErrorOf(() => call(env.core, 'complaints.link', { id: a!.id, otherId: a!.id }))
    expect(self).toMatchObject({ code: 'VALIDATION', field: 'otherId', message: '不能把诉求与它自己关联' })
  })
})

describe('linking an already linked pair again', () => {
  const env = useIntakeCore()

  // BUG in core (complaints.ts link): with sqlite3, knex's insert…onConflict().ignore()
  // returns [lastID] even when the row was ignored, so `inserted.length > 0` is always
  // true and every repeat link appends two more 'link' events and an audit event.
  it('adds no events, either way round', async () => {
    const visit = await createVisit(env.core, env.refs, [
      complaintInput(env.refs),
      complaintInput(env.refs, { request: '垃圾清运' }),
    ])
    const [a, b] = visit.complaints
    await call(env.core, 'complaints.link', { id: a!.id, otherId: b!.id })
    const events = await countRows(env.core, 'complaint_events')
    const audits = await countRows(env.core, 'audit_events')
    const again = await call(env.core, 'complaints.link', { id: b!.id, otherId: a!.id })
    expect(await countRows(env.core, 'complaint_links')).toBe(1)
    expect(again.timeline.filter((e) => e.action === 'link')).toHaveLength(1)
    expect(await countRows(env.core, 'complaint_events')).toBe(events)
    expect(await countRows(env.core, 'audit_events')).toBe(audits)
  })
})

describe('two clerks on the same 诉求', () => {
  const env = useIntakeCore()

  it('the second content save with the old version is refused and changes nothing', async () => {
    const c = await createComplaint(env.core, env.refs)
    const first = await call(env.core, 'complaints.get', { id: c.id })
    const second = await call(env.core, 'complaints.get', { id: c.id })
    const saved = await call(env.core, 'complaints.update', {
      ...complaintInput(env.refs, { request: '第一位办事员的修改' }),
      id: first.id,
      version: first.version,
    })
    const events = await countRows(env.core, 'complaint_events')
    const err = await apiErrorOf(() =>
      call(env.core, 'complaints.update', {
        ...complaintInput(env.refs, { request: '第二位办事员的修改' }),
        id: second.id,
        version: second.version,
      }),
    )
    expect(err).toMatchObject({ code: 'CONFLICT', message: staleMessage })
    expect(await call(env.core, 'complaints.get', { id: c.id })).toEqual(saved)
    expect(await countRows(env.core, 'complaint_events')).toBe(events)
  })

  it('the second action with the old version is refused, even one that would be allowed', async () => {
    const c = await createComplaint(env.core, env.refs)
    const first = await call(env.core, 'complaints.get', { id: c.id })
    const second = await call(env.core, 'complaints.get', { id: c.id })
    const accepted = await act(env.core, env.refs, first, 'accept')
    const events = await countRows(env.core, 'complaint_events')
    for (const action of ['reject', 'accept', 'assign'] as const) {
      const err = await apiErrorOf(() => act(env.core, env.refs, second, action))
      expect(err, action).toMatchObject({ code: 'CONFLICT', message: staleMessage })
    }
    const stale = await apiErrorOf(() =>
      call(env.core, 'complaints.update', { ...complaintInput(env.refs), id: second.id, version: second.version }),
    )
    expect(stale).toMatchObject({ code: 'CONFLICT', message: staleMessage })
    expect(await call(env.core, 'complaints.get', { id: c.id })).toEqual(accepted)
    expect(await countRows(env.core, 'complaint_events')).toBe(events)
  })

  it('an edit bumps the version so a pending action on the old version is refused', async () => {
    const c = await createComplaint(env.core, env.refs)
    const edited = await call(env.core, 'complaints.update', {
      ...complaintInput(env.refs, { request: '补充：还有大件家具' }),
      id: c.id,
      version: c.version,
    })
    const err = await apiErrorOf(() => act(env.core, env.refs, c, 'accept'))
    expect(err).toMatchObject({ code: 'CONFLICT', message: staleMessage })
    expect((await call(env.core, 'complaints.get', { id: c.id })).status).toBe('registered')
    expect(await act(env.core, env.refs, edited, 'accept')).toMatchObject({ status: 'accepted' })
  })
})
