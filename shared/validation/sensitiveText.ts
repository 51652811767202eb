/**
 * Finds what looks like an ID number or a phone number inside free text (事由,
 * 请求, 事实, 备注 …). The form warns the clerk, since such numbers belong in
 * the masked fields, not in text every reader sees; anonymisation scrubs them.
 *
 * Tuned to miss dates (2026-03-01, 20260301), record numbers (2026-000123) and
 * amounts (1500元, 12,345.67): an 18-character match must carry a valid check
 * character and birth date, a 15-digit one a valid YYMMDD, a mobile `1[3-9]`
 * and 11 digits, a landline a real area code. A run of digits is only read as
 * a whole, never from its middle.
 */
import { idNumberProblem } from './idNumber'

export type SensitiveKind = 'idNumber' | 'mobile' | 'landline'

export interface SensitiveMatch {
  kind: SensitiveKind
  start: number
  end: number
  text: string
}

export const sensitiveKindLabels: Record<SensitiveKind, string> = {
  idNumber: '身份证号',
  mobile: '手机号',
  landline: '电话号码',
}

// Shared edges: no digit (or decimal part) may continue the number on either side.
const BEFORE = String.raw`(?<![\d.])`
const AFTER = String.raw`(?![\dXx])(?!\.\d)`
const AREA = String.raw`0(?:10|2\d|[3-9]\d{2})`

const patterns: { kind: SensitiveKind; re: RegExp; accept?: (digits: string) => boolean }[] = [
  {
    // 6-8-4 groups as people sometimes type them (110105 19491231 002X).
    kind: 'idNumber',
    re: new RegExp(`${BEFORE}\\d{6}[ -]?\\d{8}[ -]?\\d{3}[\\dXx]${AFTER}`, 'g'),
    accept: (s) => idNumberProblem(s) === null,
  },
  {
    // First-generation 15-digit IDs: area code, YYMMDD, sequence.
    kind: 'idNumber',
    re: new RegExp(`${BEFORE}\\d{15}${AFTER}`, 'g'),
    accept: (s) => validShortDate(s.slice(6, 12)),
  },
  {
    kind: 'mobile',
    re: new RegExp(`${BEFORE}(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}${AFTER}`, 'g'),
  },
  {
    // (0851) 8123456, 0851-8123456, 010 12345678-123; glued (08518123456) only when the number starts 2–9.
    kind: 'landline',
    re: new RegExp(
      `${BEFORE}(?:[(（]${AREA}[)）] ?\\d{7,8}|${AREA}[ -]\\d{7,8}|${AREA}[2-9]\\d{6,7})(?:(?:-|转)\\d{1,6})?${AFTER}`,
      'g',
    ),
  },
]

function validShortDate(yymmdd: string): boolean {
  const y = 1900 + Number(yymmdd.slice(0, 2))
  const m = Number(yymmdd.slice(2, 4))
  const d = Number(yymmdd.slice(4, 6))
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** Every match, in text order; where two would overlap, the earlier pattern (ID numbers) wins. */
export function findSensitive(text: string): SensitiveMatch[] {
  const found: SensitiveMatch[] = []
  for (const { kind, re, accept } of patterns) {
    for (const m of text.matchAll(re)) {
      const start = m.index
      const end = start + m[0].length
      if (accept && !accept(m[0].replace(/[ -]/g, '').toUpperCase())) continue
      if (found.some((f) => start < f.end && f.start < end)) continue
      found.push({ kind, start, end, text: m[0] })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

export function sensitiveKinds(text: string): SensitiveKind[] {
  const kinds = new Set(findSensitive(text).map((m) => m.kind))
  return (['idNumber', 'mobile', 'landline'] as const).filter((k) => kinds.has(k))
}

/** The warning shown under a free-text field, or null when the text looks clean. */
export function sensitiveTextWarning(text: string | null | undefined): string | null {
  if (!text) return null
  const kinds = sensitiveKinds(text)
  if (kinds.length === 0) return null
  return `内容中似乎包含${kinds.map((k) => sensitiveKindLabels[k]).join('、')}，非必要请勿在此填写`
}

export const scrubbedMark = '〔号码已删除〕'

/** The text with every match replaced; what anonymisation leaves in a person's case text. */
export function scrubSensitive(text: string, mark = scrubbedMark): string {
  let out = ''
  let at = 0
  for (const m of findSensitive(text)) {
    out += text.slice(at, m.start) + mark
    at = m.end
  }
  return out + text.slice(at)
}
