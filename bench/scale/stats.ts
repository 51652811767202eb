/** Percentiles and timing loops for the benchmark (nearest-rank, as latency reports use). */
import { performance } from 'node:perf_hooks'

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN
  const s = [...samples].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!
}

export const round1 = (x: number) => Math.round(x * 10) / 10

/** `runs` timed calls after one untimed warm-up; milliseconds of each. */
export async function sample(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn()
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    ms.push(performance.now() - started)
  }
  return ms
}
