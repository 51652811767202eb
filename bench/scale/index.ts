/**
 * The scale benchmark (issue 9): N 诉求, N/5 residents, N/20 mediation cases
 * generated deterministically into a temporary data folder through the
 * app's own core (migrations included), then the figures the issue asks
 * for, each beside its target. `runScaleBench` returns the results object
 * bench/run.ts prints and writes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { DATABASE_FILE, openCore, type Core } from '../../electron/core/app'
import { tidySearchIndex } from '../../electron/core/search/tidy'
import { localContext } from '../../electron/core/context'
import { rawInsert, snapshotDatabase } from './raw'
import {
  COMPLAINT_BATCH,
  peopleRange,
  seedComplaints,
  seedMediation,
  seedPeople,
  seedPlaces,
  type Places,
} from './seed'
import { countOf, earlierInserts, placesOf, type ReusedInserts } from './reuse'
import {
  lastMonth,
  listVariants,
  measureList,
  measureSearch,
  measureStats,
  queryClassLabels,
  type QueryClass,
} from './measure'
import { measureServe, prepareServe, serveEntry } from './serve'
import { check, type TargetCheck } from './targets'
import { round1 } from './stats'

export interface ScaleOptions {
  rows: number
  /** Where the temporary data folder goes (default: the OS temp folder). */
  tempRoot?: string
  /** Keep the data folder afterwards (to poke at it). */
  keep?: boolean
  seed?: number
  /** Cold starts per way (tsx, bundled). */
  starts?: number
  /** Measure again on a kept run's folder (the one holding data/), inserts from `reuseResults`. */
  reuse?: string
  reuseResults?: string
  log?: (line: string) => void
}

const classes: QueryClass[] = ['zh2', 'zh3', 'zh6', 'pinyin']

