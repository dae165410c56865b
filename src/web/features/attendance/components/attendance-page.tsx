import { WarningOutlined } from '@ant-design/icons';
import { Card, Col, DatePicker, Empty, Flex, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { projectPath } from '../../../config/paths';
import { todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf, optionsOf, projectStatusLabels } from '../../../lib/labels';
import { useCan } from '../../../lib/session';
import { type ProjectRates, useRegionRates } from '../api/get-region-rates';
import { m } from '../messages';

const DAY = 'YYYY-MM-DD';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^[0-9]{6}([0-9]{3})?([0-9]{3})?$/;
/** The server refuses a period of more than a year: `to` must come before `from` + 366 days. */
const MAX_SPAN_DAYS = 365;

/**
 * A rate as a percent with one decimal, rounded down so that a rate short of the rule never reads
 * "100.0 %". Null when there was nothing to divide by.
 */
const percent = (rate: number | null) => (rate === null ? null : Math.floor(rate * 1000) / 10);
const percentText = (rate: number | null) => (rate === null ? '—' : `${percent(rate)!.toFixed(1)}%`);
/** Sorts rates low to high with "no rate" after every rate. */
const byRate = (pick: (p: ProjectRates) => number | null) => (a: ProjectRates, b: ProjectRates) => (pick(a) ?? 2) - (pick(b) ?? 2);

/** The period and region live in the address, so coming back from a project finds the same view. */
function usePeriod() {
  const [search, setSearch] = useSearchParams();
  const today = todayInShanghai();
  const monthStart = `${today.slice(0, 8)}01`;
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const valid = DATE.test(from) && DATE.test(to) && from <= to && to <= today && dayjs(to).diff(dayjs(from), 'day') <= MAX_SPAN_DAYS;
  const region = search.get('region') ?? '';
  const update = (patch: Record<string, string | undefined>) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return {
    today,
    from: valid ? from : monthStart,
    to: valid ? to : today,
    regionCode: REGION.test(region) ? region : undefined,
    setPeriod: (f: string, t: string) => update({ from: f, to: t }),
    setRegion: (code: string | undefined) => update({ region: code }),
  };
}

/**
 * 考勤 of a jurisdiction: for a period (and, for officials, a region of their subtree), each
 * project's 实名制更新率 (everyone clocked on site must be on the roster), the on-site rates of the
 * project manager and the chief supervisor, and the gate violations, with the region's totals.
 * A row opens the project's attendance tab.
 */
export function AttendancePage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const period = usePeriod();
  const { today, from, to, regionCode } = period;
  const rates = useRegionRates({ regionCode, from, to });
  const data = rates.data;
  const total = data?.total;
  const working = data?.workingDays ?? 0;
  const loading = rates.isLoading;

  const day = (d: string) => dayjs(d);
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t(m.thisMonth), value: [day(today).startOf('month'), day(today)] },
    { label: t(m.lastMonth), value: [day(today).subtract(1, 'month').startOf('month'), day(today).subtract(1, 'month').endOf('month')] },
    { label: t(m.last30), value: [day(today).subtract(29, 'day'), day(today)] },
    { label: t(m.thisYear), value: [day(today).startOf('year'), day(today)] },
  ];

  const keyStaff = (days: number, rate: number | null) => (
    <Tooltip title={rate === null ? t(m.noWorkingDays) : undefined}>
      <div>
        {percentText(rate)}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t(m.daysShort, { days, working })}
        </Typography.Text>
      </div>
    </Tooltip>
  );

  const columns: TableColumnsType<ProjectRates> = [
    { title: t(m.code), dataIndex: 'code', width: 160 },
    {
      title: t(m.projectName),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, p) => (
        <Link to={projectPath(p.projectId, 'attendance')} onClick={(e) => e.stopPropagation()} data-testid="attendance-project-link">
          {name}
        </Link>
      ),
    },
    { title: t(m.region), dataIndex: 'regionName', width: 100, ellipsis: true },
    {
      title: t(m.projectStatus),
      dataIndex: 'status',
      width: 100,
      filters: optionsOf(projectStatusLabels, lang).map((o) => ({ value: o.value, text: o.label })),
      onFilter: (value, p) => p.status === value,
      render: (v: string) => <Tag>{labelOf(projectStatusLabels, v, lang)}</Tag>,
    },
    { title: t(m.onSite), dataIndex: 'onSite', width: 100, align: 'right', sorter: (a, b) => a.onSite - b.onSite },
    { title: t(m.registered), dataIndex: 'registered', width: 115, align: 'right', sorter: (a, b) => a.registered - b.registered },
    {
      title: t(m.realNameRate),
      dataIndex: 'realNameRate',
      width: 130,
      align: 'right',
      defaultSortOrder: 'ascend',
      sorter: byRate((p) => p.realNameRate),
      render: (rate: number | null, p) => {
        if (rate === null) {
          return (
            <Tooltip title={t(m.nobodyOnSite)}>
              <Typography.Text type="secondary">—</Typography.Text>
            </Tooltip>
          );
        }
        if (rate >= 1) return percentText(rate);
        return (
          <Tooltip title={t(m.unregistered, { n: p.onSite - p.registered })}>
            <Typography.Text type="danger" strong data-testid="attendance-rate-short">
              <WarningOutlined /> {percentText(rate)}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    { title: t(m.pmRateShort), key: 'pm', width: 140, align: 'right', sorter: byRate((p) => p.projectManagerRate), render: (_, p) => keyStaff(p.projectManagerDays, p.projectManagerRate) },
    { title: t(m.csRateShort), key: 'cs', width: 120, align: 'right', sorter: byRate((p) => p.chiefSupervisorRate), render: (_, p) => keyStaff(p.chiefSupervisorDays, p.chiefSupervisorRate) },
    {
      title: t(m.violations),
      dataIndex: 'gateViolations',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.gateViolations - b.gateViolations,
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
  ];

  const realNameShort = total?.realNameRate !== null && total?.realNameRate !== undefined && total.realNameRate < 1;
  const card = (key: string, title: string, value: string | number, hint: string, danger = false) => (
    <Col key={key} flex="1 1 200px">
      <Card size="small" style={{ height: '100%' }}>
        <Statistic
          title={title}
          value={value}
          loading={loading}
          styles={{ content: { color: danger ? '#cf1322' : undefined } }}
          data-testid={`attendance-total-${key}`}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>
      </Card>
    </Col>
  );

  return (
    <Card title={t(m.pageTitle)}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Text>{t(m.range)}</Typography.Text>
          <DatePicker.RangePicker
            allowClear={false}
            value={[day(from), day(to)]}
            presets={presets}
            disabledDate={(d, info) => d.format(DAY) > today || (!!info.from && Math.abs(d.diff(info.from, 'day')) > MAX_SPAN_DAYS)}
            onChange={(v) => v?.[0] && v[1] && period.setPeriod(v[0].format(DAY), v[1].format(DAY))}
            data-testid="attendance-period"
          />
          {can('regions.read') && (
            <>
              <Typography.Text style={{ marginInlineStart: 8 }}>{t(m.pageRegion)}</Typography.Text>
              <RegionTreeSelect allowClear placeholder={t(m.wholeScope)} style={{ width: 240 }} value={regionCode} onChange={period.setRegion} />
            </>
          )}
        </Flex>
        {data && (
          <Typography.Text type="secondary" data-testid="attendance-period-note">
            {t(m.periodNote, { from: data.from, to: data.to, working: data.workingDays })}
          </Typography.Text>
        )}
        {rates.isError && <QueryError error={rates.error} onRetry={() => rates.refetch()} />}
        <Row gutter={[16, 16]}>
          {card('projects', t(m.projectsCounted), total?.projects ?? 0, t(m.projectsHint))}
          {card('on-site', t(m.onSite), total?.onSite ?? 0, t(m.onSiteHint))}
          {card('registered', t(m.registered), total?.registered ?? 0, t(m.registeredHint))}
          {card('real-name-rate', t(m.realNameRate), total ? percentText(total.realNameRate) : '—', total?.realNameRate === null ? t(m.nobodyOnSite) : t(m.realNameHintRegion), realNameShort)}
          {card('violations', t(m.violations), total?.gateViolations ?? 0, t(m.violationsHint), (total?.gateViolations ?? 0) > 0)}
        </Row>
        <Table<ProjectRates>
          rowKey="projectId"
          size="middle"
          loading={rates.isFetching}
          dataSource={rates.isError && !data ? [] : data?.projects}
          columns={columns}
          scroll={{ x: 1320 }}
          onRow={(p) => ({ onClick: () => navigate(projectPath(p.projectId, 'attendance')), style: { cursor: 'pointer' }, title: t(m.openProject) })}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true, showTotal: (n) => t(m.tableTotal, { n }) }}
          locale={{ emptyText: loading ? ' ' : <Empty description={t(m.noProjects)} /> }}
          data-testid="attendance-projects"
        />
      </Space>
    </Card>
  );
}
