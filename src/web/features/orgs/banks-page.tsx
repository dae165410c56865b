import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import type { BankDto } from '../../../server/modules/orgs/orgs.presenter';
import { useMe } from '../../app/session';
import { applyServerErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { useBanks, useSaveBank } from './api';

/** The national bank catalogue: everyone reads it, the system administrator maintains it. */
export function BanksPage() {
  const { t, lang } = useI18n();
  const { data: me } = useMe();
  const [q, setQ] = useState<string>();
  const list = useBanks(q);
  const save = useSaveBank();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<BankDto | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: { name: string; bankCode: string }) => {
    try {
      await save.mutateAsync(editing && editing !== 'new' ? { ...values, id: editing.id, version: editing.version } : values);
      setEditing(null);
    } catch (err) {
      setError(applyServerErrors(form, err, lang));
    }
  };
  const openForm = (bank: BankDto | 'new') => {
    setError(null);
    form.resetFields();
    if (bank !== 'new') form.setFieldsValue(bank);
    setEditing(bank);
  };

  return (
    <Card
      title={t('银行', 'Banks')}
      extra={me?.user.role === 'system_admin' && <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm('new')}>{t('新增银行', 'Add bank')}</Button>}
    >
      <Input.Search allowClear placeholder={t('银行名称或联行号', 'Name or bank code')} style={{ width: 260, marginBottom: 16 }} onSearch={(v) => setQ(v || undefined)} />
      <Table<BankDto>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data}
        pagination={false}
        locale={{ emptyText: <Empty description={t('暂无银行', 'No banks yet')} /> }}
        columns={[
          { title: t('银行名称', 'Name'), dataIndex: 'name' },
          { title: t('联行号', 'Bank code'), dataIndex: 'bankCode' },
          {
            title: t('操作', 'Actions'),
            key: 'a',
            render: (_, b) => b.allowedActions.includes('update') && <Button size="small" type="link" onClick={() => openForm(b)}>{t('编辑', 'Edit')}</Button>,
          },
        ]}
      />
      <Modal open={editing !== null} title={t('银行', 'Bank')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="name" label={t('银行名称', 'Name')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="bankCode" label={t('联行号（12位）', 'Bank code (12 digits)')} rules={[{ required: true, pattern: /^\d{12}$/, message: t('应为12位数字', '12 digits') }]}>
            <Input maxLength={12} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
