import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { type Deposit, type Draw, type Lodging, useDeposit } from '../api/get-deposit';
import { depositForms, depositStates, drawStates, m, ppmText, returnStatuses, stateColor } from '../messages';
import { DrawModal, LodgeModal, type ReturnAction, ReturnModal, TopUpModal } from './deposit-modals';

const formText = (f: string) => depositForms[f as keyof typeof depositForms] ?? { zh: f, en: f };

function Summary({ d }: { d: Deposit }) {
  const { t } = useI18n();
  const danger = d.state === 'missing' || d.state === 'short' || d.state === 'top_up_overdue';
  const card = (key: string, title: string, value: string, hint: string, red = false) => (
    <Col key={key} flex="1 1 200px">
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value} styles={{ content: { color: red ? '#cf1322' : undefined, fontSize: 20 } }} data-testid={`deposit-${key}`} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]}>
      {card(
        'required',
        t(m.required),
        formatYuan(d.required.requiredFen),
        d.required.exempt ? t(m.exemptHint, { date: d.assessedOn }) : t(m.requiredHint, { ratio: ppmText(d.required.ratioPpm), date: d.assessedOn }),
      )}
      {card('held', t(m.held), formatYuan(d.heldFen), t(m.heldHint, { lodged: formatYuan(d.lodgedFen), drawn: formatYuan(d.drawnFen), topped: formatYuan(d.toppedUpFen) }))}
      {card('shortfall', t(m.shortfall), formatYuan(d.shortfallFen), '', d.shortfallFen > 0)}
      <Col flex="1 1 200px">
        <Card size="small" style={{ height: '100%' }}>
          <Typography.Text type="secondary">{t(m.state)}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <Tag color={stateColor[d.state]} style={{ fontSize: 14, padding: '2px 8px' }} data-testid="deposit-state">
              {t(depositStates[d.state])}
            </Tag>
            {danger && <Typography.Text type="danger"> !</Typography.Text>}
          </div>
        </Card>
      </Col>
    </Row>
  );
}

