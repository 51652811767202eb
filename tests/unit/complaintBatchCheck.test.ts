/**
 * What a batch of 诉求 refuses before writing anything: the checks a draft
 * goes through (content, references, dates, a history row's 办结 fields),
 * each with a Chinese message naming the draft and the field.
 */
import { describe, expect, it } from 'vitest'
import { checkResolved, type ResolvedComplaint } from '../../electron/core/services/intake/complaintBatchRows'
import { ApiError } from '../../shared/api/errors'

const now = new Date('2026-03-01T09:00:00Z')
const refs = {
  categories: new Map([
    [1, false],
    [2, true],
  ]),
  compounds: new Set([7]),
}

function draft(extra: Partial<ResolvedComplaint> = {}): ResolvedComplaint {
  return {
    row: 12,
    personId: null,
    content: {
      kind: 'complaint',
      categoryId: 1,
      urgency: 'normal',
      compoundId: 7,
      locationDetail: null,
      request: '请清理楼道杂物',
      facts: null,
      reasons: null,
    },
    receivedAt: '2026-02-10T02:00:00.000Z',
    ...extra,
  }
}

function refusal(d: ResolvedComplaint): ApiError {
  try {
    checkResolved(d, refs, now)
  } catch (err) {
    if (err instanceof ApiError) return err
    throw err
  }
  throw new Error('expected a refusal')
}

const resolved = {
  status: 'resolved' as const,
  resolvedAt: '2026-02-20T02:00:00.000Z',
  result: '已清理',
  answer: 'support' as const,
}

describe('checkResolved', () => {
  it('passes a plain draft and complete history rows', () => {
    expect(() => checkResolved(draft(), refs, now)).not.toThrow()
    expect(() => checkResolved(draft({ history: { status: 'accepted' } }), refs, now)).not.toThrow()
    expect(() =>
      checkResolved(draft({ history: { ...resolved, satisfaction: 'unsatisfied' } }), refs, now),
    ).not.toThrow()
  })

  it.each([
    ['kind', draft({ content: { ...draft().content, kind: 'praise' as never } }), '诉求类型不正确'],
    ['categoryId', draft({ content: { ...draft().content, categoryId: 9 } }), '所选诉求类别不存在'],
    ['categoryId', draft({ content: { ...draft().content, categoryId: 2 } }), '所选诉求类别已停用'],
    ['compoundId', draft({ content: { ...draft().content, compoundId: 8 } }), '所选小区不存在'],
    ['request', draft({ content: { ...draft().content, request: '  ' } }), '请填写诉求请求'],
    ['receivedAt', draft({ receivedAt: 'yesterday' }), '登记时间不是有效的时间'],
    ['receivedAt', draft({ receivedAt: '2026-03-02T00:00:00.000Z' }), '登记时间不能晚于现在'],
    ['status', draft({ history: { status: 'accepted', result: '已清理' } }), '只有已办结的诉求才有'],
    ['result', draft({ history: { ...resolved, result: null } }), '已办结的诉求请填写办理结果'],
    ['answer', draft({ history: { ...resolved, answer: null } }), '请填写答复类型'],
    ['satisfaction', draft({ history: { ...resolved, satisfaction: 'great' as never } }), '满意度应为'],
    ['resolvedAt', draft({ history: { ...resolved, resolvedAt: null } }), '请填写办结日期'],
    ['resolvedAt', draft({ history: { ...resolved, resolvedAt: '2026-04-01T00:00:00.000Z' } }), '办结日期不能晚于现在'],
    [
      'resolvedAt',
      draft({ history: { ...resolved, resolvedAt: '2026-02-01T00:00:00.000Z' } }),
      '办结日期不能早于登记日期',
    ],
  ])('refuses a bad %s (case %#)', (field, d, message) => {
    const err = refusal(d)
    expect(err.code).toBe('VALIDATION')
    expect(err.field).toBe(field)
    expect(err.message).toMatch(/^第12条诉求：/)
    expect(err.message).toContain(message)
  })
})