function machine() {
  return {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? '',
    ram_gb: round1(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadavg_at_start: os.loadavg().map(round1),
  }
}

function dirSizeMb(dir: string): number {
  let bytes = 0
  for (const f of fs.readdirSync(dir)) {
    const st = fs.statSync(path.join(dir, f))
    if (st.isFile()) bytes += st.size
  }
  return round1(bytes / 1024 ** 2)
}

export async function runScaleBench(options: ScaleOptions) {
  const log = options.log ?? ((line: string) => console.log(line))
  const n = options.rows
  const seed = options.seed ?? 20261126
  const root = options.reuse ?? fs.mkdtempSync(path.join(options.tempRoot ?? os.tmpdir(), 'cd-bench-scale-'))
  const dataDir = path.join(root, 'data')
  const rawDir = path.join(root, 'raw')
  const now = new Date()
  const ctx = localContext()
  const phase: Record<string, number> = {}
  const began = performance.now()
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    log(`… ${name}`)
    const t = performance.now()
    const out = await fn()
    phase[name] = Math.round(performance.now() - t)
    return out
  }
  let core: Core | null = await timed('open', () =>
    openCore({ dataDir, mode: 'serve', appVersion: 'bench', automaticBackups: false }),
  )
  try {
    const c = core
    // A large database is quick_checked in the background after opening: let that finish before timing anything.
    await timed('check', () => c.checked())
    let places: Places
    let people: number
    let complaints: { rows: number; serviceMs: number }
    let mediation: { cases: number; ms: number }
    let raw: { rows: number; ms: number }
    let reused: ReusedInserts | null = null
    if (options.reuse) {
      reused = earlierInserts(options.reuseResults!, n)
      places = await placesOf(c)
      people = await countOf(c, 'persons')
      complaints = { rows: await countOf(c, 'complaints'), serviceMs: (n / reused.insert_rows_per_s) * 1000 }
      if (complaints.rows !== n) throw new Error(`${dataDir} 中有 ${complaints.rows} 件诉求，不是 ${n} 件`)
      mediation = { cases: await countOf(c, 'mediation_cases'), ms: 0 }
      raw = { rows: n, ms: (n / reused.insert_raw_rows_per_s) * 1000 }
    } else {
      fs.mkdirSync(rawDir)
      places = await timed('places', () => seedPlaces(c, ctx))
      people = await timed('people_import', () => seedPeople(c, ctx, Math.max(10, Math.round(n / 5)), places, seed + 1))
      const range = await peopleRange(c)
      // The raw baseline's database: everything but the 诉求, as the services found it.
      const rawFile = path.join(rawDir, DATABASE_FILE)
      await snapshotDatabase(c.db, rawFile)
      const seeded = await timed('complaints_service', () => seedComplaints(c, ctx, n, places, range, seed + 2, now))
      complaints = seeded
      mediation = await timed('mediation', () =>
        seedMediation(c, ctx, Math.max(2, Math.round(n / 20)), range, seed + 3, now),
      )
      raw = await timed('complaints_raw', () =>
        rawInsert(c.db, rawFile, seeded.firstId, seeded.lastId, COMPLAINT_BATCH),
      )
      fs.rmSync(rawDir, { recursive: true, force: true })
    }
    // The app merges the search index's segments in the background after each start (search/tidy.ts):
    // the index a clerk searches from the second start on. Done here in the foreground, before timing.
    await timed('search_tidy', () => tidySearchIndex((run) => run(c.db)))
    await c.db.raw('PRAGMA wal_checkpoint(TRUNCATE)')
    await c.db.raw('PRAGMA optimize')

    const search = await timed('search', () => measureSearch(c, ctx, 6))
    const community = places.communityIds[0]!
    const compound = places.compounds[3]!.id
    const category = places.categories.get('环境卫生')!
    const variants = listVariants(community, compound, category, now.getFullYear() - 1)
    const list = await timed('list', () => measureList(c, ctx, variants, 10))
    const stats = await timed('stats', () => measureStats(c, ctx, now, 7))
    // As on a PC in daily use: a good backup from today exists, so serve's start-up backup is not due.
    // (A reused folder holds the earlier run's backup.)
    if (!options.reuse) await timed('backup', () => c.backups.create('manual'))
    const dbMb = dirSizeMb(dataDir)
    await c.close()
    core = null

    const calls: [string, unknown][] = [
      ...classes.flatMap((cls) => search.queries[cls].map((q) => ['search.query', { query: q }] as [string, unknown])),
      ...variants.map((v) => ['complaints.list', v.input] as [string, unknown]),
      ['stats.dashboard', { period: { kind: 'month', ...lastMonth(now) } }],
    ]
    const starts = options.starts ?? 3
    await timed('serve_build', () => prepareServe())
    const serve = await timed('serve', () => measureServe(dataDir, serveEntry, calls, starts))
    const tsx = await timed('serve_tsx', () => measureServe(dataDir, 'tsx', calls, starts))

    const insertRate = Math.round(complaints.rows / (complaints.serviceMs / 1000))
    const rawRate = Math.round(raw.rows / (raw.ms / 1000))
    const targets: TargetCheck[] = [
      check('insert_rows_per_s', '诉求写入（经服务层）行/秒', insertRate, '≥', 20_000),
      check(
        'insert_vs_raw',
        '写入速度 / 原始 sqlite3 预编译插入',
        Math.round((insertRate / rawRate) * 100) / 100,
        '≥',
        0.5,
      ),
      ...classes.map((cls) =>
        check(`search_p50_ms.${cls}`, `搜索 p50（${queryClassLabels[cls]}）`, search.p50[cls], '≤', 20, ' ms'),
      ),
      ...classes.map((cls) =>
        check(`search_vs_like.${cls}`, `比 LIKE 扫描快（${queryClassLabels[cls]}）`, search.vsLike[cls], '≥', 50, '×'),
      ),
      check('list_page_p50_ms', '诉求列表 50 行（筛选+排序）p50', list.p50, '≤', 10, ' ms'),
      check('stats_p50_ms', '统计报表（一个月）p50', stats.p50, '≤', 200, ' ms'),
      check('cold_start_ms', '冷启动（启动到首个 API 应答）', serve.coldStartMs, '≤', 1000, ' ms'),
      check('rss_mb', '服务进程内存峰值', serve.rssMb, '≤', 300, ' MB'),
    ]
    return {
      rows: n,
      people,
      complaints: complaints.rows,
      mediation_cases: mediation.cases,
      seed,
      date: now.toISOString(),
      machine: machine(),
      database_mb: dbMb,
      insert_rows_per_s: insertRate,
      insert_raw_rows_per_s: rawRate,
      insert_vs_raw: targets[1]!.value,
      search_p50_ms: search.p50,
      search_p95_ms: search.p95,
      search_vs_like: search.vsLike,
      search_like_ms: search.likeMs,
      search_same_query_ms: search.oursMs,
      search_queries: search.queries,
      search_checks: search.checks,
      list_page_p50_ms: list.p50,
      list_page_p95_ms: list.p95,
      list_variants: variants.map((v) => v.label),
      stats_p50_ms: stats.p50,
      stats_p95_ms: stats.p95,
      stats_period: stats.period,
      stats_received_in_period: stats.received,
      cold_start_ms: serve.coldStartMs,
      cold_start_runs_ms: serve.coldStartRunsMs,
      cold_start_tsx_ms: tsx.coldStartMs,
      cold_start_tsx_runs_ms: tsx.coldStartRunsMs,
      rss_mb: serve.rssMb,
      rss_tsx_mb: tsx.rssMb,
      http_p50_ms: serve.httpP50Ms,
      http_calls: serve.httpCalls,
      mediation_seed_ms: Math.round(mediation.ms),
      ...(reused ? { reused } : {}),
      phase_ms: phase,
      total_s: Math.round((performance.now() - began) / 1000),
      targets,
    }
  } finally {
    if (core) await core.close().catch(() => undefined)
    if (!options.keep && !options.reuse) fs.rmSync(root, { recursive: true, force: true })
    else log(`数据目录保留在 ${root}`)
  }
}

export type ScaleResults = Awaited<ReturnType<typeof runScaleBench>>

/** The table `npm run bench` prints: each figure, its target, met or not. */
export function printScaleTable(r: ScaleResults): void {
  console.log(
    `规模：诉求 ${r.complaints.toLocaleString()} 件，居民 ${r.people.toLocaleString()} 人，调解案件 ${r.mediation_cases.toLocaleString()} 件；` +
      `数据库 ${r.database_mb} MB；${r.machine.cpus} 核 ${r.machine.ram_gb} GB 内存，Node ${r.machine.node}`,
  )
  console.table(
    r.targets.map((t) => ({ 项目: t.label, 数值: t.value, 目标: t.target, 结果: t.met ? '达标' : '未达标' })),
  )
  console.table([
    ...(['zh2', 'zh3', 'zh6', 'pinyin'] as const).map((c) => ({
      项目: `搜索 p95（${queryClassLabels[c]}）`,
      数值: `${r.search_p95_ms[c]} ms`,
    })),
    { 项目: '原始 sqlite3 插入', 数值: `${r.insert_raw_rows_per_s} 行/秒` },
    { 项目: '冷启动（从 TypeScript 源码经 tsx，测试用）', 数值: `${r.cold_start_tsx_ms} ms` },
    { 项目: '内存峰值（经 tsx）', 数值: `${r.rss_tsx_mb} MB` },
    { 项目: '经 HTTP 调用 p50', 数值: `${r.http_p50_ms} ms` },
    { 项目: '总耗时', 数值: `${r.total_s} s` },
  ])
}
