import { Card, DatePicker, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { RECONCILIATION_GAPS } from '../../../../server/modules/payroll/payroll.rules';
import { QueryError } from '../../../components/query-error';
import { formatYuan, todayInShanghai } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import { type ReconciliationItem, useReconciliation } from '../api/get-reconciliation';
import { m } from '../messages';

/** 三方对账 of a month: per worker, days attended → the payroll line → what the bank paid, with each gap. */
export function ReconciliationCard({ projectId }: { projectId: string }) {
  const { t, lang } = useI18n();
  const today = todayInShanghai();
  const [month, setMonth] = useState(dayjs(today).subtract(1, 'month').format('YYYY-MM'));
  const recon = useReconciliation(projectId, month);
  const data = recon.data;

  const columns: TableColumnsType<ReconciliationItem> = [
    { title: t(m.worker), dataIndex: 'workerName', width: 100 },
    { title: t(m.idNumber), dataIndex: 'idNumber', width: 180 },
    { title: t(m.employer), dataIndex: 'employerName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t(m.attendanceDays), dataIndex: 'attendanceDays', width: 90, align: 'right' },
    { title: t(m.onPayroll), dataIndex: 'onPayroll', width: 90, render: (v: boolean) => (v ? t(common.yes) : <Typography.Text type="danger">{t(common.no)}</Typography.Text>) },
    { title: t(m.payrollDays), dataIndex: 'payrollDays', width: 90, align: 'right' },
    { title: t(m.net), dataIndex: 'netFen', width: 120, align: 'right', render: formatYuan },
    { title: t(m.paid), dataIndex: 'paidFen', width: 120, align: 'right', render: formatYuan },
    {
      title: t(m.gaps),
      dataIndex: 'gaps',
      width: 200,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.gaps.length - b.gaps.length,
      filters: Object.keys(RECONCILIATION_GAPS).map((g) => ({ value: g, text: labelOf(RECONCILIATION_GAPS, g, lang) })),
      onFilter: (v, r) => r.gaps.includes(v as ReconciliationItem['gaps'][number]),
      render: (gaps: string[]) =>
        gaps.length === 0 ? <Tag color="green">{t(m.noGaps)}</Tag> : gaps.map((g) => <Tag key={g} color="red" data-testid="recon-gap">{labelOf(RECONCILIATION_GAPS, g, lang)}</Tag>),
    },
  ];

  return (
    <Card
      size="small"
      data-testid="payroll-reconciliation"
      title={
        <Flex align="center" gap={8} wrap>
          {t(m.reconTitle)}
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} disabledDate={(d) => d.format('YYYY-MM') > today.slice(0, 7)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} data-testid="recon-month" />
          {data && (data.gapCount > 0 ? <Tag color="red" data-testid="recon-gap-count">{t(m.gapCount, { n: data.gapCount })}</Tag> : data.items.length > 0 && <Tag color="green">{t(m.noGaps)}</Tag>)}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t(m.reconHint)}</Typography.Paragraph>
      {recon.isError && <QueryError error={recon.error} onRetry={() => recon.refetch()} />}
      <Table<ReconciliationItem>
        rowKey="workerId"
        size="small"
        loading={recon.isFetching}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 1100 }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: recon.isLoading ? ' ' : <Empty description={t(m.noRecon)} /> }}
        data-testid="recon-table"
      />
    </Card>
  );
}
