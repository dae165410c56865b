import { Spin } from 'antd';
import { Suspense, lazy, type ReactNode } from 'react';
import { RouterProvider, createBrowserRouter } from 'react-router-dom';
import type { Permission } from '../../server/platform/access/roles';
import { paths } from '../config/paths';
import { ChangePasswordPage } from '../features/auth/components/change-password-page';
import { LoginPage } from '../features/auth/components/login-page';
import { MfaPage } from '../features/auth/components/mfa-page';
import { HomePage } from '../features/home/components/home-page';
import { setAuthInterruptionHandler } from '../lib/api-client';
import { queryClient } from '../lib/query-client';
import { meQueryKey } from '../lib/session';
import { NotFound, RequirePermission, RequireSession } from './guards';
import { AppLayout } from './layout/app-layout';

// Each module's pages load on first visit.
const named = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));
const RegionsPage = named(() => import('../features/regions/components/regions-page'), 'RegionsPage');
const EnterprisesPage = named(() => import('../features/orgs/components/enterprises-page'), 'EnterprisesPage');
const GovUnitsPage = named(() => import('../features/orgs/components/gov-units-page'), 'GovUnitsPage');
const BanksPage = named(() => import('../features/orgs/components/banks-page'), 'BanksPage');
const UsersPage = named(() => import('../features/users/components/users-page'), 'UsersPage');
const ApiKeysPage = named(() => import('../features/users/components/api-keys-page'), 'ApiKeysPage');
const AuditPage = named(() => import('../features/audit/components/audit-page'), 'AuditPage');
const ParamsPage = named(() => import('../features/params/components/params-page'), 'ParamsPage');
const ProjectsPage = named(() => import('../features/projects/components/projects-page'), 'ProjectsPage');
const ProjectRoute = named(() => import('./routes/project-route'), 'ProjectRoute');
const WorkersPage = named(() => import('../features/workforce/components/workers-page'), 'WorkersPage');
const WorkerRoute = named(() => import('./routes/worker-route'), 'WorkerRoute');
const AttendancePage = named(() => import('../features/attendance/components/attendance-page'), 'AttendancePage');
const PaymentsPage = named(() => import('../features/payments/components/payments-page'), 'PaymentsPage');
const DepositsPage = named(() => import('../features/deposits/components/deposits-page'), 'DepositsPage');
const FundsPage = named(() => import('../features/funds/components/funds-page'), 'FundsPage');
const WageMonitorRoute = named(() => import('./routes/wage-monitor-route'), 'WageMonitorRoute');
const BattleMapPage = named(() => import('../features/warnings/components/battle-map-page'), 'BattleMapPage');
const WarningsPage = named(() => import('../features/warnings/components/warnings-page'), 'WarningsPage');
const WarningDetailPage = named(() => import('../features/warnings/components/warning-detail-page'), 'WarningDetailPage');
const WarningRulesPage = named(() => import('../features/warnings/components/warning-rules-page'), 'WarningRulesPage');
const CasesPage = named(() => import('../features/cases/components/cases-page'), 'CasesPage');
const CaseIntakePage = named(() => import('../features/cases/components/intake-page'), 'CaseIntakePage');
const CaseDetailPage = named(() => import('../features/cases/components/case-detail-page'), 'CaseDetailPage');
const CaseDashboardPage = named(() => import('../features/cases/components/case-dashboard-page'), 'CaseDashboardPage');
const CaseStatisticsPage = named(() => import('../features/cases/components/case-statistics-page'), 'CaseStatisticsPage');
const PublicComplaintPage = named(() => import('../features/cases/components/public-complaint-page'), 'PublicComplaintPage');
const MyComplaintsPage = named(() => import('../features/cases/components/my-complaints-page'), 'MyComplaintsPage');
const MyComplaintPage = named(() => import('../features/cases/components/my-complaint-page'), 'MyComplaintPage');

