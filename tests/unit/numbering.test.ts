/** 诉求编号 patterns: the default 2026-000123, custom patterns, and the checks on what an administrator types. */
import { describe, expect, it } from 'vitest'
import { defaultNumberPattern, formatNumber, numberPatternProblem } from '../../shared/complaints/numbering'

describe('formatNumber', () => {
  it('gives year + six-digit sequence by default', () => {
    expect(defaultNumberPattern).toBe('{year}-{seq:6}')
    expect(formatNumber(defaultNumberPattern, 2026, 1)).toBe('2026-000001')
    expect(formatNumber(defaultNumberPattern, 2026, 123)).toBe('2026-000123')
  })

  it('follows a custom pattern and width', () => {
    expect(formatNumber('GX{year}{seq:5}', 2026, 1)).toBe('GX202600001')
    expect(formatNumber('迎春〔{year}〕{seq:3}号', 2027, 42)).toBe('迎春〔2027〕042号')
    expect(formatNumber('{seq}-{year}', 2026, 7)).toBe('000007-2026')
  })

  it('never cuts a sequence longer than the width', () => {
    expect(formatNumber('{year}-{seq:3}', 2026, 12345)).toBe('2026-12345')
  })
})

describe('numberPatternProblem', () => {
  it('accepts sensible patterns', () => {
    for (const p of [defaultNumberPattern, 'GX{year}{seq:5}', '{year}{seq}', '迎春〔{year}〕{seq:3}号']) {
      expect(numberPatternProblem(p), p).toBeNull()
    }
  })

  it('refuses each kind of mistake with a Chinese message', () => {
    const cases: [string, string][] = [
      ['{year}-', '编号格式中必须且只能有一个序号 {seq}（可写作 {seq:6} 表示补足6位）'],
      ['{year}-{seq}-{seq}', '编号格式中必须且只能有一个序号 {seq}（可写作 {seq:6} 表示补足6位）'],
      ['GX{seq:5}', '编号格式中必须包含年份 {year}：序号每年从1开始，没有年份会与往年重复'],
      ['{year}-{seq}-{month}', '编号格式只认识 {year} 和 {seq}，请检查花括号'],
      ['{year}-{seq', '编号格式中必须且只能有一个序号 {seq}（可写作 {seq:6} 表示补足6位）'],
      ['{year} {seq}', '编号格式不能包含空格或斜杠'],
      ['{year}/{seq}', '编号格式不能包含空格或斜杠'],
      ['{year}-{seq:2}', '序号至少补足3位，如 {seq:3}'],
    ]
    for (const [pattern, message] of cases) expect(numberPatternProblem(pattern), pattern).toBe(message)
  })
})
