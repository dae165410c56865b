import { Button, Card, Col, Empty, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { projectPath, warningsPath } from '../../../config/paths';
import { common, useI18n } from '../../../lib/i18n';
import type { BattleMap, RegionCount, TopEnterprise, TopProject } from '../api/get-battle-map';
import { LEVEL_COLOR } from '../levels';
import { m } from '../messages';
import { ScoreExplain } from './risk-score';
import { LevelTag } from './warning-tags';
import { WarningsTable } from './warnings-table';

const count = (color: string) => (v: number) => (v > 0 ? <Typography.Text strong style={{ color }}>{v}</Typography.Text> : 0);

/** The region's children with their open warnings by level; a row opens that region's battle map. */
export function SubRegionTable({ data, loading, onOpen }: { data: BattleMap | undefined; loading: boolean; onOpen?: (code: string) => void }) {
  const { t } = useI18n();
  const columns: TableColumnsType<RegionCount> = [
    { title: t(common.region), dataIndex: 'name', render: (name: string, r) => (onOpen ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.code)}>{name}</Button> : name) },
    { title: t(m.kpiOpen), dataIndex: 'open', width: 100, align: 'right', sorter: (a, b) => a.open - b.open, defaultSortOrder: 'descend', render: (v: number, r) => <Link to={warningsPath({ region: r.code })}>{v}</Link> },
    { title: t(m.kpiRed), dataIndex: 'red', width: 90, align: 'right', sorter: (a, b) => a.red - b.red, render: count(LEVEL_COLOR.red) },
    { title: t(m.kpiOrange), dataIndex: 'orange', width: 90, align: 'right', sorter: (a, b) => a.orange - b.orange, render: count('#d46b08') },
    { title: t(m.kpiYellow), dataIndex: 'yellow', width: 90, align: 'right', sorter: (a, b) => a.yellow - b.yellow, render: count('#d4b106') },
    { title: t(m.kpiOverdue), dataIndex: 'overdue', width: 100, align: 'right', sorter: (a, b) => a.overdue - b.overdue, render: (v: number, r) => (v > 0 ? <Link to={warningsPath({ region: r.code, status: 'overdue' })}><Typography.Text type="danger" strong>{v}</Typography.Text></Link> : 0) },
  ];
  return (
    <Card size="small" title={t(m.byRegion)} data-testid="battle-by-region">
      <Table<RegionCount>
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={data?.byRegion}
        columns={columns}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: loading && !data ? ' ' : <Empty description={t(m.noData)} /> }}
      />
    </Card>
  );
}

/** The ten warnings most overdue (督办). */
export function OverdueCard({ data, loading, regionCode }: { data: BattleMap | undefined; loading: boolean; regionCode?: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t(m.overdueTitle)} extra={<Link to={warningsPath({ status: 'overdue', region: regionCode })}>{t(m.view)}</Link>} data-testid="battle-overdue">
      <WarningsTable rows={data?.overdue} loading={loading} initial={loading && !data} pagination={false} emptyText={t(m.noOverdue)} testId="battle-overdue-table" />
    </Card>
  );
}

/** The highest-scoring projects and enterprises; a score explains itself. */
export function TopRiskTables({ data, loading }: { data: BattleMap | undefined; loading: boolean }) {
  const { t } = useI18n();
  const empty = { emptyText: loading && !data ? ' ' : <Empty description={t(m.noRisk)} /> };
  const projectColumns: TableColumnsType<TopProject> = [
    { title: t(m.project), dataIndex: 'name', ellipsis: true, render: (name: string, p) => <Link to={projectPath(p.id, 'warnings')}>{name}</Link> },
    { title: t(common.region), dataIndex: 'regionName', width: 110, ellipsis: true },
    { title: t(m.topLevel), dataIndex: 'topLevel', width: 80, render: (_, p) => (p.topLevel ? <LevelTag level={p.topLevel} /> : '—') },
    { title: t(m.openWarnings), dataIndex: 'openWarnings', width: 90, align: 'right', render: (v: number, p) => <Link to={warningsPath({ projectId: p.id, subject: p.name })}>{v}</Link> },
    { title: t(m.score), dataIndex: 'score', width: 80, align: 'right', render: (v: number, p) => <ScoreExplain kind="project" id={p.id} score={v} /> },
  ];
  const enterpriseColumns: TableColumnsType<TopEnterprise> = [
    { title: t(m.enterprise), dataIndex: 'name', ellipsis: true },
    { title: t(m.openWarnings), dataIndex: 'openWarnings', width: 90, align: 'right', render: (v: number, e) => <Link to={warningsPath({ enterpriseId: e.id, subject: e.name })}>{v}</Link> },
    { title: t(m.score), dataIndex: 'score', width: 80, align: 'right', render: (v: number, e) => <ScoreExplain kind="enterprise" id={e.id} score={v} /> },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t(m.topProjects)} style={{ height: '100%' }} data-testid="battle-top-projects">
          <Table<TopProject> rowKey="id" size="small" loading={loading} dataSource={data?.topProjects} columns={projectColumns} pagination={false} locale={empty} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t(m.topEnterprises)} style={{ height: '100%' }} data-testid="battle-top-enterprises">
          <Table<TopEnterprise> rowKey="id" size="small" loading={loading} dataSource={data?.topEnterprises} columns={enterpriseColumns} pagination={false} locale={empty} />
        </Card>
      </Col>
    </Row>
  );
}
