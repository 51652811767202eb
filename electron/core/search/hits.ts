/**
 * Turning matched record ids into hits: the two lines shown for each record,
 * its date and a snippet. Personal numbers are masked here; a mediation case
 * shows only what every reader of the case list sees (number, type, status).
 */
import type { Knex } from 'knex'
import type { SearchHit, SearchKind } from '../../../shared/api/search'
import { complaintStatusLabels, visitOutcomeLabels } from '../../../shared/intake/labels'
import type { ComplaintStatus, VisitOutcome } from '../../../shared/intake/labels'
import { disputeTypeLabels, mediationStatusLabels } from '../../../shared/mediation/labels'
import type { DisputeType, MediationStatus } from '../../../shared/mediation/labels'
import { conventionStatusLabels, type ConventionStatus } from '../../../shared/conventions/labels'
import { noticeStatusLabels, type NoticeStatus } from '../../../shared/labels'
import { maskIdNumber } from '../../../shared/validation/idNumber'
import { maskPhone } from '../../../shared/validation/phone'
import { addressOf, selectPersons, type PersonRow } from '../services/intake/personRows'
import { snippetOf, titleShows } from './snippet'

export type MatchedBy = SearchHit['matchedBy']

/** One record to show: which document matched decides the snippet's text (restricted = parties/dispute). */
export interface Found {
  ref: number
  matchedBy: MatchedBy
  restricted?: boolean
}

interface Shown {
  title: string
  subtitle: string
  at: string | null
  /** The record's own numbers (record number, lookup code): a match there is matchedBy 'number'. */
  numbers: string[]
}

const line = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ')

function clip(text: string, n: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > n ? `${flat.slice(0, n)}…` : flat
}

type Loader = (db: Knex, ids: number[]) => Promise<Map<number, Shown>>

const loaders: Record<SearchKind, Loader> = {
  async person(db, ids) {
    const rows = (await selectPersons(db).whereIn('persons.id', ids)) as PersonRow[]
    return new Map(
      rows.map((r) => [
        r.id,
        {
          title: r.name,
          subtitle: line(
            r.phone ? maskPhone(r.phone) : null,
            r.id_number ? maskIdNumber(r.id_number) : null,
            addressOf(r),
          ),
          at: null,
          numbers: [],
        },
      ]),
    )
  },
  async visit(db, ids) {
    const rows = (await db('visits')
      .leftJoin('persons', 'persons.id', 'visits.person_id')
      .whereIn('visits.id', ids)
      .select(
        'visits.id',
        'visits.number',
        'visits.lookup_code',
        'visits.visited_at',
        'visits.outcome',
        'visits.subject',
      )
      .select('persons.name')) as {
      id: number
      number: string
      lookup_code: string
      visited_at: string
      outcome: VisitOutcome
      subject: string
      name: string | null
    }[]
    return new Map(
      rows.map((r) => [
        r.id,
        {
          title: `${r.number} ${r.name ?? ''}`.trim(),
          subtitle: line(visitOutcomeLabels[r.outcome], clip(r.subject, 24)),
          at: r.visited_at,
          numbers: [r.number, r.lookup_code],
        },
      ]),
    )
  },
  async complaint(db, ids) {
    const rows = (await db('complaints')
      .leftJoin('compounds', 'compounds.id', 'complaints.compound_id')
      .leftJoin('communities', 'communities.id', 'compounds.community_id')
      .whereIn('complaints.id', ids)
      .select('complaints.id', 'complaints.number', 'complaints.request', 'complaints.status')
      .select('complaints.received_at', 'compounds.name as compound', 'communities.name as community')) as {
      id: number
      number: string
      request: string
      status: ComplaintStatus
      received_at: string
      compound: string | null
      community: string | null
    }[]
    return new Map(
      rows.map((r) => [
        r.id,
        {
          title: `${r.number} ${clip(r.request, 24)}`,
          subtitle: line(complaintStatusLabels[r.status], r.community, r.compound),
          at: r.received_at,
          numbers: [r.number],
        },
      ]),
    )
  },
  async mediation(db, ids) {
    const rows = (await db('mediation_cases')
      .whereIn('id', ids)
      .select('id', 'number', 'dispute_type', 'status', 'registered_on')) as {
      id: number
      number: string | null
      dispute_type: DisputeType
      status: MediationStatus
      registered_on: string
    }[]
    return new Map(
      rows.map((r) => [
        r.id,
        {
          title: `${r.number ?? '（未受理）'} ${disputeTypeLabels[r.dispute_type] ?? ''}纠纷`,
          subtitle: line(mediationStatusLabels[r.status], `登记于${r.registered_on}`),
          at: r.registered_on,
          numbers: r.number ? [r.number] : [],
        },
      ]),
    )
  },
  async convention(db, ids) {
    const rows = (await db('conventions')
      .join('communities', 'communities.id', 'conventions.community_id')
      .leftJoin('compounds', 'compounds.id', 'conventions.compound_id')
      .whereIn('conventions.id', ids)
      .select('conventions.id', 'conventions.title', 'conventions.status')
      .select('communities.name as community', 'compounds.name as compound')) as {
      id: number
      title: string
      status: ConventionStatus
      community: string
      compound: string | null
    }[]
    return new Map(
      rows.map((r) => [
        r.id,
        {
          title: r.title,
          subtitle: line(conventionStatusLabels[r.status], r.community, r.compound),
          at: null,
          numbers: [],
        },
      ]),
    )
  },
  async notice(db, ids) {
    const rows = (await db('notices')
      .whereIn('id', ids)
      .select('id', 'title', 'doc_number', 'status', 'issued_on')) as {
      id: number
      title: string
      doc_number: string
      status: NoticeStatus
      issued_on: string
    }[]
    return new Map(
      rows.map((r) => [
        r.id,
        {
          title: r.title,
          subtitle: line(r.doc_number, noticeStatusLabels[r.status]),
          at: r.issued_on,
          numbers: [r.doc_number],
        },
      ]),
    )
  },
}

