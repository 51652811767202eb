/**
 * A row of a 来访登记 register, checked with the visit form's schema
 * (saveVisitInput: the person, 来访时间 not in the future, 事由, and for a
 * visit answered on the spot its 答复内容). Historical visits come in as
 * 当场办结: the 诉求 they may have led to are not in such registers.
 */
import { saveVisitInput } from '../../../shared/api/visits'
import { visitChannelLabels, visitChannels, type VisitChannel } from '../../../shared/intake/labels'
import { CellProblem, instantOf, integerOf, optionalTextOf, textOf, wallTimeOf } from './cells'
import { draftFromParsedPerson, visitPersonRaw, type PersonDraft } from './personDraft'
import type { PlaceIndex } from './places'
import type { ProblemList } from './problems'
import { reportIssues, type RowCells } from './rowFields'
import type { Cell } from './sheetReader'

export interface VisitDraft {
  row: number
  person: PersonDraft
  values: {
    visited_at: string
    channel: VisitChannel
    visitor_count: number
    subject: string
    answer: string
    notes: string | null
  }
}

const channelAliases: Record<string, VisitChannel> = {
  来访: 'walk_in',
  上访: 'walk_in',
  走访: 'walk_in',
  当面: 'walk_in',
  现场: 'walk_in',
  窗口: 'walk_in',
  来电: 'phone',
  电话: 'phone',
  网格员上报: 'grid_report',
  网格上报: 'grid_report',
  网格员: 'grid_report',
  网格: 'grid_report',
  '12345转办': 'hotline_12345',
  '12345': 'hotline_12345',
  '12345热线': 'hotline_12345',
  热线: 'hotline_12345',
  其他: 'other',
  其它: 'other',
}

function channelFrom(cell: Cell): VisitChannel | null {
  const s = textOf(cell).replace(/\s/g, '')
  if (s === '') return null
  const code = channelAliases[s] ?? visitChannels.find((c) => visitChannelLabels[c] === s || c === s)
  if (code) return code
  throw new CellProblem(
    `来访方式“${s.slice(0, 20)}”无法识别，应为：${visitChannels.map((c) => visitChannelLabels[c]).join('、')}`,
  )
}

const personKeys: Record<string, string> = { compoundId: 'compound' }

export function visitDraft(
  r: RowCells,
  places: PlaceIndex,
  problems: ProblemList,
  defaultCommunity: number | null,
): VisitDraft | null {
  const before = problems.count()
  const wall = r.convert('visitedAt', (c) => wallTimeOf(c, '来访时间'))
  if (wall === null) problems.add(r.row, 'visitedAt', '请填写来访时间')
  const raw = {
    person: visitPersonRaw(r, places, problems, defaultCommunity),
    visitedAt: wall ? instantOf(wall) : undefined,
    channel: r.convert('channel', channelFrom) ?? undefined,
    visitorCount: r.convert('visitorCount', (c) => integerOf(c, '来访人数')) ?? undefined,
    subject: textOf(r.cell('subject')),
    outcome: 'on_spot',
    answer: optionalTextOf(r.cell('answer')),
    notes: optionalTextOf(r.cell('notes')),
  }
  const parsed = saveVisitInput.safeParse(raw)
  if (!parsed.success) {
    reportIssues(problems, r.row, parsed.error, (path) => {
      if (path[0] === 'person') {
        const key = String(path[1] ?? 'name')
        return personKeys[key] ?? key
      }
      return String(path[0] ?? 'subject')
    })
    return null
  }
  if (problems.count() > before || !parsed.data.visitedAt) return null
  const v = parsed.data
  return {
    row: r.row,
    person: draftFromParsedPerson(r.row, {
      name: v.person.name,
      phone: v.person.phone,
      idNumber: v.person.idNumber,
      compoundId: v.person.compoundId,
      address: v.person.address,
    }),
    values: {
      visited_at: new Date(v.visitedAt!).toISOString(),
      channel: v.channel,
      visitor_count: v.visitorCount,
      subject: v.subject,
      answer: v.answer ?? '',
      notes: v.notes,
    },
  }
}
