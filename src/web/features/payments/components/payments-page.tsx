import { Card, Col, Empty, Flex, Row, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { projectPath } from '../../../config/paths';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { investmentTypeLabels, labelOf } from '../../../lib/labels';
import { useCan } from '../../../lib/session';
import { type RegionPayment, useRegionPayments } from '../api/get-region-payments';
import { flagText, m } from '../messages';
import { bpText } from './ratio-bar';

const REGION = /^[0-9]{6}([0-9]{3})?([0-9]{3})?$/;
const TAB = 'payments';

/**
 * 工程款支付 of a jurisdiction: each project with its paid share against the minimum (SET-01, on
 * government and SOE projects), the retention against its cap, overdue refunds after settlement,
 * multi-year works without an interim settlement (SET-02), and the owner's advance cap (LIA-02).
 * The region and the filter live in the address; a row opens the project's payments tab.
 */
export function PaymentsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? '';
  const regionCode = REGION.test(region) ? region : undefined;
  const flaggedOnly = search.get('flagged') === '1';
  const update = (key: string, value: string | undefined) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const list = useRegionPayments({ regionCode, flaggedOnly: flaggedOnly || undefined });
  const rows = list.data ?? [];
  const has = (flag: string) => rows.filter((r) => r.flags.includes(flag)).length;

  const columns: TableColumnsType<RegionPayment> = [
    { title: t(m.code), dataIndex: 'code', width: 150 },
    {
      title: t(m.projectName),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, p) => (
        <Link to={projectPath(p.projectId, TAB)} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    { title: t(m.region), dataIndex: 'regionName', width: 100, ellipsis: true },
    { title: t(m.investment), dataIndex: 'investmentType', width: 120, render: (v: string) => labelOf(investmentTypeLabels, v, lang) },
    { title: t(m.completed), dataIndex: 'completedFen', align: 'right', width: 150, render: formatYuan, sorter: (a, b) => a.completedFen - b.completedFen },
    { title: t(m.paid), dataIndex: 'paidFen', align: 'right', width: 150, render: formatYuan },
    {
      title: t(m.ratio),
      dataIndex: 'ratioBp',
      align: 'right',
      width: 100,
      sorter: (a, b) => (a.ratioBp ?? 10_001) - (b.ratioBp ?? 10_001),
      render: (v: number | null, p) => (p.flags.includes('SET-01.progress') ? <Typography.Text type="danger" strong>{bpText(v)}</Typography.Text> : bpText(v)),
    },
    {
      title: t(m.shortfall),
      dataIndex: 'shortfallFen',
      align: 'right',
      width: 150,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.shortfallFen - b.shortfallFen,
      render: (v: number, p) => (!p.qualifies ? <Typography.Text type="secondary">—</Typography.Text> : v > 0 ? <Typography.Text type="danger">{formatYuan(v)}</Typography.Text> : formatYuan(0)),
    },
    { title: t(m.advanceCap), dataIndex: 'advanceCapFen', align: 'right', width: 150, render: formatYuan },
    {
      title: t(m.findings),
      dataIndex: 'flags',
      width: 220,
      render: (flags: string[]) => (
        <Flex gap={4} wrap>
          {flags.map((f) => (
            <Tag key={f} color="red">
              {t(flagText[f as keyof typeof flagText] ?? { zh: f, en: f })}
            </Tag>
          ))}
        </Flex>
      ),
    },
  ];

  const card = (key: string, title: string, value: string | number, danger = false) => (
    <Col key={key} flex="1 1 160px">
      <Card size="small">
        <Statistic title={title} value={value} loading={list.isLoading} styles={{ content: { color: danger ? '#cf1322' : undefined } }} data-testid={`payments-region-${key}`} />
      </Card>
    </Col>
  );
  const shortCount = has('SET-01.progress');

  return (
    <Card title={t(m.pageTitle)}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex align="center" gap={8} wrap>
          {can('regions.read') && (
            <>
              <Typography.Text>{t(m.region)}</Typography.Text>
              <RegionTreeSelect allowClear placeholder={t(m.wholeScope)} style={{ width: 240 }} value={regionCode} onChange={(code) => update('region', code)} />
            </>
          )}
          <Switch checked={flaggedOnly} onChange={(on) => update('flagged', on ? '1' : undefined)} data-testid="payments-flagged-only" />
          <Typography.Text>{t(m.flaggedOnly)}</Typography.Text>
        </Flex>
        {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
        <Row gutter={[16, 16]}>
          {card('projects', t(m.totalProjects), rows.length)}
          {card('short', t(m.totalShort), shortCount, shortCount > 0)}
          {card('shortfall', t(m.totalShortfall), formatYuan(rows.reduce((sum, r) => sum + r.shortfallFen, 0)), shortCount > 0)}
          {card('retention', t(m.totalRetention), has('SET-01.retention'), has('SET-01.retention') > 0)}
          {card('refund', t(m.totalRefund), has('SET-01.refund'), has('SET-01.refund') > 0)}
          {card('interim', t(m.totalInterim), has('SET-02'), has('SET-02') > 0)}
        </Row>
        <Table<RegionPayment>
          rowKey="projectId"
          size="middle"
          loading={list.isFetching}
          dataSource={rows}
          columns={columns}
          scroll={{ x: 1500 }}
          onRow={(p) => ({ onClick: () => navigate(projectPath(p.projectId, TAB)), style: { cursor: 'pointer' }, title: t(m.openProject) })}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true, showTotal: (n) => t(m.tableTotal, { n }) }}
          locale={{ emptyText: list.isLoading ? ' ' : <Empty description={t(flaggedOnly ? m.noFindings : m.noProjects)} /> }}
          data-testid="payments-region"
        />
      </Space>
    </Card>
  );
}
