/**
 * The demo set: the communities and compounds of 桂溪街道 named in the news
 * report DOMAIN.md points to (迎春社区's 小吃街, 红光社区's 桂北小区 run by the
 * first 社区物业, 西街社区's 商业局小区 with its 楼栋长 and 《小区居民公约》).
 * Phone numbers use reserved-looking patterns; no real resident appears.
 */
import type { Knex } from 'knex'
import type { Ctx } from '../context'
import type { CompoundKind, ManagementKind } from '../../../shared/labels'
import { communityService } from '../services/communities'
import { compoundService } from '../services/compounds'

interface DemoCompound {
  name: string
  kind: CompoundKind
  management: ManagementKind
  propertyCompany?: string
  households: number
  buildings: number
  address: string
  leaders?: { building: string; name: string; phone: string }[]
  notes?: string
}

interface DemoCommunity {
  name: string
  code: string
  address: string
  phone: string
  compounds: DemoCompound[]
}

export const demoCommunities: DemoCommunity[] = [
  {
    name: '迎春社区',
    code: 'GX-01',
    address: '桂溪街道迎春路18号',
    phone: '023-45678101',
    compounds: [
      {
        name: '小吃街片区',
        kind: 'old',
        management: 'none',
        households: 186,
        buildings: 6,
        address: '迎春路小吃街',
        notes: '沿街商铺集中，占道经营、油烟投诉较多',
      },
      {
        name: '迎春花园',
        kind: 'commercial',
        management: 'property_company',
        propertyCompany: '渝东物业服务有限公司',
        households: 620,
        buildings: 12,
        address: '迎春路66号',
      },
    ],
  },
  {
    name: '三合社区',
    code: 'GX-02',
    address: '桂溪街道三合街9号',
    phone: '023-45678102',
    compounds: [
      {
        name: '三合新村',
        kind: 'resettlement',
        management: 'community_property',
        propertyCompany: '桂溪社区物业服务中心',
        households: 410,
        buildings: 9,
        address: '三合街21号',
      },
      {
        name: '粮站宿舍',
        kind: 'work_unit',
        management: 'self_governance',
        households: 48,
        buildings: 2,
        address: '三合街粮站巷3号',
      },
    ],
  },
  {
    name: '红光社区',
    code: 'GX-03',
    address: '桂溪街道红光路32号',
    phone: '023-45678103',
    compounds: [
      {
        name: '桂北小区',
        kind: 'three_no',
        management: 'community_property',
        propertyCompany: '红光社区物业服务有限公司',
        households: 236,
        buildings: 8,
        address: '红光路桂北巷',
        notes: '原三无小区，全县首家社区物业公司接管；车辆出入、公共设施管护由社区物业负责',
      },
      { name: '红光小区', kind: 'old', management: 'none', households: 154, buildings: 5, address: '红光路45号' },
    ],
  },
  {
    name: '桂东社区',
    code: 'GX-04',
    address: '桂溪街道桂东大道101号',
    phone: '023-45678104',
    compounds: [
      {
        name: '桂东佳园',
        kind: 'commercial',
        management: 'property_company',
        propertyCompany: '桂东物业管理有限公司',
        households: 880,
        buildings: 16,
        address: '桂东大道188号',
      },
    ],
  },
  {
    name: '西街社区',
    code: 'GX-05',
    address: '桂溪街道西街56号',
    phone: '023-45678105',
    compounds: [
      {
        name: '商业局小区',
        kind: 'old',
        management: 'self_governance',
        households: 96,
        buildings: 4,
        address: '西街商业局巷2号',
        leaders: [
          { building: '1栋', name: '王秀英', phone: '13800000001' },
          { building: '2栋', name: '刘建国', phone: '13800000002' },
          { building: '3栋', name: '陈桂芳', phone: '13800000003' },
        ],
        notes: '居民自治小组管理，文化墙张贴《小区居民公约》',
      },
    ],
  },
  {
    name: '松林社区',
    code: 'GX-06',
    address: '桂溪街道松林路7号',
    phone: '023-45678106',
    compounds: [
      { name: '松林苑', kind: 'old', management: 'none', households: 132, buildings: 4, address: '松林路12号' },
    ],
  },
  {
    name: '南街社区',
    code: 'GX-07',
    address: '桂溪街道南街88号',
    phone: '023-45678107',
    compounds: [
      {
        name: '南街商住楼',
        kind: 'commercial',
        management: 'property_company',
        propertyCompany: '南城物业服务有限公司',
        households: 210,
        buildings: 3,
        address: '南街90号',
      },
    ],
  },
  {
    name: '东街社区',
    code: 'GX-08',
    address: '桂溪街道东街15号',
    phone: '023-45678108',
    compounds: [
      {
        name: '东街老院子',
        kind: 'three_no',
        management: 'none',
        households: 40,
        buildings: 2,
        address: '东街15号后院',
      },
    ],
  },
]

/** Loads the set through the same services the UI uses, so demo rows obey every rule. */
export function loadDemoPlaces(db: Knex, ctx: Ctx): Promise<{ communities: number; compounds: number }> {
  // All or nothing: a half-loaded demo would block a retry (the database is no longer empty).
  return db.transaction((trx) => loadInto(trx, ctx))
}

async function loadInto(db: Knex, ctx: Ctx): Promise<{ communities: number; compounds: number }> {
  const communities = communityService(db)
  const compounds = compoundService(db)
  let compoundCount = 0
  for (const c of demoCommunities) {
    const saved = await communities.save(ctx, { name: c.name, code: c.code, address: c.address, phone: c.phone })
    for (const k of c.compounds) {
      await compounds.save(ctx, {
        communityId: saved.id,
        name: k.name,
        address: k.address,
        kind: k.kind,
        management: k.management,
        propertyCompany: k.propertyCompany ?? null,
        households: k.households,
        buildings: k.buildings,
        leaders: (k.leaders ?? []).map((l) => ({ ...l })),
        notes: k.notes ?? null,
      })
      compoundCount++
    }
  }
  return { communities: demoCommunities.length, compounds: compoundCount }
}
