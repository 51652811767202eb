/**
 * The printouts a convention offers, for the 打印 menu on its page: the
 * poster on A4 and on A3 (the version in force, else the one being written,
 * once it has articles),
 * the draft of a revision as a poster too while one is being written, a
 * 表决结果公示 for each vote of those versions (latest first, and the
 * default), and the blank
 * 征求意见表, which needs nothing and is always there.
 */
import type { ConventionDetail, ConventionVersion } from '../../shared/api/conventions'
import type { PrintLayoutKind } from '../../shared/labels'
import type { PrintDocument } from '../../shared/print/target'
import { printedDate } from './printDates'

export interface ConventionPrintDoc {
  label: string
  document: Extract<PrintDocument, `convention-${string}`>
  layout: PrintLayoutKind
  /** A version (poster) or vote (公示) id; absent = the print page's default. */
  part?: number
}

const loaded = (d: ConventionDetail): ConventionVersion[] =>
  [d.current, d.working].filter((v): v is ConventionVersion => v !== null)

export function conventionPrintDocs(d: ConventionDetail): ConventionPrintDoc[] {
  const docs: ConventionPrintDoc[] = []
  const shown = d.current ?? d.working
  if (shown && shown.articles.length > 0) {
    docs.push(
      { label: '张贴版（A4）', document: 'convention-poster', layout: 'official' },
      { label: '张贴版（A3）', document: 'convention-poster', layout: 'wall' },
    )
  }
  // While a revision is written the posters show the text in force; its draft can be posted for opinions too.
  if (d.current && d.working && d.working.articles.length > 0) {
    docs.push({
      label: '修订草案张贴版（A4）',
      document: 'convention-poster',
      layout: 'official',
      part: d.working.id,
    })
  }
  const votes = loaded(d)
    .flatMap((v) => v.votes)
    .sort((a, b) => b.id - a.id)
  for (const [i, vote] of votes.entries()) {
    const when = `${printedDate(vote.heldOn)}，${vote.passed ? '通过' : '未通过'}`
    const label = votes.length === 1 ? '表决结果公示' : `表决结果公示（${when}${i === 0 ? '，最近一次' : ''}）`
    // The latest is the print page's default, so it needs no part (and prints from the desktop dialog too).
    docs.push(
      i === 0
        ? { label, document: 'convention-vote', layout: 'official' }
        : { label, document: 'convention-vote', layout: 'official', part: vote.id },
    )
  }
  docs.push({ label: '征求意见表', document: 'convention-opinion-form', layout: 'official' })
  return docs
}
