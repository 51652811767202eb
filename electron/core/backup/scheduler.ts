/**
 * Automatic backups: at start when the newest good backup is older than 24
 * hours (自动), then checked every hour while the app runs (每日 once the
 * newest is 24 hours old). Checking hourly rather than sleeping 24 hours
 * survives a PC that sleeps at night and a clock that is changed. The timer
 * is unref'd (it never keeps the process alive) and both it and the clock
 * are injectable for tests.
 */
import type { BackupKind } from '../../../shared/api/backup'
import type { Clock } from '../context'

export const BACKUP_EVERY_MS = 24 * 3_600_000
export const CHECK_EVERY_MS = 3_600_000
/** A check a few minutes early still counts, so timer jitter never pushes a daily backup an hour late. */
const SLACK_MS = 5 * 60_000

export interface Timers {
  setInterval(run: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

const realTimers: Timers = {
  setInterval: (run, ms) => {
    const t = setInterval(run, ms)
    t.unref()
    return t
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
}

export interface SchedulerPorts {
  newestGoodAt(): Date | null
  create(kind: BackupKind): Promise<unknown>
}

export interface BackupScheduler {
  /** Runs a check now (what the timer does); resolves when any backup it started is written. */
  check(kind?: BackupKind): Promise<void>
  /** When the next automatic backup is due. */
  nextDueAt(): Date
  stop(): Promise<void>
}

export function startBackupScheduler(
  ports: SchedulerPorts,
  options: { clock: Clock; startupCheck: boolean; timers?: Timers },
): BackupScheduler {
  const { clock } = options
  const timers = options.timers ?? realTimers
  let current: Promise<void> | null = null
  let lastTickAt = clock.now()
  let stopped = false

  function due(): boolean {
    const newest = ports.newestGoodAt()
    return !newest || clock.now().getTime() - newest.getTime() >= BACKUP_EVERY_MS - SLACK_MS
  }

  function check(kind: BackupKind = 'daily'): Promise<void> {
    if (current) return current
    lastTickAt = clock.now()
    if (stopped || !due()) return Promise.resolve()
    current = ports
      .create(kind)
      // A failure is already recorded by the manager (log, status warning, audit); the next hour tries again.
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        current = null
      })
    return current
  }

  const handle = timers.setInterval(() => void check('daily'), CHECK_EVERY_MS)
  if (options.startupCheck) void check('startup')

  return {
    check,
    nextDueAt() {
      const newest = ports.newestGoodAt()
      const dueAt = newest ? newest.getTime() + BACKUP_EVERY_MS - SLACK_MS : clock.now().getTime()
      const nextTick = lastTickAt.getTime() + CHECK_EVERY_MS
      const at =
        dueAt <= nextTick ? nextTick : nextTick + Math.ceil((dueAt - nextTick) / CHECK_EVERY_MS) * CHECK_EVERY_MS
      return new Date(at)
    },
    async stop() {
      stopped = true
      timers.clearInterval(handle)
      await current
    },
  }
}
