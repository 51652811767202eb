/**
 * Splits a line of plain text into runs that do and do not contain the
 * query, so the template can wrap the matches in <mark> through ordinary
 * text interpolation: record text never becomes HTML (no v-html), whatever
 * it contains.
 */
export interface Segment {
  text: string
  mark: boolean
}

const special = /[.*+?^${}()|[\]\\]/g

/** Each whitespace-separated word of the query is marked wherever it occurs, ignoring Latin case. */
export function highlight(text: string, query: string): Segment[] {
  const terms = [...new Set(query.trim().split(/\s+/).filter(Boolean))]
  if (!text || terms.length === 0) return text ? [{ text, mark: false }] : []
  // Longest first, so a longer word wins over a shorter one starting at the same place.
  terms.sort((a, b) => b.length - a.length)
  const pattern = new RegExp(terms.map((t) => t.replace(special, '\\$&')).join('|'), 'giu')
  const out: Segment[] = []
  let last = 0
  for (const m of text.matchAll(pattern)) {
    const at = m.index
    if (at > last) out.push({ text: text.slice(last, at), mark: false })
    out.push({ text: m[0], mark: true })
    last = at + m[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last), mark: false })
  return out
}
