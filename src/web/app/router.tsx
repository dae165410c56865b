import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, RouterProvider, createBrowserRouter, useLocation } from 'react-router-dom';
import { AuditPage } from '../features/audit/audit-page';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { LoginPage } from '../features/auth/login-page';
import { MfaPage } from '../features/auth/mfa-page';
import { HomePage } from '../features/home/home-page';
import { BanksPage } from '../features/orgs/banks-page';
import { EnterprisesPage } from '../features/orgs/enterprises-page';
import { GovUnitsPage } from '../features/orgs/gov-units-page';
import { ParamsPage } from '../features/params/params-page';
import { RegionsPage } from '../features/regions/regions-page';
import { ApiKeysPage } from '../features/users/api-keys-page';
import { UsersPage } from '../features/users/users-page';
import { useI18n } from '../lib/i18n';
import { AppLayout } from './layout';
import { useMe } from './session';

/** Sends a visitor to the step they still owe: login, second factor, or a new password. */
function RequireSession({ children }: { children: ReactNode }) {
  const { data: me, isLoading } = useMe();
  const location = useLocation();
  if (isLoading) return <Spin fullscreen />;
  if (!me) return <Navigate to="/login" state={{ from: location.pathname }} replace />;
  if (me.stage === 'mfa_pending') return <Navigate to="/mfa" replace />;
  if (me.passwordChangeRequired) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { data: me } = useMe();
  const { t } = useI18n();
  if (!me?.permissions.includes(permission)) {
    return <Result status="403" title="403" subTitle={t('您没有访问此页面的权限', 'You may not open this page')} />;
  }
  return <>{children}</>;
}

const guarded = (permission: string, element: ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/mfa', element: <MfaPage /> },
  { path: '/change-password', element: <ChangePasswordPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'regions', element: guarded('regions.read', <RegionsPage />) },
      { path: 'orgs/enterprises', element: guarded('orgs.read', <EnterprisesPage />) },
      { path: 'orgs/gov-units', element: guarded('orgs.read', <GovUnitsPage />) },
      { path: 'orgs/banks', element: guarded('orgs.read', <BanksPage />) },
      { path: 'users', element: guarded('users.read', <UsersPage />) },
      { path: 'api-keys', element: guarded('apikeys.manage', <ApiKeysPage />) },
      { path: 'audit', element: guarded('audit.read', <AuditPage />) },
      { path: 'params', element: guarded('params.read', <ParamsPage />) },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
