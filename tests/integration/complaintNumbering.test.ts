/**
 * 诉求编号 on a real SQLite file: the default pattern, a custom one, refused
 * patterns, a new sequence each year, and numbers that stay unique and
 * gapless when many clerks save at once and some of the saves fail.
 */
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/api/errors'
import type { IntakeOptions } from '../../shared/api/intakeSettings'
import { apiErrorOf, call, countRows } from '../fixtures/core'
import { at, complaintInput, createVisit, personInput, useIntakeCore, visitInput } from '../fixtures/intake'

const env = useIntakeCore('test')

async function setOptions(change: Partial<IntakeOptions>): Promise<IntakeOptions> {
  const current = await call(env.core, 'intake.getOptions', {})
  return call(env.core, 'intake.saveOptions', { ...current, ...change })
}

describe('numbers', () => {
  it('are year + six-digit sequence by default, for 诉求 and visits alike', async () => {
    const first = await createVisit(env.core, env.refs, [
      complaintInput(env.refs),
      complaintInput(env.refs, { kind: 'help' }),
    ])
    const second = await createVisit(env.core, env.refs)
    expect(first.number).toBe('LF2026-000001')
    expect(second.number).toBe('LF2026-000002')
    expect([...first.complaints, ...second.complaints].map((c) => c.number)).toEqual([
      '2026-000001',
      '2026-000002',
      '2026-000003',
    ])
    // Lookup codes are six unambiguous characters, different per visit.
    expect(first.lookupCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/)
    expect(first.lookupCode).not.toBe(second.lookupCode)
  })

  it('follow a custom pattern once saved, continuing the sequence', async () => {
    await createVisit(env.core, env.refs)
    const saved = await setOptions({ numberPattern: 'GX{year}{seq:5}' })
    expect(saved.numberPattern).toBe('GX{year}{seq:5}')
    expect((await call(env.core, 'intake.getOptions', {})).numberPattern).toBe('GX{year}{seq:5}')
    const visit = await createVisit(env.core, env.refs)
    expect(visit.complaints[0]!.number).toBe('GX202600002')
  })

  it('start again at 1 in a new year', async () => {
    await createVisit(env.core, env.refs)
    await createVisit(env.core, env.refs)
    const nextYear = await createVisit(env.core, env.refs, undefined, {}, at('2027-01-04T10:00:00+08:00'))
    expect(nextYear.number).toBe('LF2027-000001')
    expect(nextYear.complaints[0]!.number).toBe('2027-000001')
  })

  it('refuse a pattern that could repeat or cannot be read, keeping the old one', async () => {
    const cases: [string, string][] = [
      ['GX{seq:5}', '编号格式中必须包含年份 {year}：序号每年从1开始，没有年份会与往年重复'],
      ['{year}', '编号格式中必须且只能有一个序号 {seq}（可写作 {seq:6} 表示补足6位）'],
      ['{year}/{seq}', '编号格式不能包含空格或斜杠'],
      ['{year}-{seq:2}', '序号至少补足3位，如 {seq:3}'],
      ['{year}-{seq}-{day}', '编号格式只认识 {year} 和 {seq}，请检查花括号'],
      ['', '请填写诉求编号格式'],
    ]
    const audits = await countRows(env.core, 'audit_events')
    for (const [numberPattern, message] of cases) {
      const err = await apiErrorOf(() => setOptions({ numberPattern }))
      expect(err, numberPattern).toMatchObject({ code: 'VALIDATION', field: 'numberPattern', message })
    }
    expect((await call(env.core, 'intake.getOptions', {})).numberPattern).toBe('{year}-{seq:6}')
    expect(await countRows(env.core, 'audit_events')).toBe(audits)
  })

  it('leave no hole when a save fails', async () => {
    await createVisit(env.core, env.refs)
    const err = await apiErrorOf(() =>
      createVisit(env.core, env.refs, [complaintInput(env.refs), complaintInput(env.refs, { categoryId: 99999 })]),
    )
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'complaints.1.categoryId' })
    const next = await createVisit(env.core, env.refs)
    expect(next.number).toBe('LF2026-000002')
    expect(next.complaints[0]!.number).toBe('2026-000002')
  })
})

describe('forty clerks saving at once', () => {
  it('get unique, gapless numbers; the failed saves leave nothing behind', async () => {
    const han = '甲乙丙丁戊己庚辛壬癸'
    const plan = Array.from({ length: 40 }, (_, i) => ({
      name: `测试${han[Math.floor(i / 10)]}${han[i % 10]}`,
      two: i % 3 === 0,
      // A category that does not exist in the second 诉求: core refuses it mid-transaction.
      fails: i % 8 === 5,
    }))
    const results = await Promise.allSettled(
      plan.map((p) => {
        const complaints = [complaintInput(env.refs, { request: `${p.name}的诉求` })]
        if (p.two || p.fails) {
          complaints.push(complaintInput(env.refs, { kind: 'help', ...(p.fails ? { categoryId: 99999 } : {}) }))
        }
        return call(
          env.core,
          'visits.create',
          visitInput(env.refs, complaints, { person: personInput({ name: p.name }) }),
        )
      }),
    )

    const failed = plan.filter((p) => p.fails)
    expect(failed.length).toBe(5)
    results.forEach((r, i) => {
      if (plan[i]!.fails) {
        expect(r.status).toBe('rejected')
        const reason = (r as PromiseRejectedResult).reason as unknown
        expect(reason).toBeInstanceOf(ApiError)
        expect(reason).toMatchObject({ code: 'VALIDATION', field: 'complaints.1.categoryId' })
      } else {
        expect(r.status, `${plan[i]!.name}: ${String((r as PromiseRejectedResult).reason)}`).toBe('fulfilled')
      }
    })

    const visits = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    const complaintNumbers = visits.flatMap((v) => v.complaints.map((c) => c.number))
    const expectedComplaints = plan.filter((p) => !p.fails).reduce((n, p) => n + (p.two ? 2 : 1), 0)
    const gapless = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(6, '0')}`)
    expect(complaintNumbers.length).toBe(expectedComplaints)
    expect([...complaintNumbers].sort()).toEqual(gapless('2026-', expectedComplaints))
    expect(visits.map((v) => v.number).sort()).toEqual(gapless('LF2026-', 35))
    // Each visit's 诉求 got consecutive numbers (nothing interleaved inside one save).
    for (const v of visits.filter((x) => x.complaints.length === 2)) {
      const [a, b] = v.complaints.map((c) => Number(c.number.slice(5)))
      expect(b).toBe(a! + 1)
    }

    // The failed saves left no person, visit or 诉求, and no event.
    expect(await countRows(env.core, 'persons')).toBe(35)
    expect(await countRows(env.core, 'visits')).toBe(35)
    expect(await countRows(env.core, 'complaints')).toBe(expectedComplaints)
    expect(await countRows(env.core, 'complaint_events')).toBe(expectedComplaints)
    const names = ((await env.core.db('persons').select('name')) as { name: string }[]).map((r) => r.name)
    for (const p of failed) expect(names).not.toContain(p.name)
    const stored = (await env.core.db('complaints').orderBy('seq').select('seq')) as { seq: number }[]
    expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: expectedComplaints }, (_, i) => i + 1))
    expect(await env.core.db('number_sequences').where({ scope: 'complaint:2026' }).first('last')).toEqual({
      last: expectedComplaints,
    })
  })
})
