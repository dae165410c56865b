import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { Link } from 'react-router-dom';
import { casePath, projectPath } from '../../../config/paths';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import type { Clue } from '../api/get-clues';
import { clueStatusLabels, employerMatchLabels } from '../labels';
import { m } from '../messages';

const CLUE_STATUS_COLOR: Record<string, string> = { open: 'processing', in_case: 'green', intelligence: 'gold' };

interface Props {
  rows: Clue[] | undefined;
  loading: boolean;
  initial?: boolean;
  pagination: TablePaginationConfig | false;
  emptyText: string;
  /** On a case's page: no link to the case itself. */
  inCase?: boolean;
  /** Offered next to a masked phone when the caller may read it in full. */
  onReveal?: (clue: Clue) => void;
  testId: string;
}

/** Clues as received: channel, ticket, who complains (none for an anonymous tip-off), about whom, and the case it went to. */
export function CluesTable({ rows, loading, initial, pagination, emptyText, inCase, onReveal, testId }: Props) {
  const { t, pick, lang } = useI18n();
  const columns: TableColumnsType<Clue> = [
    { title: t(m.receivedAt), dataIndex: 'receivedAt', width: 170, render: (v: string, c) => <>{formatDateTime(v, lang)}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{c.receivedBy}</Typography.Text></> },
    {
      title: t(m.channel),
      dataIndex: 'channel',
      width: 170,
      render: (_, c) => (
        <>
          {pick(c.channelLabel) || c.channel}
          {c.externalId && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{c.externalId}</Typography.Text>}
        </>
      ),
    },
    {
      title: t(m.complainant),
      key: 'complainant',
      width: 180,
      render: (_, c) =>
        c.anonymous ? (
          <Tag color="gold">{t(m.anonymous)}</Tag>
        ) : (
          <Space size={4} wrap>
            <span>{c.complainantName ?? '—'}</span>
            {c.complainantPhone && <Typography.Text type="secondary">{c.complainantPhone}</Typography.Text>}
            {onReveal && c.complainantPhone && (
              <Button size="small" type="link" onClick={() => onReveal(c)} data-testid="clue-reveal-phone">
                {t(m.reveal)}
              </Button>
            )}
          </Space>
        ),
    },
    {
      title: t(m.employer),
      key: 'employer',
      ellipsis: true,
      render: (_, c) => (
        <>
          {c.employerName}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
            {labelOf(employerMatchLabels, c.employerMatch, lang)}
          </Typography.Text>
          {c.projectId && (
            <Link to={projectPath(c.projectId)} style={{ display: 'block', fontSize: 12 }}>
              {c.projectName}
            </Link>
          )}
        </>
      ),
    },
    { title: t(m.workerCount), dataIndex: 'workerCount', width: 90, align: 'right' },
    { title: t(m.claimed), dataIndex: 'claimedFen', width: 130, align: 'right', render: (v: number) => formatYuan(v) },
    { title: t(m.period), key: 'period', width: 190, render: (_, c) => (c.periodFrom || c.periodTo ? `${c.periodFrom ?? '…'} ~ ${c.periodTo ?? '…'}` : '—') },
    { title: t(m.description), dataIndex: 'description', ellipsis: true, width: 220 },
    {
      title: t(m.clueStatus),
      dataIndex: 'status',
      width: 160,
      render: (_, c) => (
        <>
          <Tag color={CLUE_STATUS_COLOR[c.status] ?? 'default'} data-testid="clue-status" data-status={c.status}>
            {labelOf(clueStatusLabels, c.status, lang)}
          </Tag>
          {!inCase && c.caseId && (
            <Link to={casePath(c.caseId)} style={{ display: 'block', fontSize: 12 }} data-testid="clue-case-link">
              {t(m.linkedCase)}
            </Link>
          )}
        </>
      ),
    },
  ];
  return (
    <Table<Clue>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 1500 }}
      pagination={pagination}
      locale={{ emptyText: initial ? ' ' : <Empty description={emptyText} /> }}
      data-testid={testId}
    />
  );
}
