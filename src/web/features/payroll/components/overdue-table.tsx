import { Card, Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { projectPath } from '../../../config/paths';
import { formatYuan, todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { type OverduePayroll, useOverduePayrolls } from '../api/get-overdue-payrolls';
import { m } from '../messages';
import { PayrollStatusTag } from './payroll-status-tag';

/** Payrolls of a jurisdiction unpaid past their payday, most overdue first; each opens its project's payroll tab. */
export function OverdueTable({ regionCode }: { regionCode?: string }) {
  const { t } = useI18n();
  const overdue = useOverduePayrolls(regionCode);
  const today = todayInShanghai();
  const rows = overdue.data ?? [];

  const columns: TableColumnsType<OverduePayroll> = [
    { title: t(m.projectCode), dataIndex: 'projectCode', width: 160 },
    {
      title: t(m.projectName),
      dataIndex: 'projectName',
      ellipsis: true,
      render: (v: string, r) => <Link to={projectPath(r.projectId, 'payroll')} data-testid="overdue-project-link">{v}</Link>,
    },
    { title: t(m.regionName), dataIndex: 'regionName', width: 110, ellipsis: true },
    { title: t(m.employer), dataIndex: 'employerName', ellipsis: true },
    { title: t(m.month), dataIndex: 'month', width: 90 },
    { title: t(m.status), dataIndex: 'status', width: 100, render: (s: string) => <PayrollStatusTag status={s} /> },
    {
      title: t(m.dueOn),
      dataIndex: 'dueOn',
      width: 170,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.dueOn.localeCompare(b.dueOn),
      render: (v: string) => (
        <>
          {v}
          <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>{t(m.overdueDays, { n: dayjs(today).diff(dayjs(v), 'day') })}</Typography.Text>
        </>
      ),
    },
    { title: t(m.unpaidLines), dataIndex: 'unpaidLines', width: 90, align: 'right' },
    {
      title: t(m.unpaid),
      dataIndex: 'unpaidFen',
      width: 140,
      align: 'right',
      sorter: (a, b) => a.unpaidFen - b.unpaidFen,
      render: (v: number) => <Typography.Text type="danger" strong>{formatYuan(v)}</Typography.Text>,
    },
  ];

  return (
    <Card size="small" title={t(m.overdueTitle)} data-testid="overdue-payrolls">
      <Typography.Paragraph type="secondary">{t(m.overdueHint)}</Typography.Paragraph>
      {overdue.isError && <QueryError error={overdue.error} onRetry={() => overdue.refetch()} />}
      <Table<OverduePayroll>
        rowKey="payrollId"
        size="small"
        loading={overdue.isFetching}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1200 }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (n) => t(m.tableTotal, { n }) }}
        locale={{ emptyText: overdue.isLoading ? ' ' : <Empty description={t(m.noOverdue)} /> }}
      />
    </Card>
  );
}
