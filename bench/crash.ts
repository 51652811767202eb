/**
 * `npm run crash -- --runs N [--writers K]`: the crash-safety harness from
 * bench/crashHarness.ts, any number of times. Prints one line per run and a
 * summary; exits 1 (with the reason) if an acknowledged write was lost or
 * the database was damaged.
 */
import { parseArgs } from 'node:util'
import { runCrashHarness } from './crashHarness'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    writers: { type: 'string', default: '4' },
  },
})
const runs = Number(values.runs)
const writers = Number(values.writers)
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(writers) || writers < 1) {
  console.error('用法：npm run crash -- --runs N [--writers K]（N、K 为正整数）')
  process.exit(2)
}

try {
  const report = await runCrashHarness({ runs, writers, log: (line) => console.log(line) })
  console.log(
    `通过：${runs} 次 SIGKILL，共 ${report.totalAcknowledged} 条已确认的写入全部保留，数据库完整性检查均通过（数据目录：${report.dataDir}）`,
  )
} catch (err) {
  console.error('失败：', err instanceof Error ? err.message : err)
  process.exit(1)
}
