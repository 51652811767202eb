/**
 * The one import (or dry run) running at a time: its progress for
 * `import.status`, and the cancel flag `import.cancel` sets. The running job
 * yields to the event loop at every checkpoint (so status and cancel calls
 * are answered while it works) and stops there once cancelled.
 */
import { ApiError } from '../../../shared/api/errors'
import {
  importPhaseLabels,
  type ImportJob,
  type ImportPhase,
  type ImportStatus,
} from '../../../shared/api/dataTransfer'
import { importKindLabels, type ImportKind } from '../../../shared/dataTransfer/fields'
import type { Ctx } from '../context'

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled')
  }
}

type Step = ImportJob['step']

/** Each phase's share of the bar: reading is slow for .xlsx, writing only happens in a commit. */
const weights: Record<Step, Record<ImportPhase, [number, number]>> = {
  dryRun: { read: [0, 55], check: [55, 100], write: [100, 100] },
  commit: { read: [0, 35], check: [35, 60], write: [60, 100] },
}

export interface JobHandle {
  /** Reports progress within a phase (fraction 0–1), yields, and throws ImportCancelled once cancelled. */
  checkpoint(phase: ImportPhase, rowsDone: number, fraction: number): Promise<void>
  setRowCount(n: number): void
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

export function createImportJobs(now: () => Date) {
  let running: (ImportJob & { cancelled: boolean }) | null = null
  let last: ImportStatus['last'] = null

  return {
    status(): ImportStatus {
      if (!running) return { running: null, last }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { cancelled, ...job } = running
      return { running: { ...job }, last }
    },

    cancel(): { cancelled: boolean; message: string } {
      if (!running) return { cancelled: false, message: '当前没有正在进行的导入' }
      running.cancelled = true
      running.cancelling = true
      return {
        cancelled: true,
        message: running.step === 'commit' ? '正在取消导入，已写入的内容将全部撤销' : '正在取消试运行',
      }
    },

    /** Runs `work` as the job; refuses while another one runs. */
    async run<T>(ctx: Ctx, step: Step, kind: ImportKind, work: (job: JobHandle) => Promise<T>): Promise<T> {
      if (running) {
        const who = running.startedBy ? `（${running.startedBy}）` : ''
        throw new ApiError('CONFLICT', `已有一项导入正在进行${who}，请等它完成或取消后再试`)
      }
      const job = {
        kind,
        kindLabel: importKindLabels[kind],
        step,
        phase: 'read' as ImportPhase,
        phaseLabel: importPhaseLabels.read,
        percent: 0,
        rowsDone: 0,
        rowCount: null as number | null,
        startedAt: now().toISOString(),
        startedBy: ctx.staff?.name ?? '',
        cancelling: false,
        cancelled: false,
      }
      running = job
      const handle: JobHandle = {
        async checkpoint(phase, rowsDone, fraction) {
          const [from, to] = weights[step][phase]
          job.phase = phase
          job.phaseLabel = importPhaseLabels[phase]
          job.rowsDone = rowsDone
          job.percent = Math.max(job.percent, Math.min(100, from + (to - from) * Math.min(1, Math.max(0, fraction))))
          await yieldToEventLoop()
          if (job.cancelled) throw new ImportCancelled()
        },
        setRowCount(n) {
          job.rowCount = n
        },
      }
      const finish = (outcome: 'done' | 'cancelled' | 'failed', message: string) => {
        last = { step, kind, outcome, message, finishedAt: now().toISOString() }
        running = null
      }
      try {
        const result = await work(handle)
        finish('done', step === 'commit' ? '导入完成' : '试运行完成')
        return result
      } catch (err) {
        if (err instanceof ImportCancelled) {
          const message = step === 'commit' ? '导入已取消，没有写入任何数据' : '试运行已取消'
          finish('cancelled', message)
          throw new ApiError('CONFLICT', message)
        }
        finish('failed', err instanceof ApiError ? err.message : '导入未完成')
        throw err
      }
    },
  }
}
