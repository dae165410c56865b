import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { casePath, casesPath, paths } from '../../../config/paths';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import { useCan } from '../../../lib/session';
import { type CaseDashboard, type DashboardCase, type DashboardIncident, type DashboardRegion, useCaseDashboard } from '../api/get-dashboard';
import { recoveredPercent } from '../case-stats';
import { supervisionLabels } from '../labels';
import { m } from '../messages';
import { sm } from '../stats-messages';
import { CaseStatusTag } from './case-tags';

const REGION = /^[0-9]{6}([0-9]{3})?([0-9]{3})?$/;

/**
 * /cases/dashboard — what a 分管领导 needs at a glance: open cases by stage, what is overdue (with
 * its handling unit and days past the deadline) and escalated, the supervised and major cases, this
 * month's money and group incidents, and the regions below. The region is kept in the address.
 */
export function CaseDashboardPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? '';
  const regionCode = REGION.test(region) ? region : undefined;
  const board = useCaseDashboard(regionCode);
  const data = board.data;
  const setRegion = (code: string | undefined) => setSearch(code ? { region: code } : {}, { replace: true });

  return (
    <Card
      title={
        <Space wrap>
          <span>{t(sm.dashboard)}</span>
          {data && <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{data.regionName}</Typography.Text>}
        </Space>
      }
      extra={
        <Space wrap>
          {data && <Typography.Text type="secondary" data-testid="case-dashboard-as-of">{t(sm.asOf, { time: formatDateTime(data.asOf, lang) })}</Typography.Text>}
          <Link to={paths.caseStatistics}>{t(sm.statisticsShort)}</Link>
          <Link to={paths.cases}>{t(m.cases)}</Link>
          <Button icon={<ReloadOutlined />} onClick={() => board.refetch()} loading={board.isFetching} aria-label={t(sm.refresh)} />
        </Space>
      }
      data-testid="case-dashboard"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {can('regions.read') && (
          <Flex align="center" gap={8} wrap>
            <Typography.Text>{t(sm.region)}</Typography.Text>
            <RegionTreeSelect allowClear placeholder={t(sm.wholeScope)} style={{ width: 260 }} value={regionCode} onChange={setRegion} />
          </Flex>
        )}
        {board.isError && <QueryError error={board.error} onRetry={() => board.refetch()} />}
        <Kpis data={data} loading={board.isLoading} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <StageCard data={data} loading={board.isLoading} />
          </Col>
          <Col xs={24} xl={12}>
            <MoneyCard data={data} loading={board.isLoading} />
          </Col>
        </Row>
        <OverdueCard data={data} loading={board.isFetching} />
        <SupervisedCard data={data} loading={board.isFetching} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <IncidentsCard data={data} loading={board.isFetching} />
          </Col>
          <Col xs={24} xl={10}>
            <RegionsCard data={data} loading={board.isFetching} onOpen={can('regions.read') ? setRegion : undefined} />
          </Col>
        </Row>
      </Space>
    </Card>
  );
}

type Part = { data: CaseDashboard | undefined; loading: boolean };

function Kpis({ data, loading }: Part) {
  const { t } = useI18n();
  const kpi = (key: string, title: string, value: number | string | undefined, to: string, danger = false) => (
    <Col key={key} xs={12} md={8} xl={4}>
      <Link to={to} data-testid={`case-kpi-${key}`}>
        <Card hoverable size="small">
          <Statistic title={title} value={value ?? 0} loading={loading} styles={{ content: danger && Number(value) > 0 ? { color: '#cf1322' } : undefined }} />
        </Card>
      </Link>
    </Col>
  );
  const s = data?.supervised;
  return (
    <Row gutter={[16, 16]}>
      {kpi('open', t(sm.kpiOpen), data?.open.total, casesPath({ open: 'true' }))}
      {kpi('overdue', t(sm.kpiOverdue), data?.overdue.count, casesPath({ overdue: 'true' }), true)}
      {kpi('escalated', t(sm.kpiEscalated), data?.overdue.escalated, casesPath({ overdue: 'true' }), true)}
      {kpi('major', t(sm.kpiMajor), data?.supervised.major, casesPath({ major: 'true' }))}
      {kpi('supervised', t(sm.kpiSupervised), s ? `${s.listed} / ${s.leader} / ${s.taskForce}` : undefined, casesPath({ supervised: 'true' }))}
      {kpi('incidents', t(sm.kpiIncidents), data?.incidents.count, '#case-dashboard-incidents', true)}
    </Row>
  );
}

