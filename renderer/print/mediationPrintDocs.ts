/**
 * The printouts a mediation case offers in its state, for the case page's
 * 打印 menu: the application and register at any time; once accepted the
 * rights notice and the 卷宗 cover and index (a preview until closed); each
 * session record and all of them; the agreement that was reached; each
 * follow-up made and all of them. Only at full access: core's print
 * pipeline (print.send / savePdf) refuses every mediation document below it.
 */
import type { MediationCaseDetail } from '../../shared/api/mediation'
import { printDocumentLabels, type PrintDocument } from '../../shared/print/target'
import { printedDate } from './printDates'

export interface MediationPrintDoc {
  label: string
  document: PrintDocument
  /** A session or follow-up id; absent for the whole document. */
  part?: number
}

function doc(document: PrintDocument, label = printDocumentLabels[document], part?: number): MediationPrintDoc {
  return part === undefined ? { label, document } : { label, document, part }
}

/** Each session and follow-up on its own, and all of them together when there are several. */
export function mediationPrintDocs(d: MediationCaseDetail): MediationPrintDoc[] {
  if (d.access !== 'full') return []
  const docs = [doc('mediation-application'), doc('mediation-registration')]
  if (!d.number) return docs

  docs.push(doc('mediation-rights'))
  const sessions = [...d.sessions].sort((a, b) => a.seq - b.seq)
  for (const s of sessions) {
    docs.push(doc('mediation-session', `调解笔录（第${s.seq}次，${printedDate(s.heldAt)}）`, s.id))
  }
  if (sessions.length > 1) docs.push(doc('mediation-session', `调解笔录（全部${sessions.length}次）`))
  if (d.outcome === 'written_agreement' && d.agreement) docs.push(doc('mediation-agreement'))
  if (d.outcome === 'oral_agreement' && d.agreement) docs.push(doc('mediation-oral'))
  const done = d.followUps.filter((f) => f.calledOn !== null)
  for (const f of done) docs.push(doc('mediation-followup', `回访记录（${printedDate(f.calledOn!)}）`, f.id))
  if (done.length > 1) docs.push(doc('mediation-followup', `回访记录（全部${done.length}次）`))
  const preview = d.status === 'closed' ? '' : '（预览）'
  docs.push(doc('mediation-cover', `卷宗封面${preview}`), doc('mediation-index', `卷内目录${preview}`))
  return docs
}
