/**
 * `npm run search:rebuild -- --data DIR`: rebuilds the search index of a data
 * folder from its records (the app must not be running on it). Recorded in
 * the audit trail as the local administrator, like other command-line tools.
 */
import { parseArgs } from 'node:util'
import { openCore } from '../app'
import { localContext } from '../context'

const { values } = parseArgs({ options: { data: { type: 'string', default: './data' } } })
const core = await openCore({ dataDir: values.data, mode: 'serve', appVersion: 'search-rebuild' })
try {
  const result = (await core.call(localContext(), 'search.rebuild', {})) as { documents: number; tookMs: number }
  console.log(
    `搜索索引已重建：${result.documents} 条记录，用时 ${(result.tookMs / 1000).toFixed(1)} 秒（${core.paths.databaseFile}）`,
  )
} catch (err) {
  console.error(`重建搜索索引失败：${err instanceof Error ? err.message : String(err)}`)
  process.exitCode = 1
} finally {
  await core.close()
}
