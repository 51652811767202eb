/**
 * Chinese ordinals for convention articles and chapters: 第一条, 第十一条,
 * 第二十一条, 第一百条, 第一百零一条, 第一百一十条; 第一章 … The npm package `nzh`
 * does this too, but a convention needs only 1–9999 and this is the whole rule.
 */

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const
const units = ['', '十', '百', '千'] as const

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 1001 → 一千零一. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`chineseNumber: ${n} is outside 1–9999`)
  const places = String(n).split('').map(Number)
  let out = ''
  let pendingZero = false
  places.forEach((d, i) => {
    const unit = units[places.length - 1 - i]!
    if (d === 0) {
      pendingZero = out !== ''
      return
    }
    if (pendingZero) out += '零'
    pendingZero = false
    // 十一, not 一十一, when the number starts with the tens place.
    out += d === 1 && unit === '十' && out === '' ? unit : digits[d]! + unit
  })
  return out
}

/** Position is 1-based: 1 → 第一条. */
export function articleNumberText(position: number): string {
  return `第${chineseNumber(position)}条`
}

export function chapterNumberText(position: number): string {
  return `第${chineseNumber(position)}章`
}

/**
 * Numbers a list of articles in order: each gets its 第N条, and an article that
 * starts a chapter also gets its 第N章.
 */
export function numberArticles<T extends { chapter: string | null }>(
  articles: readonly T[],
): (T & { numberText: string; chapterNumberText: string | null })[] {
  let chapter = 0
  return articles.map((a, i) => ({
    ...a,
    numberText: articleNumberText(i + 1),
    chapterNumberText: a.chapter === null ? null : chapterNumberText(++chapter),
  }))
}
