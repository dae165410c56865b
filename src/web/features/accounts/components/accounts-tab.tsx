import { Card, Empty, Skeleton, Space } from 'antd';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useWageAccounts } from '../api/get-wage-accounts';
import { m } from '../messages';
import { AccountCard } from './account-card';
import { AllocationsCard } from './allocations-card';
import { OpenAccountForm } from './open-account-form';

interface Props {
  projectId: string;
  /** The caller keeps this project's account (the general contractor, or an official for it): may register its opening. */
  canOpen: boolean;
}

/**
 * 工资专用账户 of a project: the account (or the form to register its opening), its balances
 * against the bank's, history and lines, and the labour-cost allocation schedule.
 */
export function AccountsTab({ projectId, canOpen }: Props) {
  const { t } = useI18n();
  const accounts = useWageAccounts(projectId);
  const list = accounts.data ?? [];
  // One account per project; a closed one stays on record and a new one may be opened.
  const usable = list.some((a) => a.status !== 'closed');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="accounts-tab">
      {accounts.isLoading && <Card size="small"><Skeleton active /></Card>}
      {accounts.isError && <QueryError error={accounts.error} onRetry={() => accounts.refetch()} />}
      {accounts.isSuccess && list.length === 0 && (
        <Card size="small">
          <Empty description={<>{t(m.none)}<div style={{ fontSize: 12, maxWidth: 560, margin: '4px auto 0' }}>{t(m.noneHint)}</div></>} data-testid="account-none" />
        </Card>
      )}
      {accounts.isSuccess && !usable && canOpen && <OpenAccountForm projectId={projectId} />}
      {list.map((a) => <AccountCard key={a.id} accountId={a.id} />)}
      <AllocationsCard projectId={projectId} canReschedule={canOpen} />
    </Space>
  );
}
