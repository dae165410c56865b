import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { RegionSelect } from '../../components/region-select';
import { api } from '../../lib/api-client';
import { applyServerErrors, problemText } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: string;
  scopeRegionCode: string | null;
  scopeEnterpriseId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Keys for machines (banks, site devices): the secret is shown once; only a hash is kept. */
export function ApiKeysPage() {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['api-keys'], queryFn: () => api.get<ApiKey[]>('/api/api-keys') });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const roleName = (r: string) => (r === 'bank_integration' ? t('银行接口', 'Bank') : t('现场考勤设备', 'Site device'));
  const time = (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—');

  const create = async (values: Record<string, string>) => {
    try {
      const r = await api.post<{ secret: string }>('/api/api-keys', values);
      await client.invalidateQueries({ queryKey: ['api-keys'] });
      setOpen(false);
      modal.success({ title: t('密钥已签发（仅显示一次）', 'Key issued (shown once)'), content: <Typography.Text copyable code>{r.secret}</Typography.Text>, width: 620 });
    } catch (err) {
      setError(applyServerErrors(form, err, lang));
    }
  };

  return (
    <Card title={t('接口密钥', 'API keys')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setError(null); setOpen(true); }}>{t('签发密钥', 'Issue a key')}</Button>}>
      <Table<ApiKey>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data}
        pagination={false}
        locale={{ emptyText: <Empty description={t('尚未签发接口密钥', 'No keys issued yet')} /> }}
        columns={[
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('前缀', 'Prefix'), dataIndex: 'prefix', render: (v: string) => <Typography.Text code>xd_{v}_…</Typography.Text> },
          { title: t('类型', 'Kind'), dataIndex: 'role', render: roleName },
          { title: t('范围', 'Scope'), render: (_, k) => k.scopeRegionCode ?? k.scopeEnterpriseId },
          { title: t('签发时间', 'Issued'), dataIndex: 'createdAt', render: time },
          { title: t('最近使用', 'Last used'), dataIndex: 'lastUsedAt', render: time },
          {
            title: t('状态', 'Status'),
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>{t('已吊销', 'Revoked')}</Tag>
              ) : (
                <Button size="small" danger onClick={() => modal.confirm({ title: t(`吊销“${k.name}”？`, `Revoke "${k.name}"?`), onOk: () => api.delete(`/api/api-keys/${k.id}`).then(() => client.invalidateQueries({ queryKey: ['api-keys'] })).catch((err) => message.error(problemText(err, lang))) })}>
                  {t('吊销', 'Revoke')}
                </Button>
              ),
          },
        ]}
      />
      <Modal open={open} title={t('签发接口密钥', 'Issue an API key')} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="role" label={t('类型', 'Kind')} rules={[{ required: true }]}>
            <Select options={[{ value: 'bank_integration', label: roleName('bank_integration') }, { value: 'site_device', label: roleName('site_device') }]} />
          </Form.Item>
          {role === 'bank_integration' && (
            <Form.Item name="scopeRegionCode" label={t('服务区域', 'Region')} rules={[{ required: true }]}>
              <RegionSelect />
            </Form.Item>
          )}
          {role === 'site_device' && (
            <Form.Item name="scopeEnterpriseId" label={t('所属企业ID', 'Enterprise id')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
