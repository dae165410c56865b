import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { warningsPath } from '../../../config/paths';
import { formatYuan } from '../../../lib/format';
import { type Lang, useI18n } from '../../../lib/i18n';
import { consequenceLabels, labelOf } from '../../../lib/labels';
import { type RuleParam, type WarningRuleDto, useWarningRules } from '../api/get-warning-rules';
import { m } from '../messages';
import { LevelTag } from './warning-tags';

/** A parameter's value as people read it: fen as yuan, shares and ratios as percent, lists joined, booleans as yes/no, else with its unit. */
function paramText(p: RuleParam, lang: Lang, pick: (b: RuleParam['unit']) => string): string {
  const v = p.value;
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number' && (p.unit?.en === 'fen' || /Fen$/.test(p.id))) return formatYuan(v);
  if (typeof v === 'number' && !p.unit && /(Ratio|Share|Rate)$/i.test(p.id)) return `${Number((v * 100).toFixed(2))}%`;
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.join(lang === 'zh' ? '、' : ', ');
  if (typeof v === 'object') return JSON.stringify(v);
  const unit = p.unit ? pick(p.unit) : '';
  return `${String(v)}${unit ? (lang === 'zh' ? unit : ` ${unit}`) : ''}`;
}

/** 规则目录: every warning rule, the levels it raises, its legal source and its parameters' values for the caller's region. */
export function WarningRulesPage() {
  const { t, pick, lang } = useI18n();
  const rules = useWarningRules();

  const columns: TableColumnsType<WarningRuleDto> = [
    { title: t(m.code), dataIndex: 'code', width: 80, render: (code: string) => <Link to={warningsPath({ rule: code })}>{code}</Link> },
    {
      title: t(m.ruleName),
      dataIndex: 'name',
      width: 280,
      render: (_, r) => (
        <>
          <Typography.Text strong>{pick(r.name)}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
            {pick(r.watches)}
          </Typography.Paragraph>
        </>
      ),
    },
    { title: t(m.subjectKind), dataIndex: 'subject', width: 80, render: (s: string) => t(s === 'enterprise' ? m.subjectEnterprise : m.subjectProject) },
    {
      title: t(m.levels),
      dataIndex: 'levels',
      width: 150,
      render: (levels: WarningRuleDto['levels']) => (
        <Space size={2} wrap>
          {levels.map((l) => (
            <LevelTag key={l} level={l} />
          ))}
        </Space>
      ),
    },
    {
      title: t(m.legal),
      dataIndex: 'source',
      width: 300,
      render: (_, r) => (
        <>
          {pick(r.source)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.ruleRef}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t(m.params),
      dataIndex: 'params',
      width: 300,
      render: (params: RuleParam[]) =>
        params.length === 0 ? (
          <Typography.Text type="secondary">{t(m.noParams)}</Typography.Text>
        ) : (
          params.map((p) => (
            <div key={p.id} style={{ fontSize: 12 }} title={p.id}>
              {pick(p.name)}：<Typography.Text strong>{paramText(p, lang, pick)}</Typography.Text>
            </div>
          ))
        ),
    },
    {
      title: t(m.consequences),
      dataIndex: 'consequences',
      width: 200,
      render: (cs: string[]) => (cs.length === 0 ? '—' : cs.map((c) => <Tag key={c} style={{ marginBottom: 2 }}>{labelOf(consequenceLabels, c, lang)}</Tag>)),
    },
  ];

  return (
    <Card title={t(m.ruleCatalogue)} data-testid="warning-rules">
      <Typography.Paragraph type="secondary">{t(m.rulesHint)}</Typography.Paragraph>
      {rules.isError && <QueryError error={rules.error} onRetry={() => rules.refetch()} />}
      <Table<WarningRuleDto>
        rowKey="code"
        size="middle"
        loading={rules.isFetching}
        dataSource={rules.data?.items}
        columns={columns}
        scroll={{ x: 1400 }}
        pagination={false}
        locale={{ emptyText: rules.isLoading ? ' ' : <Empty description={t(m.noRules)} /> }}
        data-testid="warning-rules-table"
      />
    </Card>
  );
}
