/**
 * A dry run or commit with its progress: the call itself answers only when
 * the work is done, so `import.status` is polled meanwhile for the bar, and
 * 取消 asks core to stop (a cancelled commit writes nothing).
 */
import { onBeforeUnmount, ref } from 'vue'
import { dataApi } from './dataTransferApi'
import type { ImportJob } from '../../../shared/api/dataTransfer'

/** Often enough for a moving bar, rarely enough not to slow the import down. */
const pollMs = 400

export function useImportJob() {
  const job = ref<ImportJob | null>(null)
  const busy = ref(false)
  let timer: ReturnType<typeof setTimeout> | null = null

  async function poll(): Promise<void> {
    try {
      const status = await dataApi.import.status({})
      if (busy.value) job.value = status.running
    } catch {
      // A missed poll is harmless; the next one (or the call's own answer) tells.
    }
    if (busy.value) timer = setTimeout(() => void poll(), pollMs)
  }

  /** Runs the call with the bar shown; the job's outcome is the call's. */
  async function track<T>(call: () => Promise<T>): Promise<T> {
    busy.value = true
    job.value = null
    timer = setTimeout(() => void poll(), pollMs / 2)
    try {
      return await call()
    } finally {
      busy.value = false
      job.value = null
      if (timer) clearTimeout(timer)
      timer = null
    }
  }

  async function cancel(): Promise<string> {
    const answer = await dataApi.import.cancel({})
    if (job.value) job.value = { ...job.value, cancelling: true }
    return answer.message
  }

  onBeforeUnmount(() => {
    if (timer) clearTimeout(timer)
    busy.value = false
  })

  return { job, busy, track, cancel }
}
