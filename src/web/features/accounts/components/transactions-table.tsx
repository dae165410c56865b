import { Checkbox, Empty, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { TRANSACTION_KINDS } from '../../../../server/modules/accounts/accounts.rules';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf, optionsOf } from '../../../lib/labels';
import { useServerPagination } from '../../../lib/server-pagination';
import { type AccountTransaction, type TransactionQuery, useTransactions } from '../api/get-transactions';
import { m } from '../messages';

/** 专户流水, paged on the server, by kind; lines that break ACC-05 are marked. */
export function TransactionsTable({ accountId }: { accountId: string }) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState<TransactionQuery>({ page: 1, pageSize: 20 });
  const lines = useTransactions(accountId, query);
  const pagination = useServerPagination(query, setQuery, lines.data?.total);

  const columns: TableColumnsType<AccountTransaction> = [
    { title: t(m.bookedAt), dataIndex: 'bookedAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
    { title: t(m.bankTxnId), dataIndex: 'bankTxnId', width: 160, ellipsis: true },
    { title: t(m.kind), dataIndex: 'kind', width: 110, render: (v: string) => labelOf(TRANSACTION_KINDS, v, lang) },
    {
      title: t(m.amount),
      dataIndex: 'amountFen',
      width: 140,
      align: 'right',
      render: (v: number) => <Typography.Text type={v < 0 ? undefined : 'success'}>{formatYuan(v)}</Typography.Text>,
    },
    { title: t(m.balanceAfter), dataIndex: 'balanceAfterFen', width: 140, align: 'right', render: formatYuan },
    {
      title: t(m.counterparty),
      key: 'counterparty',
      ellipsis: true,
      render: (_, l) => (
        <>
          {l.counterpartyName ?? '—'}
          {l.counterpartyAccount && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{l.counterpartyAccount}</Typography.Text>}
        </>
      ),
    },
    { title: t(m.memo), key: 'memo', ellipsis: true, render: (_, l) => [l.payoutRef, l.memo].filter(Boolean).join(' ') || '—' },
    { title: t(m.source), dataIndex: 'source', width: 100, render: (v: string) => (v === 'api' ? t(m.sourceApi) : t(m.sourceImport)) },
    {
      title: '',
      dataIndex: 'flags',
      width: 100,
      render: (flags: string[]) =>
        flags.length > 0 && (
          <Tooltip title={t(m.flaggedHint)}>
            <Tag color="red" data-testid="transaction-flagged">{t(m.flagged)}</Tag>
          </Tooltip>
        ),
    },
  ];

  return (
    <div data-testid="account-transactions">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t(m.transactions)}</Typography.Text>
        <Flex gap={8} align="center" wrap>
          <Select
            allowClear
            placeholder={t(m.allKinds)}
            style={{ width: 160 }}
            value={query.kind}
            onChange={(kind?: TransactionQuery['kind']) => setQuery((q) => ({ ...q, kind, page: 1 }))}
            options={optionsOf(TRANSACTION_KINDS, lang)}
          />
          <Checkbox checked={!!query.flagged} onChange={(e) => setQuery((q) => ({ ...q, flagged: e.target.checked || undefined, page: 1 }))}>
            {t(m.flaggedOnly)}
          </Checkbox>
        </Flex>
      </Flex>
      {lines.isError && <QueryError error={lines.error} onRetry={() => lines.refetch()} />}
      <Table<AccountTransaction>
        rowKey="id"
        size="small"
        loading={lines.isFetching}
        dataSource={lines.data?.items ?? []}
        columns={columns}
        scroll={{ x: 1200 }}
        pagination={pagination}
        onRow={(l) => (l.flags.length > 0 ? { style: { background: '#fff1f0' } } : {})}
        locale={{ emptyText: lines.isLoading ? ' ' : <Empty description={t(m.noTransactions)} /> }}
      />
    </div>
  );
}
