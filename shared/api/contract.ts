/**
 * The API contract: every method the renderer may call, with zod schemas for
 * input and output and the permission it needs. Both transports (IPC in the
 * Electron window, HTTP in serve mode) expose exactly these methods.
 */
import type { z } from './zod'
import type { MethodName, Permission } from './methods'
import { placesMethods } from './places'
import { systemMethods } from './system'
import { noticesMethods } from './notices'
import { printMethods } from './print'
import { peopleMethods } from './people'
import { visitsMethods } from './visits'
import { complaintsMethods } from './complaints'
import { intakeSettingsMethods } from './intakeSettings'
import { authMethods } from './auth'
import { auditMethods } from './audit'
import { privacyMethods } from './privacy'
import { backupMethods } from './backup'
import { mediationMethods } from './mediation'
import { conventionsMethods } from './conventions'
import { dataTransferMethods } from './dataTransfer'
import { searchMethods } from './search'
import { statsMethods } from './stats'

export interface MethodSpec {
  summary: string
  permission: Permission
  input: z.ZodType
  output: z.ZodType
}

export const contract = {
  ...placesMethods,
  ...systemMethods,
  ...noticesMethods,
  ...printMethods,
  ...peopleMethods,
  ...visitsMethods,
  ...complaintsMethods,
  ...intakeSettingsMethods,
  ...authMethods,
  ...auditMethods,
  ...privacyMethods,
  ...backupMethods,
  ...mediationMethods,
  ...conventionsMethods,
  ...dataTransferMethods,
  ...searchMethods,
  ...statsMethods,
} as const satisfies Record<MethodName, MethodSpec>

export type Contract = typeof contract
/** What a caller passes (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
/** What a handler receives after parsing (defaults filled, text trimmed). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

type DomainOf<M extends string> = M extends `${infer D}.${string}` ? D : never
export type Domain = DomainOf<MethodName>

/** `api.places.listCommunities(input)`: the shape of window.api and the fetch client. */
export type ApiClient = {
  [D in Domain]: {
    [M in MethodName as M extends `${D}.${infer V}` ? V : never]: (input: MethodInput<M>) => Promise<MethodOutput<M>>
  }
}

export { methodNames, isMethodName } from './methods'
export type { MethodName, Permission } from './methods'

// A method in the contract but missing from `methodNames` would never reach
// window.api; make that a compile error, not a runtime surprise.
type Extra = Exclude<keyof Contract, MethodName>
export const contractHasNoExtraMethods: Extra extends never ? true : never = true
