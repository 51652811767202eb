/** 系统: what the app is running on, and the first-run demo data. */
import { z } from './zod'
import { staffRoles } from '../labels'

export const systemInfo = z.object({
  appVersion: z.string(),
  mode: z.enum(['electron', 'serve']),
  schemaVersion: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  backupsDir: z.string(),
  staff: z.object({ id: z.number().int(), name: z.string(), role: z.enum(staffRoles) }),
  isEmpty: z.boolean(),
})
export type SystemInfo = z.infer<typeof systemInfo>

export const demoLoaded = z.object({
  communities: z.number().int(),
  compounds: z.number().int(),
  visits: z.number().int(),
  complaints: z.number().int(),
})

export const systemMethods = {
  'system.info': {
    summary: '运行信息：版本、数据位置、当前用户',
    permission: 'system.read',
    input: z.object({}),
    output: systemInfo,
  },
  'system.loadDemo': {
    summary: '首次使用时载入演示数据（仅限空数据库）',
    permission: 'system.demo',
    input: z.object({}),
    output: demoLoaded,
  },
} as const
