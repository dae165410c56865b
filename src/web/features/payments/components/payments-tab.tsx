import { WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Popconfirm, Row, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { errorText } from '../../../lib/api-client';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import { PAYMENT_KINDS, SETTLEMENT_KINDS } from '../../../../server/modules/payments/payments.rules';
import { type CompletedValue, type MonthPoint, usePaymentMonths } from '../api/get-payment-months';
import { type PaymentSummary, type Settlement, usePaymentSummary } from '../api/get-payment-summary';
import { type OwnerPayment, usePayments } from '../api/get-payments';
import { useConfirmCompletedValue } from '../api/record-payment-entries';
import { flagText, m } from '../messages';
import { CompletedValueModal, PaymentModal, RetentionModal, SettlementModal } from './entry-modals';
import { RatioBar, bpText } from './ratio-bar';

type Open = null | 'value' | 'payment' | 'retention' | 'settlement';

function SummaryCards({ s }: { s: PaymentSummary }) {
  const { t } = useI18n();
  const min = bpText(s.params.minProgressBp);
  const short = s.qualifies && !s.totals.meets;
  const card = (key: string, title: string, value: string, hint: string, danger = false) => (
    <Col key={key} flex="1 1 190px">
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value} styles={{ content: { color: danger ? '#cf1322' : undefined, fontSize: 20 } }} data-testid={`payments-total-${key}`} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]}>
      {card('completed', t(m.completed), formatYuan(s.totals.completedFen), `${t(m.contractPrice)} ${formatYuan(s.contractPriceFen)}`)}
      {card('paid', t(m.paid), formatYuan(s.totals.paidFen), '')}
      {card('ratio', t(m.ratio), bpText(s.totals.ratioBp), s.qualifies ? t(m.ratioHint, { min }) : t(m.notCovered), short)}
      {s.qualifies && card('shortfall', t(m.shortfall), formatYuan(s.totals.shortfallFen), t(m.shortfallHint, { min }), short)}
      {card('advance-cap', t(m.advanceCap), formatYuan(s.advanceCapFen), t(m.advanceCapHint))}
    </Row>
  );
}

function Positions({ s }: { s: PaymentSummary }) {
  const { t } = useI18n();
  const r = s.retention;
  const max = bpText(s.params.maxRetentionBp);
  const refund = s.refund;
  const refundText = {
    none: refund.finalAmountFen === null ? t(m.refundNone) : t(m.refundClear, { amount: formatYuan(refund.finalAmountFen), date: refund.settledOn }),
    due: t(m.refundDue, { amount: formatYuan(refund.outstandingFen), due: refund.dueOn, days: s.params.refundDays }),
    overdue: t(m.refundOverdue, { amount: formatYuan(refund.outstandingFen), due: refund.dueOn }),
    refunded: t(m.refundDone),
  }[refund.state];
  const i = s.interim;
  const interimText = !i.applies ? t(m.interimNa) : i.flagged ? t(m.interimFlag, { from: i.unsettledFrom, end: i.periodEnd }) : i.unsettledFrom ? t(m.interimOk, { from: i.unsettledFrom, end: i.periodEnd }) : '—';
  const danger = (text: string, on: boolean) => (on ? <Typography.Text type="danger"><WarningOutlined /> {text}</Typography.Text> : text);
  return (
    <Descriptions size="small" bordered column={1} data-testid="payments-positions">
      <Descriptions.Item label={t(m.retention)}>
        {r.version === 0
          ? t(m.retentionNone, { cap: formatYuan(r.capFen) })
          : danger(t(m.retentionHeld, { held: formatYuan(r.heldFen), released: formatYuan(r.releasedFen), cap: formatYuan(r.capFen), max }), !r.within)}
      </Descriptions.Item>
      <Descriptions.Item label={t(m.refund)}>{danger(refundText, refund.state === 'overdue')}</Descriptions.Item>
      <Descriptions.Item label={t(m.interim)}>{danger(interimText, i.flagged)}</Descriptions.Item>
    </Descriptions>
  );
}

/**
 * 工程款 of a project: the monthly completed value against what the owner paid, the paid share per
 * month against the minimum (SET-01, marked on each bar), the retention, the settlements and the
 * owner's advance cap (LIA-02). The buttons follow the server's `actions` for this caller.
 */
