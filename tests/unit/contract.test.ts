import { describe, expect, it } from 'vitest'
import { contract, methodNames } from '../../shared/api/contract'
import { permissions } from '../../shared/api/methods'
import { listCompoundsInput, saveCommunityInput, saveCompoundInput } from '../../shared/api/places'
import { rolePermissions } from '../../electron/core/auth/permissions'
import { validationError } from '../../electron/core/validation'

const hasChinese = /[\u4e00-\u9fff]/

function firstIssue(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false)
  const issue = result.error?.issues[0]
  if (!issue) throw new Error('expected a validation issue')
  return { path: issue.path.map(String).join('.'), message: issue.message }
}

const compound = {
  communityId: 1,
  name: '桂北小区',
  kind: 'old',
  management: 'none',
} as const

describe('the API contract', () => {
  it('declares exactly the methods listed in methodNames', () => {
    expect(Object.keys(contract).sort()).toEqual([...methodNames].sort())
    expect(new Set(methodNames).size).toBe(methodNames.length)
  })

  it('names every method domain.verb', () => {
    for (const name of methodNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
  })

  it('gives every method a Chinese summary and a known permission', () => {
    for (const name of methodNames) {
      const spec = contract[name]
      expect(spec.summary, name).toMatch(hasChinese)
      expect(permissions, name).toContain(spec.permission)
    }
  })

  it('grants every permission to admin', () => {
    // 'public' and 'session' are not role permissions: anyone / any signed-in staff member.
    const rolePerms = permissions.filter((p) => p !== 'public' && p !== 'session')
    expect([...rolePermissions.admin].sort()).toEqual([...rolePerms].sort())
  })

  it('keeps writes away from read-only roles', () => {
    for (const role of ['viewer', 'front_desk', 'mediator'] as const) {
      expect(rolePermissions[role]).not.toContain('places.write')
      expect(rolePermissions[role]).not.toContain('system.demo')
    }
  })
})

describe('schema messages', () => {
  it('asks for a missing community name in Chinese', () => {
    expect(firstIssue(saveCommunityInput.safeParse({ name: '' }))).toEqual({ path: 'name', message: '请填写社区名称' })
    expect(firstIssue(saveCommunityInput.safeParse({ name: '   ' })).message).toBe('请填写社区名称')
    expect(firstIssue(saveCommunityInput.safeParse({})).message).toBe('请填写社区名称')
  })

  it('limits the name to 30 characters', () => {
    expect(saveCommunityInput.safeParse({ name: '社'.repeat(30) }).success).toBe(true)
    expect(firstIssue(saveCommunityInput.safeParse({ name: '社'.repeat(31) })).message).toBe('社区名称不能超过30个字')
  })

  it('refuses a 5 MB paste', () => {
    const result = saveCommunityInput.safeParse({ name: 'x'.repeat(5 * 1024 * 1024) })
    expect(firstIssue(result).message).toMatch(/不能超过30个字/)
  })

  it('refuses control characters and line breaks', () => {
    expect(firstIssue(saveCommunityInput.safeParse({ name: '迎春\u0007社区' })).message).toMatch(/控制字符/)
    expect(firstIssue(saveCommunityInput.safeParse({ name: '迎春\n社区' })).message).toMatch(/不能换行/)
  })

  it('trims text and stores empty optional text as null', () => {
    const parsed = saveCommunityInput.parse({ name: '  迎春社区 ', address: '  ', phone: '+86 138 1234 5678' })
    expect(parsed).toMatchObject({ name: '迎春社区', address: null, code: null, phone: '13812345678' })
  })

  it('requires a property company name when a property company manages the compound', () => {
    const result = saveCompoundInput.safeParse({ ...compound, management: 'property_company' })
    const issue = firstIssue(result)
    expect(issue.path).toBe('propertyCompany')
    expect(issue.message).toMatch(hasChinese)
    expect(
      saveCompoundInput.safeParse({ ...compound, management: 'property_company', propertyCompany: '渝东物业' }).success,
    ).toBe(true)
  })

  it('points at the building leader whose phone is wrong', () => {
    const result = saveCompoundInput.safeParse({
      ...compound,
      leaders: [{ building: '1栋', name: '王秀英', phone: '12345' }],
    })
    const issue = firstIssue(result)
    expect(issue.path).toBe('leaders.0.phone')
    expect(issue.message).toMatch(/^楼栋长电话格式不正确/)
    if (result.success) return
    const err = validationError(result.error)
    expect(err.code).toBe('VALIDATION')
    expect(err.field).toBe('leaders.0.phone')
    expect(err.message).toMatch(/^楼栋长电话格式不正确/)
  })

  it('keeps our own message as is', () => {
    const result = saveCompoundInput.safeParse({ ...compound, households: 1.5 })
    if (result.success) throw new Error('1.5 households should be refused')
    const err = validationError(result.error)
    expect(err.toBody()).toEqual({ code: 'VALIDATION', message: '户数应为整数', field: 'households' })
  })

  it('names the field when zod falls back to its default message', () => {
    const result = listCompoundsInput.safeParse({ pageSize: 'abc' })
    if (result.success) throw new Error('a text page size should be refused')
    const err = validationError(result.error)
    expect(err.field).toBe('pageSize')
    expect(err.message).toMatch(/^字段 pageSize：/)
    expect(err.message).toMatch(hasChinese)
  })
})
