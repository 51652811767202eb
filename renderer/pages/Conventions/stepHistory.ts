/**
 * Who reached each step of the procedure and when, read from a version's
 * history. Core writes the history actions in words (新建公约，开始征集意见 /
 * 提交审核 / 表决通过 …); each step is recognised by its own words, and a step
 * reached more than once (草案 after 审核退回) shows the latest time.
 */
import type { ConventionVersion } from '../../../shared/api/conventions'

type HistoryEntry = ConventionVersion['history'][number]

/** One matcher per step of `procedure` (stages.ts), in the same order. */
const matchers: ((action: string) => boolean)[] = [
  (a) => a.includes('开始征集意见') || a.startsWith('开始修订（'),
  (a) => a.includes('进入草案') || a.includes('回到草案') || a.includes('退回草案'),
  (a) => a === '提交审核',
  (a) => a.startsWith('审核通过'),
  (a) => a === '表决通过',
  (a) => a === '备案',
  (a) => a === '公布',
]

export function stepEntries(history: readonly HistoryEntry[]): (HistoryEntry | null)[] {
  return matchers.map((matches) => {
    let found: HistoryEntry | null = null
    for (const entry of history) if (matches(entry.action)) found = entry
    return found
  })
}
