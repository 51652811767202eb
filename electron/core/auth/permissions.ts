/**
 * Which role may do what. Checked in core for every API method, never only in
 * the UI. The table itself is `rolePermissions` in shared/api/methods.ts, so
 * the renderer hides what a role may not do from the same single answer. Two
 * permissions are not in it: 'public' (anyone, e.g. sign-in) and 'session'
 * (any signed-in staff member, even while locked, e.g. unlock).
 */
import { roleHas, type Permission } from '../../../shared/api/methods'
import { ApiError } from '../../../shared/api/errors'
import type { Ctx } from '../context'

export { rolePermissions } from '../../../shared/api/methods'

export function authorize(ctx: Ctx, permission: Permission): void {
  if (permission === 'public') return
  if (!ctx.staff) throw new ApiError('UNAUTHENTICATED', '请先登录')
  if (permission === 'session') return
  if (ctx.session?.locked) throw new ApiError('LOCKED', '屏幕已锁定，请输入密码解锁')
  if (!roleHas(ctx.staff.role, permission)) {
    throw new ApiError('FORBIDDEN', '当前账号没有此项操作的权限，请联系管理员')
  }
}
