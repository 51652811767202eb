/** The categories and units a new installation starts with; both are editable in 系统设置. */
import type { UnitKind } from '../../../../shared/intake/labels'

export const defaultCategories = [
  '环境卫生',
  '占道经营',
  '物业服务',
  '设施维修',
  '邻里纠纷',
  '家庭矛盾',
  '安全隐患',
  '停车充电',
  '加装电梯',
  '政策咨询',
  '其他',
] as const

export const defaultUnits: { name: string; kind: UnitKind }[] = [
  { name: '社区居委会', kind: 'community' },
  { name: '社区物业', kind: 'community_property' },
  { name: '物业公司', kind: 'property_company' },
  { name: '网格员', kind: 'grid_worker' },
  { name: '街道科室', kind: 'subdistrict_office' },
  { name: '人民调解委员会', kind: 'mediation_committee' },
  { name: '政协委员之家', kind: 'cppcc_home' },
]
