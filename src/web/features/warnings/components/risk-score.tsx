import { Button, Empty, Popover, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf, riskFactorLabels } from '../../../lib/labels';
import { type RiskScore, type RiskSubject, useRiskScore } from '../api/get-risk-score';
import { m } from '../messages';

/** The score's colour: red from 30 (one red warning), orange from 15, yellow above 0. */
export const scoreColor = (score: number) => (score >= 30 ? '#cf1322' : score >= 15 ? '#d46b08' : score > 0 ? '#d4b106' : '#389e0d');

/** Scores may carry a half point (a subcontractor's warning weighs half on the contractor above it). */
export const formatScore = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** What adds to a score, factor by factor, with the time it was computed. */
export function RiskFactors({ score }: { score: RiskScore }) {
  const { t, pick, lang } = useI18n();
  return (
    <>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={score.factors.filter((f) => f.points !== 0 || f.count !== 0)}
        locale={{ emptyText: t(m.noFactors) }}
        columns={[
          { title: t(m.factor), dataIndex: 'label', render: (_, f) => pick(f.label) || labelOf(riskFactorLabels, f.code, lang) },
          { title: t(m.count), dataIndex: 'count', width: 70, align: 'right' },
          { title: t(m.points), dataIndex: 'points', width: 70, align: 'right', render: (p: number) => <Typography.Text strong>{p > 0 ? `+${formatScore(p)}` : formatScore(p)}</Typography.Text> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>{t(m.score)}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong style={{ color: scoreColor(score.score) }} data-testid="risk-score-total">{formatScore(score.score)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
        data-testid="risk-factors"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(m.computedAt, { time: formatDateTime(score.computedAt, lang) })}</Typography.Text>
    </>
  );
}

function ExplainBody({ kind, id }: { kind: RiskSubject; id: string }) {
  const { t } = useI18n();
  const score = useRiskScore(kind, id);
  if (score.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (score.isError) {
    if (score.error instanceof ApiError && score.error.status === 404) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.scoreMissing)} />;
    return <QueryError error={score.error} onRetry={() => score.refetch()} />;
  }
  return score.data ? <RiskFactors score={score.data} /> : null;
}

/** A score as a link; clicking it explains the score (the factors load on first open). */
export function ScoreExplain({ kind, id, score }: { kind: RiskSubject; id: string; score: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      title={t(m.scoreTitle)}
      content={<div style={{ width: 360 }}>{open && <ExplainBody kind={kind} id={id} />}</div>}
      destroyOnHidden
    >
      <Button type="link" size="small" style={{ padding: 0, color: scoreColor(score), fontWeight: 600 }} aria-label={t(m.explain)} data-testid="risk-score-explain" onClick={(e) => e.stopPropagation()}>
        {formatScore(score)}
      </Button>
    </Popover>
  );
}
