/**
 * 文号: issuer name + 〔year〕 + sequence + 号, e.g. 迎春社区〔2026〕5号. The
 * sequence restarts each year per issuing community; an edited 文号 that still
 * follows the pattern keeps the sequence moving past it.
 */
import type { Knex } from 'knex'

export function formatDocNumber(issuer: string, year: number, seq: number): string {
  return `${issuer}〔${year}〕${seq}号`
}

/** The sequence inside a 文号 of this issuer and year, or null for a free-form one. */
export function sequenceOf(docNumber: string, issuer: string, year: number): number | null {
  const prefix = `${issuer}〔${year}〕`
  if (!docNumber.startsWith(prefix)) return null
  const m = /^(\d{1,6})号$/.exec(docNumber.slice(prefix.length))
  return m?.[1] ? Number(m[1]) : null
}

export async function nextSequence(db: Knex | Knex.Transaction, communityId: number, year: number): Promise<number> {
  const row = (await db('notices')
    .where({ community_id: communityId, doc_year: year })
    .max({ n: 'doc_seq' })
    .first()) as { n: number | null } | undefined
  return (row?.n ?? 0) + 1
}

/**
 * The next automatic 文号 for this community and year. A number already in
 * use (typed by hand on another notice, or kept when a draft was re-dated or
 * moved to another community) is skipped, so leaving 文号 blank never fails.
 */
export async function nextDocNumber(
  db: Knex | Knex.Transaction,
  communityId: number,
  issuer: string,
  year: number,
): Promise<string> {
  const taken = async (docNumber: string) =>
    (await db('notices').where({ doc_number: docNumber }).first('id')) !== undefined
  let seq = await nextSequence(db, communityId, year)
  while (await taken(formatDocNumber(issuer, year, seq))) seq += 1
  return formatDocNumber(issuer, year, seq)
}

/** The local calendar date (the desk's own time zone) as YYYY-MM-DD. */
export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