function StageCard({ data, loading }: Part) {
  const { t, pick } = useI18n();
  const total = data?.open.total ?? 0;
  return (
    <Card size="small" title={t(sm.byStage)} loading={loading} style={{ height: '100%' }} data-testid="case-dashboard-stages">
      {total === 0 ? (
        <Empty description={t(sm.noOpen)} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {data!.open.byStage.map((s) => (
            <Flex key={s.status} align="center" gap={8}>
              <Link to={casesPath({ status: s.status })} style={{ width: 160, flex: 'none' }}>
                {pick(s.label)}
              </Link>
              <Progress percent={Math.round((s.count * 100) / total)} format={() => s.count} size="small" style={{ flex: 1, margin: 0 }} />
            </Flex>
          ))}
        </Space>
      )}
    </Card>
  );
}

function MoneyCard({ data, loading }: Part) {
  const { t } = useI18n();
  const money = data?.money;
  return (
    <Card size="small" title={t(sm.money)} loading={loading} style={{ height: '100%' }} data-testid="case-dashboard-money">
      {money && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col span={12}>
              <Statistic title={t(sm.monthRecovered)} value={formatYuan(money.monthRecoveredFen)} />
              <Typography.Text type="secondary">{t(sm.monthRecoveredWorkers, { n: money.monthRecoveredWorkers })}</Typography.Text>
            </Col>
            <Col span={12}>
              <Statistic title={t(sm.monthNewOwed)} value={formatYuan(money.monthNewOwedFen)} />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t(sm.openOwed)} value={formatYuan(money.openOwedFen)} styles={{ content: { fontSize: 16 } }} />
            </Col>
            <Col span={8}>
              <Statistic title={t(sm.openRecovered)} value={formatYuan(money.openRecoveredFen)} styles={{ content: { fontSize: 16 } }} />
            </Col>
            <Col span={8}>
              <Statistic title={t(sm.openOutstanding)} value={formatYuan(money.openOutstandingFen)} styles={{ content: { fontSize: 16, color: money.openOutstandingFen > 0 ? '#cf1322' : undefined } }} />
            </Col>
          </Row>
          <div>
            <Typography.Text type="secondary">{t(sm.recoveredShare)}</Typography.Text>
            <Progress percent={recoveredPercent(money.openRecoveredFen, money.openOwedFen)} />
          </div>
        </Space>
      )}
    </Card>
  );
}

function caseColumns(t: ReturnType<typeof useI18n>['t'], lang: ReturnType<typeof useI18n>['lang'], kind: 'overdue' | 'supervised'): TableColumnsType<DashboardCase> {
  const title = { title: t(m.caseTitle), dataIndex: 'title', ellipsis: true, render: (v: string, c: DashboardCase) => <Link to={casePath(c.id)} data-testid="dashboard-case-link">{v}</Link> };
  const caseNo = { title: t(m.caseNo), dataIndex: 'caseNo', width: 180 };
  const stage = { title: t(m.stage), dataIndex: 'status', width: 210, render: (_: unknown, c: DashboardCase) => <CaseStatusTag status={c.status} label={c.statusLabel} /> };
  const unit = { title: t(m.handlingUnit), dataIndex: 'handlingUnitName', width: 180, ellipsis: true, render: (v: string | null) => v ?? '—' };
  const due = { title: t(m.stageDue), dataIndex: 'stageDueOn', width: 110, render: (v: string | null) => v ?? '—' };
  if (kind === 'overdue') {
    return [
      caseNo,
      title,
      stage,
      unit,
      due,
      { title: t(sm.daysOverdue), dataIndex: 'daysOverdue', width: 90, align: 'right', render: (v: number | null) => <Typography.Text type="danger" strong>{v ?? '—'}</Typography.Text> },
      { title: t(sm.escalation), dataIndex: 'escalationLevel', width: 90, render: (v: number) => (v > 0 ? <Tag color="error">{t(sm.escalationLevel, { n: v })}</Tag> : <Typography.Text type="secondary">{t(sm.notEscalated)}</Typography.Text>) },
    ];
  }
  return [
    title,
    {
      title: t(m.marks),
      dataIndex: 'supervision',
      width: 200,
      render: (_: unknown, c: DashboardCase) => (
        <Space size={4} wrap>
          {c.supervision.map((s) => <Tag key={s} color="volcano">{labelOf(supervisionLabels, s, lang)}</Tag>)}
          {c.major && <Tag color="red">{t(m.majorCase)}</Tag>}
        </Space>
      ),
    },
    { title: t(sm.leader), dataIndex: 'leaderName', width: 100, render: (v: string | null) => v ?? '—' },
    unit,
    stage,
    { ...due, render: (v: string | null, c: DashboardCase) => (c.daysOverdue ? <Typography.Text type="danger">{v}</Typography.Text> : (v ?? '—')) },
    { title: t(sm.owedRecovered), key: 'money', width: 200, align: 'right', render: (_: unknown, c: DashboardCase) => `${formatYuan(c.owedFen)} / ${formatYuan(c.recoveredFen)}` },
  ];
}

