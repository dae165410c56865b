import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Empty, Flex, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { formatYuan } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { type PayrollListQuery, type PayrollSummary, usePayrolls } from '../api/get-payrolls';
import { m } from '../messages';
import { PayrollDrawer } from './payroll-drawer';
import { PayrollStatusTag } from './payroll-status-tag';
import { PrepareModal } from './prepare-modal';
import { ReconciliationCard } from './reconciliation-card';

export interface PayrollEmployer {
  id: string;
  name: string;
  generalContractor: boolean;
}

interface Props {
  projectId: string;
  /** The general contractor and the subcontractors: whose payrolls this project has. */
  employers: PayrollEmployer[];
  /** The caller may prepare payrolls (the server still decides for which employer). */
  canPrepare: boolean;
}

/**
 * 工资表 of one project: the payrolls by month and employer, the preparation of a new one, each
 * payroll's lines, review and payout in a drawer, and the three-way reconciliation of a month.
 */
export function PayrollTab({ projectId, employers, canPrepare }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState<PayrollListQuery>({});
  const [preparing, setPreparing] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePayrolls(projectId, query);
  const rows = list.data ?? [];

  const columns: TableColumnsType<PayrollSummary> = [
    { title: t(m.month), dataIndex: 'month', width: 90 },
    { title: t(m.employer), dataIndex: 'employerName', ellipsis: true },
    {
      title: t(m.revision),
      dataIndex: 'revision',
      width: 80,
      render: (n: number, p) =>
        p.correctionReason ? (
          <Tooltip title={`${t(m.correctionReason)}：${p.correctionReason}`}>
            <Tag color="purple">{t(m.revisionN, { n })}</Tag>
          </Tooltip>
        ) : (
          t(m.revisionN, { n })
        ),
    },
    { title: t(m.status), dataIndex: 'status', width: 100, render: (s: string) => <PayrollStatusTag status={s} /> },
    { title: t(m.dueOn), dataIndex: 'dueOn', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t(m.confirmed),
      key: 'confirmed',
      width: 90,
      align: 'right',
      render: (_, p) => <span data-testid="payroll-confirmed">{`${p.confirmedCount}/${p.lineCount}`}</span>,
    },
    {
      title: t(m.failed),
      dataIndex: 'failedCount',
      width: 90,
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger" strong data-testid="payroll-failed">{n}</Typography.Text> : 0),
    },
    { title: t(m.gross), dataIndex: 'grossFen', width: 130, align: 'right', render: formatYuan },
    { title: t(m.net), dataIndex: 'netFen', width: 130, align: 'right', render: formatYuan },
    { title: t(m.paid), dataIndex: 'paidFen', width: 130, align: 'right', render: formatYuan },
    {
      title: t(common.actions),
      key: 'open',
      width: 70,
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => setOpenId(p.id)} data-testid="payroll-open">
          {t(m.open)}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="payroll-tab">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex align="center" gap={8} wrap>
          <DatePicker
            picker="month"
            placeholder={t(m.allMonths)}
            value={query.month ? dayjs(`${query.month}-01`) : null}
            onChange={(d) => setQuery((q) => ({ ...q, month: d ? d.format('YYYY-MM') : undefined }))}
            data-testid="payroll-filter-month"
          />
          <Select
            allowClear
            placeholder={t(m.allEmployers)}
            style={{ width: 260 }}
            value={query.employerId}
            onChange={(v?: string) => setQuery((q) => ({ ...q, employerId: v }))}
            options={employers.map((e) => ({ value: e.id, label: e.name }))}
            data-testid="payroll-filter-employer"
          />
          <Checkbox checked={!!query.includeSuperseded} onChange={(e) => setQuery((q) => ({ ...q, includeSuperseded: e.target.checked }))}>
            {t(m.includeSuperseded)}
          </Checkbox>
        </Flex>
        {canPrepare && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPreparing(true)} data-testid="payroll-prepare">
            {t(m.prepare)}
          </Button>
        )}
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<PayrollSummary>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1200 }}
        onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: 'pointer' } })}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: list.isLoading ? ' ' : <Empty description={query.month ? t(m.emptyMonth) : t(m.empty)} /> }}
        data-testid="payroll-list"
      />
      <ReconciliationCard projectId={projectId} />
      <PrepareModal
        projectId={projectId}
        employers={employers}
        open={preparing}
        onClose={() => setPreparing(false)}
        onPrepared={(id) => {
          setPreparing(false);
          setOpenId(id);
        }}
      />
      <PayrollDrawer id={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
    </Space>
  );
}
