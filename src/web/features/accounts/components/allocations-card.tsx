import { App, Button, Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { QueryError } from '../../../components/query-error';
import { errorText } from '../../../lib/api-client';
import { formatYuan } from '../../../lib/format';
import { type Msg, useI18n } from '../../../lib/i18n';
import { type Allocation, type AllocationState, useAllocations, useScheduleAllocations } from '../api/get-allocations';
import { m } from '../messages';

const STATES: Record<AllocationState, { text: Msg; color: string }> = {
  upcoming: { text: m.stateUpcoming, color: 'default' },
  met: { text: m.stateMet, color: 'green' },
  met_late: { text: m.stateMetLate, color: 'orange' },
  partial: { text: m.statePartial, color: 'gold' },
  overdue: { text: m.stateOverdue, color: 'red' },
};

/** 人工费分账: each period's expected labour cost against the deposits that covered it, with totals. */
export function AllocationsCard({ projectId, canReschedule }: { projectId: string; canReschedule: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const allocations = useAllocations(projectId);
  const schedule = useScheduleAllocations(projectId);
  const a = allocations.data;

  const reschedule = () =>
    schedule.mutate(undefined, {
      onSuccess: (r) => (r.missingTerms ? message.warning(t(m.missingTerms)) : message.success(t(m.rescheduled, { n: r.scheduled }))),
      onError: (err) => message.error(errorText(err, lang)),
    });

  const columns: TableColumnsType<Allocation> = [
    { title: t(m.period), key: 'period', width: 210, render: (_, i) => `${i.periodStart} ~ ${i.periodEnd}` },
    { title: t(m.dueOn), dataIndex: 'dueOn', width: 110 },
    { title: t(m.expected), dataIndex: 'expectedFen', width: 140, align: 'right', render: formatYuan },
    { title: t(m.covered), dataIndex: 'coveredFen', width: 140, align: 'right', render: formatYuan },
    { title: t(m.shortfall), dataIndex: 'shortfallFen', width: 140, align: 'right', render: (v: number, i) => (v > 0 && i.state !== 'upcoming' ? <Typography.Text type="danger">{formatYuan(v)}</Typography.Text> : formatYuan(v)) },
    { title: t(m.coveredOn), dataIndex: 'coveredOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t(m.state), dataIndex: 'state', width: 100, render: (s: AllocationState) => <Tag color={STATES[s].color} data-testid="allocation-state" data-state={s}>{t(STATES[s].text)}</Tag> },
  ];

  const terms = a?.terms;
  const stat = (key: string, title: string, value: string | number, danger = false) => (
    <Col key={key} flex="1 1 160px">
      <Statistic title={title} value={value} styles={{ content: { fontSize: 18, color: danger ? '#cf1322' : undefined } }} data-testid={`allocations-${key}`} />
    </Col>
  );

  return (
    <Card
      size="small"
      title={t(m.allocations)}
      data-testid="account-allocations"
      extra={canReschedule && <Button size="small" onClick={reschedule} loading={schedule.isPending}>{t(m.reschedule)}</Button>}
    >
      <Typography.Paragraph type="secondary">
        {t(m.allocationsHint)}
        {terms && (
          <span style={{ display: 'block' }}>
            {t(m.terms, {
              price: formatYuan(terms.contractPriceFen),
              share: terms.laborCostShareBp === null ? t(m.notAgreed) : `${(terms.laborCostShareBp / 100).toFixed(2)}%`,
              cycle: terms.allocationCycleMonths === null ? t(m.notAgreed) : t(m.cycleMonths, { n: terms.allocationCycleMonths }),
            })}
          </span>
        )}
      </Typography.Paragraph>
      {allocations.isError && <QueryError error={allocations.error} onRetry={() => allocations.refetch()} />}
      {a && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {stat('expected', t(m.totalExpected), formatYuan(a.totals.expectedFen))}
          {stat('due', t(m.totalDue), formatYuan(a.totals.dueFen))}
          {stat('deposited', t(m.totalDeposited), formatYuan(a.totals.depositedFen))}
          {stat('shortfall', t(m.totalShortfall), formatYuan(a.totals.shortfallDueFen), a.totals.shortfallDueFen > 0)}
          {stat('late', t(m.totalLate), a.totals.lateCount, a.totals.lateCount > 0)}
        </Row>
      )}
      <Table<Allocation>
        rowKey="id"
        size="small"
        loading={allocations.isFetching}
        dataSource={a?.items ?? []}
        columns={columns}
        scroll={{ x: 950 }}
        pagination={(a?.items.length ?? 0) > 12 ? { pageSize: 12, showSizeChanger: false } : false}
        locale={{ emptyText: allocations.isLoading ? ' ' : <Empty description={terms && !terms.laborCostShareBp ? t(m.missingTerms) : t(m.noAllocations)} /> }}
      />
    </Card>
  );
}
