/** Template placeholders: only the three known names are filled; everything else stays literal. */
import { describe, expect, it } from 'vitest'
import { fillPlaceholders, hasPlaceholder, officialDate } from '../../shared/print/placeholders'

const values = { 社区名称: '迎春社区', 小区名称: '幸福小区', 发文单位: '迎春社区居民委员会' }

describe('fillPlaceholders', () => {
  it('replaces the known names, with or without spaces inside the braces', () => {
    expect(fillPlaceholders('{{小区名称}}全体居民', values)).toBe('幸福小区全体居民')
    expect(fillPlaceholders('{{ 社区名称 }}将开展检查', values)).toBe('迎春社区将开展检查')
    expect(fillPlaceholders('落款：{{发文单位}}', values)).toBe('落款：迎春社区居民委员会')
    expect(fillPlaceholders('{{小区名称}}、{{小区名称}}', values)).toBe('幸福小区、幸福小区')
  })

  it('leaves unknown names and code-like text literal', () => {
    expect(fillPlaceholders('{{foo}}', values)).toBe('{{foo}}')
    const code = "{{ constructor.constructor('alert(1)')() }}"
    expect(fillPlaceholders(code, values)).toBe(code)
    expect(fillPlaceholders('{{toString}}', values)).toBe('{{toString}}')
    expect(fillPlaceholders('<script>alert(1)</script>{{小区名称}}', values)).toBe('<script>alert(1)</script>幸福小区')
  })

  it('leaves a placeholder whose value is missing', () => {
    expect(fillPlaceholders('{{小区名称}}和{{社区名称}}', { 社区名称: '迎春社区' })).toBe('{{小区名称}}和迎春社区')
  })

  it('inserts values verbatim, even ones that look like replacement patterns', () => {
    expect(fillPlaceholders('{{小区名称}}', { 小区名称: "$&$1$'" })).toBe("$&$1$'")
  })
})

describe('hasPlaceholder', () => {
  it('finds a name with or without spaces', () => {
    expect(hasPlaceholder('关于{{ 小区名称 }}的通知', '小区名称')).toBe(true)
    expect(hasPlaceholder('关于{{社区名称}}的通知', '小区名称')).toBe(false)
  })
})

describe('officialDate', () => {
  it('writes the date with Arabic numerals and no leading zeros', () => {
    expect(officialDate('2026-03-01')).toBe('2026年3月1日')
    expect(officialDate('2026-12-31')).toBe('2026年12月31日')
  })
})
