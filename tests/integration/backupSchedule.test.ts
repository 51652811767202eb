/**
 * Automatic backups over time (an injected clock and a hand-driven timer):
 * at start when the newest is older than 24 hours, daily while running,
 * thinned out to 7 daily / 4 weekly / 12 monthly over a simulated year; and
 * the backup location: its setting, its warnings, and the fallback when a
 * USB drive is missing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Timers } from '../../electron/core/backup/scheduler'
import { backupsToRemove, type Rotatable } from '../../electron/core/backup/rotation'
import { freshBackupName, manifestName } from '../../electron/core/backup/names'
import { readManifest, writeManifest } from '../../electron/core/backup/manifest'
import { locationWarnings } from '../../electron/core/backup/location'
import { apiErrorOf, call, ctx } from '../fixtures/core'
import { freshDataDir, openBackupCore } from '../fixtures/backup'

const DAY = 86_400_000

/** A clock the test moves, and a timer that only fires when the test says so. */
function manualTime(start: Date) {
  let now = start
  const ticks: (() => void)[] = []
  const timers: Timers = {
    setInterval: (run) => ticks.push(run),
    clearInterval: () => undefined,
  }
  return {
    clock: { now: () => now },
    timers,
    advance(ms: number) {
      now = new Date(now.getTime() + ms)
    },
    ticks,
  }
}

const open: Core[] = []
async function start(dataDir: string, time?: ReturnType<typeof manualTime>): Promise<Core> {
  const core = await openBackupCore(dataDir, time ? { clock: time.clock, timers: time.timers } : {})
  open.push(core)
  return core
}
afterEach(async () => {
  for (const core of open.splice(0)) await core.close()
})

