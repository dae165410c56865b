import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { type ChartEvent, EChart } from '../../../components/echart';
import { warningsPath } from '../../../config/paths';
import { type Msg, useI18n } from '../../../lib/i18n';
import { labelOf, warningLevelLabels } from '../../../lib/labels';
import type { BattleMap, BattleMapCounts } from '../api/get-battle-map';
import { buildRiskTree, type RiskNode, riskTreemapOption } from '../charts/risk-treemap.option';
import { type RuleBarDatum, ruleChartHeight, ruleCountsOption } from '../charts/rule-counts.option';
import { weeklyTrendOption } from '../charts/weekly-trend.option';
import { LEVEL_COLOR } from '../levels';
import { m } from '../messages';

interface Kpi {
  key: keyof BattleMapCounts;
  title: Msg;
  color?: string;
  /** The list this card opens. */
  filter?: Record<string, string>;
}

const KPIS: Kpi[] = [
  { key: 'open', title: m.kpiOpen, filter: {} },
  { key: 'red', title: m.kpiRed, color: LEVEL_COLOR.red, filter: { level: 'red' } },
  { key: 'orange', title: m.kpiOrange, color: '#d46b08', filter: { level: 'orange' } },
  { key: 'yellow', title: m.kpiYellow, color: '#d4b106', filter: { level: 'yellow' } },
  { key: 'overdue', title: m.kpiOverdue, color: LEVEL_COLOR.red, filter: { status: 'overdue' } },
  { key: 'escalated', title: m.kpiEscalated, color: '#722ed1' },
];

/** The six counts of the region; each but the escalated one opens the list it counts. */
export function KpiCards({ data, loading, regionCode }: { data: BattleMap | undefined; loading: boolean; regionCode?: string }) {
  const { t } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      {KPIS.map((k) => {
        const value = data?.counts[k.key] ?? 0;
        const card = (
          <Card size="small" hoverable={Boolean(k.filter)}>
            <Statistic title={t(k.title)} value={value} loading={loading} styles={{ content: { color: value > 0 ? k.color : undefined } }} />
          </Card>
        );
        return (
          <Col key={k.key} xs={12} md={8} xl={4} data-testid={`battle-kpi-${k.key}`}>
            {k.filter ? <Link to={warningsPath({ ...k.filter, region: regionCode })}>{card}</Link> : card}
          </Col>
        );
      })}
    </Row>
  );
}

/** The risk map: a treemap of sub-regions, townships and projects; a project opens its warnings. */
export function RiskMapCard({ data, loading }: { data: BattleMap | undefined; loading: boolean }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const tree = useMemo(() => buildRiskTree(data?.map ?? [], data?.byRegion ?? [], t(m.unknownTownship)), [data, t]);
  const option = useMemo(
    () =>
      riskTreemapOption(tree, {
        seriesName: data?.regionName ?? t(m.riskMap),
        tooltipLine: t(m.mapTooltip),
        groupLine: `${t(m.openWarnings)} {open}`,
        levelName: {
          red: labelOf(warningLevelLabels, 'red', lang),
          orange: labelOf(warningLevelLabels, 'orange', lang),
          yellow: labelOf(warningLevelLabels, 'yellow', lang),
          green: t(m.noLevel),
        },
      }),
    [tree, data?.regionName, t, lang],
  );
  const onEvents = {
    click: (e: ChartEvent) => {
      const node = e.data as Partial<RiskNode> | undefined;
      if (node?.projectId) navigate(warningsPath({ projectId: node.projectId, subject: node.name }));
    },
  };
  return (
    <Card size="small" title={t(m.riskMap)} data-testid="battle-risk-map">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t(m.riskMapHint)}
      </Typography.Paragraph>
      <Legend />
      {!loading && tree.length === 0 ? <Empty description={t(m.noMap)} /> : <EChart option={option} height={440} loading={loading && !data} onEvents={onEvents} testId="battle-risk-map-chart" />}
    </Card>
  );
}

function Legend() {
  const { t, lang } = useI18n();
  const items: [string, string][] = [
    [LEVEL_COLOR.red, labelOf(warningLevelLabels, 'red', lang)],
    [LEVEL_COLOR.orange, labelOf(warningLevelLabels, 'orange', lang)],
    [LEVEL_COLOR.yellow, labelOf(warningLevelLabels, 'yellow', lang)],
    [LEVEL_COLOR.green, t(m.noLevel)],
  ];
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', marginBottom: 8 }}>
      {items.map(([color, label]) => (
        <span key={color} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, fontSize: 12 }}>
          <span style={{ width: 12, height: 12, borderRadius: 2, background: color, display: 'inline-block' }} />
          {label}
        </span>
      ))}
    </div>
  );
}

/** Open warnings by rule (stacked by level) beside the last 12 weeks' raised, closed and cleared. */
export function RuleAndTrendCharts({ data, loading, regionCode }: { data: BattleMap | undefined; loading: boolean; regionCode?: string }) {
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();
  const byRule = data?.byRule ?? [];
  const ruleOption = useMemo(
    () =>
      ruleCountsOption(byRule, {
        levelName: { red: labelOf(warningLevelLabels, 'red', lang), orange: labelOf(warningLevelLabels, 'orange', lang), yellow: labelOf(warningLevelLabels, 'yellow', lang) },
        ruleName: (r) => pick(r.ruleName),
      }),
    [byRule, lang, pick],
  );
  const trend = data?.trend ?? [];
  const trendOption = useMemo(() => weeklyTrendOption(trend, { raised: t(m.raised), closed: t(m.closed), resolved: t(m.resolved) }), [trend, t]);
  const ruleEvents = {
    click: (e: ChartEvent) => {
      const d = e.data as RuleBarDatum | undefined;
      if (d?.ruleCode) navigate(warningsPath({ rule: d.ruleCode, level: d.level, region: regionCode }));
    },
  };
  const hasRules = byRule.some((r) => r.red + r.orange + r.yellow > 0);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t(m.byRule)} style={{ height: '100%' }} data-testid="battle-by-rule">
          {!loading && !hasRules ? <Empty description={t(m.noOpenWarnings)} /> : <EChart option={ruleOption} height={ruleChartHeight(byRule)} loading={loading && !data} onEvents={ruleEvents} />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t(m.trend)} style={{ height: '100%' }} data-testid="battle-trend">
          {!loading && trend.length === 0 ? <Empty description={t(m.noData)} /> : <EChart option={trendOption} height={320} loading={loading && !data} />}
        </Card>
      </Col>
    </Row>
  );
}
