/**
 * What a printed 居民公约 says on the wall (A4 or A3): the title in 《》, a
 * mark for a text not (or no longer) in force, chapter headings and the
 * numbered articles as core numbered them, then the adoption line from the
 * vote record, the filing line and the committee's 落款. Pure functions, with
 * the small helpers the other convention printouts share.
 */
import type { Convention, ConventionVersion, VoteRecord } from '../../shared/api/conventions'
import { adoptedStages, meetingKindLabels } from '../../shared/conventions/labels'
import { printedDate, todayIso } from './printDates'
import { sentence } from './textTools'

/** The full-width space 公文 put between a number and its text (第一条, the space, the text). */
export const IDEOGRAPHIC_SPACE = '\u3000'

export interface PosterArticle {
  /** 第一章 总则 (an ideographic space between), when this article opens a chapter. */
  chapter: string | null
  numberText: string
  /** The article's paragraphs; the first one follows the number. */
  paragraphs: string[]
}

export interface PrintedPoster {
  title: string
  /** （草案）, （修订草案）, （已被修订的历史版本） or （已于…废止）; null for the text in force. */
  mark: string | null
  articles: PosterArticle[]
  /** 本公约经2026年3月1日红光社区居民会议表决通过。 */
  adoption: string | null
  /** 本公约已报红光街道办事处备案（2026年3月5日），备案号：…。 */
  filing: string | null
  issuer: string
  date: string
}

type ConventionHead = Pick<Convention, 'title' | 'communityName' | 'compoundName' | 'scope'>

/** 《桂北小区居民公约》, whether or not the clerk typed the 书名号. */
export function bookTitle(title: string): string {
  const bare = title.trim().replace(/^《/u, '').replace(/》$/u, '')
  return `《${bare}》`
}

/** Who held the meeting: the community, or the compound within it. */
export function meetingHolder(c: ConventionHead): string {
  return c.scope === 'compound' && c.compoundName ? `${c.communityName}${c.compoundName}` : c.communityName
}

/** The residents' committee that keeps the convention and signs its printouts. */
export function committeeName(c: Pick<Convention, 'communityName'>): string {
  return `${c.communityName}居民委员会`
}

/** The vote that adopted the version: its last passed vote. */
export function adoptingVote(v: Pick<ConventionVersion, 'votes'>): VoteRecord | null {
  return [...v.votes].reverse().find((vote) => vote.passed) ?? null
}

/** An article's text as paragraphs: line breaks kept, blank lines and stray spaces dropped. */
export function articleParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** 第一章 总则 on the article that opens a chapter (core sets its number only there). */
function chapterHeading(numberText: string | null, title: string | null): string | null {
  if (numberText === null) return null
  const name = title?.trim() ?? ''
  return name === '' ? numberText : [numberText, name].join(IDEOGRAPHIC_SPACE)
}

function markOf(c: Pick<Convention, 'status' | 'repealedOn'>, v: ConventionVersion): string | null {
  if (!adoptedStages.includes(v.stage)) return v.number > 1 ? '（修订草案）' : '（草案）'
  if (v.stage === 'superseded') return '（已被修订的历史版本）'
  if (c.status === 'repealed') return c.repealedOn ? `（已于${printedDate(c.repealedOn)}废止）` : '（已废止）'
  return null
}

function adoptionLine(c: ConventionHead, v: ConventionVersion): string | null {
  if (!adoptedStages.includes(v.stage)) return null
  const vote = adoptingVote(v)
  if (vote) {
    return `本公约经${printedDate(vote.heldOn)}${meetingHolder(c)}${meetingKindLabels[vote.meetingKind]}表决通过。`
  }
  return v.adoptedOn ? `本公约于${printedDate(v.adoptedOn)}经表决通过。` : null
}

function filingLine(v: ConventionVersion): string | null {
  const f = v.filing
  if (!f) return null
  return sentence(`本公约已报${f.authority}备案（${printedDate(f.filedOn)}），备案号：${f.reference}`)
}

/** The 落款 date: when it was posted, else when it was adopted, else (a draft) the day it is printed. */
function posterDate(v: ConventionVersion): string {
  const posted = v.postings.map((p) => p.postedOn).sort()
  const last = posted[posted.length - 1]
  if (last) return printedDate(last)
  const vote = adoptingVote(v)
  if (adoptedStages.includes(v.stage) && (v.adoptedOn ?? vote?.heldOn)) {
    return printedDate((v.adoptedOn ?? vote?.heldOn) as string)
  }
  return printedDate(todayIso())
}

export function printedPoster(
  c: ConventionHead & Pick<Convention, 'status' | 'repealedOn'>,
  v: ConventionVersion,
): PrintedPoster {
  const articles = [...v.articles]
    .sort((a, b) => a.position - b.position)
    .map((a): PosterArticle => ({
      chapter: chapterHeading(a.chapterNumberText, a.chapter),
      numberText: a.numberText,
      paragraphs: articleParagraphs(a.text),
    }))
  return {
    title: bookTitle(c.title),
    mark: markOf(c, v),
    articles,
    adoption: adoptionLine(c, v),
    filing: filingLine(v),
    issuer: committeeName(c),
    date: posterDate(v),
  }
}
