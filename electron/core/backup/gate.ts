/**
 * Lets a restore swap the database under a running core. Ordinary calls pass
 * through `shared`; the swap runs in `exclusive`, which first stops new calls
 * (they wait, then run on the new database) and waits for the ones in flight
 * to finish. A call still running after `drainMs` makes the swap give up
 * rather than close the database under it.
 */
import { ApiError } from '../../../shared/api/errors'

export interface SwapGate {
  shared<T>(run: () => Promise<T>): Promise<T>
  exclusive<T>(run: () => Promise<T>): Promise<T>
}

export function createSwapGate(drainMs = 30_000): SwapGate {
  let active = 0
  let closed: Promise<void> | null = null
  let onDrained: (() => void) | null = null

  return {
    async shared(run) {
      while (closed) await closed
      active++
      try {
        return await run()
      } finally {
        active--
        if (active === 0) onDrained?.()
      }
    },

    async exclusive(run) {
      while (closed) await closed
      let reopen = () => undefined as void
      closed = new Promise<void>((resolve) => (reopen = resolve))
      try {
        if (active > 0) {
          const drained = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), drainMs)
            onDrained = () => {
              clearTimeout(timer)
              resolve(true)
            }
          })
          onDrained = null
          if (!drained) throw new ApiError('CONFLICT', '还有其他操作正在进行，未能开始恢复。请稍后再试')
        }
        return await run()
      } finally {
        closed = null
        reopen()
      }
    },
  }
}
