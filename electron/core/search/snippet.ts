/** The plain text around the first match, for the second line of a hit. */

const before = 20
const after = 40

/** Where the earliest of `words` occurs in `text` (case-insensitive), or -1. */
export function firstMatch(text: string, words: readonly string[]): { at: number; length: number } | null {
  const lower = text.toLowerCase()
  let best: { at: number; length: number } | null = null
  for (const w of words) {
    const at = lower.indexOf(w)
    if (at >= 0 && (!best || at < best.at)) best = { at, length: w.length }
  }
  return best
}

/** About 60 characters around the first match, with … where the text was cut; '' when nothing matches. */
export function snippetOf(text: string, words: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ')
  const m = firstMatch(flat, words)
  if (!m) return ''
  const start = Math.max(0, m.at - before)
  const end = Math.min(flat.length, m.at + m.length + after)
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`
}

/** Whether the title already shows what matched (then no snippet is needed). */
export function titleShows(title: string, words: readonly string[]): boolean {
  const lower = title.toLowerCase()
  return words.length > 0 && words.every((w) => lower.includes(w))
}
