import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Modal, Skeleton, Table, Typography } from 'antd';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import type { PayItem } from '../api/get-payroll';
import { type WageSlip, useWageSlip } from '../api/get-wage-slip';
import { m } from '../messages';

// Printing shows the slip alone: everything else on the page is hidden for the printer.
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  .xd-wage-slip, .xd-wage-slip * { visibility: visible !important; }
  .xd-wage-slip { position: absolute; left: 0; top: 0; width: 100%; }
}`;

function Items({ items, testId }: { items: PayItem[]; testId: string }) {
  const { t } = useI18n();
  if (items.length === 0) return <>{t(m.noItems)}</>;
  return (
    <table style={{ width: '100%' }} data-testid={testId}>
      <tbody>
        {items.map((i) => (
          <tr key={i.code}>
            <td>{i.label}</td>
            <td style={{ textAlign: 'right' }}>{formatYuan(i.amountFen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Slip({ s }: { s: WageSlip }) {
  const { t, lang } = useI18n();
  const lastPaid = s.payments.at(-1)?.paidAt ?? null;
  return (
    <div className="xd-wage-slip" data-testid="wage-slip">
      <Typography.Title level={4} style={{ textAlign: 'center' }}>{t(m.slipTitle)}</Typography.Title>
      <Descriptions size="small" bordered column={2} styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t(m.slipNo)} span={2}><span data-testid="slip-no">{s.slipNo}</span></Descriptions.Item>
        <Descriptions.Item label={t(m.employer)} span={2}><span data-testid="slip-employer">{s.employerName}</span></Descriptions.Item>
        <Descriptions.Item label={t(m.project)} span={2}>{s.projectName}</Descriptions.Item>
        <Descriptions.Item label={t(m.payPeriod)}><span data-testid="slip-month">{s.month}</span></Descriptions.Item>
        <Descriptions.Item label={t(m.payDate)}><span data-testid="slip-pay-date">{formatDateTime(lastPaid, lang)}</span></Descriptions.Item>
        <Descriptions.Item label={t(m.worker)}><span data-testid="slip-worker">{s.workerName}</span></Descriptions.Item>
        <Descriptions.Item label={t(m.idNumber)}><span data-testid="slip-id">{s.idNumber}</span></Descriptions.Item>
        <Descriptions.Item label={t(m.daysWorked)}><span data-testid="slip-days">{s.days}</span></Descriptions.Item>
        <Descriptions.Item label={t(m.dueOn)}>{s.dueOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t(m.grossItems)} span={2}><Items items={s.grossItems} testId="slip-gross-items" /></Descriptions.Item>
        <Descriptions.Item label={t(m.grossTotal)} span={2}>{formatYuan(s.grossFen)}</Descriptions.Item>
        <Descriptions.Item label={t(m.deductionItems)} span={2}><Items items={s.deductionItems} testId="slip-deduction-items" /></Descriptions.Item>
        <Descriptions.Item label={t(m.deductionTotal)} span={2}>{formatYuan(s.deductionFen)}</Descriptions.Item>
        <Descriptions.Item label={t(m.netPay)} span={2}><Typography.Text strong data-testid="slip-net">{formatYuan(s.netFen)}</Typography.Text></Descriptions.Item>
        {s.paidPriorFen > 0 && <Descriptions.Item label={t(m.paidBefore)} span={2}>{formatYuan(s.paidPriorFen)}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t(m.payments)}</Typography.Title>
      <Table
        size="small"
        rowKey="ref"
        pagination={false}
        dataSource={s.payments}
        data-testid="slip-payments"
        columns={[
          { title: t(m.payoutRef), dataIndex: 'ref' },
          { title: t(m.voucher), dataIndex: 'bankTxnId', render: (v: string | null) => <span data-testid="slip-voucher">{v ?? '—'}</span> },
          { title: t(m.card), dataIndex: 'card' },
          { title: t(m.amount), dataIndex: 'amountFen', align: 'right', render: formatYuan },
          { title: t(m.payDate), dataIndex: 'paidAt', render: (v: string | null) => formatDateTime(v, lang) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>{t(m.slipNote)}</Typography.Paragraph>
    </div>
  );
}

/** The wage slip of a paid line, printable on its own. */
export function WageSlipModal({ payrollId, lineId, onClose }: { payrollId: string; lineId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const slip = useWageSlip(payrollId, lineId);
  return (
    <Modal
      open={lineId !== null}
      title={t(m.slipTitle)}
      width={720}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose} data-testid="slip-close">{t(common.close)}</Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} disabled={!slip.data} onClick={() => window.print()} data-testid="slip-print">
          {t(m.print)}
        </Button>,
      ]}
    >
      <style>{PRINT_CSS}</style>
      {slip.isLoading && <Skeleton active />}
      {slip.isError && <QueryError error={slip.error} onRetry={() => slip.refetch()} />}
      {slip.data && <Slip s={slip.data} />}
    </Modal>
  );
}
