/**
 * Reading what was typed into the search box: which paths answer it (text,
 * pinyin, numbers) and the FTS5 expressions for the text path. Pure, so the
 * rules can be tested without a database.
 *
 * Text: whitespace separates terms, all of which must occur (占道 小吃街).
 * A term of 3+ characters is a phrase on the trigram table (exact substring);
 * a term of 1–2 characters is one token of the pair table: a pair matches as
 * itself, a single character as a token prefix (every occurrence of a
 * character starts a pair). Short terms are reduced to letters and digits
 * (the pair table's tokenizer drops punctuation and spaces).
 */

export interface ParsedQuery {
  /** The query as typed, trimmed. */
  text: string
  /** Terms for the trigram table (3+ characters), as FTS5 phrases. */
  long: string[]
  /** Terms for the pair table (1–2 letters/digits), as FTS5 tokens (a single character with *). */
  short: string[]
  /** The plain terms, lower-cased, for locating a snippet. */
  words: string[]
  /** Latin letters only: a pinyin prefix (full or initials), lower-cased. */
  pinyin: string | null
  /** Digits (optionally ending in X), spaces and dashes removed: a phone or ID number, whole or last 4. */
  digits: string | null
}

/** An FTS5 string literal: the text in double quotes, quotes doubled. */
export function phrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`
}

function chars(s: string): string[] {
  return [...s]
}

export function parseQuery(raw: string): ParsedQuery {
  const text = raw.trim()
  const long: string[] = []
  const short: string[] = []
  const words: string[] = []
  for (const term of text.split(/\s+/).filter(Boolean)) {
    if (chars(term).length >= 3) {
      long.push(phrase(term))
      words.push(term.toLowerCase())
      continue
    }
    const kept = term.replace(/[^\p{L}\p{N}]/gu, '')
    if (!kept) continue
    words.push(kept.toLowerCase())
    short.push(chars(kept).length === 1 ? `${phrase(kept)} *` : phrase(kept))
  }
  const compact = text.replace(/[\s-]/g, '')
  const pinyin = /^[a-zA-Z]+$/.test(compact) ? compact.toLowerCase() : null
  const digits = /^\+?\d+[xX]?$/.test(compact) ? compact.replace(/^\+86/, '').replace(/^\+/, '').toUpperCase() : null
  return { text, long, short, words, pinyin, digits }
}
