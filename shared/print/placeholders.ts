/**
 * Placeholders in notice templates, filled per printed copy. Only these exact
 * names are replaced; anything else a clerk typed, `{{ }}` included, stays
 * literal text.
 */
export const placeholderNames = ['社区名称', '小区名称', '发文单位'] as const
export type PlaceholderName = (typeof placeholderNames)[number]
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>

const PATTERN = /\{\{\s*(社区名称|小区名称|发文单位)\s*\}\}/g

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PATTERN, (whole, name: PlaceholderName) => values[name] ?? whole)
}

export function hasPlaceholder(text: string, name: PlaceholderName): boolean {
  return new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).test(text)
}

/** 成文日期 in the GB/T 9704-2012 form: Arabic numerals, 2026年3月1日. */
export function officialDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}
