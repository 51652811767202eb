/**
 * `npm run audit:verify [-- --data DIR]`: checks that no audit event was
 * changed or removed. Exits 1 when the chain is broken.
 */
import { parseArgs } from 'node:util'
import { openCore } from '../app'
import { verifyAuditTrail } from './trail'

const { values } = parseArgs({ options: { data: { type: 'string', default: './data' } } })
const core = await openCore({ dataDir: values.data, mode: 'serve', appVersion: 'audit-verify' })
try {
  const result = await verifyAuditTrail(core.db)
  if (result.ok) {
    console.log(`审计记录完整：已核验 ${result.checked} 条（${core.paths.databaseFile}）`)
  } else {
    console.error(`审计记录被改动：${result.reason}（此前 ${result.checked} 条完好）`)
    process.exitCode = 1
  }
} finally {
  await core.close()
}
