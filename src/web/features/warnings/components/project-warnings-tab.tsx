import { Card, Col, Empty, Row, Skeleton, Statistic } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useServerPagination } from '../../../lib/server-pagination';
import { useRiskScore } from '../api/get-risk-score';
import { type WarningQuery, useWarnings } from '../api/get-warnings';
import { m } from '../messages';
import { formatScore, RiskFactors, scoreColor } from './risk-score';
import { WarningsTable } from './warnings-table';

/** A project's 预警 tab: its risk score with the factors behind it, and every warning it has had. */
export function ProjectWarningsTab({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const [query, setQuery] = useState<WarningQuery>({ projectId, status: 'all', page: 1, pageSize: 10 });
  const list = useWarnings(query);
  const pagination = useServerPagination(query, setQuery, list.data?.total);
  const score = useRiskScore('project', projectId);
  const noScore = score.error instanceof ApiError && score.error.status === 404;

  return (
    <Row gutter={[16, 16]} data-testid="project-warnings">
      <Col xs={24} xl={8}>
        <Card size="small" title={t(m.scoreTitle)} data-testid="project-risk-score">
          {score.isLoading && <Skeleton active paragraph={{ rows: 3 }} />}
          {score.isError && !noScore && <QueryError error={score.error} onRetry={() => score.refetch()} />}
          {noScore && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.scoreMissing)} />}
          {score.data && (
            <>
              <Statistic title={t(m.score)} value={formatScore(score.data.score)} styles={{ content: { color: scoreColor(score.data.score) } }} style={{ marginBottom: 12 }} />
              <RiskFactors score={score.data} />
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card size="small" title={t(m.projectWarnings)}>
          {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
          <WarningsTable rows={list.data?.items} loading={list.isFetching} initial={list.isLoading} pagination={pagination} emptyText={t(m.noWarnings)} hideSubject testId="project-warnings-table" />
        </Card>
      </Col>
    </Row>
  );
}
