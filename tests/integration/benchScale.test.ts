/**
 * The scale benchmark runs (at a small N) and reports every figure the issue
 * names: `npm run bench`'s own entry point, into a temporary folder and a
 * temporary JSON (never the committed bench/results.json). The figures'
 * values are not judged here (CI machines differ); that they exist, are
 * real numbers, and that search found exactly what a LIKE scan finds is.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const ROWS = 2000

describe('npm run bench (scale, small N)', () => {
  it('writes every figure, each beside its target, and search answers match the data', { timeout: 180_000 }, () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-bench-test-'))
    const out = path.join(temp, 'results.json')
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--rows', String(ROWS), '--out', out, '--temp', temp, '--starts', '1'],
      { cwd: root, encoding: 'utf8', timeout: 170_000 },
    )
    expect(run.status, run.stdout + run.stderr).toBe(0)
    const r = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown> & {
      targets: { figure: string; value: number; target: string; met: boolean }[]
      search_checks: {
        query: string
        searchTotal: number
        searchCapped: boolean
        likeCount: number
        hitsContainQuery: boolean
      }[]
    }
    // The run cleaned up after itself: only the JSON is left.
    expect(fs.readdirSync(temp)).toEqual(['results.json'])
    fs.rmSync(temp, { recursive: true, force: true })

    expect(r.rows).toBe(ROWS)
    expect(r.complaints).toBe(ROWS)
    expect(r.people).toBeGreaterThanOrEqual(ROWS / 5 - 5)
    expect(r.mediation_cases).toBe(ROWS / 20)
    const positive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0
    for (const key of [
      'insert_rows_per_s',
      'insert_raw_rows_per_s',
      'insert_vs_raw',
      'list_page_p50_ms',
      'stats_p50_ms',
      'cold_start_ms',
      'cold_start_tsx_ms',
      'rss_mb',
    ]) {
      expect(positive(r[key]), `${key} = ${String(r[key])}`).toBe(true)
    }
    for (const key of ['search_p50_ms', 'search_p95_ms', 'search_vs_like']) {
      const byClass = r[key] as Record<string, number>
      expect(Object.keys(byClass).sort(), key).toEqual(['pinyin', 'zh2', 'zh3', 'zh6'])
      for (const [cls, v] of Object.entries(byClass)) expect(positive(v), `${key}.${cls} = ${v}`).toBe(true)
    }
    const machine = r.machine as { cpus: number; ram_gb: number; node: string }
    expect(machine.cpus).toBeGreaterThan(0)
    expect(machine.ram_gb).toBeGreaterThan(0)
    expect(machine.node).toBe(process.version)

    // Every target of the issue is listed with the figure's value and a verdict.
    expect(r.targets.map((t) => t.figure)).toEqual([
      'insert_rows_per_s',
      'insert_vs_raw',
      ...['search_p50_ms', 'search_vs_like'].flatMap((f) => ['zh2', 'zh3', 'zh6', 'pinyin'].map((c) => `${f}.${c}`)),
      'list_page_p50_ms',
      'stats_p50_ms',
      'cold_start_ms',
      'rss_mb',
    ])
    for (const t of r.targets) {
      expect(positive(t.value), t.figure).toBe(true)
      expect(t.met).toBe(
        /≤/.test(t.target) ? t.value <= parseFloat(t.target.slice(2)) : t.value >= parseFloat(t.target.slice(2)),
      )
    }

    // Search answers: each generated phrase is found, exactly as often as a LIKE scan finds it, and only where it is.
    expect(r.search_checks).toHaveLength(20)
    for (const c of r.search_checks) {
      expect(c.likeCount, `${c.query} is in the generated data`).toBeGreaterThan(0)
      // Search totals stop at 1000 and say so.
      expect(c.searchTotal, `search total for ${c.query}`).toBe(Math.min(c.likeCount, 1000))
      expect(c.searchCapped, `search total for ${c.query} marked as stopped`).toBe(c.likeCount > 1000)
      expect(c.hitsContainQuery, `hits of ${c.query} contain it`).toBe(true)
    }
    // A month's dashboard counted the 诉求 generated in that month.
    expect(r.stats_received_in_period).toBeGreaterThan(0)
  })
})
