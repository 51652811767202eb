/**
 * The side navigation, in the order the desk works. Sections whose feature
 * has not landed say so plainly (未开放) with what is coming.
 */
export interface NavItem {
  path: string
  title: string
  icon: string
  /** Set while the feature is not yet built: what it will hold. */
  comingSoon?: string
  /** Shown to administrators only (core refuses everyone else anyway). */
  adminOnly?: boolean
}

export const navItems: NavItem[] = [
  { path: '/', title: '工作台', icon: 'Odometer' },
  {
    path: '/visits',
    title: '来访登记',
    icon: 'Stamp',
  },
  {
    path: '/complaints',
    title: '诉求办理',
    icon: 'Tickets',
  },
  {
    path: '/mediation',
    title: '调解案件',
    icon: 'Connection',
  },
  {
    path: '/conventions',
    title: '居民公约',
    icon: 'Notebook',
  },
  {
    path: '/notices',
    title: '通知公告',
    icon: 'Bell',
  },
  {
    path: '/statistics',
    title: '统计报表',
    icon: 'DataAnalysis',
  },
  { path: '/places', title: '基础信息', icon: 'OfficeBuilding' },
  { path: '/settings', title: '系统设置', icon: 'Setting' },
  { path: '/accounts', title: '账号管理', icon: 'User', adminOnly: true },
  { path: '/audit', title: '审计日志', icon: 'Memo', adminOnly: true },
  { path: '/privacy', title: '个人信息保护', icon: 'Lock', adminOnly: true },
  { path: '/backup', title: '数据备份', icon: 'FolderChecked', adminOnly: true },
  { path: '/data-transfer', title: '数据导入导出', icon: 'Switch', adminOnly: true },
]