export function PaymentsTab({ projectId }: { projectId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const summary = usePaymentSummary(projectId);
  const months = usePaymentMonths(projectId);
  const payments = usePayments(projectId);
  const confirm = useConfirmCompletedValue();
  const [open, setOpen] = useState<Open>(null);
  const [correcting, setCorrecting] = useState<CompletedValue | null>(null);

  if (summary.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (summary.isError || !summary.data) return <QueryError error={summary.error} onRetry={() => summary.refetch()} />;
  const s = summary.data;
  const can = (a: PaymentSummary['actions'][number]) => s.actions.includes(a);
  const minBp = months.data?.minProgressBp ?? s.params.minProgressBp;

  const valueCell = (p: MonthPoint) => {
    const v = p.value;
    if (!v) return <Typography.Text type="secondary">{t(m.noValue)}</Typography.Text>;
    return (
      <Flex vertical gap={2}>
        <span>{formatYuan(v.amountFen)}</span>
        <Flex gap={4} wrap align="center">
          <Tooltip title={v.confirmedBy ? t(m.confirmedBy, { by: v.confirmedBy, at: formatDateTime(v.confirmedAt, lang) }) : undefined}>
            <Tag color={v.state === 'confirmed' ? 'green' : 'gold'}>{t(v.state === 'confirmed' ? m.confirmed : m.pending)}</Tag>
          </Tooltip>
          {v.version > 1 && <Tag>{t(m.version, { v: v.version })}</Tag>}
          {can('confirm') && v.state === 'pending' && (
            <Popconfirm
              title={t(m.confirmAsk, { month: v.month, amount: formatYuan(v.amountFen), v: v.version })}
              onConfirm={() => confirm.mutateAsync({ projectId, month: v.month, version: v.version }).then(() => message.success(t(m.saved)), (err) => message.error(errorText(err, lang)))}
            >
              <Button size="small" type="link" data-testid={`payments-confirm-${v.month}`}>{t(m.confirm)}</Button>
            </Popconfirm>
          )}
          {can('completed_value') && (
            <Button size="small" type="link" onClick={() => (setCorrecting(v), setOpen('value'))} data-testid={`payments-correct-${v.month}`}>
              {t(m.correctValue)}
            </Button>
          )}
        </Flex>
      </Flex>
    );
  };

  const monthColumns: TableColumnsType<MonthPoint> = [
    { title: t(m.month), dataIndex: 'month', width: 100, render: (v: string, p) => <Tooltip title={t(m.asOf, { date: p.asOf })}>{v}</Tooltip> },
    { title: t(m.monthValue), key: 'value', width: 230, render: (_, p) => valueCell(p) },
    { title: t(m.monthPaid), dataIndex: 'paidFen', align: 'right', width: 150, render: formatYuan },
    { title: t(m.cumCompleted), dataIndex: 'cumulativeCompletedFen', align: 'right', width: 160, render: formatYuan },
    { title: t(m.cumPaid), dataIndex: 'cumulativePaidFen', align: 'right', width: 160, render: formatYuan },
    { title: `${t(m.ratio)}（${t(m.minLine, { min: bpText(minBp) })}）`, key: 'ratio', width: 220, render: (_, p) => <RatioBar ratioBp={p.ratioBp} minBp={minBp} covered={s.qualifies} /> },
    ...(s.qualifies
      ? [{ title: t(m.shortfall), dataIndex: 'shortfallFen', align: 'right' as const, width: 150, render: (v: number) => (v > 0 ? <Typography.Text type="danger">{formatYuan(v)}</Typography.Text> : '—') }]
      : []),
  ];

  const paymentColumns: TableColumnsType<OwnerPayment> = [
    { title: t(m.paidOn), dataIndex: 'paidOn', width: 120 },
    { title: t(m.kind), dataIndex: 'kind', width: 120, render: (k: string) => labelOf(PAYMENT_KINDS, k, lang) },
    { title: t(m.amount), dataIndex: 'amountFen', align: 'right', width: 160, render: (v: number, p) => (p.kind === 'refund' ? `−${formatYuan(v)}` : formatYuan(v)) },
    { title: t(m.reference), dataIndex: 'reference', width: 160 },
    { title: t(m.note), dataIndex: 'note', ellipsis: true },
    { title: t(m.recordedBy), dataIndex: 'recordedBy', width: 120 },
  ];

  const settlementColumns: TableColumnsType<Settlement> = [
    { title: t(m.kind), dataIndex: 'kind', width: 120, render: (k: string) => labelOf(SETTLEMENT_KINDS, k, lang) },
    { title: t(m.period), key: 'period', width: 220, render: (_, x) => `${x.periodFrom} ~ ${x.periodTo}` },
    { title: t(m.amount), dataIndex: 'amountFen', align: 'right', width: 160, render: formatYuan },
    { title: t(m.settledOn), dataIndex: 'settledOn', width: 120 },
    { title: t(m.reference), dataIndex: 'reference', width: 160 },
    { title: t(m.recordedBy), dataIndex: 'recordedBy', width: 120 },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="payments-tab">
      {s.flags.length > 0 && (
        <Alert type="error" showIcon title={s.flags.map((f) => t(flagText[f as keyof typeof flagText] ?? { zh: f, en: f })).join('；')} data-testid="payments-flags" />
      )}
      {s.totals.unconfirmedMonths > 0 && <Alert type="warning" showIcon title={t(m.unconfirmed, { n: s.totals.unconfirmedMonths })} />}
      <SummaryCards s={s} />
      <Positions s={s} />
      <Card
        size="small"
        title={t(m.months)}
        extra={
          <Space wrap>
            {can('completed_value') && <Button type="primary" onClick={() => (setCorrecting(null), setOpen('value'))} data-testid="payments-record-value">{t(m.recordValue)}</Button>}
            {can('payment') && <Button onClick={() => setOpen('payment')} data-testid="payments-record-payment">{t(m.recordPayment)}</Button>}
            {can('retention') && <Button onClick={() => setOpen('retention')} data-testid="payments-set-retention">{t(m.setRetention)}</Button>}
            {can('settlement') && <Button onClick={() => setOpen('settlement')} data-testid="payments-record-settlement">{t(m.recordSettlement)}</Button>}
          </Space>
        }
      >
        {months.isError ? (
          <QueryError error={months.error} onRetry={() => months.refetch()} />
        ) : (
          <Table<MonthPoint>
            rowKey="month"
            size="small"
            loading={months.isLoading}
            dataSource={months.data?.items}
            columns={monthColumns}
            scroll={{ x: 1170 }}
            pagination={false}
            expandable={{
              rowExpandable: (p) => p.history.length > 0,
              expandedRowRender: (p) => (
                <Flex vertical gap={4}>
                  <Typography.Text strong>{t(m.history)}</Typography.Text>
                  {p.history.map((h) => (
                    <Typography.Text key={h.id} type="secondary">
                      {t(m.historyLine, { v: h.version, amount: formatYuan(h.amountFen), by: h.recordedBy, at: formatDateTime(h.recordedAt, lang) })}
                      {p.value?.version === h.version + 1 && p.value.correctionReason ? `；${t(m.reason)}：${p.value.correctionReason}` : ''}
                    </Typography.Text>
                  ))}
                </Flex>
              ),
            }}
            locale={{ emptyText: months.isLoading ? ' ' : <Empty description={t(m.noMonths)} /> }}
            data-testid="payments-months"
          />
        )}
      </Card>
      <Card size="small" title={t(m.payments)}>
        {payments.isError ? (
          <QueryError error={payments.error} onRetry={() => payments.refetch()} />
        ) : (
          <Table<OwnerPayment>
            rowKey="id"
            size="small"
            loading={payments.isLoading}
            dataSource={payments.data}
            columns={paymentColumns}
            scroll={{ x: 900 }}
            pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: payments.isLoading ? ' ' : <Empty description={t(m.noPayments)} /> }}
            data-testid="payments-list"
          />
        )}
      </Card>
      <Card size="small" title={t(m.settlements)}>
        <Table<Settlement>
          rowKey="id"
          size="small"
          dataSource={s.settlements}
          columns={settlementColumns}
          scroll={{ x: 900 }}
          pagination={false}
          locale={{ emptyText: <Empty description={t(m.noSettlements)} /> }}
          data-testid="payments-settlements"
        />
      </Card>
      <CompletedValueModal open={open === 'value'} projectId={projectId} correcting={correcting} onClose={() => setOpen(null)} />
      <PaymentModal open={open === 'payment'} projectId={projectId} onClose={() => setOpen(null)} />
      <RetentionModal open={open === 'retention'} summary={s} onClose={() => setOpen(null)} />
      <SettlementModal open={open === 'settlement'} projectId={projectId} onClose={() => setOpen(null)} />
    </Space>
  );
}
