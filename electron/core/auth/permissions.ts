/**
 * Which role may do what. Checked in core for every API method, never only in
 * the UI. Accounts and role management arrive with the staff-accounts issue;
 * the table is already the single place the answer lives.
 */
import type { Permission } from '../../../shared/api/methods'
import type { StaffRole } from '../../../shared/labels'
import { ApiError } from '../../../shared/api/errors'
import type { Ctx } from '../context'

export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  admin: [
    'places.read',
    'places.write',
    'system.read',
    'system.demo',
    'notices.read',
    'notices.write',
    'print',
    'intake.read',
    'intake.write',
    'intake.admin',
    'people.reveal',
  ],
  front_desk: [
    'places.read',
    'system.read',
    'notices.read',
    'notices.write',
    'print',
    'intake.read',
    'intake.write',
    'people.reveal',
  ],
  mediator: ['places.read', 'system.read', 'notices.read', 'notices.write', 'print', 'intake.read', 'intake.write'],
  viewer: ['places.read', 'system.read', 'notices.read', 'intake.read'],
}

export function authorize(ctx: Ctx, permission: Permission): void {
  if (!ctx.staff) throw new ApiError('UNAUTHENTICATED', '请先登录')
  if (!rolePermissions[ctx.staff.role].includes(permission)) {
    throw new ApiError('FORBIDDEN', '当前账号没有此项操作的权限，请联系管理员')
  }
}
