import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { Permission } from '../../server/platform/access/roles';
import { QueryError } from '../components/query-error';
import { paths } from '../config/paths';
import { common, useI18n } from '../lib/i18n';
import { pendingStep, useCan, useMe } from '../lib/session';

/** Sends a visitor to the step they still owe: login, second factor, or a new password. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isLoading) return <Spin fullscreen />;
  if (me.isError) return <div style={{ padding: 24 }}><QueryError error={me.error} onRetry={() => me.refetch()} /></div>;
  const step = pendingStep(me.data);
  if (step) return <Navigate to={step} state={{ from: location.pathname + location.search }} replace />;
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  const { t } = useI18n();
  if (!can(permission)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t(common.forbidden)}
        extra={<Link to={paths.home}><Button type="primary">{t(common.backHome)}</Button></Link>}
      />
    );
  }
  return <>{children}</>;
}

export function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t(common.notFound)} extra={<Link to={paths.home}><Button type="primary">{t(common.backHome)}</Button></Link>} />;
}
