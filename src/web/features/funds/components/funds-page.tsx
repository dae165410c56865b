import { Alert, Button, Card, Col, Empty, Flex, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { type Advance, type Fund, type FundSummary, type Movement, useFund, useFunds } from '../api/get-funds';
import { m } from '../messages';
import { AdvanceModal, CreateFundModal, MovementModal, RecoveryModal } from './fund-modals';

const kindColor: Record<Movement['kind'], string> = { injection: 'blue', interest: 'cyan', advance: 'red', recovery: 'green' };

function FundDetail({ fund, canWrite }: { fund: Fund; canWrite: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<null | 'movement' | 'advance'>(null);
  const [recovering, setRecovering] = useState<Advance | null>(null);
  const r = fund.reconciliation;
  const movementColumns: TableColumnsType<Movement> = [
    { title: t(m.onDate), dataIndex: 'onDate', width: 110 },
    { title: t(m.kind), dataIndex: 'kind', width: 110, render: (k: Movement['kind']) => <Tag color={kindColor[k]}>{t(m[k])}</Tag> },
    { title: t(m.amount), dataIndex: 'amountFen', align: 'right', width: 160, render: (v: number) => (v < 0 ? `−${formatYuan(-v)}` : formatYuan(v)) },
    { title: t(m.reference), dataIndex: 'reference', ellipsis: true },
    { title: t(m.recordedBy), dataIndex: 'recordedBy', width: 120 },
  ];
  const advanceColumns: TableColumnsType<Advance> = [
    { title: t(m.paidOn), dataIndex: 'paidOn', width: 110 },
    { title: t(m.decisionNo), key: 'decision', width: 200, render: (_, a) => `${a.decisionNo}（${a.decisionOn}）` },
    { title: t(m.caseRef), dataIndex: 'caseRef', width: 150, ellipsis: true },
    { title: t(m.employer), dataIndex: 'employerName', width: 180, ellipsis: true },
    { title: t(m.arrears), dataIndex: 'arrearsFen', align: 'right', width: 140, render: formatYuan },
    {
      title: t(m.total),
      dataIndex: 'totalFen',
      align: 'right',
      width: 140,
      render: (v: number, a) => (
        <Flex vertical align="end">
          {formatYuan(v)}
          {a.higherApprovalRef && <Tag color="orange">{t(m.approved, { ref: a.higherApprovalRef })}</Tag>}
        </Flex>
      ),
    },
    { title: t(m.recovered), dataIndex: 'recoveredFen', align: 'right', width: 130, render: formatYuan },
    { title: t(m.outstanding), dataIndex: 'outstandingFen', align: 'right', width: 130, render: (v: number) => (v > 0 ? <Typography.Text type="danger">{formatYuan(v)}</Typography.Text> : formatYuan(0)) },
    {
      title: '',
      key: 'act',
      width: 100,
      render: (_, a) => canWrite && a.outstandingFen > 0 && <Button size="small" type="link" onClick={() => setRecovering(a)} data-testid={`fund-recover-${a.id}`}>{t(m.recordRecovery)}</Button>,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="fund-detail">
      <Row gutter={[16, 16]}>
        <Col flex="1 1 220px">
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={`${fund.name} · ${t(m.balance)}`} value={formatYuan(fund.balanceFen)} data-testid="fund-balance" />
          </Card>
        </Col>
        <Col flex="1 1 220px">
          <Card size="small" style={{ height: '100%' }}>
            <Typography.Text type="secondary">{t(m.size)}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              {fund.size.meets ? (
                <Tag color="green">{t(m.sizeOk, { min: formatYuan(fund.size.minimumFen) })}</Tag>
              ) : (
                <Tag color="red">{t(m.sizeShort, { min: formatYuan(fund.size.minimumFen), short: formatYuan(fund.size.shortfallFen) })}</Tag>
              )}
            </div>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t(m.reconciliation)}>
        <Typography.Paragraph data-testid="fund-reconciliation">
          {t(m.reconLine, { inj: formatYuan(r.injectionsFen), int: formatYuan(r.interestFen), adv: formatYuan(r.advancesFen), rec: formatYuan(r.recoveriesFen), bal: formatYuan(r.balanceFen) })}
        </Typography.Paragraph>
        <Alert type={r.matched ? 'success' : 'error'} showIcon title={t(r.matched ? m.matched : m.mismatch)} />
      </Card>
      <Card size="small" title={t(m.advances)} extra={canWrite && <Button type="primary" onClick={() => setOpen('advance')} data-testid="fund-record-advance">{t(m.recordAdvance)}</Button>}>
        <Table<Advance>
          rowKey="id"
          size="small"
          dataSource={fund.advances}
          columns={advanceColumns}
          scroll={{ x: 1300 }}
          pagination={false}
          expandable={{
            expandedRowRender: (a) => (
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">{`${t(m.depositShortfall)}：${a.depositShortfallNote}`}</Typography.Text>
                {a.lines.map((l) => (
                  <Typography.Text key={l.workerId}>{`${l.workerName} · ${formatYuan(l.amountFen)}`}</Typography.Text>
                ))}
                {a.recoveries.map((x) => (
                  <Typography.Text key={x.id} type="success">{`${t(m.recovery)} ${x.recoveredOn} · ${formatYuan(x.amountFen)} · ${x.reference}`}</Typography.Text>
                ))}
              </Flex>
            ),
          }}
          locale={{ emptyText: <Empty description={t(m.noAdvances)} /> }}
          data-testid="fund-advances"
        />
      </Card>
      <Card size="small" title={t(m.movements)} extra={canWrite && <Button onClick={() => setOpen('movement')} data-testid="fund-record-movement">{t(m.recordMovement)}</Button>}>
        <Table<Movement>
          rowKey="id"
          size="small"
          dataSource={fund.movements}
          columns={movementColumns}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t(m.noMovements)} /> }}
          data-testid="fund-movements"
        />
      </Card>
      <MovementModal fundId={fund.id} open={open === 'movement'} onClose={() => setOpen(null)} />
      <AdvanceModal fundId={fund.id} open={open === 'advance'} onClose={() => setOpen(null)} />
      <RecoveryModal advance={recovering} onClose={() => setRecovering(null)} />
    </Space>
  );
}

