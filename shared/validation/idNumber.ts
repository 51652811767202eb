/**
 * Resident ID numbers (GB 11643-1999): 6-digit area code, birth date
 * YYYYMMDD, 3-digit sequence (odd = male), and a check character computed
 * with the ISO 7064 MOD 11-2 weights below.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2']

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit'

export function checkCharOf(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0)
  return CHECK[sum % 11] ?? '?'
}

export function idNumberProblem(raw: string): IdNumberProblem | null {
  const s = raw.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(s)) return 'format'
  const y = Number(s.slice(6, 10))
  const m = Number(s.slice(10, 12))
  const d = Number(s.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return 'birthDate'
  }
  if (checkCharOf(s.slice(0, 17)) !== s[17]) return 'checkDigit'
  return null
}

export const idNumberMessages: Record<IdNumberProblem, string> = {
  format: '身份证号应为18位：前17位数字，最后一位为数字或X',
  birthDate: '身份证号中的出生日期（第7–14位）不是有效日期',
  checkDigit: '身份证号校验位不正确，请核对号码',
}

export function birthDateOf(idNumber: string): string {
  const s = idNumber.trim()
  return `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`
}

export function sexOf(idNumber: string): 'male' | 'female' {
  return Number(idNumber.trim()[16]) % 2 === 1 ? 'male' : 'female'
}

export function maskIdNumber(idNumber: string): string {
  const s = idNumber.trim().toUpperCase()
  return s.length === 18 ? `${s.slice(0, 6)}********${s.slice(14)}` : s
}
