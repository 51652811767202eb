/**
 * What makes a password acceptable: at least 8 characters (long passphrases
 * welcome, up to 128), not one of the most common passwords, not the login
 * name, not one character repeated. The same rules run in the form and in core.
 */
import { commonPasswords } from './commonPasswords'

export const minPasswordLength = 8
export const maxPasswordLength = 128

export function passwordProblem(typed: string, login?: string): string | null {
  // Judged as it is stored: full-width ｐａｓｓｗｏｒｄ from a Chinese input method is `password`.
  const password = typed.normalize('NFKC')
  if (password.length < minPasswordLength) return `密码至少${minPasswordLength}个字符；可以用一句好记的短语`
  if (password.length > maxPasswordLength) return `密码不能超过${maxPasswordLength}个字符`
  const lower = password.toLowerCase()
  if (commonPasswords.has(lower)) return '这是最常见的密码之一，很容易被猜中，请换一个'
  if (/^(.)\1+$/.test(password)) return '密码不能是同一个字符重复，请换一个'
  if (login && lower.includes(login.toLowerCase()) && login.length >= 3) return '密码不能包含登录名，请换一个'
  return null
}
