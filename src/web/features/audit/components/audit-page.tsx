import { SafetyOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useServerPagination } from '../../../lib/server-pagination';
import { type AuditQuery, type AuditRecord, useAuditLog } from '../api/get-audit-log';
import { useVerifyAuditChain } from '../api/verify-audit-chain';
import { m } from '../messages';
import { AuditFilters } from './audit-filters';
import { ChainResult } from './chain-result';

const json = (v: unknown) => (v === null || v === undefined ? '—' : <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(v, null, 2)}</pre>);

/** The audit log (audit administrators only) and, on request, the hash chain's verification. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const list = useAuditLog(query);
  const pagination = useServerPagination(query, setQuery, list.data?.total);
  const verify = useVerifyAuditChain();

  const columns: TableColumnsType<AuditRecord> = [
    { title: '#', dataIndex: 'seq', width: 80 },
    { title: t(m.time), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v, lang) },
    { title: t(m.actor), dataIndex: 'actorName' },
    { title: t(m.role), dataIndex: 'actorRole', render: (v: string | null) => v ?? '—' },
    { title: t(m.actionCol), dataIndex: 'action', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t(m.object), key: 'object', render: (_, r) => `${r.objectType}${r.objectId ? ` · ${r.objectId}` : ''}`, ellipsis: true },
    {
      title: t(m.result),
      dataIndex: 'result',
      render: (v: string) => (v === 'success' ? <Tag color="green">{t(m.success)}</Tag> : <Tag color="red">{t(m.failure)}</Tag>),
    },
    { title: t(m.ip), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card
      title={t(m.title)}
      extra={
        <Button icon={<SafetyOutlined />} onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
          {t(m.verify)}
        </Button>
      }
    >
      {verify.data && <ChainResult report={verify.data} />}
      {verify.isError && <QueryError error={verify.error} onRetry={() => verify.mutate()} />}
      <AuditFilters onChange={(filters) => setQuery((q) => ({ ...filters, page: 1, pageSize: q.pageSize }))} />
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<AuditRecord>
        rowKey="seq"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        scroll={{ x: 1000 }}
        locale={{ emptyText: list.isLoading ? ' ' : <Empty description={t(m.empty)} /> }}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: 'reason', label: t(m.reason), children: r.reason ?? '—' },
                { key: 'before', label: t(m.before), children: json(r.before) },
                { key: 'after', label: t(m.after), children: json(r.after) },
                { key: 'request', label: t(m.requestId), children: r.requestId ?? '—' },
                { key: 'hash', label: t(m.hash), children: <Typography.Text code copyable style={{ fontSize: 12 }}>{r.hash}</Typography.Text> },
              ]}
            />
          ),
        }}
        pagination={pagination}
      />
    </Card>
  );
}
