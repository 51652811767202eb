/**
 * The first start of `serve --demo` on an empty data folder: no backup at
 * all counts as older than 24 hours, so a start-up backup is taken once the
 * demo data is in (not an hour later, not of the empty database), verified.
 * And before any backup, the default folder's absence is shown as what it
 * is (made by the first backup), not as a red fault.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import {
  launchChromium,
  pageOwningContext,
  screenshotDir,
  startServer,
  tempDataDir,
  type RunningServer,
} from './harness'
import { call, signIn } from './api'
import { defaultBackupLocation } from '../../electron/core/backup/settings'
import { allRows, withRaw } from '../../electron/core/backup/sqliteFile'

const wait = { timeout: 30_000, interval: 250 }
let browser: Browser
const servers: RunningServer[] = []
const parents: string[] = []

function dataDirInOwnFolder(): string {
  const parent = tempDataDir('cd-e2e-backup-start-')
  parents.push(parent)
  return path.join(parent, 'data')
}

beforeAll(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  for (const s of servers) await s.stop()
  for (const parent of parents) fs.rmSync(parent, { recursive: true, force: true })
})

describe('start-up backup', () => {
  it('backs up an empty data folder started with --demo right after the demo data is loaded', async () => {
    const server = await startServer(dataDirInOwnFolder(), ['--demo'])
    servers.push(server)
    const backups = () => call(server, 'backup.list', {})
    await expect.poll(async () => (await backups()).map((b) => b.kind), wait).toEqual(['startup'])
    const [entry] = await backups()
    expect(entry).toMatchObject({ kind: 'startup', verified: true, place: 'location' })

    // The copy holds the demo data (taken after loading it, not of the empty database).
    const communities = (await call(server, 'places.listCommunities', { includeArchived: true })).length
    expect(communities).toBeGreaterThan(0)
    const folder = defaultBackupLocation(server.dataDir)
    // A backup's id is its file name.
    const file = path.join(folder, entry!.id)
    expect(fs.existsSync(file), `backup file ${file}`).toBe(true)
    const inCopy = await withRaw(file, 'ro', (db) =>
      allRows<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM communities'),
    )
    expect(inCopy[0]?.n).toBe(communities)

    const status = await call(server, 'backup.status', {})
    expect(status.lastBackupAt).toBe(entry!.createdAt)
    expect(status.warnings.map((w) => w.message).join('\n')).not.toContain('还没有完好的备份')
  })

  it('shows the default folder before the first backup as to be created, not as missing', async () => {
    // No --demo: a database made this start, with no data and no backup yet.
    const server = await startServer(dataDirInOwnFolder())
    servers.push(server)
    const cookie = await signIn(server)
    expect(fs.existsSync(defaultBackupLocation(server.dataDir))).toBe(false)

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const at = cookie.indexOf('=')
    await context.addCookies([
      { name: cookie.slice(0, at), value: cookie.slice(at + 1), url: server.url, httpOnly: true, sameSite: 'Strict' },
    ])
    const page = await pageOwningContext(context)
    await page.goto(`${server.url}#/backup`)
    const card = page.getByLabel('备份状态')
    await expect.poll(() => card.getByText('将在首次备份时创建').isVisible(), wait).toBe(true)
    expect(await card.getByText('文件夹不存在').count()).toBe(0)
    await expect.poll(() => card.locator('.el-tag--info', { hasText: '将在首次备份时创建' }).count(), wait).toBe(1)
    // The free space of the disk the folder will be made on, not 无法获取.
    expect(await card.getByText('无法获取').count()).toBe(0)
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(screenshotDir, 'backup-before-first.png') })
    await page.close()
  })
})
