import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { common, useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { type Bank, useBanks } from '../api/get-banks';
import { m } from '../messages';
import { BankModal } from './bank-modal';

/** The bank catalogue. Editing follows each bank's `allowedActions`; adding is offered to whoever may edit. */
export function BanksPage() {
  const { t } = useI18n();
  const can = useCan();
  const [q, setQ] = useState<string>();
  const [modal, setModal] = useState<{ open: boolean; bank: Bank | null }>({ open: false, bank: null });
  const list = useBanks(q);
  const banks = list.data ?? [];
  // The server's policy, as it shows on the records: whoever may edit a bank may add one.
  const mayAdd = can('orgs.write') && list.isSuccess && (banks.length === 0 || banks.some((b) => b.allowedActions.includes('update')));

  return (
    <Card
      title={t(m.banks)}
      extra={
        mayAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ open: true, bank: null })} data-testid="bank-create">
            {t(m.createBank)}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t(m.banksNote)}</Typography.Paragraph>
      <Input.Search allowClear placeholder={t(m.searchBank)} style={{ width: 280, marginBottom: 16 }} onSearch={(v) => setQ(v.trim() || undefined)} data-testid="bank-search" />
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<Bank>
        rowKey="id"
        loading={list.isFetching}
        dataSource={banks}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t(common.total, { n }) }}
        locale={{ emptyText: list.isLoading ? ' ' : <Empty description={t(m.noBanks)} /> }}
        columns={[
          { title: t(m.bankName), dataIndex: 'name' },
          { title: t(m.bankCode), dataIndex: 'bankCode' },
          {
            title: t(common.actions),
            key: 'actions',
            render: (_, b) =>
              b.allowedActions.includes('update') && (
                <Button type="link" size="small" onClick={() => setModal({ open: true, bank: b })} data-testid="bank-edit">
                  {t(common.edit)}
                </Button>
              ),
          },
        ]}
      />
      <BankModal open={modal.open} bank={modal.bank} onClose={() => setModal((s) => ({ ...s, open: false }))} />
    </Card>
  );
}
