import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Flex, Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { paths } from '../../../config/paths';
import { errorText } from '../../../lib/api-client';
import { todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { type StatisticsRow, exportStatistics, useStatistics } from '../api/get-statistics';
import {
  OFFICIAL_GROUPS,
  PROJECT_KINDS,
  REPORT_NOTES,
  SUPPLEMENTARY_COLUMNS,
  type StatColumn,
  type StatsQuery,
  cellText,
  columnTitle,
  fenToWanText,
  periodPresets,
  readStatsQuery,
  statsSearch,
} from '../case-stats';
import { sm } from '../stats-messages';

const DAY = 'YYYY-MM-DD';
const PRESET_TEXT = { month: sm.presetMonth, lastMonth: sm.presetLastMonth, quarter: sm.presetQuarter, year: sm.presetYear } as const;

/**
 * /cases/statistics — 附件1《根治欠薪专项行动情况》 for a period and a region of the jurisdiction:
 * the official table with its grouped header (the layout the .xlsx is written from), 其它情况, what
 * was counted, and the export. The period, region and campaign name are kept in the address.
 */
export function CaseStatisticsPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const today = todayInShanghai();
  const [search, setSearch] = useSearchParams();
  const query = readStatsQuery(search, today);
  const report = useStatistics(query);
  const data = report.data;
  const [exporting, setExporting] = useState(false);
  const sep = lang === 'zh' ? '；' : '; ';
  const write = (patch: Partial<StatsQuery>) => setSearch(statsSearch({ ...query, ...patch }), { replace: true });

  const download = async () => {
    setExporting(true);
    try {
      await exportStatistics(query);
    } catch (err) {
      message.error(`${t(sm.exportFailed)}：${errorText(err, lang)}`);
    } finally {
      setExporting(false);
    }
  };

  const figureColumn = (c: StatColumn) => ({
    key: c.key,
    title: columnTitle(c, lang),
    width: c.unit === 'wan' ? 96 : 84,
    align: 'right' as const,
    render: (_: unknown, r: StatisticsRow) => <span data-testid={`stat-${r.key}-${c.key}`}>{cellText(c, r.figures)}</span>,
  });
  const label = { key: 'label', title: t(sm.category), fixed: 'left' as const, width: 130, render: (_: unknown, r: StatisticsRow) => (r.key === 'total' ? <Typography.Text strong>{pick(r.label)}</Typography.Text> : pick(r.label)) };
  const official: TableColumnsType<StatisticsRow> = [label, ...OFFICIAL_GROUPS.map((g) => ({ key: g.key, title: g.label[lang], children: g.columns.map(figureColumn) }))];
  const supplementary: TableColumnsType<StatisticsRow> = [label, ...SUPPLEMENTARY_COLUMNS.map(figureColumn)];
  const presets = periodPresets(today).map((p) => ({ label: t(PRESET_TEXT[p.key]), value: [dayjs(p.from), dayjs(p.to)] as [Dayjs, Dayjs] }));

  return (
    <Card
      title={t(sm.statistics)}
      extra={
        <Space wrap>
          <Link to={paths.caseDashboard}>{t(sm.dashboard)}</Link>
          <Button icon={<ReloadOutlined />} onClick={() => report.refetch()} loading={report.isFetching} aria-label={t(sm.refresh)} />
          <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={download} data-testid="stats-export">
            {t(sm.export)}
          </Button>
        </Space>
      }
      data-testid="case-statistics"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Text>{t(sm.period)}</Typography.Text>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(query.from), dayjs(query.to)]}
            presets={presets}
            disabledDate={(d, info) => d.format(DAY) > today || (!!info.from && Math.abs(d.diff(info.from, 'day')) > 366)}
            onChange={(v) => v?.[0] && v[1] && write({ from: v[0].format(DAY), to: v[1].format(DAY) })}
            data-testid="stats-period"
          />
          {can('regions.read') && (
            <>
              <Typography.Text style={{ marginInlineStart: 8 }}>{t(sm.region)}</Typography.Text>
              <RegionTreeSelect allowClear placeholder={t(sm.wholeScope)} style={{ width: 240 }} value={query.regionCode} onChange={(regionCode) => write({ regionCode })} />
            </>
          )}
          <Input
            key={query.campaign ?? ''}
            allowClear
            defaultValue={query.campaign}
            maxLength={60}
            placeholder={t(sm.campaign)}
            style={{ width: 300 }}
            onBlur={(e) => write({ campaign: e.target.value.trim() || undefined })}
            onPressEnter={(e) => write({ campaign: e.currentTarget.value.trim() || undefined })}
            data-testid="stats-campaign"
          />
        </Flex>
        {report.isError && <QueryError error={report.error} onRetry={() => report.refetch()} />}
        {data && (
          <Typography.Text type="secondary" data-testid="stats-header">
            {t(sm.header, { unit: data.reportingUnit, region: data.regionName, from: data.from, to: data.to })}
          </Typography.Text>
        )}
        {data?.empty && !report.isFetching ? (
          <Empty style={{ padding: '48px 0' }} description={<><div>{t(sm.empty)}</div><Typography.Text type="secondary">{t(sm.emptyHint)}</Typography.Text></>} data-testid="stats-empty" />
        ) : (
          <>
            <Table<StatisticsRow>
              rowKey="key"
              size="small"
              bordered
              loading={report.isFetching}
              dataSource={data?.rows}
              columns={official}
              pagination={false}
              scroll={{ x: 1500 }}
              locale={{ emptyText: report.isLoading ? ' ' : <Empty /> }}
              data-testid="stats-table"
            />
            {data && (
              <Typography.Paragraph data-testid="stats-other">
                <Typography.Text strong>{t(sm.other)}{lang === 'zh' ? '：' : ': '}</Typography.Text>
                {PROJECT_KINDS.map(({ key, label: kind }) => {
                  const p = data.other.projects[key];
                  return t(sm.otherProjects, { kind: kind[lang], checked: p.checkedProjects, arrears: p.arrearsProjects, wan: fenToWanText(p.arrearsFen), workers: p.arrearsWorkers });
                }).join(sep)}
                {sep}{t(sm.otherViolators, { published: data.other.publishedViolators ?? '—', listed: data.other.blacklisted ?? '—' })}
              </Typography.Paragraph>
            )}
            <Card size="small" title={t(sm.supplementary)}>
              <Table<StatisticsRow> rowKey="key" size="small" bordered loading={report.isFetching} dataSource={data?.rows} columns={supplementary} pagination={false} scroll={{ x: 700 }} />
            </Card>
          </>
        )}
        <Card size="small" title={t(sm.notes)}>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {REPORT_NOTES.map((n) => (
              <li key={n.zh}>
                <Typography.Text type="secondary">{pick(n)}</Typography.Text>
              </li>
            ))}
          </ol>
        </Card>
      </Space>
    </Card>
  );
}
