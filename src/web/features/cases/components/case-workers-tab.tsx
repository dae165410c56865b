import { Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import type { CaseDetail, CaseWorker } from '../api/get-case';
import { useConfirmWorker } from '../api/work-case';
import { outstandingFen } from '../case-forms';
import { referralLabels, workerStatusLabels } from '../labels';
import { m } from '../messages';
import { CasePhoneReveal, type RevealTarget } from './case-reveal';
import { FindingsModal, PaymentModal } from './work-modals';

const WORKER_STATUS_COLOR: Record<string, string> = { open: 'orange', paid: 'green', moved: 'default' };

/** 涉及农民工: each claim, what verification found, what was recovered, and the worker's own confirmation. */
export function CaseWorkersTab({ detail }: { detail: CaseDetail }) {
  const { t, lang } = useI18n();
  const [revealing, setRevealing] = useState<RevealTarget | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'findings' } | { kind: 'payment'; workerId?: string } | null>(null);
  const confirm = useConfirmWorker(detail.id);
  const mayReveal = detail.mayReadContacts;
  const close = () => setDialog(null);

  const columns: TableColumnsType<CaseWorker> = [
    { title: t(m.name), dataIndex: 'name', width: 110 },
    {
      title: t(m.phone),
      dataIndex: 'phone',
      width: 190,
      render: (phone: string | null, w) =>
        phone ? (
          <Space size={4}>
            <span>{phone}</span>
            {mayReveal && (
              <Button size="small" type="link" onClick={() => setRevealing({ name: w.name, caseWorkerId: w.id })} data-testid="worker-reveal-phone">
                {t(m.reveal)}
              </Button>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t(m.claimed), dataIndex: 'claimedFen', width: 130, align: 'right', render: (v: number) => formatYuan(v) },
    { title: t(m.foundOwed), dataIndex: 'foundOwedFen', width: 130, align: 'right', render: (v: number | null) => formatYuan(v) },
    { title: t(m.recovered), dataIndex: 'recoveredFen', width: 130, align: 'right', render: (v: number) => formatYuan(v) },
    {
      title: t(m.workerStatus),
      dataIndex: 'status',
      width: 190,
      render: (_, w) => (
        <>
          <Tag color={WORKER_STATUS_COLOR[w.status] ?? 'default'} data-testid="worker-status" data-status={w.status}>
            {labelOf(workerStatusLabels, w.status, lang)}
          </Tag>
          {w.movedTo && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t(m.movedTo, { to: labelOf(referralLabels, w.movedTo, lang) })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t(m.confirmation),
      key: 'confirmation',
      width: 260,
      render: (_, w) => {
        const state = w.confirmedAt ? (
          <Typography.Text type="success">{t(m.confirmedAt, { time: formatDateTime(w.confirmedAt, lang) })}</Typography.Text>
        ) : w.unreachable ? (
          <Tag color="warning">{t(m.unreachableTag)}</Tag>
        ) : (
          <Typography.Text type="secondary">{t(m.notConfirmed)}</Typography.Text>
        );
        const ask = detail.mayWork && !w.confirmedAt && w.status !== 'moved' && w.recoveredFen > 0;
        return (
          <Space size={4} wrap>
            {state}
            {ask && (
              <>
                <Popconfirm title={t(m.confirmReceivedAsk, { name: w.name })} onConfirm={() => confirm.mutate({ caseWorkerId: w.id, reached: true })}>
                  <Button size="small" type="link" loading={confirm.isPending && confirm.variables?.caseWorkerId === w.id && confirm.variables.reached} data-testid="worker-confirm">
                    {t(m.confirmReceived)}
                  </Button>
                </Popconfirm>
                <Popconfirm title={t(m.markUnreachableAsk, { name: w.name })} onConfirm={() => confirm.mutate({ caseWorkerId: w.id, reached: false })}>
                  <Button size="small" type="link" danger data-testid="worker-unreachable">
                    {t(m.markUnreachable)}
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        );
      },
    },
    ...(detail.mayWork
      ? [
          {
            title: t(m.recordPayment),
            key: 'pay',
            width: 110,
            render: (_: unknown, w: CaseWorker) =>
              w.status === 'moved' ? null : (
                <Button size="small" onClick={() => setDialog({ kind: 'payment', workerId: w.id })} data-testid="worker-pay">
                  {t(m.recordPayment)}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {detail.mayWork && detail.workers.length > 0 && (
        <Space wrap>
          <Button onClick={() => setDialog({ kind: 'findings' })} data-testid="case-record-findings">
            {t(m.recordFindings)}
          </Button>
          <Button type="primary" onClick={() => setDialog({ kind: 'payment' })} data-testid="case-record-payment">
            {t(m.recordPayment)}
          </Button>
          <Typography.Text type="secondary">
            {t(m.outstanding)} {formatYuan(outstandingFen(detail.workers))}
          </Typography.Text>
        </Space>
      )}
      <Table<CaseWorker>
        rowKey="id"
        size="middle"
        dataSource={detail.workers}
        columns={columns}
        pagination={detail.workers.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: <Empty description={t(m.noWorkers)} /> }}
        data-testid="case-workers"
      />
      <FindingsModal open={dialog?.kind === 'findings'} detail={detail} onClose={close} />
      <PaymentModal open={dialog?.kind === 'payment'} detail={detail} workerId={dialog?.kind === 'payment' ? dialog.workerId : undefined} onClose={close} />
      <CasePhoneReveal caseId={detail.id} target={revealing} onClose={() => setRevealing(null)} />
    </Space>
  );
}
