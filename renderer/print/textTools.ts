/**
 * Small text helpers for printouts that quote what a resident said: a quote
 * must read as one phrase inside a sentence, and a slip must stay a slip.
 */

/** Whitespace and line breaks folded into single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * At most `max` characters of `text` on one line, cut with …… when longer.
 * Slips and quotes summarise; the full text is on the 诉求办理单.
 */
export function summary(text: string, max: number): string {
  const flat = oneLine(text)
  const chars = [...flat]
  return chars.length <= max ? flat : `${chars.slice(0, max).join('')}……`
}

/** Text to be followed by more of the sentence: trailing 。；，.!? removed. */
export function clause(text: string): string {
  return oneLine(text).replace(/[。；;，,、.!！?？\s]+$/u, '')
}

/** Text that ends a sentence: a 。 added unless it already ends with one. */
export function sentence(text: string): string {
  const t = text.trim()
  return /[。！？!?…）)”]$/u.test(t) ? t : `${t}。`
}