function ReturnCard({ d, onAction }: { d: Deposit; onAction: (a: ReturnAction) => void }) {
  const { t } = useI18n();
  const r = d.return;
  const can = (a: Deposit['actions'][number]) => d.actions.includes(a);
  const buttons = (
    <Space wrap>
      {can('apply_return') && (!r || r.status === 'rejected') && d.state !== 'returned' && <Button onClick={() => onAction('apply')} data-testid="deposit-apply-return">{t(m.applyReturn)}</Button>}
      {can('decide_return') && r?.status === 'applied' && (
        <>
          <Button type="primary" onClick={() => onAction('approve')} data-testid="deposit-approve-return">{t(m.approveReturn)}</Button>
          <Button danger onClick={() => onAction('reject')}>{t(m.rejectReturn)}</Button>
        </>
      )}
      {can('order_return') && r?.status === 'noticed' && <Button type="primary" onClick={() => onAction('order')} data-testid="deposit-order-return">{t(m.orderReturn)}</Button>}
      {can('confirm_return') && r?.status === 'ordered' && <Button onClick={() => onAction('returned')} data-testid="deposit-confirm-returned">{t(m.confirmReturned)}</Button>}
    </Space>
  );
  return (
    <Card size="small" title={t(m.returnTitle)} extra={buttons}>
      {!r ? (
        <Typography.Text type="secondary">{t(m.noReturn)}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Tag color={r.status === 'rejected' ? 'red' : r.status === 'returned' ? 'green' : 'purple'}>{t(returnStatuses[r.status])}</Tag>
          {r.rejectReason && <Alert type="error" showIcon title={`${t(m.reason)}：${r.rejectReason}`} />}
          <Timeline
            items={[
              { content: `${t(m.appliedOn)} ${r.appliedOn}（${r.appliedBy}）` },
              ...(r.noticeFrom ? [{ content: `${t(m.notice)} ${t(m.noticeLine, { from: r.noticeFrom, until: r.noticeUntil, days: r.noticeDays })}${r.approvedBy ? `（${r.approvedBy}）` : ''}` }] : []),
              ...(r.orderedOn ? [{ content: `${t(m.orderedOn)} ${r.orderedOn}（${r.orderedBy}）` }] : []),
              ...(r.orderedOn ? [{ content: `${t(m.bankDue)} ${r.bankDueOn ? t(m.bankDueLine, { date: r.bankDueOn, wd: r.bankReturnWD }) : t(m.unknownDeadline)}` }] : []),
              ...(r.returnedOn ? [{ color: 'green', content: `${t(m.returnedOn)} ${r.returnedOn}` }] : []),
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

/**
 * 工资保证金 of a project: the required amount with the rules that produced it (DEP-01…08), what
 * was lodged, draws on an HRSS decision with their top-up deadline (DEP-09, DEP-10) and the return
 * (DEP-11). The buttons follow the server's `actions` for this caller.
 */
export function DepositTab({ projectId }: { projectId: string }) {
  const { t, lang } = useI18n();
  const query = useDeposit(projectId);
  const [open, setOpen] = useState<null | 'lodge' | 'draw'>(null);
  const [topping, setTopping] = useState<Draw | null>(null);
  const [returning, setReturning] = useState<ReturnAction | null>(null);

  if (query.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError || !query.data) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const d = query.data;
  const can = (a: Deposit['actions'][number]) => d.actions.includes(a);

  const lodgingColumns: TableColumnsType<Lodging> = [
    { title: t(m.form), dataIndex: 'form', width: 170, render: (f: string) => t(formText(f)) },
    { title: t(m.amount), dataIndex: 'amountFen', align: 'right', width: 150, render: formatYuan },
    { title: t(m.lodgedOn), dataIndex: 'lodgedOn', width: 110 },
    {
      title: `${t(m.bank)} / ${t(m.issuer)}`,
      key: 'where',
      render: (_, l) => (l.form === 'cash' ? `${l.bankName ?? '—'} ${l.accountNo ?? ''}` : `${l.issuer ?? '—'} ${l.instrumentNo ?? ''}`),
    },
    { title: t(m.validity), key: 'validity', width: 210, render: (_, l) => (l.form === 'cash' ? '—' : `${l.validFrom} ~ ${l.validUntil}`) },
    { title: t(m.state), dataIndex: 'effective', width: 90, render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{t(v ? m.effective : m.expired)}</Tag> },
    { title: t(m.recordedBy), dataIndex: 'recordedBy', width: 110 },
  ];

  const drawColumns: TableColumnsType<Draw> = [
    { title: t(m.drawnOn), dataIndex: 'drawnOn', width: 110 },
    { title: t(m.amount), dataIndex: 'amountFen', align: 'right', width: 140, render: formatYuan },
    { title: t(m.decision), key: 'decision', width: 200, render: (_, x) => `${x.decisionNo}（${x.decisionOn}）` },
    { title: t(m.order), key: 'order', width: 220, render: (_, x) => `${x.orderNo}（${t(m.orderDueOn)} ${x.orderDueOn}）` },
    { title: t(m.caseRef), dataIndex: 'caseRef', width: 150, ellipsis: true },
    {
      title: t(m.topUpDue),
      dataIndex: 'topUpDueOn',
      width: 130,
      render: (v: string | null, x) => (v ? <Typography.Text type={x.state === 'overdue' ? 'danger' : undefined}>{v}</Typography.Text> : <Typography.Text type="warning">{t(m.unknownDeadline)}</Typography.Text>),
    },
    { title: t(m.outstanding), dataIndex: 'outstandingFen', align: 'right', width: 130, render: (v: number) => (v > 0 ? <Typography.Text type="danger">{formatYuan(v)}</Typography.Text> : formatYuan(0)) },
    { title: t(m.state), dataIndex: 'state', width: 130, render: (s: Draw['state']) => <Tag color={s === 'overdue' || s === 'topped_up_late' ? 'red' : s === 'topped_up' ? 'green' : 'gold'}>{t(drawStates[s])}</Tag> },
    {
      title: '',
      key: 'act',
      width: 80,
      render: (_, x) => can('top_up') && x.outstandingFen > 0 && <Button size="small" type="link" onClick={() => setTopping(x)} data-testid={`deposit-top-up-${x.id}`}>{t(m.topUp)}</Button>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="deposit-tab">
      <Summary d={d} />
      <Card size="small" title={t(m.computation)}>
        <Descriptions size="small" bordered column={1} data-testid="deposit-computation">
          {d.required.steps.map((s, i) => (
            <Descriptions.Item key={`${s.rule}-${i}`} label={<Tag>{s.rule}</Tag>}>
              {s.text[lang]}
            </Descriptions.Item>
          ))}
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(m.computationHint)}</Typography.Text>
      </Card>
      <Card size="small" title={t(m.lodgings)} extra={can('lodge') && d.state !== 'returned' && <Button type="primary" onClick={() => setOpen('lodge')} data-testid="deposit-lodge">{t(m.lodge)}</Button>}>
        <Table<Lodging>
          rowKey="id"
          size="small"
          dataSource={d.lodgings}
          columns={lodgingColumns}
          scroll={{ x: 1000 }}
          pagination={false}
          locale={{ emptyText: <Empty description={t(m.noLodgings)} /> }}
          data-testid="deposit-lodgings"
        />
      </Card>
      <Card size="small" title={t(m.draws)} extra={can('draw') && d.heldFen > 0 && <Button danger onClick={() => setOpen('draw')} data-testid="deposit-draw">{t(m.draw)}</Button>}>
        <Table<Draw>
          rowKey="id"
          size="small"
          dataSource={d.draws}
          columns={drawColumns}
          scroll={{ x: 1300 }}
          pagination={false}
          expandable={{
            rowExpandable: (x) => x.topUps.length > 0,
            expandedRowRender: (x) => (
              <Flex vertical gap={4}>
                {x.topUps.map((u) => (
                  <Typography.Text key={u.id} type="secondary">
                    {`${t(m.toppedOn)} ${u.toppedOn} · ${formatYuan(u.amountFen)} · ${t(formText(u.form))} · ${u.reference}`}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          }}
          locale={{ emptyText: <Empty description={t(m.noDraws)} /> }}
          data-testid="deposit-draws"
        />
      </Card>
      <ReturnCard d={d} onAction={setReturning} />
      <LodgeModal open={open === 'lodge'} deposit={d} onClose={() => setOpen(null)} />
      <DrawModal open={open === 'draw'} deposit={d} onClose={() => setOpen(null)} />
      <TopUpModal deposit={d} draw={topping} onClose={() => setTopping(null)} />
      <ReturnModal deposit={d} action={returning} onClose={() => setReturning(null)} />
    </Space>
  );
}
