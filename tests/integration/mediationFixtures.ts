/**
 * Fixtures for the mediation tests: a core with a real staff row per role
 * (two 调解员, so one can be "another mediator"), valid inputs to vary, and
 * helpers that drive a case through the real API door to any stage.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { Core } from '../../electron/core/app'
import { localStaff, type Ctx, type Staff } from '../../electron/core/context'
import type {
  CaseContentInput,
  MediationActInput,
  MediationCaseDetail,
  PartyInput,
  SessionInput,
} from '../../shared/api/mediation'
import type { StaffRole } from '../../shared/labels'
import { call, fixedNow, openTestCore } from '../fixtures/core'

export interface MediationEnv {
  core: Core
  admin: Ctx
  /** The 调解员 who works the cases. */
  mediator: Ctx
  /** A 调解员 who is not on the cases. */
  otherMediator: Ctx
  frontDesk: Ctx
  viewer: Ctx
}

export function ctxOf(staff: Staff, now: Date = fixedNow): Ctx {
  return { staff, clock: { now: () => now } }
}

/** A real staff row (no password: these tests act through ctx, and hashing would only slow them). */
export async function staffRow(core: Core, name: string, login: string, role: StaffRole): Promise<Staff> {
  const now = fixedNow.toISOString()
  const [row] = (await core
    .db('staff')
    .insert({ name, login, role, active: 1, created_at: now, updated_at: now })
    .returning('id')) as { id: number }[]
  return { id: row!.id, name, role }
}

/** Opens a fresh core with its staff before the block (or each test) and closes it after. */
export function useMediationCore(per: 'block' | 'test' = 'block'): MediationEnv {
  const env = {} as MediationEnv
  const [open, close] = per === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll]
  open(async () => {
    env.core = await openTestCore()
    env.admin = ctxOf(localStaff)
    env.mediator = ctxOf(await staffRow(env.core, '王建国', 'wangjianguo', 'mediator'))
    env.otherMediator = ctxOf(await staffRow(env.core, '陈淑芬', 'chenshufen', 'mediator'))
    env.frontDesk = ctxOf(await staffRow(env.core, '李萍', 'liping', 'front_desk'))
    env.viewer = ctxOf(await staffRow(env.core, '赵主任', 'zhaozr', 'viewer'))
  })
  close(async () => {
    await env.core.close()
  })
  return env
}

export function party(name: string, role: PartyInput['role'], extra: Partial<PartyInput> = {}): PartyInput {
  return { person: { name, phone: '13812345678' }, role, ...extra }
}

export function caseInput(extra: Partial<CaseContentInput> = {}): CaseContentInput {
  return {
    source: 'application',
    disputeType: 'neighbour',
    registeredOn: '2026-02-16',
    parties: [
      { person: { name: '张三', phone: '13812345678', sex: 'male', age: 45 }, role: 'applicant', occupation: '司机' },
      { person: { name: '李四', phone: '13987654321', sex: 'female', age: 52 }, role: 'respondent' },
    ],
    facts: '被申请人家卫生间漏水，损坏申请人家吊顶。',
    requests: ['修复防水', '赔偿吊顶维修费用2400元'],
    ...extra,
  }
}

export function sessionInput(c: MediationCaseDetail, extra: Partial<SessionInput> = {}): SessionInput {
  const presiding = c.mediators.find((m) => m.role === 'presiding')!
  return {
    caseId: c.id,
    heldAt: '2026-02-20T10:00:00+08:00',
    place: '社区人民调解室',
    presidingStaffId: presiding.staffId,
    recorder: '王建国',
    open: true,
    attendees: [
      ...c.parties.map((p) => ({ partyId: p.id, name: p.person.name, capacity: '当事人', signed: true })),
      { name: '王德福', capacity: '楼栋长', signed: false },
    ],
    record: '双方陈述了漏水的经过，同意先修复防水。',
    ...extra,
  }
}

type Act = MediationActInput extends infer T ? (T extends unknown ? Omit<T, 'id' | 'version'> : never) : never

export function act(env: MediationEnv, c: MediationCaseDetail, step: Act, as: Ctx = env.mediator) {
  return call(env.core, 'mediation.act', { ...step, id: c.id, version: c.version } as MediationActInput, as)
}

export const writtenAgreement: Act = {
  action: 'conclude_written',
  agreedOn: '2026-02-24',
  effectiveOn: '2026-02-25',
  place: '社区人民调解室',
  disputePoints: '漏水系被申请人家防水层老化所致，被申请人应承担修复责任。',
  terms: [
    { content: '李四修复卫生间防水。', way: '自行修复', deadline: '2026-03-05' },
    { content: '李四赔偿张三吊顶维修费用2400元。', way: '一次性支付', place: '社区人民调解室', deadline: '2026-03-10' },
  ],
}

export type Stage = 'registered' | 'accepted' | 'noticed' | 'session' | 'written'

/** A case registered by the mediator (who therefore presides), driven to `stage`. */
export async function caseAt(
  env: MediationEnv,
  stage: Stage,
  content: Partial<CaseContentInput> = {},
): Promise<MediationCaseDetail> {
  const order: Stage[] = ['registered', 'accepted', 'noticed', 'session', 'written']
  let c = await call(env.core, 'mediation.register', caseInput(content), env.mediator)
  const upTo = order.indexOf(stage)
  if (upTo >= 1) c = await act(env, c, { action: 'accept', acceptedOn: '2026-02-17' })
  if (upTo >= 2) c = await act(env, c, { action: 'notify_rights', date: '2026-02-18', way: 'written' })
  if (upTo >= 3) c = await call(env.core, 'mediation.saveSession', sessionInput(c), env.mediator)
  if (upTo >= 4) c = await act(env, c, writtenAgreement)
  return c
}
