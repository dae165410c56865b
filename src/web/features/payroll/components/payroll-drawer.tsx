import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { ApiError, errorText } from '../../../lib/api-client';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { type PayoutBatch, usePayroll } from '../api/get-payroll';
import { type PayrollStep, useAdvancePayroll } from '../api/change-payroll';
import { m } from '../messages';
import { LineTable } from './line-table';
import { PayrollStatusTag } from './payroll-status-tag';
import { ReasonModal } from './reason-modal';

const BATCH_STATUS = { submitted: m.batchSubmitted, fetched: m.batchFetched, completed: m.batchCompleted } as const;

/** A refused step as its title and each problem the server listed (unconfirmed workers, failing checks, a short account). */
function Refusal({ error, onClose }: { error: unknown; onClose: () => void }) {
  const { t, lang } = useI18n();
  const problems = error instanceof ApiError ? error.fieldErrors.map((p) => (lang === 'zh' ? p.message.zh : p.message.en)) : [];
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={`${t(m.actionRefused)}：${errorText(error, lang)}`}
      description={problems.length > 0 && <ul style={{ margin: 0, paddingInlineStart: 20 }}>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>}
      data-testid="payroll-action-error"
    />
  );
}

/** One payroll: its figures, the header actions the server allows, the lines and the payout batches. */
export function PayrollDrawer({ id, onClose, onOpen }: { id: string | null; onClose: () => void; onOpen: (id: string) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const detail = usePayroll(id);
  const advance = useAdvancePayroll();
  const [refusal, setRefusal] = useState<unknown>(null);
  const [correcting, setCorrecting] = useState(false);
  const p = detail.data;

  useEffect(() => setRefusal(null), [id]);

  // The bank's results change a payroll without a write from this page: when a read shows a new state, the lists follow.
  const client = useQueryClient();
  const projectId = p?.projectId;
  const state = p ? `${p.status}:${p.paidFen}:${p.failedCount}` : null;
  useEffect(() => {
    if (projectId && state) void client.invalidateQueries({ queryKey: ['payroll', projectId] });
  }, [client, projectId, state]);

  const run = (input: PayrollStep, done: string) => {
    setRefusal(null);
    return advance.mutateAsync(input).then(
      (after) => {
        message.success(done);
        if (after.id !== input.id) onOpen(after.id);
      },
      (err: unknown) => setRefusal(err),
    );
  };

  const busy = (step: PayrollStep['step']) => advance.isPending && advance.variables?.step === step;
  const failed = p?.lines.filter((l) => l.payStatus === 'failed').length ?? 0;
  const actions = p?.actions ?? [];

  const header = p && (
    <Space wrap>
      <Button icon={<ReloadOutlined />} onClick={() => detail.refetch()} loading={detail.isFetching} data-testid="payroll-refresh">
        {t(m.refresh)}
      </Button>
      {actions.includes('approve') && (
        <Popconfirm title={t(m.approve)} description={<div style={{ maxWidth: 320 }}>{t(m.approveConfirm)}</div>} onConfirm={() => run({ step: 'approve', id: p.id, version: p.version }, t(m.approved))}>
          <Button type="primary" loading={busy('approve')} data-testid="payroll-approve">{t(m.approve)}</Button>
        </Popconfirm>
      )}
      {actions.includes('submit') && (
        <Popconfirm title={t(m.submit)} description={t(m.submitConfirm, { amount: formatYuan(p.payableFen) })} onConfirm={() => run({ step: 'submit', id: p.id, version: p.version }, t(m.submitted))}>
          <Button type="primary" loading={busy('submit')} data-testid="payroll-submit">{t(m.submit)}</Button>
        </Popconfirm>
      )}
      {actions.includes('resend') && (
        <Popconfirm title={t(m.resend)} description={<div style={{ maxWidth: 320 }}>{t(m.resendConfirm, { n: failed })}</div>} onConfirm={() => run({ step: 'resend', id: p.id, version: p.version }, t(m.resent))}>
          <Button type="primary" danger loading={busy('resend')} data-testid="payroll-resend">{t(m.resend)}</Button>
        </Popconfirm>
      )}
      {actions.includes('correct') && (
        <Button onClick={() => setCorrecting(true)} data-testid="payroll-correct">{t(m.correct)}</Button>
      )}
    </Space>
  );

  const batchColumns: TableColumnsType<PayoutBatch> = [
    { title: t(m.batchNo), dataIndex: 'batchNo', width: 120 },
    { title: t(m.batchKind), dataIndex: 'kind', width: 90, render: (k: string) => (k === 'resend' ? <Tag color="orange">{t(m.kindResend)}</Tag> : t(m.kindPayroll)) },
    { title: t(m.status), dataIndex: 'status', width: 110, render: (s: keyof typeof BATCH_STATUS) => <Tag color={s === 'completed' ? 'green' : 'processing'}>{BATCH_STATUS[s] ? t(BATCH_STATUS[s]) : s}</Tag> },
    { title: t(m.accountNo), dataIndex: 'accountNo', width: 170 },
    { title: t(m.batchLines), dataIndex: 'lineCount', width: 70, align: 'right' },
    { title: t(m.batchTotal), dataIndex: 'totalFen', width: 130, align: 'right', render: formatYuan },
    { title: t(m.batchResults), key: 'results', width: 100, align: 'right', render: (_, b) => <>{b.paidCount} / {b.failedCount > 0 ? <Typography.Text type="danger">{b.failedCount}</Typography.Text> : 0}</> },
    { title: t(m.submittedAt), dataIndex: 'submittedAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
    { title: t(m.completedAt), dataIndex: 'completedAt', width: 170, render: (v: string | null) => formatDateTime(v, lang) },
  ];

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={1280}
      title={p ? <span data-testid="payroll-title">{t(m.detailTitle, { employer: p.employerName, month: p.month })}</span> : t(m.tab)}
      extra={header}
      destroyOnHidden
      data-testid="payroll-drawer"
    >
      {detail.isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {p && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {refusal !== null && <Refusal error={refusal} onClose={() => setRefusal(null)} />}
          {p.status === 'paying' && <Alert type="info" showIcon title={t(m.paying)} data-testid="payroll-paying" />}
          <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }} data-testid="payroll-summary">
            <Descriptions.Item label={t(m.status)}>
              <PayrollStatusTag status={p.status} /> {t(m.revisionN, { n: p.revision })}
            </Descriptions.Item>
            <Descriptions.Item label={t(m.dueOn)}>{p.dueOn ?? t(m.dueUnknown)}</Descriptions.Item>
            <Descriptions.Item label={t(m.preparedBy)}>{p.preparedBy}</Descriptions.Item>
            <Descriptions.Item label={t(m.approvedBy)}>{p.approvedBy ? `${p.approvedBy} ${formatDateTime(p.approvedAt, lang)}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t(m.confirmed)}>
              <span data-testid="payroll-confirmed-count">{`${p.confirmedCount}/${p.lineCount}`}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t(m.gross)}>{formatYuan(p.grossFen)}</Descriptions.Item>
            <Descriptions.Item label={t(m.net)}>{formatYuan(p.netFen)}</Descriptions.Item>
            <Descriptions.Item label={t(m.paid)}>
              <span data-testid="payroll-paid">{formatYuan(p.paidFen)}</span> / {formatYuan(p.payableFen)}
            </Descriptions.Item>
            {p.correctionReason && (
              <Descriptions.Item label={t(m.correctionReason)} span={4}>
                {p.correctionReason}
                {p.supersedesId && (
                  <Button type="link" size="small" onClick={() => onOpen(p.supersedesId!)} data-testid="payroll-open-superseded">
                    {t(m.openSuperseded)}
                  </Button>
                )}
              </Descriptions.Item>
            )}
          </Descriptions>
          <LineTable payroll={p} />
          <Typography.Title level={5} style={{ margin: 0 }}>{t(m.batches)}</Typography.Title>
          <Table<PayoutBatch>
            rowKey="id"
            size="small"
            dataSource={p.batches}
            columns={batchColumns}
            scroll={{ x: 1100 }}
            pagination={false}
            locale={{ emptyText: t(m.noBatches) }}
            data-testid="payroll-batches"
          />
        </Space>
      )}
      <ReasonModal
        open={correcting}
        title={t(m.correctTitle)}
        hint={t(m.correctHint)}
        label={t(m.reason)}
        testId="payroll-correct"
        onClose={() => setCorrecting(false)}
        onSubmit={(reason) => (p ? advance.mutateAsync({ step: 'correct', id: p.id, version: p.version, reason }).then((after) => {
          message.success(t(m.corrected));
          onOpen(after.id);
        }) : Promise.resolve())}
      />
    </Drawer>
  );
}
