import { Card, Checkbox, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { projectPath } from '../../../config/paths';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf, projectStatusLabels } from '../../../lib/labels';
import { type RegionAccount, useRegionAccounts } from '../api/get-region-accounts';
import { m } from '../messages';
import { AccountStatusTag } from './account-card';

const hasProblem = (r: RegionAccount) => r.accountId === null || r.shortfallFen > 0 || r.flaggedTransactions > 0;

/** The accounts of a jurisdiction: projects with no account, labour cost short of the schedule, ACC-05 lines. */
export function RegionAccountsTable({ regionCode }: { regionCode?: string }) {
  const { t, lang } = useI18n();
  const [problemsOnly, setProblemsOnly] = useState(true);
  const accounts = useRegionAccounts(regionCode);
  const all = accounts.data ?? [];
  const rows = problemsOnly ? all.filter(hasProblem) : all;

  const columns: TableColumnsType<RegionAccount> = [
    { title: t(m.projectCode), dataIndex: 'code', width: 160 },
    { title: t(m.projectName), dataIndex: 'name', ellipsis: true, render: (v: string, r) => <Link to={projectPath(r.projectId, 'wage-account')}>{v}</Link> },
    { title: t(m.regionName), dataIndex: 'regionName', width: 110, ellipsis: true },
    { title: t(m.projectStatus), dataIndex: 'projectStatus', width: 90, render: (v: string) => <Tag>{labelOf(projectStatusLabels, v, lang)}</Tag> },
    {
      title: t(m.account),
      key: 'account',
      width: 200,
      filters: [{ value: 'none', text: t(m.noAccount) }],
      onFilter: (_, r) => r.accountId === null,
      render: (_, r) => (
        <>
          <AccountStatusTag status={r.accountStatus} />
          {r.bankName && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.bankName}</Typography.Text>}
        </>
      ),
    },
    { title: t(m.ledgerBalance), dataIndex: 'ledgerBalanceFen', width: 130, align: 'right', render: formatYuan },
    { title: t(m.dueFen), dataIndex: 'dueFen', width: 130, align: 'right', render: formatYuan },
    { title: t(m.depositedFen), dataIndex: 'depositedFen', width: 130, align: 'right', render: formatYuan },
    {
      title: t(m.shortfall),
      dataIndex: 'shortfallFen',
      width: 130,
      align: 'right',
      sorter: (a, b) => a.shortfallFen - b.shortfallFen,
      render: (v: number) => (v > 0 ? <Typography.Text type="danger" strong>{formatYuan(v)}</Typography.Text> : formatYuan(v)),
    },
    {
      title: t(m.flaggedCount),
      dataIndex: 'flaggedTransactions',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.flaggedTransactions - b.flaggedTransactions,
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
    },
  ];

  return (
    <Card size="small" title={t(m.regionTitle)} extra={<Checkbox checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)}>{t(m.onlyProblems)}</Checkbox>} data-testid="region-accounts">
      <Typography.Paragraph type="secondary">{t(m.regionHint)}</Typography.Paragraph>
      {accounts.isError && <QueryError error={accounts.error} onRetry={() => accounts.refetch()} />}
      <Table<RegionAccount>
        rowKey="projectId"
        size="small"
        loading={accounts.isFetching}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1400 }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (n) => t(m.tableTotal, { n }) }}
        locale={{ emptyText: accounts.isLoading ? ' ' : <Empty description={t(m.noRegionProjects)} /> }}
      />
    </Card>
  );
}
