/**
 * `npm run bench [-- --rows N] [-- --only scale|print|all] [-- --out FILE] [-- --keep] [-- --reuse DIR]`:
 * speed figures, reported as numbers (never as timed tests).
 *
 * scale (the default; issue 9): N 诉求 (default 1,000,000), N/5 residents and
 * N/20 mediation cases in a temporary database — inserts, search, list page,
 * statistics, cold start and memory, each beside its target (bench/scale/).
 * print: the median time for Chromium to lay out one notice and produce its
 * PDF and a 100-copy batch, then the intake (50,000 诉求) and import
 * (100,000-row 人员名单) figures.
 *
 * Both write into bench/results.json (or --out): the scale figures at the top
 * level, the print/intake/import ones under "print"; running one part keeps
 * the other part's last figures.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { launchChromium, repoRoot, signInContext, startServer, tempDataDir } from '../tests/e2e/harness'
import { call } from '../tests/e2e/api'
import { waitForPrintReady } from '../tests/e2e/pdf'
import { buildRendererIfNeeded } from '../electron/server/rendererBuild'
import { runIntakeBench } from './intake'
import { runImportBench } from './import'
import { printScaleTable, runScaleBench } from './scale/index'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    only: { type: 'string', default: 'scale' },
    out: { type: 'string', default: path.join(repoRoot, 'bench', 'results.json') },
    keep: { type: 'boolean', default: false },
    temp: { type: 'string' },
    starts: { type: 'string', default: '3' },
    reuse: { type: 'string' },
  },
})
const rows = Number(values.rows.replace(/[_,]/g, ''))
if (!Number.isInteger(rows) || rows < 100) {
  console.error(`--rows 应为不小于 100 的整数（收到 ${values.rows}）`)
  process.exit(2)
}
if (!['scale', 'print', 'all'].includes(values.only)) {
  console.error(`--only 应为 scale、print 或 all（收到 ${values.only}）`)
  process.exit(2)
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

function readResults(file: string): Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
  } catch {
    return {}
  }
}

function writeResults(file: string, results: Record<string, unknown>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n')
  console.log(`已写入 ${file}`)
}

async function runPrintBench(): Promise<Record<string, unknown>> {
  await buildRendererIfNeeded(repoRoot, path.join(repoRoot, 'dist', 'renderer'))
  const server = await startServer(tempDataDir('cd-bench-'), ['--demo'])
  const browser = await launchChromium()
  const signed = await browser.newContext()
  try {
    await signInContext(signed, server)
    const community = (await call(server, 'places.listCommunities', {})).find((c) => c.name === '迎春社区')!
    const compoundIds: number[] = []
    for (let i = 1; i <= 100; i++) {
      const c = await call(server, 'places.saveCompound', {
        communityId: community.id,
        name: `基准测试小区${String(i).padStart(3, '0')}`,
        kind: 'old',
        management: 'none',
      })
      compoundIds.push(c.id)
    }
    const notice = await call(server, 'notices.fromTemplate', { templateId: 1, communityId: community.id, compoundIds })

    async function timePdf(url: string): Promise<number> {
      const page = await signed.newPage()
      const started = performance.now()
      await page.goto(url)
      await waitForPrintReady(page)
      await page.pdf({ preferCSSPageSize: true })
      const ms = performance.now() - started
      await page.close()
      return ms
    }

    const single = `${server.url}#/print/notice/${notice.id}?layout=official&compounds=${compoundIds[0]}`
    const batch = `${server.url}#/print/notice/${notice.id}?layout=official&compounds=${compoundIds.join(',')}`
    await timePdf(single) // warm-up: first load compiles and caches the app
    const singleRuns: number[] = []
    for (let i = 0; i < 7; i++) singleRuns.push(await timePdf(single))
    const batchRuns: number[] = []
    for (let i = 0; i < 3; i++) batchRuns.push(await timePdf(batch))

    const intake = await runIntakeBench()
    const imports = await runImportBench(100_000)
    const results = {
      ...intake,
      ...imports,
      date: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      notice_pdf_ms_median: Math.round(median(singleRuns)),
      notice_batch100_pdf_ms_median: Math.round(median(batchRuns)),
      notice_batch100_per_copy_ms: Math.round(median(batchRuns) / 100),
      notice_batch_vs_single_ratio: Number((median(batchRuns) / median(singleRuns)).toFixed(1)),
    }
    console.table([
      { 项目: '单份通知 PDF（中位数）', 数值: `${results.notice_pdf_ms_median} ms` },
      { 项目: '100 份批量 PDF（中位数）', 数值: `${results.notice_batch100_pdf_ms_median} ms` },
      { 项目: '批量每份', 数值: `${results.notice_batch100_per_copy_ms} ms` },
      { 项目: '批量/单份', 数值: `${results.notice_batch_vs_single_ratio}×` },
    ])
    // Targets: a lookup while typing must answer within a keystroke (50 ms); a list page within 300 ms.
    const ratio = (ms: number, target: number) => `${ms} ms（目标 ${target} ms 的 ${(ms / target).toFixed(2)} 倍）`
    console.table([
      { 项目: `来访人查找·电话（${intake.intake_people} 人）`, 数值: ratio(intake.people_search_phone_ms!, 50) },
      { 项目: '来访人查找·拼音首字母', 数值: ratio(intake.people_search_pinyin_ms!, 50) },
      { 项目: '来访人查找·姓名', 数值: ratio(intake.people_search_name_ms!, 50) },
      { 项目: `诉求列表首页（${intake.intake_complaints} 件）`, 数值: ratio(intake.complaints_list_page_ms!, 300) },
      { 项目: '诉求列表·已超期按期限排序', 数值: ratio(intake.complaints_list_overdue_ms!, 300) },
      { 项目: '诉求列表·全文搜索', 数值: ratio(intake.complaints_list_text_ms!, 300) },
      { 项目: '工作台', 数值: ratio(intake.dashboard_ms!, 300) },
      { 项目: '来访登记保存（含1件诉求）', 数值: ratio(intake.visit_create_ms!, 300) },
      { 项目: '导出 .xlsx（约7,000行）', 数值: `${intake.export_7000_rows_ms} ms` },
    ])
    const sec = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`
    console.table([
      { 项目: '人员名单 .csv 10万行：试运行', 数值: sec(imports.import_people_csv_dry_run_ms) },
      { 项目: '人员名单 .csv 10万行：试运行后导入', 数值: sec(imports.import_people_csv_commit_after_dry_run_ms) },
      {
        项目: '人员名单 .csv 10万行：直接导入',
        数值: `${sec(imports.import_people_csv_commit_alone_ms)}（${imports.import_people_csv_rows_per_s} 行/秒）`,
      },
      { 项目: '人员名单 .xlsx 10万行：试运行', 数值: sec(imports.import_people_xlsx_dry_run_ms) },
      { 项目: '人员名单 .xlsx 10万行：试运行后导入', 数值: sec(imports.import_people_xlsx_commit_after_dry_run_ms) },
      {
        项目: '人员名单 .xlsx 10万行：直接导入',
        数值: `${sec(imports.import_people_xlsx_commit_alone_ms)}（${imports.import_people_xlsx_rows_per_s} 行/秒）`,
      },
    ])
    return results
  } finally {
    await browser.close()
    await server.stop()
  }
}

if (values.only === 'scale' || values.only === 'all') {
  const results = await runScaleBench({
    rows,
    keep: values.keep,
    tempRoot: values.temp,
    starts: Number(values.starts),
    reuse: values.reuse,
    reuseResults: values.out,
  })
  printScaleTable(results)
  // Before issue 9 the print figures were the whole file: keep them, under "print".
  const previous = readResults(values.out)
  const print = previous.print ?? ('notice_pdf_ms_median' in previous ? previous : undefined)
  writeResults(values.out, { ...results, ...(print ? { print } : {}) })
}
if (values.only === 'print' || values.only === 'all') {
  const print = await runPrintBench()
  writeResults(values.out, { ...readResults(values.out), print })
}
