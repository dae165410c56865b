import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { UserDto } from '../../../server/modules/auth/auth.presenter';
import { useHasPermission } from '../../app/session';
import { RegionSelect } from '../../components/region-select';
import { api, type Page } from '../../lib/api-client';
import { applyServerErrors, problemText } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { INDUSTRIES, options } from '../../lib/labels';

interface RoleInfo {
  role: string;
  zh: string;
  en: string;
  scopeKind: string;
}

const PERSON_ROLES = (roles: RoleInfo[]) => roles.filter((r) => !['bank_integration', 'site_device', 'worker'].includes(r.role));

export function UsersPage() {
  const { t, lang, pick } = useI18n();
  const { modal, message } = App.useApp();
  const can = useHasPermission();
  const client = useQueryClient();
  const [query, setQuery] = useState<Record<string, string | number | undefined>>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const list = useQuery({ queryKey: ['users', query], queryFn: () => api.get<Page<UserDto>>('/api/users', query), placeholderData: keepPreviousData });
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => api.get<RoleInfo[]>('/api/roles') });
  const scopeKind = roles.data?.find((r) => r.role === role)?.scopeKind;

  const showOnce = (title: string, secret: string) =>
    modal.success({ title, content: <Space direction="vertical"><Typography.Text>{t('仅显示一次，请通过安全渠道交给本人；首次登录须修改。', 'Shown once: hand it over securely; it must be changed at first login.')}</Typography.Text><Typography.Text copyable code data-testid="one-time-password">{secret}</Typography.Text></Space> });

  const create = async (values: Record<string, string>) => {
    try {
      const result = await api.post<{ initialPassword: string }>('/api/users', values);
      await client.invalidateQueries({ queryKey: ['users'] });
      setCreating(false);
      showOnce(t('用户已创建', 'User created'), result.initialPassword);
    } catch (err) {
      setError(applyServerErrors(form, err, lang));
    }
  };
  const patch = async (u: UserDto, body: Record<string, unknown>) => {
    try {
      await api.patch(`/api/users/${u.id}`, { version: u.version, ...body });
      await client.invalidateQueries({ queryKey: ['users'] });
    } catch (err) {
      message.error(problemText(err, lang));
    }
  };
  const reset = (u: UserDto) =>
    modal.confirm({
      title: t(`重置 ${u.username} 的密码？`, `Reset the password of ${u.username}?`),
      content: t('该用户的会话与动态口令将被清除。', 'Their sessions and authenticator will be cleared.'),
      onOk: async () => {
        try {
          const r = await api.post<{ initialPassword: string }>(`/api/users/${u.id}/reset-password`);
          showOnce(t('新的一次性密码', 'New one-time password'), r.initialPassword);
        } catch (err) {
          message.error(problemText(err, lang));
        }
      },
    });

  return (
    <Card title={t('用户', 'Users')} extra={can('users.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setError(null); setCreating(true); }}>{t('新建用户', 'New user')}</Button>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('用户名或姓名', 'Username or name')} style={{ width: 220 }} onSearch={(q) => setQuery({ ...query, q: q || undefined, page: 1 })} />
        <Select allowClear placeholder={t('角色', 'Role')} style={{ width: 200 }} options={(roles.data ?? []).map((r) => ({ value: r.role, label: lang === 'zh' ? r.zh : r.en }))} onChange={(v) => setQuery({ ...query, role: v, page: 1 })} />
      </Space>
      <Table<UserDto>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description={t('没有符合条件的用户', 'No matching users')} /> }}
        pagination={{ current: Number(query.page), pageSize: Number(query.pageSize), total: list.data?.total, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
        columns={[
          { title: t('用户名', 'Username'), dataIndex: 'username' },
          { title: t('姓名', 'Name'), dataIndex: 'displayName' },
          { title: t('角色', 'Role'), render: (_, u) => pick(u.roleName) },
          { title: t('范围', 'Scope'), render: (_, u) => u.scope.enterpriseName ?? [u.scope.regionName, u.scope.industry && pick(INDUSTRIES[u.scope.industry as keyof typeof INDUSTRIES])].filter(Boolean).join(' · ') },
          {
            title: t('状态', 'Status'),
            render: (_, u) => (
              <Space>
                {u.status === 'active' ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag>{t('停用', 'Disabled')}</Tag>}
                {u.locked && <Tag color="orange">{t('已锁定', 'Locked')}</Tag>}
                {u.mfaEnrolled && <Tag color="blue">MFA</Tag>}
              </Space>
            ),
          },
          {
            title: t('操作', 'Actions'),
            render: (_, u) =>
              can('users.write') && (
                <Space>
                  <Button size="small" type="link" onClick={() => patch(u, { status: u.status === 'active' ? 'disabled' : 'active' })}>
                    {u.status === 'active' ? t('停用', 'Disable') : t('启用', 'Enable')}
                  </Button>
                  <Button size="small" type="link" onClick={() => reset(u)}>{t('重置密码', 'Reset password')}</Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal open={creating} title={t('新建用户', 'New user')} onCancel={() => setCreating(false)} onOk={() => form.submit()} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('3至32位字母、数字或 _.-', '3–32 letters, digits or _.-') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label={t('姓名', 'Name')} rules={[{ required: true }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="role" label={t('角色', 'Role')} rules={[{ required: true }]}>
            <Select options={PERSON_ROLES(roles.data ?? []).map((r) => ({ value: r.role, label: lang === 'zh' ? r.zh : r.en }))} />
          </Form.Item>
          {scopeKind === 'region' && (
            <>
              <Form.Item name="scopeRegionCode" label={t('管辖区域', 'Region')} rules={[{ required: true }]}>
                <RegionSelect />
              </Form.Item>
              {role === 'industry_official' && (
                <Form.Item name="scopeIndustry" label={t('行业', 'Industry')} rules={[{ required: true }]}>
                  <Select options={options(INDUSTRIES, lang)} />
                </Form.Item>
              )}
            </>
          )}
          {scopeKind === 'enterprise' && (
            <Form.Item name="scopeEnterpriseId" label={t('所属企业ID', 'Enterprise id')} extra={t('在“企业”页面复制企业ID', 'Copy the id from the Enterprises page')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
