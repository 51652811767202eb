/**
 * The README lists the demo accounts with their passwords so the app can be
 * tried without setup; this keeps that table and the accounts `--demo`
 * creates the same, and every demo password acceptable to the password rules.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoAccounts } from '../../electron/core/demo/accounts'
import { passwordProblem } from '../../shared/auth/passwordRules'
import { staffRoleLabels } from '../../shared/labels'

const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8')

/** The rows of the README's demo account table: 角色 | 姓名 | 登录名 | 密码. */
function readmeRows(): string[][] {
  const start = readme.indexOf('**Demo accounts**')
  const end = readme.indexOf('They exist only in demo data folders', start)
  expect(start).toBeGreaterThan(-1)
  expect(end).toBeGreaterThan(start)
  return readme
    .slice(start, end)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|') && line.includes('`'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/^`|`$/g, '')),
    )
}

describe('demo accounts in the README', () => {
  it('lists exactly the accounts --demo creates, one per role, with their passwords', () => {
    const expected = demoAccounts.map((a) => [staffRoleLabels[a.role], a.name, a.login, a.password])
    expect(readmeRows()).toEqual(expected)
    expect(new Set(demoAccounts.map((a) => a.role))).toEqual(new Set(Object.keys(staffRoleLabels)))
  })

  it('only has passwords the rules accept', () => {
    for (const a of demoAccounts) expect(passwordProblem(a.password, a.login), a.login).toBeNull()
  })
})