/** Local calendar days, as the rotation counts them. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

describe('rotation over a simulated year of daily backups', () => {
  const keep = { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 }

  it('keeps the newest of the last 7 days, 4 ISO weeks and 12 months, removing day by day', () => {
    let kept: Rotatable[] = []
    for (let day = 0; day < 365; day++) {
      const at = new Date(2026, 0, 1 + day, 9, 0, 0)
      kept.push({ id: `b${day}`, kind: 'daily', createdAt: at, verified: true })
      const remove = new Set(backupsToRemove(kept, keep))
      kept = kept.filter((b) => !remove.has(b.id))
    }
    // 2026-12-31 is a Thursday; ISO weeks 53 (from Mon 12-28), 52, 51, 50.
    expect(kept.map((b) => localDay(b.createdAt)).sort()).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-13',
      '2026-12-20',
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
    ])
  })

  it('never removes manual backups, keeps the newest 5 升级前/恢复前, and passes over damaged copies', () => {
    const at = (d: number) => new Date(2026, 5, d, 9)
    const list: Rotatable[] = [
      ...Array.from({ length: 30 }, (_, i) => ({
        id: `m${i}`,
        kind: 'manual' as const,
        createdAt: at(i + 1),
        verified: true,
      })),
      ...Array.from({ length: 8 }, (_, i) => ({
        id: `p${i}`,
        kind: 'pre_migrate' as const,
        createdAt: at(i + 1),
        verified: true,
      })),
      { id: 'good', kind: 'daily', createdAt: at(9), verified: true },
      { id: 'bad', kind: 'daily', createdAt: at(10), verified: false },
    ]
    expect(backupsToRemove(list, { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 }).sort()).toEqual([
      'bad',
      'p0',
      'p1',
      'p2',
    ])
  })

  it('applies to the files on disk: a year of backups, then the next scheduled one, leaves 19', async () => {
    const time = manualTime(new Date(2026, 5, 15, 9, 0, 0))
    const dataDir = freshDataDir()
    const core = await start(dataDir, time)
    await call(core, 'places.saveCommunity', { name: '迎春社区' }, { ...ctx, clock: time.clock })
    const manual = await call(core, 'backup.create', {})
    time.advance(new Date(2027, 0, 1, 9, 0, 0).getTime() - time.clock.now().getTime())
    // A year of daily backups, laid down as links to one real backup with their own manifests.
    const folder = core.paths.backupsDir
    const source = path.join(folder, manual.id)
    const sourceManifest = readManifest(source)
    if (!sourceManifest) throw new Error('manual backup without manifest')
    for (let day = 365; day >= 1; day--) {
      const at = new Date(2027, 0, 1 - day, 9, 0, 0)
      const name = freshBackupName(folder, 'daily', at)
      fs.linkSync(source, path.join(folder, name))
      writeManifest(path.join(folder, name), { ...sourceManifest, kind: 'daily', createdAt: at.toISOString() })
    }
    for (let n = 0; n < 7; n++) {
      const name = freshBackupName(folder, 'pre_migrate', new Date(2026, 6, 1 + n, 9))
      fs.linkSync(source, path.join(folder, name))
      writeManifest(path.join(folder, name), {
        ...sourceManifest,
        kind: 'pre_migrate',
        createdAt: new Date(2026, 6, 1 + n, 9).toISOString(),
      })
    }

    // Now 2027-01-01 09:00; the newest daily is from yesterday 09:00: the hourly check backs up and rotates.
    expect(time.ticks).toHaveLength(1)
    time.ticks[0]?.()
    await core.scheduler?.check()
    const list = await call(core, 'backup.list', {})
    const daily = list.filter((b) => b.kind === 'daily').map((b) => localDay(new Date(b.createdAt)))
    expect(daily).toEqual([
      '2027-01-01',
      '2026-12-31',
      '2026-12-30',
      '2026-12-29',
      '2026-12-28',
      '2026-12-27',
      '2026-12-26',
      '2026-12-20',
      '2026-12-13',
      '2026-11-30',
      '2026-10-31',
      '2026-09-30',
      '2026-08-31',
      '2026-07-31',
      '2026-06-30',
      '2026-05-31',
      '2026-04-30',
      '2026-03-31',
      '2026-02-28',
    ])
    expect(list.filter((b) => b.kind === 'manual').map((b) => b.id)).toEqual([manual.id])
    expect(list.filter((b) => b.kind === 'pre_migrate')).toHaveLength(5)
    // Removed backups take their manifests with them.
    const files = fs.readdirSync(folder)
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(files.filter((f) => f.endsWith('.sqlite')).length)
  })
})

describe('the schedule', () => {
  it('backs up every 24 hours while running, as the system, and says when the next one is due', async () => {
    const time = manualTime(new Date(2026, 2, 1, 9, 0, 0))
    const core = await start(freshDataDir(), time)
    const as = { ...ctx, clock: time.clock }
    await call(core, 'places.saveCommunity', { name: '迎春社区' }, as)
    // A database made this start has no startup backup; the first hourly check makes one.
    expect(await call(core, 'backup.list', {})).toEqual([])
    await core.scheduler?.check()
    expect((await call(core, 'backup.list', {})).map((b) => b.kind)).toEqual(['daily'])
    const status = await call(core, 'backup.status', {}, as)
    expect(status.lastBackupAt).toBe(time.clock.now().toISOString())
    expect(new Date(status.nextAutomaticAt ?? 0).getTime()).toBeGreaterThanOrEqual(
      time.clock.now().getTime() + DAY - 5 * 60_000,
    )

    for (let hour = 1; hour <= 23; hour++) {
      time.advance(3_600_000)
      await core.scheduler?.check()
    }
    expect(await call(core, 'backup.list', {})).toHaveLength(1)
    for (let day = 1; day <= 9; day++) {
      time.advance(day === 1 ? 3_600_000 : DAY)
      await core.scheduler?.check()
    }
    // Ten daily backups (1–10 March 2026): the last 7 days, and 1 March as the newest of its ISO week.
    const list = await call(core, 'backup.list', {})
    expect(list.map((b) => localDay(new Date(b.createdAt)))).toEqual([
      '2026-03-10',
      '2026-03-09',
      '2026-03-08',
      '2026-03-07',
      '2026-03-06',
      '2026-03-05',
      '2026-03-04',
      '2026-03-01',
    ])
    expect(list.every((b) => b.verified === true)).toBe(true)
    const audit = (await core.db('audit_events').where({ entity: 'backup', action: 'backup' })) as {
      staff_id: number | null
    }[]
    expect(audit).toHaveLength(10)
    expect(audit.every((a) => a.staff_id === null)).toBe(true)
  })

  it('backs up at start when the newest backup is older than 24 hours, not when it is recent', async () => {
    const time = manualTime(new Date(2026, 2, 1, 9, 0, 0))
    const dataDir = freshDataDir()
    const first = await start(dataDir, time)
    await call(first, 'places.saveCommunity', { name: '迎春社区' }, { ...ctx, clock: time.clock })
    await call(first, 'backup.create', {})
    await first.close()
    open.splice(open.indexOf(first), 1)

    time.advance(20 * 3_600_000)
    const soon = await start(dataDir, time)
    await soon.backups.idle()
    expect((await call(soon, 'backup.list', {})).map((b) => b.kind)).toEqual(['manual'])
    await soon.close()
    open.splice(open.indexOf(soon), 1)

    time.advance(5 * 3_600_000)
    const later = await start(dataDir, time)
    await later.backups.idle()
    expect((await call(later, 'backup.list', {})).map((b) => [b.kind, b.kindLabel])).toEqual([
      ['startup', '自动'],
      ['manual', '手动'],
    ])
  })

  it('uses the kept counts from the settings', async () => {
    const time = manualTime(new Date(2026, 2, 1, 9, 0, 0))
    const core = await start(freshDataDir(), time)
    await call(core, 'places.saveCommunity', { name: '迎春社区' }, { ...ctx, clock: time.clock })
    await call(core, 'backup.saveSettings', { location: null, keepDaily: 2, keepWeekly: 0, keepMonthly: 0 })
    for (let day = 0; day < 5; day++) {
      await core.scheduler?.check()
      time.advance(DAY)
    }
    expect(await call(core, 'backup.list', {})).toHaveLength(2)
  })
})

describe('the backup location', () => {
  it('defaults to a folder beside the data folder, with a same-disk hint', async () => {
    const dataDir = freshDataDir()
    const core = await start(dataDir)
    const settings = await call(core, 'backup.getSettings', {})
    expect(settings).toMatchObject({ isDefaultLocation: true, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 })
    expect(settings.location).toBe(`${path.resolve(dataDir)}-backups`)
    const before = await call(core, 'backup.status', {})
    expect(before).toMatchObject({ exists: false, lastBackupAt: null })
    expect(before.warnings.map((w) => [w.level, w.message.slice(0, 9)])).toEqual([
      ['warning', '还没有完好的备份。'],
      ['info', `备份文件夹 ${settings.location}`.slice(0, 9)],
    ])
    await call(core, 'places.saveCommunity', { name: '迎春社区' })
    await call(core, 'backup.create', {})
    const status = await call(core, 'backup.status', {})
    expect(status).toMatchObject({ exists: true, writable: true, running: null, lastFailure: null })
    expect(status.freeBytes).toBeGreaterThan(0)
    expect(status.warnings.map((w) => w.level)).toEqual(['info'])
    expect(status.warnings[0]?.message).toMatch(/同一块磁盘/)
  })

  it('refuses a folder that is not there, not absolute, or inside the data folder, at the field', async () => {
    const dataDir = freshDataDir()
    const core = await start(dataDir)
    const cases: [string, RegExp][] = [
      ['备份', /完整的文件夹路径/],
      [path.join(path.dirname(dataDir), 'no-such-usb'), /找不到这个文件夹.*U盘/],
      [path.join(dataDir, 'inside'), /不能在数据目录里面/],
    ]
    fs.mkdirSync(path.join(dataDir, 'inside'))
    for (const [location, message] of cases) {
      const err = await apiErrorOf(() => call(core, 'backup.saveSettings', { location }))
      expect(err).toMatchObject({ code: 'VALIDATION', field: 'location' })
      expect(err.message).toMatch(message)
    }
    const tooMany = await apiErrorOf(() => call(core, 'backup.saveSettings', { location: null, keepDaily: 0 }))
    expect(tooMany).toMatchObject({ code: 'VALIDATION', field: 'keepDaily' })
    expect((await call(core, 'backup.getSettings', {})).isDefaultLocation).toBe(true)
  })

  it('keeps a chosen folder across restarts, warns when it goes missing and falls back to the default', async () => {
    const dataDir = freshDataDir()
    const usb = path.join(path.dirname(dataDir), 'usb')
    fs.mkdirSync(usb)
    const time = manualTime(new Date(2026, 2, 1, 9, 0, 0))
    const core = await start(dataDir, time)
    await call(core, 'places.saveCommunity', { name: '迎春社区' })
    const saved = await call(core, 'backup.saveSettings', { location: usb, keepDaily: 10 })
    expect(saved).toMatchObject({ location: usb, isDefaultLocation: false, keepDaily: 10 })
    const onUsb = await call(core, 'backup.create', {})
    expect(onUsb.place).toBe('location')
    expect(fs.existsSync(path.join(usb, onUsb.id))).toBe(true)
    const audit = (await core.db('audit_events').where({ entity: 'backup', action: 'update' })) as { detail: string }[]
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ location: usb, locationChanged: true })
    await core.close()
    open.splice(open.indexOf(core), 1)

    // The USB drive is unplugged.
    fs.renameSync(usb, `${usb}-away`)
    time.advance(60_000)
    const again = await start(dataDir, time)
    // No backup is visible any more, so the start-up one is written to the default folder at once.
    await again.backups.idle()
    const startup = (await call(again, 'backup.list', {})).find((b) => b.kind === 'startup')
    expect(startup).toMatchObject({ place: 'fallback' })
    expect((await call(again, 'backup.getSettings', {})).location).toBe(usb)
    time.advance(60_000)
    const status = await call(again, 'backup.status', {})
    expect(status.exists).toBe(false)
    expect(status.warnings[0]).toMatchObject({ level: 'error' })
    expect(status.warnings[0]?.message).toMatch(/备份位置不存在.*U盘/)
    expect(status.warnings.some((w) => /默认位置/.test(w.message))).toBe(true)
    const fallback = await call(again, 'backup.create', {})
    expect(fallback).toMatchObject({ place: 'fallback', placeLabel: '默认位置（备用）', verified: true })
    expect(fs.existsSync(path.join(`${path.resolve(dataDir)}-backups`, fallback.id))).toBe(true)
    // Both copies remain listed: the fallback one and (once the drive is back) the one on the drive.
    fs.renameSync(`${usb}-away`, usb)
    const ids = (await call(again, 'backup.list', {})).map((b) => b.id)
    expect(ids.sort()).toEqual([onUsb.id, fallback.id, startup?.id].sort())
    expect(new Set(ids).size).toBe(3)
  })

  it('reports a failed backup when nowhere can be written, and audits it', async () => {
    const dataDir = freshDataDir()
    const core = await start(dataDir)
    await call(core, 'places.saveCommunity', { name: '迎春社区' })
    fs.writeFileSync(`${path.resolve(dataDir)}-backups`, 'a file where the folder should be')
    const err = await apiErrorOf(() => call(core, 'backup.create', {}))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toMatch(/不是文件夹/)
    const status = await call(core, 'backup.status', {})
    expect(status.lastFailure).toMatchObject({ kind: 'manual', kindLabel: '手动' })
    expect(status.warnings.some((w) => /最近一次手动备份失败/.test(w.message))).toBe(true)
    const audit = (await core.db('audit_events').where({ entity: 'backup', action: 'backup' })) as { detail: string }[]
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ ok: false })
  })

  it('warns in Chinese when the location is full, nearly full, or read-only', () => {
    const folder = '/media/usb/backups'
    const context = { isDefault: false, databaseBytes: 200 * 1024 * 1024, dataDir: '/home/desk/data' }
    const full = locationWarnings({ folder, exists: true, writable: true, freeBytes: 100 * 1024 * 1024 }, context)
    expect(full[0]).toMatchObject({ level: 'error' })
    expect(full[0]?.message).toMatch(/空间不足：剩余 100\.0 MB/)
    const low = locationWarnings({ folder, exists: true, writable: true, freeBytes: 600 * 1024 * 1024 }, context)
    expect(low[0]).toMatchObject({ level: 'warning' })
    expect(low[0]?.message).toMatch(/剩余空间较少/)
    const readOnly = locationWarnings({ folder, exists: true, writable: false, freeBytes: 50 * 1024 ** 3 }, context)
    expect(readOnly[0]?.message).toMatch(/无法写入/)
    expect(locationWarnings({ folder, exists: true, writable: true, freeBytes: 50 * 1024 ** 3 }, context)).toEqual([])
  })

  it('lists only our own files, whatever else is in the folder', async () => {
    const dataDir = freshDataDir()
    const core = await start(dataDir)
    await call(core, 'places.saveCommunity', { name: '迎春社区' })
    const made = await call(core, 'backup.create', {})
    fs.writeFileSync(path.join(core.paths.backupsDir, 'holiday-photos.sqlite'), 'not ours')
    fs.writeFileSync(path.join(core.paths.backupsDir, manifestName('cd-x.sqlite')), '{}')
    expect((await call(core, 'backup.list', {})).map((b) => b.id)).toEqual([made.id])
  })
})
