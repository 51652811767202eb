/** One version in full: numbered articles, flags, and every record of its way through the life cycle. */
import type { ConventionArticle, ConventionVersion } from '../../../../shared/api/conventions'
import type { MeetingKind, OpinionSource, ReviewResult } from '../../../../shared/conventions/labels'
import { numberArticles } from '../../../../shared/conventions/numbering'
import { dismissalsOf, flagsOf } from './flags'
import { articleRowsOf, staffNames, type ArticleRow, type Db, type VersionRow } from './rows'

export function toArticles(rows: readonly ArticleRow[]): ConventionArticle[] {
  return numberArticles(
    rows.map((r) => ({
      id: r.id,
      position: r.position,
      chapter: r.chapter,
      text: r.text,
      tags: JSON.parse(r.tags) as string[],
    })),
  )
}

export async function articleCounts(db: Db, versionIds: number[]): Promise<Map<number, number>> {
  if (versionIds.length === 0) return new Map()
  const rows = (await db('convention_articles')
    .whereIn('version_id', versionIds)
    .groupBy('version_id')
    .select('version_id')
    .count({ n: '*' })) as { version_id: number; n: number }[]
  return new Map(rows.map((r) => [r.version_id, Number(r.n)]))
}

export function toSummary(v: VersionRow, articleCount: number) {
  return { id: v.id, number: v.number, stage: v.stage, adoptedOn: v.adopted_on, articleCount }
}

interface OpinionRow {
  id: number
  source: OpinionSource
  from_name: string
  received_on: string
  content: string
  adopted: number | null
  reply: string | null
}

interface ReviewRow {
  id: number
  unit: string
  reviewed_on: string
  opinion: string
  legal_opinion: string | null
  result: ReviewResult
  staff_id: number
}

interface VoteRow {
  id: number
  meeting_kind: MeetingKind
  held_on: string
  place: string
  entitled: number
  present: number
  women_present: number
  in_favour: number
  against: number
  abstain: number
  quorum_met: number
  passed: number
  quorum_text: string
  pass_text: string
  staff_id: number
}

export async function versionDetail(db: Db, v: VersionRow): Promise<ConventionVersion> {
  const names = await staffNames(db)
  const articles = toArticles(await articleRowsOf(db, v.id))
  const opinions = (await db('convention_opinions')
    .where({ version_id: v.id })
    .orderBy(['received_on', 'id'])) as OpinionRow[]
  const reviews = (await db('convention_reviews').where({ version_id: v.id }).orderBy('id')) as ReviewRow[]
  const votes = (await db('convention_votes').where({ version_id: v.id }).orderBy('id')) as VoteRow[]
  const postings = (await db('convention_postings').where({ version_id: v.id }).orderBy(['posted_on', 'id'])) as {
    id: number
    place: string
    posted_on: string
  }[]
  const photos = (await db('convention_photos')
    .whereIn(
      'posting_id',
      postings.map((p) => p.id),
    )
    .orderBy(['posting_id', 'position'])
    .select('id', 'posting_id')) as { id: number; posting_id: number }[]
  const events = (await db('convention_events').where({ version_id: v.id }).orderBy('id')) as {
    at: string
    staff_id: number
    action: string
    note: string | null
  }[]
  const staffName = (id: number) => names.get(id) ?? ''
  return {
    ...toSummary(v, articles.length),
    articles,
    flags: flagsOf(articles, await dismissalsOf(db, v.id), names),
    opinions: opinions.map((o) => ({
      id: o.id,
      source: o.source,
      fromName: o.from_name,
      receivedOn: o.received_on,
      content: o.content,
      adopted: o.adopted === null ? null : o.adopted === 1,
      reply: o.reply,
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      unit: r.unit,
      reviewedOn: r.reviewed_on,
      opinion: r.opinion,
      legalOpinion: r.legal_opinion,
      result: r.result,
      staffName: staffName(r.staff_id),
    })),
    votes: votes.map((r) => ({
      id: r.id,
      meetingKind: r.meeting_kind,
      heldOn: r.held_on,
      place: r.place,
      entitled: r.entitled,
      present: r.present,
      womenPresent: r.women_present,
      inFavour: r.in_favour,
      against: r.against,
      abstain: r.abstain,
      quorumMet: r.quorum_met === 1,
      passed: r.passed === 1,
      quorumText: r.quorum_text,
      passText: r.pass_text,
      staffName: staffName(r.staff_id),
    })),
    filing:
      v.filing_authority && v.filed_on && v.filing_reference
        ? { authority: v.filing_authority, filedOn: v.filed_on, reference: v.filing_reference }
        : null,
    postings: postings.map((p) => ({
      id: p.id,
      place: p.place,
      postedOn: p.posted_on,
      photoIds: photos.filter((ph) => ph.posting_id === p.id).map((ph) => ph.id),
    })),
    history: events.map((e) => ({ at: e.at, staffName: staffName(e.staff_id), action: e.action, note: e.note })),
    updatedAt: v.updated_at,
  }
}
