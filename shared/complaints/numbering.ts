/**
 * 诉求编号 from a pattern: `{year}` is the four-digit year and `{seq}` or
 * `{seq:N}` the sequence, zero-padded to N digits (default 6). The default
 * gives 2026-000123. The sequence restarts each year.
 */
export const defaultNumberPattern = '{year}-{seq:6}'

const TOKEN = /\{(year|seq)(?::(\d))?\}/g

export function numberPatternProblem(pattern: string): string | null {
  const seqTokens = [...pattern.matchAll(TOKEN)].filter((m) => m[1] === 'seq')
  if (seqTokens.length !== 1) return '编号格式中必须且只能有一个序号 {seq}（可写作 {seq:6} 表示补足6位）'
  if (!pattern.includes('{year}')) return '编号格式中必须包含年份 {year}：序号每年从1开始，没有年份会与往年重复'
  const rest = pattern.replace(TOKEN, '')
  if (/[{}]/.test(rest)) return '编号格式只认识 {year} 和 {seq}，请检查花括号'
  if (/[\s/\\]/.test(rest)) return '编号格式不能包含空格或斜杠'
  const width = Number(seqTokens[0]?.[2] ?? 6)
  if (width < 3) return '序号至少补足3位，如 {seq:3}'
  return null
}

export function formatNumber(pattern: string, year: number, seq: number): string {
  return pattern.replace(TOKEN, (_m, token: string, width?: string) =>
    token === 'year' ? String(year) : String(seq).padStart(Number(width ?? 6), '0'),
  )
}
