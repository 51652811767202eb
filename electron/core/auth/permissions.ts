/**
 * Which role may do what. Checked in core for every API method, never only in
 * the UI; this table is the single place the answer lives. Two permissions
 * are not in it: 'public' (anyone, e.g. sign-in) and 'session' (any signed-in
 * staff member, even while locked, e.g. unlock).
 */
import type { Permission } from '../../../shared/api/methods'
import type { StaffRole } from '../../../shared/labels'
import { ApiError } from '../../../shared/api/errors'
import type { Ctx } from '../context'

export const rolePermissions: Record<StaffRole, readonly Exclude<Permission, 'public' | 'session'>[]> = {
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
    'accounts.admin',
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
  if (permission === 'public') return
  if (!ctx.staff) throw new ApiError('UNAUTHENTICATED', '请先登录')
  if (permission === 'session') return
  if (ctx.session?.locked) throw new ApiError('LOCKED', '屏幕已锁定，请输入密码解锁')
  if (!(rolePermissions[ctx.staff.role] as readonly Permission[]).includes(permission)) {
    throw new ApiError('FORBIDDEN', '当前账号没有此项操作的权限，请联系管理员')
  }
}
