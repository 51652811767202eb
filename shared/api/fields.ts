/**
 * Field builders shared by every domain's schemas. Each message names the
 * field and says what to fix; limits keep a 5 MB paste out of the database.
 */
import { z } from './zod'
import { isValidPhone, normalizePhone, phoneHint } from '../validation/phone'

// Control characters (other than tab and newlines) never belong in typed text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

function controlMessage(label: string): string {
  return `${label}含有不可见的控制字符，请删除后重试`
}

/** A required single-line text. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`)
    .refine((s) => !/[\r\n]/.test(s), `${label}不能换行`)
    .refine((s) => !CONTROL.test(s), controlMessage(label))
}

/** An optional text; empty strings are stored as null. */
export function optionalText(label: string, max: number, multiline = false) {
  return z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .refine((s) => multiline || !/[\r\n]/.test(s), `${label}不能换行`)
    .refine((s) => !CONTROL.test(s), controlMessage(label))
    .nullish()
    .transform((s) => (s ? s : null))
}

/** An optional phone (mobile or landline), normalised. */
export function optionalPhone(label: string) {
  return z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(30, `${label}过长，${phoneHint}`)
    .refine((s) => s === '' || isValidPhone(s), `${label}格式不正确，${phoneHint}`)
    .nullish()
    .transform((s) => (s ? normalizePhone(s) : null))
}

export function count(label: string, max: number) {
  return z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过${max}`)
    .nullish()
    .transform((n) => (n === undefined ? null : n))
}

export const id = z.number({ error: '缺少记录编号' }).int('记录编号应为整数').positive('记录编号应为正整数')

/** Optimistic-concurrency token: the version the clerk's form was loaded at. */
export const version = z.number({ error: '缺少版本号，请刷新后重试' }).int().min(1)

export function page(maxSize = 200) {
  return {
    page: z.number().int().min(1, '页码从1开始').default(1),
    pageSize: z.number().int().min(1).max(maxSize, `每页最多${maxSize}条`).default(20),
  }
}

/** A search string; long pastes are refused rather than silently cut. */
export const query = z
  .string()
  .trim()
  .max(100, '搜索内容不能超过100个字')
  .optional()
  .transform((s) => (s ? s : undefined))

/** A required text that may span lines (a request, facts, a result). */
export function requiredLongText(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字，请精简后再保存`)
    .refine((s) => !CONTROL.test(s), controlMessage(label))
}

/**
 * A person's name: Chinese characters, letters, the middle dot of minority
 * and foreign names, and spaces. Anything else (digits, `<script>`, emoji)
 * is refused so names print and search the same everywhere.
 */
export function personName(label: string) {
  return requiredText(label, 30).refine(
    (s) => /^[\p{Script=Han}A-Za-z·•．.\s]+$/u.test(s),
    `${label}只能包含汉字、字母和间隔号“·”，请删除其他符号`,
  )
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function validIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** A calendar date, YYYY-MM-DD. */
export function isoDate(label: string) {
  return z.string({ error: `请填写${label}` }).refine(validIsoDate, `${label}应为有效日期（如 2026-03-01）`)
}

/** An instant, as an ISO 8601 string with time zone. */
export function isoDateTime(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), `${label}应为有效的日期时间`)
}
