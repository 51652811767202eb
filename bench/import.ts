/**
 * Import speed: a 人员名单 of N residents (name, sex, phone, ID number, 小区,
 * building, unit, room) committed into an empty registry, as a .csv and as an
 * .xlsx, through the import service the API uses (dry-run rules, matching,
 * one transaction). Reported as milliseconds and rows per second.
 *
 * `runImportBench(n)` is for bench/run.ts; `npx tsx bench/import.ts [N]`
 * prints the figures on its own.
 */
import { performance } from 'node:perf_hooks'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { openCore, type Core } from '../electron/core/app'
import { localContext, type Ctx } from '../electron/core/context'
import { importService } from '../electron/core/dataTransfer/importService'
import { importPreviewInput, importRunInput } from '../shared/api/dataTransfer'
import { checkCharOf } from '../shared/validation/idNumber'
import { tempDataDir } from '../tests/e2e/harness'

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文'
const GIVEN =
  '秀英桂兰建国志强丽华德明春梅卫东玉珍文军海燕子涵浩然思远雨轩欣怡嘉豪晓红永刚淑珍宏伟俊杰婷婷佳琪梓萱一诺宇航子轩乐长重行朝晨阳'

function residents(n: number): string[][] {
  const rows: string[][] = [['姓名', '性别', '联系电话', '身份证号', '小区名称', '楼栋', '单元', '房号']]
  for (let i = 0; i < n; i++) {
    const name =
      SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + (i % 3 ? GIVEN[(i * 13) % GIVEN.length]! : '')
    const born = new Date(Date.UTC(1930, 0, 1) + (i % 27000) * 86_400_000).toISOString().slice(0, 10)
    const first17 = `520102${born.replace(/-/g, '')}${String(100 + Math.floor(i / 27000)).padStart(3, '0')}`
    const id = first17 + checkCharOf(first17)
    const sex = Number(first17[16]) % 2 === 1 ? '男' : '女'
    rows.push([
      name,
      sex,
      `13${String(100000000 + i).slice(0, 9)}`,
      id,
      '幸福小区',
      String((i % 30) + 1),
      '1',
      String(101 + (i % 20)),
    ])
  }
  return rows
}

function csvOf(rows: string[][]): Buffer {
  return Buffer.from(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8')
}

/** As Excel and WPS save a workbook: repeated texts kept once, in the shared-strings part. */
async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false })
  const sheet = book.addWorksheet('人员')
  for (const r of rows) sheet.addRow(r).commit()
  sheet.commit()
  await book.commit()
  return Buffer.concat(chunks)
}

interface Timing {
  /** 试运行: read, every row checked, matched against the registry. */
  dryRunMs: number
  /** 导入 right after that dry run (its checked rows reused; matched again and written under the lock). */
  commitMs: number
  /** 导入 with no dry run before it: read, check and write in one go. */
  commitAloneMs: number
  /** CPU time of the lone commit (all threads): steadier than wall time on a busy machine. */
  commitAloneCpuMs: number
}

async function withCore<T>(run: (core: Core, ctx: Ctx) => Promise<T>): Promise<T> {
  const core = await openCore({
    dataDir: tempDataDir('cd-bench-import-'),
    mode: 'serve',
    appVersion: 'bench',
    automaticBackups: false,
  })
  const ctx = localContext()
  try {
    const community = await core.call(ctx, 'places.saveCommunity', { name: '迎春社区' })
    await core.call(ctx, 'places.saveCompound', {
      communityId: (community as { id: number }).id,
      name: '幸福小区',
      kind: 'old',
      management: 'none',
    })
    return await run(core, ctx)
  } finally {
    await core.close()
  }
}

