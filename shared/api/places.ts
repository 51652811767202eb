/**
 * 基础信息: communities (社区) and compounds (小区). Records that others point
 * to are never deleted: they are archived, which hides them from pickers.
 */
import { z } from './zod'
import { count, id, optionalPhone, optionalText, page, query, requiredText, version } from './fields'
import { compoundKinds, managementKinds } from '../labels'

export const community = z.object({
  id,
  name: z.string(),
  code: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  compoundCount: z.number().int(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
})
export type Community = z.infer<typeof community>

export const buildingLeaderInput = z.object({
  building: requiredText('楼栋', 20),
  name: requiredText('楼栋长姓名', 20),
  phone: optionalPhone('楼栋长电话'),
})

export const buildingLeader = z.object({
  building: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
})
export type BuildingLeader = z.infer<typeof buildingLeader>

export const compound = z.object({
  id,
  communityId: id,
  communityName: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  kind: z.enum(compoundKinds),
  management: z.enum(managementKinds),
  propertyCompany: z.string().nullable(),
  households: z.number().int().nullable(),
  buildings: z.number().int().nullable(),
  leaders: z.array(buildingLeader),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
})
export type Compound = z.infer<typeof compound>

export const saveCommunityInput = z.object({
  id: id.optional(),
  version: version.optional(),
  name: requiredText('社区名称', 30),
  code: optionalText('社区代码', 20).refine(
    (s) => s === null || /^[0-9A-Za-z-]+$/.test(s),
    '社区代码只能包含数字、字母和短横线',
  ),
  address: optionalText('办公地址', 100),
  phone: optionalPhone('联系电话'),
})
export type SaveCommunityInput = z.input<typeof saveCommunityInput>

export const saveCompoundInput = z
  .object({
    id: id.optional(),
    version: version.optional(),
    communityId: z.number({ error: '请选择所属社区' }).int().positive('请选择所属社区'),
    name: requiredText('小区名称', 40),
    address: optionalText('小区地址', 100),
    kind: z.enum(compoundKinds, { error: '请选择小区类型' }),
    management: z.enum(managementKinds, { error: '请选择管理方式' }),
    propertyCompany: optionalText('物业公司名称', 60),
    households: count('户数', 100000),
    buildings: count('楼栋数', 2000),
    leaders: z.array(buildingLeaderInput).max(500, '楼栋长最多登记500人').default([]),
    notes: optionalText('备注', 2000, true),
  })
  .superRefine((v, ctx) => {
    if (v.management === 'property_company' && !v.propertyCompany) {
      ctx.addIssue({
        code: 'custom',
        path: ['propertyCompany'],
        message: '管理方式为物业公司时，请填写物业公司名称',
      })
    }
  })
export type SaveCompoundInput = z.input<typeof saveCompoundInput>

export const archiveInput = z.object({
  id,
  archived: z.boolean({ error: '请说明是归档还是恢复' }),
})

export const listCommunitiesInput = z.object({
  query,
  includeArchived: z.boolean().default(false),
})

export const listCompoundsInput = z.object({
  query,
  communityId: id.optional(),
  kind: z.enum(compoundKinds).optional(),
  management: z.enum(managementKinds).optional(),
  includeArchived: z.boolean().default(false),
  ...page(),
})

export const compoundPage = z.object({
  items: z.array(compound),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

export const byId = z.object({ id })

export const placesMethods = {
  'places.listCommunities': {
    summary: '社区列表（可按名称搜索）',
    permission: 'places.read',
    input: listCommunitiesInput,
    output: z.array(community),
  },
  'places.getCommunity': {
    summary: '读取一个社区',
    permission: 'places.read',
    input: byId,
    output: community,
  },
  'places.saveCommunity': {
    summary: '新建或修改社区',
    permission: 'places.write',
    input: saveCommunityInput,
    output: community,
  },
  'places.archiveCommunity': {
    summary: '归档或恢复社区',
    permission: 'places.write',
    input: archiveInput,
    output: community,
  },
  'places.listCompounds': {
    summary: '小区列表（分页，可按社区、类型、名称筛选）',
    permission: 'places.read',
    input: listCompoundsInput,
    output: compoundPage,
  },
  'places.getCompound': {
    summary: '读取一个小区',
    permission: 'places.read',
    input: byId,
    output: compound,
  },
  'places.saveCompound': {
    summary: '新建或修改小区（含楼栋长）',
    permission: 'places.write',
    input: saveCompoundInput,
    output: compound,
  },
  'places.archiveCompound': {
    summary: '归档或恢复小区',
    permission: 'places.write',
    input: archiveInput,
    output: compound,
  },
} as const
