import { Card, Col, Empty, Flex, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { projectPath } from '../../../config/paths';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { type RegionDeposit, useRegionDeposits } from '../api/get-region-deposits';
import { depositStates, m, stateColor } from '../messages';

const REGION = /^[0-9]{6}([0-9]{3})?([0-9]{3})?$/;
const TAB = 'deposit';

/**
 * 保证金 of a jurisdiction: projects under construction whose deposit is missing or short, and
 * draws not topped up by their deadline (DEP-10). A row opens the project's deposit tab.
 */
export function DepositsPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? '';
  const regionCode = REGION.test(region) ? region : undefined;
  const list = useRegionDeposits(regionCode);
  const rows = list.data ?? [];
  const count = (state: string) => rows.filter((r) => r.state === state).length;

  const columns: TableColumnsType<RegionDeposit> = [
    { title: t(m.code), dataIndex: 'code', width: 150 },
    {
      title: t(m.projectName),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, r) => (
        <Link to={projectPath(r.projectId, TAB)} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    { title: t(m.region), dataIndex: 'regionName', width: 110, ellipsis: true },
    { title: t(m.contractor), dataIndex: 'generalContractorName', width: 200, ellipsis: true },
    { title: t(m.required), dataIndex: 'requiredFen', align: 'right', width: 150, render: formatYuan },
    { title: t(m.held), dataIndex: 'heldFen', align: 'right', width: 150, render: formatYuan },
    {
      title: t(m.shortfall),
      dataIndex: 'shortfallFen',
      align: 'right',
      width: 150,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.shortfallFen - b.shortfallFen,
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{formatYuan(v)}</Typography.Text> : formatYuan(0)),
    },
    { title: t(m.state), dataIndex: 'state', width: 120, render: (s: string) => <Tag color={stateColor[s]}>{t(depositStates[s as keyof typeof depositStates] ?? { zh: s, en: s })}</Tag> },
    {
      title: t(m.overdueDraws),
      dataIndex: 'overdueDraws',
      width: 230,
      render: (ds: RegionDeposit['overdueDraws']) => (
        <Flex vertical>
          {ds.map((x) => (
            <Typography.Text key={x.drawId} type="danger">
              {t(m.overdueLine, { amount: formatYuan(x.outstandingFen), date: x.topUpDueOn })}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
  ];

  const card = (key: string, title: string, value: string | number, danger: boolean) => (
    <Col key={key} flex="1 1 160px">
      <Card size="small">
        <Statistic title={title} value={value} loading={list.isLoading} styles={{ content: { color: danger ? '#cf1322' : undefined } }} data-testid={`deposits-region-${key}`} />
      </Card>
    </Col>
  );
  const shortfall = rows.reduce((s, r) => s + r.shortfallFen, 0);

  return (
    <Card title={t(m.pageTitle)}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {can('regions.read') && (
          <Flex align="center" gap={8} wrap>
            <Typography.Text>{t(m.region)}</Typography.Text>
            <RegionTreeSelect
              allowClear
              placeholder={t(m.wholeScope)}
              style={{ width: 240 }}
              value={regionCode}
              onChange={(code) =>
                setSearch(
                  (current) => {
                    const next = new URLSearchParams(current);
                    if (code) next.set('region', code);
                    else next.delete('region');
                    return next;
                  },
                  { replace: true },
                )
              }
            />
          </Flex>
        )}
        {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
        <Row gutter={[16, 16]}>
          {card('missing', t(m.totalMissing), count('missing'), count('missing') > 0)}
          {card('short', t(m.totalShort), count('short'), count('short') > 0)}
          {card('overdue', t(m.totalOverdue), count('top_up_overdue'), count('top_up_overdue') > 0)}
          {card('shortfall', t(m.totalShortfall), formatYuan(shortfall), shortfall > 0)}
        </Row>
        <Table<RegionDeposit>
          rowKey="projectId"
          size="middle"
          loading={list.isFetching}
          dataSource={rows}
          columns={columns}
          scroll={{ x: 1400 }}
          onRow={(r) => ({ onClick: () => navigate(projectPath(r.projectId, TAB)), style: { cursor: 'pointer' } })}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true, showTotal: (n) => t(m.tableTotal, { n }) }}
          locale={{ emptyText: list.isLoading ? ' ' : <Empty description={t(m.regionEmpty)} /> }}
          data-testid="deposits-region"
        />
      </Space>
    </Card>
  );
}
