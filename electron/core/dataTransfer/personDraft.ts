/**
 * A row's resident, checked with the 来访人 form's own schema (personInput:
 * name characters, ID number format and check digit, phone, birth date and
 * sex agreeing with the ID number), and turned into the columns a person row
 * holds, derived the way `savePerson` derives them.
 */
import { personInput } from '../../../shared/api/people'
import { ethnicities } from '../../../shared/intake/labels'
import { birthDateOf, sexOf } from '../../../shared/validation/idNumber'
import { CellProblem, idNumberOf, integerOf, isoDateOf, optionalTextOf, phoneOf, textOf, wallTimeOf } from './cells'
import { communityOf, compoundOf, type PlaceIndex } from './places'
import type { ProblemList } from './problems'
import { reportIssues, type RowCells } from './rowFields'
import type { Cell } from './sheetReader'

/** The person columns an import may fill on a matched person when they are empty. */
export const fillableColumns = [
  'sex',
  'birth_date',
  'age',
  'ethnicity',
  'phone',
  'id_number',
  'compound_id',
  'building',
  'unit',
  'room',
  'address_text',
] as const
export type FillableColumn = (typeof fillableColumns)[number]

export type PersonValues = Record<FillableColumn, string | number | null> & { notes: string | null }

export interface PersonDraft {
  row: number
  name: string
  phone: string | null
  idNumber: string | null
  values: PersonValues
}

function sexFrom(cell: Cell): 'male' | 'female' | null {
  const s = textOf(cell).toLowerCase()
  if (s === '') return null
  if (['男', '男性', 'm', 'male'].includes(s)) return 'male'
  if (['女', '女性', 'f', 'female'].includes(s)) return 'female'
  throw new CellProblem(`性别应填“男”或“女”，文件中为“${textOf(cell).slice(0, 10)}”`)
}

function ethnicityFrom(cell: Cell): (typeof ethnicities)[number] | null {
  const s = textOf(cell)
  if (s === '') return null
  const known = ethnicities as readonly string[]
  if (known.includes(s)) return s as (typeof ethnicities)[number]
  if (known.includes(`${s}族`)) return `${s}族` as (typeof ethnicities)[number]
  throw new CellProblem(`民族“${s.slice(0, 10)}”不是规范名称（如“汉族”“回族”），请核对`)
}

const personFields: Record<string, string> = { compoundId: 'compound' }

/**
 * The 小区 a row names, with its 所属社区 when the file has that column.
 * `defaultCommunity` (chosen for the import) settles names found in several.
 */
export function compoundFromRow(
  r: RowCells,
  places: PlaceIndex,
  problems: ProblemList,
  defaultCommunity: number | null,
): number | null | undefined {
  const name = optionalTextOf(r.cell('compound'))
  if (name === null) return null
  const communityName = optionalTextOf(r.cell('community'))
  let communityId = defaultCommunity
  let strict = false
  if (communityName !== null) {
    const c = communityOf(places, communityName)
    if (!c.ok) {
      problems.add(r.row, 'community', c.message)
      return undefined
    }
    communityId = c.value
    strict = true
  }
  const found = compoundOf(places, name, communityId, strict)
  if (!found.ok) {
    problems.add(r.row, 'compound', found.message)
    return undefined
  }
  return found.value
}

/** A row of a 人员名单; null when it has problems (each one reported). */
export function personDraft(
  r: RowCells,
  places: PlaceIndex,
  problems: ProblemList,
  defaultCommunity: number | null,
): PersonDraft | null {
  const before = problems.count()
  const wall = r.convert('birthDate', (c) => wallTimeOf(c, '出生日期'))
  const raw = {
    name: textOf(r.cell('name')),
    sex: r.convert('sex', sexFrom),
    birthDate: wall ? isoDateOf(wall) : null,
    age: r.convert('age', (c) => integerOf(c, '年龄')),
    ethnicity: r.convert('ethnicity', ethnicityFrom),
    phone: r.convert('phone', phoneOf),
    idNumber: r.convert('idNumber', idNumberOf),
    compoundId: compoundFromRow(r, places, problems, defaultCommunity),
    building: optionalTextOf(r.cell('building')),
    unit: optionalTextOf(r.cell('unit')),
    room: optionalTextOf(r.cell('room')),
    address: optionalTextOf(r.cell('address')),
    notes: optionalTextOf(r.cell('notes')),
  }
  const parsed = personInput.safeParse(raw)
  if (!parsed.success) {
    reportIssues(problems, r.row, parsed.error, (path) => {
      const key = String(path[0] ?? 'name')
      return personFields[key] ?? key
    })
    return null
  }
  if (problems.count() > before) return null
  const p = parsed.data
  return {
    row: r.row,
    name: p.name,
    phone: p.phone,
    idNumber: p.idNumber,
    values: {
      sex: p.sex ?? (p.idNumber ? sexOf(p.idNumber) : null),
      birth_date: p.birthDate ?? (p.idNumber ? birthDateOf(p.idNumber) : null),
      age: p.age,
      ethnicity: p.ethnicity,
      phone: p.phone,
      id_number: p.idNumber,
      compound_id: p.compoundId,
      building: p.building,
      unit: p.unit,
      room: p.room,
      address_text: p.address,
      notes: p.notes,
    },
  }
}

/** The same resident inside a visit row: only what a register of visits says about them. */
export function visitPersonRaw(
  r: RowCells,
  places: PlaceIndex,
  problems: ProblemList,
  defaultCommunity: number | null,
): Record<string, unknown> {
  return {
    name: textOf(r.cell('name')),
    phone: r.convert('phone', phoneOf),
    idNumber: r.convert('idNumber', idNumberOf),
    compoundId: compoundFromRow(r, places, problems, defaultCommunity),
    address: optionalTextOf(r.cell('address')),
  }
}

export function draftFromParsedPerson(
  row: number,
  p: {
    name: string
    phone: string | null
    idNumber: string | null
    compoundId: number | null
    address: string | null
  },
): PersonDraft {
  return {
    row,
    name: p.name,
    phone: p.phone,
    idNumber: p.idNumber,
    values: {
      sex: p.idNumber ? sexOf(p.idNumber) : null,
      birth_date: p.idNumber ? birthDateOf(p.idNumber) : null,
      age: null,
      ethnicity: null,
      phone: p.phone,
      id_number: p.idNumber,
      compound_id: p.compoundId,
      building: null,
      unit: null,
      room: null,
      address_text: p.address,
      notes: null,
    },
  }
}
