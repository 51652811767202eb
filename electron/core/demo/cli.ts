/**
 * `npm run demo [-- --data DIR]`: load the demo places into a data folder
 * (default ./data, the one `npm run serve` uses). Refuses a folder that
 * already has communities, so it never mixes demo rows into real data.
 */
import { parseArgs } from 'node:util'
import { openCore } from '../app'
import { localContext } from '../context'
import { ApiError } from '../../../shared/api/errors'

const { values } = parseArgs({ options: { data: { type: 'string', default: './data' } } })
const core = await openCore({ dataDir: values.data, mode: 'serve', appVersion: 'demo' })
try {
  const loaded = await core.call(localContext(), 'system.loadDemo', {})
  console.log(`已载入演示数据：`, loaded, `→ ${core.paths.databaseFile}`)
} catch (err) {
  console.error(err instanceof ApiError ? err.message : err)
  process.exitCode = 1
} finally {
  await core.close()
}
