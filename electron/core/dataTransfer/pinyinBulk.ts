/**
 * Pinyin search keys for many names at once, identical to `pinyinKeys` (the
 * one a saved person gets) but about fifteen times faster: pinyin-pro costs
 * some 30 µs a name, which is three seconds for 100,000 residents.
 *
 * Most characters have one reading, and those are looked up once each. The
 * surname's reading depends on the name (单 shan, 尉迟 yuchi), so it is asked
 * of pinyin-pro once per distinct first two characters. A name with a
 * character of several readings after the surname goes to pinyin-pro whole
 * (once per distinct name). A unit test compares the two on many names.
 */
import { pinyin, polyphonic } from 'pinyin-pro'
import { pinyinKeys } from '../services/intake/personRows'

type Keys = { name_pinyin: string; name_initials: string }

const HAN = /^\p{Script=Han}$/u

function letters(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, '')
}

export function createPinyinCache() {
  /** A character's one reading (letters only), or null when it has several or is not Han. */
  const single = new Map<string, string | null>()
  /** The readings of a name's first two characters, surname rules applied. */
  const heads = new Map<string, string[] | null>()
  const whole = new Map<string, Keys>()

  function readingOf(char: string): string | null {
    let r = single.get(char)
    if (r === undefined) {
      r = null
      if (HAN.test(char)) {
        const readings = new Set((polyphonic(char, { toneType: 'none', type: 'array' })[0] ?? []).map(letters))
        if (readings.size === 1) r = [...readings][0] || null
      }
      single.set(char, r)
    }
    return r
  }

  function headOf(pair: string): string[] | null {
    let h = heads.get(pair)
    if (h === undefined) {
      const chars = [...pair]
      h = chars.every((c) => HAN.test(c))
        ? pinyin(pair, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' }).map(letters)
        : null
      if (h && (h.length !== chars.length || h.some((x) => x === ''))) h = null
      heads.set(pair, h)
    }
    return h
  }

  function slow(name: string): Keys {
    let k = whole.get(name)
    if (!k) {
      k = pinyinKeys(name)
      whole.set(name, k)
    }
    return k
  }

  return function keysOf(name: string): Keys {
    const chars = [...name]
    if (chars.length < 2 || chars.length > 6) return slow(name)
    const rest: string[] = []
    for (let i = 1; i < chars.length; i++) {
      const r = readingOf(chars[i]!)
      if (r === null) return slow(name)
      rest.push(r)
    }
    const head = headOf(chars[0]! + chars[1]!)
    if (!head) return slow(name)
    const readings = [head[0]!, ...rest]
    return { name_pinyin: readings.join(''), name_initials: readings.map((r) => r[0]).join('') }
  }
}
