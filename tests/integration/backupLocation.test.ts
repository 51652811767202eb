/**
 * The backup location before the first backup: the default folder does not
 * exist yet (the first backup makes it), so its free space is that of the
 * disk it will be made on; a chosen folder that is missing (a USB drive not
 * plugged in) reports none, since its parent's disk is not where it goes.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { inspectLocation } from '../../electron/core/backup/location'
import { call } from '../fixtures/core'
import { freshDataDir, openBackupCore } from '../fixtures/backup'

const open: Core[] = []
afterEach(async () => {
  for (const core of open.splice(0)) await core.close()
})

describe('a backup folder that does not exist yet', () => {
  it('reports the free space of the nearest existing parent only when asked (the default folder)', () => {
    const parent = path.dirname(freshDataDir())
    const missing = path.join(parent, 'not-yet', 'deeper')
    expect(inspectLocation(missing)).toMatchObject({ exists: false, writable: false, freeBytes: null })
    const asDefault = inspectLocation(missing, { parentSpace: true })
    expect(asDefault).toMatchObject({ exists: false, writable: false })
    expect(asDefault.freeBytes).toBeGreaterThan(0)
    expect(fs.existsSync(path.join(parent, 'not-yet'))).toBe(false) // looking made nothing
  })

  it('says so in the status of a new data folder: the disk room of the default folder, an info note', async () => {
    const dataDir = freshDataDir()
    const core = await openBackupCore(dataDir)
    open.push(core)
    const status = await call(core, 'backup.status', {})
    expect(status).toMatchObject({ isDefaultLocation: true, exists: false, lastBackupAt: null })
    expect(status.freeBytes).toBeGreaterThan(0)
    const note = status.warnings.find((w) => w.message.includes('第一次备份时自动创建'))
    expect(note?.level).toBe('info')
    expect(status.warnings.some((w) => w.level === 'error')).toBe(false)
  })

  it('reports no free space for a chosen folder that went missing', async () => {
    const dataDir = freshDataDir()
    const usb = path.join(path.dirname(dataDir), 'usb')
    fs.mkdirSync(usb)
    const core = await openBackupCore(dataDir)
    open.push(core)
    await call(core, 'backup.saveSettings', { location: usb })
    fs.rmSync(usb, { recursive: true })
    const status = await call(core, 'backup.status', {})
    expect(status).toMatchObject({ isDefaultLocation: false, exists: false, freeBytes: null })
    expect(status.warnings[0]).toMatchObject({ level: 'error' })
    expect(status.warnings[0]?.message).toMatch(/备份位置不存在/)
  })
})
