/**
 * 全局搜索 (Ctrl+K): one box over people, visits, 诉求, mediation cases,
 * conventions and notices, answered from one SQLite index.
 *
 * How a query is answered (core, electron/core/search/*):
 * - 3 or more characters: the FTS5 table with the trigram tokenizer
 *   (substring match anywhere in the indexed text).
 * - 1 or 2 Chinese characters (调解, 张), which trigrams cannot answer: a
 *   second FTS5 table holding each document's single characters and
 *   character pairs as tokens, so the answer is still an index lookup and
 *   still exact (every hit contains the query; nothing that does is missed).
 * - Latin letters only: pinyin of people's and compounds' names, in full
 *   (zhangsan) or initials (zs), as a prefix.
 * - Digits (optionally ending in X): a phone or ID number, whole, or its last
 *   4 digits; also a record number (2026-000123) or lookup code.
 * The index rows are written by SQLite triggers on the records themselves,
 * so the index changes in the same transaction as the record, whoever writes
 * it (a form, an import, a restore). `search.rebuild` (and
 * `npm run search:rebuild`) rebuilds it from the records.
 *
 * What a caller may see is decided in core: mediation cases are found by
 * their 案号/type/summary for everyone who may list them, by parties' names
 * and the dispute only for callers who may read them (the case's own
 * mediators, administrators); session notes are never indexed. Personal
 * numbers come back masked.
 */
import { z } from './zod'
import { id, isoDate } from './fields'

export const searchKinds = ['person', 'visit', 'complaint', 'mediation', 'convention', 'notice'] as const
export type SearchKind = (typeof searchKinds)[number]

/** Group headings, in the order groups are shown. */
export const searchKindLabels: Record<SearchKind, string> = {
  person: '居民',
  visit: '来访登记',
  complaint: '诉求',
  mediation: '调解案件',
  convention: '居民公约',
  notice: '通知公告',
}

export const searchInput = z.object({
  query: z
    .string({ error: '请输入要搜索的内容' })
    .trim()
    .min(1, '请输入要搜索的内容')
    .max(100, '搜索内容不能超过100个字，请缩短后再搜'),
  /** Only these kinds; empty = all. */
  kinds: z
    .array(z.enum(searchKinds, { error: '未知的搜索类别' }))
    .max(6)
    .default([]),
  /**
   * Composable filters (search within 本月 / 某社区 / 未办结). Dates apply to
   * dated records (visit time, 诉求 and case registration, notice date) and
   * leave people and conventions out; communityId applies to everything
   * placed in a community; openOnly keeps 诉求 not yet 办结/归档, cases still
   * running, conventions being drafted, and leaves out visits, people and
   * notices.
   */
  dateFrom: isoDate('开始日期').optional(),
  dateTo: isoDate('结束日期').optional(),
  communityId: id.optional(),
  openOnly: z.boolean().default(false),
  /** Hits per group. */
  limit: z.number().int().min(1).max(50).default(8),
})
export type SearchInput = z.input<typeof searchInput>

export const searchHit = z.object({
  kind: z.enum(searchKinds),
  /** The record's id (person, visit, complaint, mediation case, convention, notice). */
  id: z.number().int(),
  /** First line: a name, a number and title, a case number. Masked numbers only. */
  title: z.string(),
  /** Second line: status, community/compound, date — whatever identifies the record. */
  subtitle: z.string(),
  /** Plain text around the first match (about 60 characters), or '' when the title matched. */
  snippet: z.string(),
  /** How it matched: text, pinyin, a number (phone/ID/record number), for the hint beside the hit. */
  matchedBy: z.enum(['text', 'pinyin', 'number']),
  /** When (ISO date or date-time) for dated records, else null. */
  at: z.string().nullable(),
})
export type SearchHit = z.infer<typeof searchHit>

export const searchGroup = z.object({
  kind: z.enum(searchKinds),
  label: z.string(),
  /**
   * How many records of this kind match (all of them, not only the hits
   * returned), counted up to 1000: an exact count would walk every match of
   * a common word.
   */
  total: z.number().int(),
  /** More match than `total` (the count stopped at 1000): shown as 1000+. */
  totalCapped: z.boolean(),
  hits: z.array(searchHit),
})
export type SearchGroup = z.infer<typeof searchGroup>

export const searchResult = z.object({
  query: z.string(),
  /** Only groups with hits, in searchKinds order. */
  groups: z.array(searchGroup),
})
export type SearchResult = z.infer<typeof searchResult>

export const searchMethods = {
  'search.query': {
    summary: '全局搜索：居民、来访、诉求、调解案件、公约、通知（按类别分组；按角色只返回可见内容）',
    permission: 'intake.read',
    input: searchInput,
    output: searchResult,
  },
  'search.rebuild': {
    summary: '重建搜索索引（维护操作）',
    permission: 'data.admin',
    input: z.object({}),
    output: z.object({ documents: z.number().int(), tookMs: z.number() }),
  },
} as const
