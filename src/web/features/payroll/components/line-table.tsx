import { Button, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { PAY_STATUSES } from '../../../../server/modules/payroll/payroll.rules';
import { formatYuan } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import { useSignOffLine } from '../api/change-payroll';
import type { PayrollDetail, PayrollLine } from '../api/get-payroll';
import { m } from '../messages';
import { LineEditModal } from './line-edit-modal';
import { PayStatusTag } from './payroll-status-tag';
import { ReasonModal } from './reason-modal';
import { WageSlipModal } from './wage-slip-modal';

function Checks({ line }: { line: PayrollLine }) {
  const { t, pick } = useI18n();
  if (line.checks.length === 0) return <Tag color="green">{t(m.checksOk)}</Tag>;
  return (
    <Space size={[0, 4]} wrap>
      {line.checks.map((c) => (
        <Tooltip key={c.code} title={c.overridable ? undefined : t(m.blocking)}>
          <Tag color={line.cleared ? 'orange' : 'red'} data-testid="line-check" data-code={c.code}>
            {pick(c)}
          </Tag>
        </Tooltip>
      ))}
      {line.cleared && line.overrideReason && (
        <Tooltip title={line.overrideReason}>
          <Tag color="gold" data-testid="line-overridden">{t(m.overridden)}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function Confirmation({ line }: { line: PayrollLine }) {
  const { t } = useI18n();
  if (line.confirmation === 'disputed') {
    return (
      <Tooltip title={line.confirmationNote}>
        <Tag color="red" data-testid="line-confirmation" data-state="disputed">{t(m.confirmDisputed)}</Tag>
      </Tooltip>
    );
  }
  if (line.confirmation === 'confirmed') {
    const via = line.confirmedVia === 'worker' ? t(m.viaWorker) : t(m.viaStaff);
    return (
      <Tooltip title={[via, line.confirmationNote].filter(Boolean).join('：')}>
        <Tag color="green" data-testid="line-confirmation" data-state="confirmed">{t(m.confirmDone)}</Tag>
      </Tooltip>
    );
  }
  return <Tag data-testid="line-confirmation" data-state="pending">{t(m.confirmPending)}</Tag>;
}

type SignOff = { kind: 'confirm' | 'override'; line: PayrollLine };

/** The lines of a payroll with their checks, confirmation and payment, and the per-line actions the payroll's `actions` allow. */
export function LineTable({ payroll }: { payroll: PayrollDetail }) {
  const { t, lang, pick } = useI18n();
  const [editing, setEditing] = useState<PayrollLine | null>(null);
  const [signOff, setSignOff] = useState<SignOff | null>(null);
  const [slipOf, setSlipOf] = useState<PayrollLine | null>(null);
  const sign = useSignOffLine();
  const may = (a: string) => payroll.actions.includes(a as PayrollDetail['actions'][number]);

  const columns: TableColumnsType<PayrollLine> = [
    {
      title: t(m.worker),
      dataIndex: 'workerName',
      width: 110,
      fixed: 'left',
      render: (v: string, l) => (
        <>
          <span data-testid="line-worker">{v}</span>
          {l.teamName && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{l.teamName}</Typography.Text>}
        </>
      ),
    },
    { title: t(m.idNumber), dataIndex: 'idNumber', width: 180 },
    { title: t(m.bankCard), dataIndex: 'bankCard', width: 170, render: (v: string | null) => v ?? <Typography.Text type="danger">{t(m.noCard)}</Typography.Text> },
    {
      title: t(m.days),
      key: 'days',
      width: 110,
      align: 'right',
      render: (_, l) =>
        l.days > l.attendanceDays ? (
          <Tooltip title={t(m.daysOver)}>
            <Typography.Text type="danger">{l.attendanceDays} / {l.days}</Typography.Text>
          </Tooltip>
        ) : (
          `${l.attendanceDays} / ${l.days}`
        ),
    },
    { title: t(m.gross), dataIndex: 'grossFen', width: 120, align: 'right', render: formatYuan },
    { title: t(m.deductions), dataIndex: 'deductionFen', width: 110, align: 'right', render: formatYuan },
    { title: t(m.net), dataIndex: 'netFen', width: 120, align: 'right', render: (v: number) => <span data-testid="line-net">{formatYuan(v)}</span> },
    {
      title: t(m.payable),
      dataIndex: 'payableFen',
      width: 120,
      align: 'right',
      render: (v: number, l) => (l.paidPriorFen > 0 ? <Tooltip title={t(m.paidPrior, { amount: formatYuan(l.paidPriorFen) })}>{formatYuan(v)}</Tooltip> : formatYuan(v)),
    },
    {
      title: t(m.checks),
      key: 'checks',
      width: 220,
      filters: [{ value: 'failing', text: t(m.checksFailing) }],
      onFilter: (_, l) => l.checks.length > 0 && !l.cleared,
      render: (_, l) => <Checks line={l} />,
    },
    {
      title: t(m.confirmation),
      key: 'confirmation',
      width: 100,
      filters: [
        { value: 'pending', text: t(m.confirmPending) },
        { value: 'confirmed', text: t(m.confirmDone) },
        { value: 'disputed', text: t(m.confirmDisputed) },
      ],
      onFilter: (v, l) => l.confirmation === v,
      render: (_, l) => <Confirmation line={l} />,
    },
    {
      title: t(m.payStatus),
      key: 'pay',
      width: 200,
      filters: Object.keys(PAY_STATUSES).map((k) => ({ value: k, text: labelOf(PAY_STATUSES, k, lang) })),
      onFilter: (v, l) => l.payStatus === v,
      render: (_, l) => (
        <>
          <PayStatusTag status={l.payStatus} />
          {l.attempts > 1 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(m.attempts, { n: l.attempts })}</Typography.Text>}
          {l.lastFailure && l.payStatus !== 'paid' && (
            <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="line-failure">
              {l.lastFailure}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t(common.actions),
      key: 'actions',
      fixed: 'right',
      width: 150,
      render: (_, l) => {
        const overridable = l.checks.length > 0 && !l.cleared && l.checks.every((c) => c.overridable);
        return (
          <Space size={0} wrap>
            {may('edit') && (
              <Button type="link" size="small" onClick={() => setEditing(l)} data-testid="line-edit">{t(m.edit)}</Button>
            )}
            {may('confirm') && l.confirmation !== 'confirmed' && (
              <Button type="link" size="small" onClick={() => setSignOff({ kind: 'confirm', line: l })} data-testid="line-confirm">{t(m.confirm)}</Button>
            )}
            {may('override') && overridable && (
              <Button type="link" size="small" danger onClick={() => setSignOff({ kind: 'override', line: l })} data-testid="line-override">{t(m.override)}</Button>
            )}
            {l.paidFen > 0 && (
              <Button type="link" size="small" onClick={() => setSlipOf(l)} data-testid="line-slip">{t(m.slip)}</Button>
            )}
          </Space>
        );
      },
    },
  ];

  const s = signOff;
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>{t(m.linesTitle)}</Typography.Title>
      <Table<PayrollLine>
        rowKey="id"
        size="small"
        dataSource={payroll.lines}
        columns={columns}
        scroll={{ x: 1800 }}
        pagination={payroll.lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={(l) => ({ 'data-worker': l.workerName } as HTMLAttributes<HTMLElement>)}
        locale={{ emptyText: <Empty description={t(m.noLines)} /> }}
        data-testid="payroll-lines"
      />
      <LineEditModal payrollId={payroll.id} line={editing} onClose={() => setEditing(null)} />
      <ReasonModal
        open={s !== null}
        title={s ? t(s.kind === 'confirm' ? m.confirmTitle : m.overrideTitle, { name: s.line.workerName }) : ''}
        hint={
          s?.kind === 'override' ? (
            <>
              {t(m.overrideHint)}
              <span style={{ display: 'block' }}>
                {s.line.checks.map((c) => <Tag key={c.code} color="red">{pick(c)}</Tag>)}
              </span>
            </>
          ) : (
            t(m.confirmHint)
          )
        }
        label={s?.kind === 'confirm' ? t(m.note) : t(m.reason)}
        field={s?.kind === 'confirm' ? 'note' : 'reason'}
        initial={s?.kind === 'confirm' ? t(m.defaultNote) : undefined}
        testId={s?.kind === 'confirm' ? 'line-confirm' : 'line-override'}
        onClose={() => setSignOff(null)}
        onSubmit={(text) => (s ? sign.mutateAsync({ payrollId: payroll.id, lineId: s.line.id, kind: s.kind, text }) : Promise.resolve())}
      />
      <WageSlipModal payrollId={payroll.id} lineId={slipOf?.id ?? null} onClose={() => setSlipOf(null)} />
    </>
  );
}
