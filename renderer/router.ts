/**
 * Hash history: the same build works from a file:// URL in Electron and from
 * the serve-mode HTTP server.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { navItems } from './navigation'
import DashboardPage from './pages/Dashboard/DashboardPage.vue'
import NotOpenPage from './pages/NotOpen/NotOpenPage.vue'
import PlacesPage from './pages/Places/PlacesPage.vue'
import SettingsPage from './pages/Settings/SettingsPage.vue'
import PrintPage from './print/PrintPage.vue'
import NoticesPage from './pages/Notices/NoticesPage.vue'
import NoticeEditorPage from './pages/Notices/NoticeEditorPage.vue'
import VisitsPage from './pages/Visits/VisitsPage.vue'
import VisitFormPage from './pages/Visits/VisitFormPage.vue'
import ComplaintsPage from './pages/Complaints/ComplaintsPage.vue'
import ComplaintDetailPage from './pages/Complaints/ComplaintDetailPage.vue'
import AccountsPage from './pages/Accounts/AccountsPage.vue'
import AuditPage from './pages/Audit/AuditPage.vue'
import PrivacyPage from './pages/Privacy/PrivacyPage.vue'
import BackupPage from './pages/Backup/BackupPage.vue'
import ConventionsPage from './pages/Conventions/ConventionsPage.vue'
import ConventionDetailPage from './pages/Conventions/ConventionDetailPage.vue'
import MediationListPage from './pages/Mediation/MediationListPage.vue'
import MediationRegisterPage from './pages/Mediation/MediationRegisterPage.vue'
import MediationCasePage from './pages/Mediation/MediationCasePage.vue'
import DataTransferPage from './pages/DataTransfer/DataTransferPage.vue'
import MonthlyReportPrintView from './print/MonthlyReportPrintView.vue'

const built: Record<string, RouteRecordRaw['component']> = {
  '/': DashboardPage,
  '/places': PlacesPage,
  '/notices': NoticesPage,
  '/visits': VisitsPage,
  '/complaints': ComplaintsPage,
  '/settings': SettingsPage,
  '/accounts': AccountsPage,
  '/audit': AuditPage,
  '/privacy': PrivacyPage,
  '/backup': BackupPage,
  '/conventions': ConventionsPage,
  '/mediation': MediationListPage,
  '/data-transfer': DataTransferPage,
  // Loaded when first opened: ECharts stays out of the bundle every other screen waits for.
  '/statistics': () => import('./pages/Stats/StatsPage.vue'),
}

const routes: RouteRecordRaw[] = navItems.map((item) => ({
  path: item.path,
  component: built[item.path] ?? NotOpenPage,
  meta: { title: item.title, comingSoon: item.comingSoon, adminOnly: item.adminOnly === true },
}))
routes.push({ path: '/notices/:id', component: NoticeEditorPage, meta: { title: '通知公告' } })
routes.push({ path: '/visits/new', component: VisitFormPage, meta: { title: '来访登记' } })
routes.push({ path: '/complaints/:id', component: ComplaintDetailPage, meta: { title: '诉求办理' } })
routes.push({ path: '/conventions/coverage', component: ConventionsPage, meta: { title: '居民公约' } })
routes.push({ path: '/conventions/:id(\\d+)', component: ConventionDetailPage, meta: { title: '居民公约' } })
// ?complaint=ID or ?visit=ID starts the case from that 诉求 or walk-in.
routes.push({ path: '/mediation/new', component: MediationRegisterPage, meta: { title: '登记调解案件' } })
routes.push({ path: '/mediation/:id(\\d+)', component: MediationCasePage, meta: { title: '调解案件' } })
// Print routes render without the app shell (see App.vue), in the print window or a new tab.
// The 月报's id is a month (202611), not a record: its own view, ahead of the generic one.
routes.push({
  path: '/print/monthly-report/:id',
  component: MonthlyReportPrintView,
  meta: { title: '打印', bare: true },
})
routes.push({ path: '/print/:document/:id', component: PrintPage, meta: { title: '打印', bare: true } })
routes.push({ path: '/:pathMatch(.*)*', redirect: '/' })

export const router = createRouter({ history: createWebHashHistory(), routes })

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : ''
  document.title = title ? `${title} · 社区服务台` : '社区服务台'
})