const guarded = (permission: Permission, element: ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;
const child = (path: string) => path.replace(/^\//, '');

const router = createBrowserRouter([
  { path: paths.login, element: <LoginPage /> },
  // Public, outside the signed-in layout (and its Suspense): the page behind a site's QR code.
  {
    path: paths.complain,
    element: (
      <Suspense fallback={<Spin fullscreen />}>
        <PublicComplaintPage />
      </Suspense>
    ),
  },
  { path: paths.mfa, element: <MfaPage /> },
  { path: paths.changePassword, element: <ChangePasswordPage /> },
  {
    path: paths.home,
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: child(paths.regions), element: guarded('regions.read', <RegionsPage />) },
      { path: child(paths.enterprises), element: guarded('orgs.read', <EnterprisesPage />) },
      { path: child(paths.govUnits), element: guarded('orgs.read', <GovUnitsPage />) },
      { path: child(paths.banks), element: guarded('orgs.read', <BanksPage />) },
      { path: child(paths.users), element: guarded('users.read', <UsersPage />) },
      { path: child(paths.apiKeys), element: guarded('apikeys.manage', <ApiKeysPage />) },
      { path: child(paths.audit), element: guarded('audit.read', <AuditPage />) },
      { path: child(paths.params), element: guarded('params.read', <ParamsPage />) },
      { path: child(paths.projects), element: guarded('projects.read', <ProjectsPage />) },
      { path: child(paths.projectDetail), element: guarded('projects.read', <ProjectRoute />) },
      { path: child(paths.workers), element: guarded('workforce.read', <WorkersPage />) },
      { path: child(paths.workerDetail), element: guarded('workforce.read', <WorkerRoute />) },
      { path: child(paths.attendance), element: guarded('attendance.read', <AttendancePage />) },
      { path: child(paths.payments), element: guarded('payments.read', <PaymentsPage />) },
      { path: child(paths.deposits), element: guarded('deposits.read', <DepositsPage />) },
      { path: child(paths.funds), element: guarded('funds.read', <FundsPage />) },
      { path: child(paths.wageMonitor), element: guarded('payroll.read', <WageMonitorRoute />) },
      // The battle map reads the dashboard (dashboard.read) of warnings (warnings.read).
      { path: child(paths.battleMap), element: guarded('warnings.read', guarded('dashboard.read', <BattleMapPage />)) },
      { path: child(paths.warnings), element: guarded('warnings.read', <WarningsPage />) },
      { path: child(paths.warningDetail), element: guarded('warnings.read', <WarningDetailPage />) },
      { path: child(paths.warningRules), element: guarded('warnings.read', <WarningRulesPage />) },
      { path: child(paths.cases), element: guarded('cases.read', <CasesPage />) },
      { path: child(paths.caseIntake), element: guarded('cases.intake', <CaseIntakePage />) },
      { path: child(paths.caseDashboard), element: guarded('cases.read', <CaseDashboardPage />) },
      { path: child(paths.caseStatistics), element: guarded('cases.read', <CaseStatisticsPage />) },
      { path: child(paths.caseDetail), element: guarded('cases.read', <CaseDetailPage />) },
      { path: child(paths.myComplaints), element: guarded('cases.complain', <MyComplaintsPage />) },
      { path: child(paths.myComplaintNew), element: guarded('cases.complain', <MyComplaintPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

// A session that ended or needs a step (second factor, new password) sends the user there
// from wherever a request found out.
setAuthInterruptionHandler((code) => {
  const current = router.state.location;
  if (code === 'UNAUTHENTICATED') {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, null);
    if (current.pathname !== paths.login) void router.navigate(paths.login, { replace: true, state: { from: current.pathname + current.search } });
    return;
  }
  void queryClient.invalidateQueries({ queryKey: meQueryKey });
  const target = code === 'MFA_REQUIRED' ? paths.mfa : paths.changePassword;
  if (current.pathname !== target) void router.navigate(target, { replace: true });
});

export function AppRouter() {
  return <RouterProvider router={router} />;
}