async function timeImport(n: number, name: string, bytes: Buffer, gzip: boolean): Promise<Timing> {
  const file = { name, base64: (gzip ? gzipSync(bytes) : bytes).toString('base64'), gzip }
  const ms = (started: number) => performance.now() - started
  const check = (created: number) => {
    if (created !== n) throw new Error(`expected ${n} people, imported ${created}`)
  }
  const [dryRunMs, commitMs] = await withCore(async (core, ctx) => {
    const service = importService(core.db, core.paths.databaseFile)
    const preview = await service.preview(ctx, importPreviewInput.parse({ kind: 'people', file }))
    const input = importRunInput.parse({ kind: 'people', file, mapping: preview.suggested })
    let started = performance.now()
    check((await service.dryRun(ctx, input)).created)
    const dry = ms(started)
    started = performance.now()
    check((await service.commit(ctx, input)).created)
    return [dry, ms(started)]
  })
  const [commitAloneMs, commitAloneCpuMs] = await withCore(async (core, ctx) => {
    const service = importService(core.db, core.paths.databaseFile)
    const preview = await service.preview(ctx, importPreviewInput.parse({ kind: 'people', file }))
    const input = importRunInput.parse({ kind: 'people', file, mapping: preview.suggested })
    const cpu = process.cpuUsage()
    const started = performance.now()
    check((await service.commit(ctx, input)).created)
    const used = process.cpuUsage(cpu)
    return [ms(started), (used.user + used.system) / 1000]
  })
  return { dryRunMs, commitMs, commitAloneMs, commitAloneCpuMs }
}

export async function runImportBench(n = 100_000): Promise<Record<string, number>> {
  const rows = residents(n)
  const csv = csvOf(rows)
  const xlsx = await xlsxOf(rows)
  const c = await timeImport(n, '人员名单.csv', csv, true)
  const x = await timeImport(n, '人员名单.xlsx', xlsx, false)
  const rate = (ms: number) => Math.round(n / (ms / 1000))
  return {
    import_people_rows: n,
    import_people_csv_dry_run_ms: Math.round(c.dryRunMs),
    import_people_csv_commit_after_dry_run_ms: Math.round(c.commitMs),
    import_people_csv_commit_alone_ms: Math.round(c.commitAloneMs),
    import_people_csv_commit_alone_cpu_ms: Math.round(c.commitAloneCpuMs),
    import_people_csv_rows_per_s: rate(c.commitAloneMs),
    import_people_xlsx_dry_run_ms: Math.round(x.dryRunMs),
    import_people_xlsx_commit_after_dry_run_ms: Math.round(x.commitMs),
    import_people_xlsx_commit_alone_ms: Math.round(x.commitAloneMs),
    import_people_xlsx_commit_alone_cpu_ms: Math.round(x.commitAloneCpuMs),
    import_people_xlsx_rows_per_s: rate(x.commitAloneMs),
    import_people_csv_gzip_base64_kb: Math.round(gzipSync(csv).toString('base64').length / 1024),
    import_people_xlsx_base64_kb: Math.round(xlsx.toString('base64').length / 1024),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 100_000)
  const r = await runImportBench(n)
  const s = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`
  console.table([
    {
      项目: `人员名单 .csv（${n} 行）`,
      试运行: s(r.import_people_csv_dry_run_ms),
      试运行后导入: s(r.import_people_csv_commit_after_dry_run_ms),
      直接导入: `${s(r.import_people_csv_commit_alone_ms)}（${r.import_people_csv_rows_per_s} 行/秒，CPU ${s(r.import_people_csv_commit_alone_cpu_ms)}）`,
    },
    {
      项目: `人员名单 .xlsx（${n} 行）`,
      试运行: s(r.import_people_xlsx_dry_run_ms),
      试运行后导入: s(r.import_people_xlsx_commit_after_dry_run_ms),
      直接导入: `${s(r.import_people_xlsx_commit_alone_ms)}（${r.import_people_xlsx_rows_per_s} 行/秒，CPU ${s(r.import_people_xlsx_commit_alone_cpu_ms)}）`,
    },
  ])
  console.log(
    `上传大小（base64）：.csv 压缩后 ${r.import_people_csv_gzip_base64_kb} KB，.xlsx ${r.import_people_xlsx_base64_kb} KB`,
  )
}
