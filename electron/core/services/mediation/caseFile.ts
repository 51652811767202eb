/**
 * The 卷宗: its 卷内目录 built from the case's own records plus the papers the
 * mediator added by hand, in the order of `fileItemKinds`, with cumulative
 * page numbers; and what closing still needs, in words. Pure: the detail,
 * the close action and the printouts all use these two functions.
 */
import type { FileIndexItem } from '../../../../shared/api/mediation'
import {
  fileItemKinds,
  requiredFileItems,
  type FileItemKind,
  type ManualFileItemKind,
  type MediationOutcome,
  type MediationSource,
} from '../../../../shared/mediation/labels'

export interface FileSources {
  source: MediationSource
  registeredOn: string
  rightsNoticeOn: string | null
  parties: readonly {
    id: number
    name: string
    identityNote: string | null
    authorization: string | null
    isAgent: boolean
  }[]
  sessions: readonly { id: number; seq: number; date: string }[]
  outcome: MediationOutcome | null
  concludedOn: string | null
  /** Follow-ups already made (scheduled ones are not papers yet). */
  followUps: readonly { id: number; calledOn: string }[]
  judicialAppliedOn: string | null
  judicialApplied: boolean
  manual: readonly { id: number; kind: ManualFileItemKind; title: string; date: string | null; pages: number }[]
  filedOn: string | null
  /** Page counts by key, from the close action; anything else counts its own pages or one. */
  pages: Readonly<Record<string, number>>
}

export const outcomeRecordTitles: Record<MediationOutcome, string> = {
  written_agreement: '调解协议书',
  oral_agreement: '口头协议登记表',
  failed: '调解不成记录',
  terminated: '终止调解记录',
}

/** Agents are listed among the parties but are not parties to the dispute. */
function standing(p: { isAgent: boolean }): string {
  return p.isAgent ? '代理人' : '当事人'
}

type Draft = Omit<FileIndexItem, 'pages' | 'pageRange' | 'required'> & { ownPages?: number }

function byDate<T extends { date: string | null; id: number }>(a: T, b: T): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1
    if (b.date === null) return -1
    return a.date < b.date ? -1 : 1
  }
  return a.id - b.id
}

function autoItems(s: FileSources, kind: FileItemKind): Draft[] {
  const item = (key: string, title: string, date: string | null): Draft => ({ key, kind, title, date, manualId: null })
  switch (kind) {
    case 'registration':
      return [
        item('registration', s.source === 'application' ? '人民调解申请书' : '人民调解受理登记表', s.registeredOn),
      ]
    case 'rights_notice':
      return s.rightsNoticeOn ? [item('rights_notice', '人民调解权利义务告知书', s.rightsNoticeOn)] : []
    case 'identity':
      return s.parties
        .filter((p) => p.identityNote)
        .map((p) => item(`identity:${p.id}`, `${standing(p)}身份证明（${p.name}）`, null))
    case 'authorization':
      return s.parties
        .filter((p) => p.isAgent && p.authorization)
        .map((p) => item(`authorization:${p.id}`, `授权委托书（${p.name}）`, null))
    case 'session':
      return s.sessions.map((x) => item(`session:${x.id}`, `调解笔录（第${x.seq}次）`, x.date))
    case 'outcome':
      return s.outcome ? [item('outcome', outcomeRecordTitles[s.outcome], s.concludedOn)] : []
    case 'follow_up':
      return s.followUps.map((f, i) => item(`follow_up:${f.id}`, `回访记录（第${i + 1}次）`, f.calledOn))
    case 'judicial':
      return s.judicialApplied ? [item('judicial', '司法确认申请材料', s.judicialAppliedOn)] : []
    case 'back_cover':
      return [item('back_cover', '封底', s.filedOn)]
    default:
      return []
  }
}

/** Every item in the order of the 卷内目录, with pages and 起止页号. */
export function fileIndexOf(s: FileSources): FileIndexItem[] {
  const drafts: Draft[] = []
  for (const kind of fileItemKinds) {
    drafts.push(...autoItems(s, kind))
    const manual = s.manual.filter((m) => m.kind === kind).sort(byDate)
    for (const m of manual) {
      drafts.push({ key: `manual:${m.id}`, kind, title: m.title, date: m.date, manualId: m.id, ownPages: m.pages })
    }
  }
  let next = 1
  return drafts.map(({ ownPages, ...d }) => {
    const pages = s.pages[d.key] ?? ownPages ?? 1
    const first = next
    next += pages
    return {
      ...d,
      pages,
      pageRange: pages === 1 ? String(first) : `${first}-${first + pages - 1}`,
      required: requiredFileItems.includes(d.kind),
    }
  })
}

/** What the 卷宗 still lacks before the case may close, each in words a mediator acts on. */
export function missingForClose(s: FileSources): string[] {
  const missing: string[] = []
  if (!s.rightsNoticeOn) missing.push('权利义务告知书（权利义务告知记录）')
  for (const p of s.parties) if (!p.identityNote) missing.push(`${standing(p)}${p.name}的身份证明`)
  if (s.sessions.length === 0) missing.push('调解笔录（至少一次）')
  if (!s.outcome) missing.push('调解结果记录（调解协议书、口头协议登记表、调解不成或终止调解记录）')
  return missing
}