function OverdueCard({ data, loading }: Part) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" title={t(sm.overdueTitle)} extra={<Link to={casesPath({ overdue: 'true' })}>{t(sm.viewList)}</Link>} data-testid="case-dashboard-overdue">
      <Table<DashboardCase>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.overdue.items}
        columns={caseColumns(t, lang, 'overdue')}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: loading && !data ? ' ' : <Empty description={t(sm.noOverdue)} /> }}
      />
    </Card>
  );
}

function SupervisedCard({ data, loading }: Part) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" title={t(sm.supervisedTitle)} extra={<Link to={casesPath({ supervised: 'true' })}>{t(sm.viewList)}</Link>} data-testid="case-dashboard-supervised">
      <Table<DashboardCase>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.supervised.items}
        columns={caseColumns(t, lang, 'supervised')}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: loading && !data ? ' ' : <Empty description={t(sm.noSupervised)} /> }}
      />
    </Card>
  );
}

function IncidentsCard({ data, loading }: Part) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<DashboardIncident> = [
    { title: t(sm.occurredAt), dataIndex: 'occurredAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
    { title: t(sm.place), dataIndex: 'place', ellipsis: true },
    { title: t(m.project), dataIndex: 'projectName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t(sm.people), dataIndex: 'people', width: 70, align: 'right' },
    { title: t(sm.responseLevel), dataIndex: 'responseLevel', width: 90, render: (v: string, i) => <Space size={4}><Tag>{v.toUpperCase()}</Tag>{i.extreme && <Tag color="red">{t(sm.extreme)}</Tag>}</Space> },
  ];
  return (
    <Card
      id="case-dashboard-incidents"
      size="small"
      title={t(sm.incidentsTitle)}
      extra={data && data.incidents.count > 0 && <Typography.Text type="secondary">{t(sm.incidentPeople, { n: data.incidents.people })}</Typography.Text>}
      style={{ height: '100%' }}
      data-testid="case-dashboard-incidents"
    >
      <Table<DashboardIncident> rowKey="id" size="small" loading={loading} dataSource={data?.incidents.items} columns={columns} pagination={false} locale={{ emptyText: loading && !data ? ' ' : <Empty description={t(sm.noIncidents)} /> }} />
    </Card>
  );
}

function RegionsCard({ data, loading, onOpen }: Part & { onOpen?: (code: string) => void }) {
  const { t } = useI18n();
  const columns: TableColumnsType<DashboardRegion> = [
    { title: t(sm.region), dataIndex: 'name', render: (name: string, r) => (onOpen ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.code)}>{name}</Button> : name) },
    { title: t(sm.open), dataIndex: 'open', width: 70, align: 'right', sorter: (a, b) => a.open - b.open },
    { title: t(sm.overdue), dataIndex: 'overdue', width: 70, align: 'right', sorter: (a, b) => a.overdue - b.overdue, render: (v: number) => (v > 0 ? <Typography.Text type="danger" strong>{v}</Typography.Text> : 0) },
    { title: t(sm.major), dataIndex: 'major', width: 70, align: 'right', sorter: (a, b) => a.major - b.major },
  ];
  return (
    <Card size="small" title={t(sm.byRegion)} style={{ height: '100%' }} data-testid="case-dashboard-regions">
      <Table<DashboardRegion> rowKey="code" size="small" loading={loading} dataSource={data?.byRegion} columns={columns} pagination={{ defaultPageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: loading && !data ? ' ' : <Empty description={t(sm.noRegions)} /> }} />
    </Card>
  );
}
