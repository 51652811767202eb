/**
 * Password rules, as the form and core both apply them: long enough, not one
 * of the passwords every attacker tries first, not the login name, not one
 * key held down; long passphrases (Chinese too) welcome.
 */
import { describe, expect, it } from 'vitest'
import { maxPasswordLength, passwordProblem } from '../../shared/auth/passwordRules'
import { newPassword, saveAccountInput, setupInput } from '../../shared/api/auth'

const TOO_SHORT = '密码至少8个字符；可以用一句好记的短语'
const COMMON = '这是最常见的密码之一，很容易被猜中，请换一个'
const REPEATED = '密码不能是同一个字符重复，请换一个'
const HAS_LOGIN = '密码不能包含登录名，请换一个'
const TOO_LONG = '密码不能超过128个字符'

describe('password rules', () => {
  it('refuses fewer than 8 characters, Chinese ones included', () => {
    expect(passwordProblem('')).toBe(TOO_SHORT)
    expect(passwordProblem('x7#kQ2!')).toBe(TOO_SHORT)
    expect(passwordProblem('社区服务台很忙')).toBe(TOO_SHORT)
    expect(passwordProblem('x7#kQ2!m')).toBeNull()
    expect(passwordProblem('社区服务台很忙碌')).toBeNull()
  })

  it('refuses the most common passwords in any letter case', () => {
    for (const p of [
      '12345678',
      'password',
      'PASSWORD',
      'Password',
      'woaini1314',
      'WoAiNi1314',
      'qq123456',
      'QQ123456',
    ]) {
      expect(passwordProblem(p), p).toBe(COMMON)
    }
  })

  it('refuses one character repeated, but not a password merely containing repeats', () => {
    expect(passwordProblem('aaaaaaaaaa')).toBe(REPEATED)
    expect(passwordProblem('啊啊啊啊啊啊啊啊')).toBe(REPEATED)
    expect(passwordProblem('        ')).toBe(REPEATED)
    expect(passwordProblem('aaaaaaaab')).toBeNull()
  })

  it('refuses a password containing the login name, in any case', () => {
    expect(passwordProblem('zhangmin2026!', 'zhangmin')).toBe(HAS_LOGIN)
    expect(passwordProblem('my-ZhangMin-pass', 'zhangMIN')).toBe(HAS_LOGIN)
    expect(passwordProblem('张敏的社区服务台密码', '张敏的')).toBe(HAS_LOGIN)
    expect(passwordProblem('zhangmin2026!', 'wangli')).toBeNull()
    // A two-character login is part of too many words to forbid.
    expect(passwordProblem('li-ping-de-mima', 'li')).toBeNull()
  })

  it('welcomes long passphrases, Chinese ones included, up to 128 characters', () => {
    const chinese = '春天来了社区门口的玉兰花开了大家都去看花'.repeat(5)
    expect(chinese).toHaveLength(100)
    expect(passwordProblem(chinese)).toBeNull()
    expect(passwordProblem('correct horse battery staple')).toBeNull()
    const longest = 'ab1-'.repeat(32)
    expect(longest).toHaveLength(maxPasswordLength)
    expect(passwordProblem(longest)).toBeNull()
  })

  it('refuses more than 128 characters', () => {
    expect(passwordProblem('ab1-'.repeat(32) + 'x')).toBe(TOO_LONG)
    expect(passwordProblem('很长的密码'.repeat(40))).toBe(TOO_LONG)
  })

  // The hash normalises with NFKC, so a password typed in the Chinese IME's full-width mode
  // (ｐａｓｓｗｏｒｄ) *is* "password" once stored; the rules must judge what is stored.
  it('refuses a common password typed in full-width characters', () => {
    expect(passwordProblem('ｐａｓｓｗｏｒｄ')).toBe(COMMON)
    expect(passwordProblem('１２３４５６７８')).toBe(COMMON)
  })
})

describe('password rules in the API schemas', () => {
  function firstIssue(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
    expect(result.success).toBe(false)
    const issue = result.error!.issues[0]!
    return { path: issue.path.join('.'), message: issue.message }
  }

  it('reports a weak new password with the rule in Chinese', () => {
    expect(firstIssue(newPassword.safeParse('1234567'))).toEqual({ path: '', message: TOO_SHORT })
    expect(firstIssue(newPassword.safeParse('Password'))).toEqual({ path: '', message: COMMON })
    expect(newPassword.safeParse('社区服务台很忙碌').success).toBe(true)
  })

  it('names the password field when the first-run password contains the login', () => {
    const result = setupInput.safeParse({ name: '张敏', login: 'zhangmin', password: 'ZhangMin@2026' })
    expect(firstIssue(result)).toEqual({ path: 'password', message: HAS_LOGIN })
    expect(setupInput.safeParse({ name: '张敏', login: 'zhangmin', password: '迎春社区服务台每天开门' }).success).toBe(
      true,
    )
  })

  it('asks for an initial password only for a new account', () => {
    const base = { name: '李萍', login: 'liping', role: 'front_desk' as const }
    expect(firstIssue(saveAccountInput.safeParse(base))).toEqual({ path: 'password', message: '新账号请设置初始密码' })
    expect(saveAccountInput.safeParse({ ...base, id: 2, version: 1 }).success).toBe(true)
    expect(firstIssue(saveAccountInput.safeParse({ ...base, password: 'liping123' }))).toEqual({
      path: 'password',
      message: HAS_LOGIN,
    })
  })
})
