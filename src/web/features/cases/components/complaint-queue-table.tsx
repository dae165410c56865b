import { Button, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { WaitingComplaint } from '../api/complaint-queue';
import { m } from '../messages';

interface Props {
  rows: WaitingComplaint[] | undefined;
  loading: boolean;
  initial?: boolean;
  pagination: TablePaginationConfig | false;
  /** Offered on a set-aside complaint when the caller may receive clues. */
  onRetry?: (c: WaitingComplaint) => void;
  /** The complaint whose retry is being sent. */
  retrying?: string;
}

/** 待分派: public complaints with their number, waiting for a unit; those that failed to route show the failure's kind and the next try. */
export function ComplaintQueueTable({ rows, loading, initial, pagination, onRetry, retrying }: Props) {
  const { t, lang } = useI18n();
  const missing = <Typography.Text type="secondary">{t(m.notStored)}</Typography.Text>;
  const columns: TableColumnsType<WaitingComplaint> = [
    { title: t(m.receivedAt), dataIndex: 'receivedAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
    { title: t(m.caseNo), dataIndex: 'caseNo', width: 190 },
    {
      title: t(m.regionName),
      key: 'place',
      width: 220,
      render: (_, c) => (
        <>
          {c.regionName}
          {c.projectName && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{c.projectName}</Typography.Text>}
        </>
      ),
    },
    { title: t(m.employer), dataIndex: 'employerName', width: 220, ellipsis: true, render: (v: string | null) => v ?? missing },
    { title: t(m.complaintName), dataIndex: 'name', width: 120, render: (v: string | null) => v ?? missing },
    { title: t(m.workerCount), dataIndex: 'workerCount', width: 90, align: 'right' },
    { title: t(m.claimed), dataIndex: 'claimedFen', width: 130, align: 'right', render: (v: number | null) => (v === null ? missing : formatYuan(v)) },
    {
      title: t(m.queueStatus),
      key: 'status',
      width: 240,
      render: (_, c) =>
        c.attempts === 0 ? (
          <Tag color="processing" data-testid="queue-status" data-status="waiting">
            {t(m.queueWaiting)}
          </Tag>
        ) : (
          <>
            <Tag color="error" data-testid="queue-status" data-status="set_aside">
              {t(m.queueSetAside, { n: c.attempts })}
            </Tag>
            {c.lastError && <Typography.Text code>{c.lastError}</Typography.Text>}
            {c.retryAt && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t(m.queueRetryAt, { at: formatDateTime(c.retryAt, lang) })}
              </Typography.Text>
            )}
          </>
        ),
    },
    ...(onRetry
      ? [
          {
            title: '',
            key: 'retry',
            width: 110,
            render: (_: unknown, c: WaitingComplaint) =>
              c.attempts > 0 && (
                <Button size="small" loading={retrying === c.caseNo} onClick={() => onRetry(c)} data-testid="queue-retry">
                  {t(m.retryNow)}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Table<WaitingComplaint>
      rowKey="caseNo"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 1500 }}
      pagination={pagination}
      locale={{ emptyText: initial ? ' ' : <Empty description={t(m.noQueue)} /> }}
      data-testid="complaint-queue-table"
    />
  );
}
