/**
 * A seeded PRNG (mulberry32): the same seed gives the same data on every
 * machine, so two benchmark runs measure the same database and the CI test
 * can know in advance what was generated.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [0, n). */
  int(n: number): number
  pick<T>(items: readonly T[]): T
  /** True with probability p. */
  chance(p: number): boolean
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0
  function next(): number {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[int(items.length)]!,
    chance: (p: number) => next() < p,
  }
}
