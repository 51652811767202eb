/**
 * A row of a 小区名单, checked with the 小区 form's schema (saveCompoundInput)
 * after its Chinese labels (商品房, 物业公司…) are turned into codes.
 */
import { saveCompoundInput } from '../../../shared/api/places'
import {
  compoundKindLabels,
  compoundKinds,
  managementKindLabels,
  managementKinds,
  type CompoundKind,
  type ManagementKind,
} from '../../../shared/labels'
import { CellProblem, integerOf, optionalTextOf, textOf } from './cells'
import { communityOf, type PlaceIndex } from './places'
import type { ProblemList } from './problems'
import { reportIssues, type RowCells } from './rowFields'
import type { Cell } from './sheetReader'

export interface CompoundDraft {
  row: number
  communityId: number
  name: string
  values: {
    address: string | null
    kind: CompoundKind
    management: ManagementKind
    property_company: string | null
    households: number | null
    buildings: number | null
    notes: string | null
  }
}

function codeOf<K extends string>(
  cell: Cell,
  codes: readonly K[],
  labels: Record<K, string>,
  extra: Record<string, K>,
  what: string,
): K | null {
  const s = textOf(cell).replace(/\s/g, '')
  if (s === '') return null
  const byLabel = codes.find((k) => labels[k] === s || k === s)
  if (byLabel) return byLabel
  if (extra[s]) return extra[s]
  throw new CellProblem(`${what}“${s.slice(0, 20)}”无法识别，应为：${codes.map((k) => labels[k]).join('、')}`)
}

const kindAliases: Record<string, CompoundKind> = {
  商品房小区: 'commercial',
  老小区: 'old',
  老旧: 'old',
  三无: 'three_no',
  无物业小区: 'three_no',
  单位宿舍区: 'work_unit',
  职工宿舍: 'work_unit',
  宿舍: 'work_unit',
  安置小区: 'resettlement',
  拆迁安置房: 'resettlement',
  回迁房: 'resettlement',
}

const managementAliases: Record<string, ManagementKind> = {
  物业: 'property_company',
  物业管理: 'property_company',
  物业服务企业: 'property_company',
  社区托管: 'community_property',
  居民自治: 'self_governance',
  自治小组: 'self_governance',
  自治: 'self_governance',
  无物业: 'none',
  没有: 'none',
}

const compoundFields: Record<string, string> = { communityId: 'community' }

export function compoundDraft(
  r: RowCells,
  places: PlaceIndex,
  problems: ProblemList,
  defaultCommunity: number | null,
): CompoundDraft | null {
  const before = problems.count()
  let communityId: number | null | undefined = defaultCommunity
  const communityName = optionalTextOf(r.cell('community'))
  if (communityName !== null) {
    const c = communityOf(places, communityName)
    communityId = c.ok ? c.value : undefined
    if (!c.ok) problems.add(r.row, 'community', c.message)
  } else if (communityId === null) {
    problems.add(r.row, 'community', '请填写所属社区，或在导入时选择默认社区')
    communityId = undefined
  }
  if (communityId !== undefined && communityId !== null && places.archivedCommunities.has(communityId)) {
    problems.add(r.row, 'community', `社区“${places.communityName.get(communityId) ?? ''}”已归档，不能再添加小区`)
  }
  const propertyCompany = optionalTextOf(r.cell('propertyCompany'))
  const kind = r.convert('kind', (c) => codeOf(c, compoundKinds, compoundKindLabels, kindAliases, '小区类型'))
  const management = r.convert('management', (c) =>
    codeOf(c, managementKinds, managementKindLabels, managementAliases, '管理方式'),
  )
  const raw = {
    communityId: communityId ?? undefined,
    name: textOf(r.cell('name')),
    address: optionalTextOf(r.cell('address')),
    // Left empty in the file: 其他, and the management the property company column implies.
    kind: kind === undefined ? 'other' : (kind ?? 'other'),
    management: management === undefined ? 'none' : (management ?? (propertyCompany ? 'property_company' : 'none')),
    propertyCompany,
    households: r.convert('households', (c) => integerOf(c, '户数')),
    buildings: r.convert('buildings', (c) => integerOf(c, '楼栋数')),
    notes: optionalTextOf(r.cell('notes')),
  }
  const parsed = saveCompoundInput.safeParse(raw)
  if (!parsed.success) {
    reportIssues(problems, r.row, parsed.error, (path) => {
      const key = String(path[0] ?? 'name')
      return compoundFields[key] ?? key
    })
    return null
  }
  if (problems.count() > before) return null
  const v = parsed.data
  return {
    row: r.row,
    communityId: v.communityId,
    name: v.name,
    values: {
      address: v.address,
      kind: v.kind,
      management: v.management,
      property_company: v.management === 'none' ? null : v.propertyCompany,
      households: v.households,
      buildings: v.buildings,
      notes: v.notes,
    },
  }
}
