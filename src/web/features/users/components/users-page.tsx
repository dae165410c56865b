import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Popconfirm, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { OneTimeSecretModal } from '../../../components/one-time-secret';
import { QueryError } from '../../../components/query-error';
import { errorText } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { useServerPagination } from '../../../lib/server-pagination';
import { industryLabels, labelOf } from '../../../lib/labels';
import { useCan } from '../../../lib/session';
import { useRoles } from '../api/get-roles';
import { type User, type UserQuery, useUsers } from '../api/get-users';
import { useResetUserPassword } from '../api/reset-user-password';
import { useUpdateUser } from '../api/update-user';
import { m } from '../messages';
import { UserFormModal } from './user-form-modal';

export function UsersPage() {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize: 20 });
  const [form, setForm] = useState<{ open: boolean; user: User | null }>({ open: false, user: null });
  const [secret, setSecret] = useState<{ title: string; username: string; password: string } | null>(null);
  const list = useUsers(query);
  const pagination = useServerPagination(query, setQuery, list.data?.total);
  const roles = useRoles();
  const update = useUpdateUser();
  const reset = useResetUserPassword();
  const filter = (patch: Partial<UserQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const fail = (err: unknown) => void message.error(errorText(err, lang));

  const toggle = (u: User) =>
    update.mutateAsync({ id: u.id, version: u.version, status: u.status === 'active' ? 'disabled' : 'active' }).then(() => void message.success(t(m.updated)), fail);
  const resetPassword = (u: User) =>
    reset.mutateAsync(u.id).then((r) => setSecret({ title: t(m.resetDone), username: u.username, password: r.initialPassword }), fail);

  const scopeText = (u: User) =>
    u.scope.kind === 'enterprise'
      ? (u.scope.enterpriseName ?? u.scope.enterpriseId ?? '—')
      : [u.scope.regionName, u.scope.industry && labelOf(industryLabels, u.scope.industry, lang)].filter(Boolean).join(' · ') || '—';

  const columns: TableColumnsType<User> = [
    { title: t(m.username), dataIndex: 'username' },
    { title: t(m.displayName), dataIndex: 'displayName' },
    { title: t(m.role), key: 'role', render: (_, u) => pick(u.roleName) },
    { title: t(m.scope), key: 'scope', render: (_, u) => scopeText(u) },
    {
      title: t(common.status),
      key: 'status',
      render: (_, u) => (
        <Space size={4} wrap>
          {u.status === 'active' ? <Tag color="green">{t(m.active)}</Tag> : <Tag>{t(m.disabled)}</Tag>}
          {u.locked && <Tag color="orange">{t(m.locked)}</Tag>}
          {u.mfaEnrolled && <Tag color="blue">{t(m.mfa)}</Tag>}
        </Space>
      ),
    },
    { title: t(m.lastLogin), dataIndex: 'lastLoginAt', render: (v: string | null) => formatDateTime(v, lang) },
  ];
  if (can('users.write')) {
    columns.push({
      title: t(common.actions),
      key: 'actions',
      fixed: 'right',
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setForm({ open: true, user: u })} data-testid="user-edit">
            {t(common.edit)}
          </Button>
          <Popconfirm title={t(u.status === 'active' ? m.confirmDisable : m.confirmEnable, { name: u.displayName })} onConfirm={() => toggle(u)}>
            <Button type="link" size="small" danger={u.status === 'active'} data-testid="user-toggle">
              {u.status === 'active' ? t(m.disable) : t(m.enable)}
            </Button>
          </Popconfirm>
          <Popconfirm title={t(m.confirmReset, { name: u.displayName })} onConfirm={() => resetPassword(u)}>
            <Button type="link" size="small" data-testid="user-reset-password">
              {t(m.resetPassword)}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t(m.users)}
      extra={
        can('users.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true, user: null })} data-testid="user-create">
            {t(m.createUser)}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t(m.searchUser)} style={{ width: 240 }} onSearch={(q) => filter({ q: q.trim() || undefined })} data-testid="user-search" />
        <Select
          allowClear
          placeholder={t(m.role)}
          style={{ width: 220 }}
          loading={roles.isLoading}
          options={(roles.data ?? []).map((r) => ({ value: r.role, label: lang === 'zh' ? r.zh : r.en }))}
          onChange={(role) => filter({ role })}
        />
        <Select
          allowClear
          placeholder={t(common.status)}
          style={{ width: 120 }}
          options={[
            { value: 'active', label: t(m.active) },
            { value: 'disabled', label: t(m.disabled) },
          ]}
          onChange={(status) => filter({ status })}
        />
      </Space>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<User>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        scroll={{ x: 1000 }}
        locale={{ emptyText: list.isLoading ? ' ' : <Empty description={t(m.noUsers)} /> }}
        pagination={pagination}
      />
      <UserFormModal
        open={form.open}
        user={form.user}
        onClose={() => setForm((f) => ({ ...f, open: false }))}
        onCreated={(username, password) => setSecret({ title: t(m.created), username, password })}
      />
      <OneTimeSecretModal title={secret?.title ?? ''} secret={secret?.password ?? null} extra={secret ? t(m.handOver, { username: secret.username }) : undefined} onClose={() => setSecret(null)} />
    </Card>
  );
}
