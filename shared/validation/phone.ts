/**
 * Chinese phone numbers as the desk meets them: mobiles (`1[3-9]` + 9 digits,
 * optionally after +86) and landlines with an area code (010-12345678,
 * 0851-8123456, optionally with an extension). Spaces and dashes typed by
 * staff are tolerated; the stored form is normalised.
 */
const MOBILE = /^1[3-9]\d{9}$/
// Area codes are 010 and 02x (three digits) or 03xx–09xx (four digits); spelling
// that out keeps 010 12345678 (space stripped) from being read as 0101-2345678.
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?(\d{7,8})(?:-(\d{1,6}))?$/

export type PhoneKind = 'mobile' | 'landline'

export function stripPhone(raw: string): string {
  return raw
    .trim()
    .replace(/[\s（）()]/g, '')
    .replace(/^(?:\+86|0086)-?/, '')
}

/** Mobiles are often typed in groups (138-1234-5678); dashes only mean something in landlines. */
function asMobile(stripped: string): string | null {
  const digits = stripped.replace(/-/g, '')
  return MOBILE.test(digits) ? digits : null
}

export function phoneKind(raw: string): PhoneKind | null {
  const s = stripPhone(raw)
  if (asMobile(s)) return 'mobile'
  if (LANDLINE.test(s)) return 'landline'
  return null
}

export function isValidPhone(raw: string): boolean {
  return phoneKind(raw) !== null
}

/** Mobiles as 11 digits; landlines as 区号-号码[-分机]. Invalid input is returned trimmed. */
export function normalizePhone(raw: string): string {
  const s = stripPhone(raw)
  const mobile = asMobile(s)
  if (mobile) return mobile
  const m = LANDLINE.exec(s)
  if (m) return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`
  return raw.trim()
}

/** 138****5678 for mobiles; landlines keep area code and last 4 digits. */
export function maskPhone(raw: string): string {
  const s = normalizePhone(raw)
  if (MOBILE.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`
  const m = /^(0\d{2,3})-(\d{7,8})/.exec(s)
  if (m && m[1] && m[2]) return `${m[1]}-${'*'.repeat(m[2].length - 4)}${m[2].slice(-4)}`
  return s
}

export const phoneHint = '应为11位手机号，或带区号的固定电话（如0851-8123456）'