/** The indexed text of these records (the same view the index was built from), for snippets. */
async function textsOf(db: Knex, view: string, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = (await db.raw(`SELECT ref, text FROM ${view} WHERE ref IN (${ids.map(() => '?').join(', ')})`, ids)) as {
    ref: number
    text: string
  }[]
  return new Map(rows.map((r) => [r.ref, r.text]))
}

export async function hitsOf(
  db: Knex,
  kind: SearchKind,
  found: readonly Found[],
  words: readonly string[],
): Promise<SearchHit[]> {
  if (found.length === 0) return []
  const ids = found.map((f) => f.ref)
  const shown = await loaders[kind](db, ids)
  // Only a text match gets a snippet: the documents of hits found by number or pinyin are not read.
  const byText = found.filter((f) => f.matchedBy === 'text')
  const texts = await textsOf(
    db,
    `search_src_${kind}`,
    byText.filter((f) => !f.restricted).map((f) => f.ref),
  )
  const restricted = await textsOf(
    db,
    'search_src_restricted',
    byText.filter((f) => f.restricted).map((f) => f.ref),
  )
  const hits: SearchHit[] = []
  for (const f of found) {
    const s = shown.get(f.ref)
    if (!s) continue
    const inNumber = words.length > 0 && s.numbers.some((n) => words.every((w) => n.toLowerCase().includes(w)))
    const matchedBy: MatchedBy = f.matchedBy === 'text' && inNumber ? 'number' : f.matchedBy
    const text = (f.restricted ? restricted : texts).get(f.ref) ?? ''
    const snippet = matchedBy !== 'text' || titleShows(s.title, words) ? '' : snippetOf(text, words)
    hits.push({ kind, id: f.ref, title: s.title, subtitle: s.subtitle, snippet, matchedBy, at: s.at })
  }
  return hits
}
