/**
 * The crash harness in CI: five SIGKILLs of serve mode at random moments
 * while four writers save 社区 and 来访登记 through the API. After each kill
 * the database passes integrity_check and holds every write that was
 * answered with success; the app then starts normally (never in recovery
 * mode) and lists them. `npm run crash -- --runs N` runs the same code.
 */
import { describe, expect, it } from 'vitest'
import { checkFile, runCrashHarness } from '../../bench/crashHarness'
import { call } from '../fixtures/core'
import { corruptPages, freshDataDir, openBackupCore } from '../fixtures/backup'

describe('crash safety', () => {
  it('loses no acknowledged write and never damages the database across 5 SIGKILLs', async () => {
    const report = await runCrashHarness({ runs: 5, writers: 4 })
    expect(report.runs).toHaveLength(5)
    // The harness throws on a lost write or a failed check; here we also make sure it really wrote.
    expect(report.totalAcknowledged).toBeGreaterThan(0)
  }, 600_000)

  it('has a check that notices a lost write and a damaged file', async () => {
    const core = await openBackupCore(freshDataDir(), { automaticBackups: false })
    await call(core, 'places.saveCommunity', { name: '崩溃测试1-0-0' })
    await core.close()
    const file = core.paths.databaseFile
    await expect(checkFile(file, [{ key: '崩溃测试1-0-0', table: 'communities' }])).resolves.toBeUndefined()
    await expect(checkFile(file, [{ key: '崩溃测试1-0-2', table: 'communities' }])).rejects.toThrow(
      /1 acknowledged writes lost/,
    )
    corruptPages(file, 2, 6)
    await expect(checkFile(file, [])).rejects.toThrow(/integrity_check|malformed|not a database/)
  })
})
