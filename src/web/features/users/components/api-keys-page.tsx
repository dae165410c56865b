import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { OneTimeSecretModal } from '../../../components/one-time-secret';
import { QueryError } from '../../../components/query-error';
import { errorText } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { type ApiKey, useApiKeys } from '../api/get-api-keys';
import { useRoles } from '../api/get-roles';
import { useRevokeApiKey } from '../api/revoke-api-key';
import { m } from '../messages';
import { ApiKeyFormModal } from './api-key-form-modal';

export function ApiKeysPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<{ name: string; secret: string; signingSecret: string | null } | null>(null);
  // A bank's signing secret is shown after its key, once too.
  const [signing, setSigning] = useState<{ name: string; secret: string } | null>(null);
  const list = useApiKeys();
  const roles = useRoles();
  const revoke = useRevokeApiKey();
  const roleName = (role: string) => {
    const r = roles.data?.find((x) => x.role === role);
    return r ? (lang === 'zh' ? r.zh : r.en) : role;
  };

  const columns: TableColumnsType<ApiKey> = [
    { title: t(m.keyName), dataIndex: 'name' },
    { title: t(m.keyPrefix), dataIndex: 'prefix', width: 150, render: (v: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{v}…</Typography.Text> },
    { title: t(m.keyKind), dataIndex: 'role', render: roleName },
    { title: t(m.scope), key: 'scope', render: (_, k) => k.scopeRegionCode ?? k.scopeEnterpriseId ?? '—' },
    { title: t(m.issuedAt), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, lang) },
    { title: t(m.lastUsed), dataIndex: 'lastUsedAt', render: (v: string | null) => formatDateTime(v, lang) },
    { title: t(common.status), key: 'status', render: (_, k) => (k.revokedAt ? <Tag>{t(m.revoked)}</Tag> : <Tag color="green">{t(m.valid)}</Tag>) },
    {
      title: t(common.actions),
      key: 'actions',
      render: (_, k) =>
        !k.revokedAt && (
          <Popconfirm
            title={t(m.confirmRevoke, { name: k.name })}
            onConfirm={() => revoke.mutateAsync(k.id).then(() => void message.success(t(m.revokedDone)), (err: unknown) => void message.error(errorText(err, lang)))}
          >
            <Button type="link" size="small" danger data-testid="api-key-revoke">
              {t(m.revoke)}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t(m.apiKeys)}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="api-key-create">
          {t(m.createKey)}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t(m.apiKeysNote)}</Typography.Paragraph>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<ApiKey>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data}
        columns={columns}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: list.isLoading ? ' ' : <Empty description={t(m.noKeys)} /> }}
      />
      <ApiKeyFormModal open={creating} onClose={() => setCreating(false)} onIssued={(name, secret, signingSecret) => setIssued({ name, secret, signingSecret })} />
      <OneTimeSecretModal
        title={t(m.keyIssued)}
        secret={issued?.secret ?? null}
        extra={issued ? t(m.keySecretFor, { name: issued.name }) : undefined}
        onClose={() => {
          if (issued?.signingSecret) setSigning({ name: issued.name, secret: issued.signingSecret });
          setIssued(null);
        }}
      />
      <OneTimeSecretModal title={t(m.signingIssued)} secret={signing?.secret ?? null} extra={signing ? t(m.signingFor, { name: signing.name }) : undefined} onClose={() => setSigning(null)} />
    </Card>
  );
}