/**
 * 应急周转金 of the jurisdiction: each fund's balance against its minimum size (EMF-02); the chosen
 * fund's reconciliation, movements, and advances with their recoveries (EMF-01). The fund is in the address.
 */
export function FundsPage() {
  const { t } = useI18n();
  const can = useCan();
  const canWrite = can('funds.write');
  const [search, setSearch] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const list = useFunds();
  const funds = list.data ?? [];
  const selected = search.get('fund') ?? (funds.length === 1 ? funds[0].id : undefined);
  const fund = useFund(selected);
  const choose = (id: string) => setSearch({ fund: id }, { replace: true });

  const columns: TableColumnsType<FundSummary> = [
    { title: t(m.name), dataIndex: 'name', ellipsis: true },
    { title: t(m.region), dataIndex: 'regionName', width: 140 },
    { title: t(m.level), dataIndex: 'level', width: 90, render: (l: 'city' | 'county') => t(m[l]) },
    { title: t(m.balance), dataIndex: 'balanceFen', align: 'right', width: 170, render: formatYuan },
    {
      title: t(m.size),
      key: 'size',
      width: 260,
      render: (_, f) => (f.size.meets ? <Tag color="green">{t(m.sizeOk, { min: formatYuan(f.size.minimumFen) })}</Tag> : <Tag color="red">{t(m.sizeShort, { min: formatYuan(f.size.minimumFen), short: formatYuan(f.size.shortfallFen) })}</Tag>),
    },
  ];

  return (
    <Card title={t(m.pageTitle)} extra={canWrite && <Button onClick={() => setCreating(true)} data-testid="fund-create">{t(m.createFund)}</Button>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
        <Table<FundSummary>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={funds}
          columns={columns}
          pagination={false}
          rowSelection={{ type: 'radio', selectedRowKeys: selected ? [selected] : [], onChange: (keys) => keys[0] && choose(String(keys[0])) }}
          onRow={(f) => ({ onClick: () => choose(f.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: list.isLoading ? ' ' : <Empty description={t(m.noFunds)} /> }}
          data-testid="funds-list"
        />
        {fund.isError && <QueryError error={fund.error} onRetry={() => fund.refetch()} />}
        {fund.data ? <FundDetail fund={fund.data} canWrite={canWrite} /> : funds.length > 1 && <Typography.Text type="secondary">{t(m.chooseFund)}</Typography.Text>}
      </Space>
      <CreateFundModal open={creating} onClose={() => setCreating(false)} onCreated={choose} />
    </Card>
  );
}
