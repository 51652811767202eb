/**
 * Comparing two versions of a convention article by article. Articles are
 * aligned by an LCS over their texts in which a near-identical pair counts as
 * a match, so an edited article shows as 'changed' (with the edited characters
 * marked) rather than as one removed and one added.
 */
import { diffChars } from 'diff'
import type { ArticleDiff } from '../api/conventions'

export interface ComparedArticle {
  numberText: string
  text: string
}

/** Dice coefficient over character bigrams: 1 for equal texts, near 0 for unrelated ones. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  if (a.length < 2 || b.length < 2) return 0
  const grams = new Map<string, number>()
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2)
    grams.set(g, (grams.get(g) ?? 0) + 1)
  }
  let shared = 0
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2)
    const n = grams.get(g) ?? 0
    if (n > 0) {
      shared++
      grams.set(g, n - 1)
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1))
}

/** Below this two articles are different articles, not one edited. */
export const changedThreshold = 0.4

function changedParts(from: string, to: string): ArticleDiff['parts'] {
  return diffChars(from, to).map((c) => ({
    text: c.value,
    change: c.added ? ('added' as const) : c.removed ? ('removed' as const) : ('same' as const),
  }))
}

/**
 * The articles of `to` against those of `from`, in reading order: unchanged,
 * changed (parts mark what was inserted and deleted), removed and added.
 */
export function compareArticles(from: readonly ComparedArticle[], to: readonly ComparedArticle[]): ArticleDiff[] {
  const n = from.length
  const m = to.length
  const sim: number[][] = from.map((a) => to.map((b) => similarity(a.text, b.text)))
  // score[i][j]: the best alignment of from[i..] with to[j..]; an equal pair weighs 2, an edited one its similarity.
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  const weight = (i: number, j: number): number => {
    const s = sim[i]![j]!
    return s === 1 ? 2 : s >= changedThreshold ? s : -1
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const w = weight(i, j)
      score[i]![j] = Math.max(score[i + 1]![j]!, score[i]![j + 1]!, w > 0 ? w + score[i + 1]![j + 1]! : -Infinity)
    }
  }
  const out: ArticleDiff[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m) {
      const w = weight(i, j)
      if (w > 0 && score[i]![j] === w + score[i + 1]![j + 1]!) {
        const a = from[i]!
        const b = to[j]!
        out.push(
          a.text === b.text
            ? {
                kind: 'same',
                fromNumberText: a.numberText,
                toNumberText: b.numberText,
                parts: [{ text: b.text, change: 'same' }],
              }
            : {
                kind: 'changed',
                fromNumberText: a.numberText,
                toNumberText: b.numberText,
                parts: changedParts(a.text, b.text),
              },
        )
        i++
        j++
        continue
      }
    }
    // Removed articles come before the added ones that took their place.
    if (i < n && (j >= m || score[i]![j] === score[i + 1]![j])) {
      const a = from[i++]!
      out.push({
        kind: 'removed',
        fromNumberText: a.numberText,
        toNumberText: null,
        parts: [{ text: a.text, change: 'removed' }],
      })
    } else {
      const b = to[j++]!
      out.push({
        kind: 'added',
        fromNumberText: null,
        toNumberText: b.numberText,
        parts: [{ text: b.text, change: 'added' }],
      })
    }
  }
  return out
}
