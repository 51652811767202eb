/** What each role may do, in the words an administrator needs when choosing one (core's table decides). */
import type { StaffRole } from '../../../shared/labels'

export const roleHints: Record<StaffRole, string> = {
  front_desk: '来访登记、诉求办理、通知公告、打印；可查看基础信息',
  mediator: '前台接待的全部工作，另可办理自己参与的调解案件',
  admin: '全部功能，包括账号管理、系统设置、备份与恢复、审计记录',
  viewer: '只能查看列表和统计，身份证号和电话始终隐藏',
}

/** The order roles are offered in: the common ones first. */
export const roleOrder: StaffRole[] = ['front_desk', 'mediator', 'viewer', 'admin']
