import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { GovUnitDto } from '../../../server/modules/orgs/orgs.presenter';
import { useHasPermission } from '../../app/session';
import { RegionSelect } from '../../components/region-select';
import { applyServerErrors, problemText } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { GOV_UNIT_KINDS, options } from '../../lib/labels';
import { useDeleteGovUnit, useGovUnits, useSaveGovUnit } from './api';

export function GovUnitsPage() {
  const { t, lang, pick } = useI18n();
  const { modal, message } = App.useApp();
  const can = useHasPermission();
  const [query, setQuery] = useState<{ q?: string; kind?: string; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<GovUnitDto | 'new' | null>(null);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const list = useGovUnits(query);
  const save = useSaveGovUnit();
  const remove = useDeleteGovUnit();

  const openForm = (unit: GovUnitDto | 'new') => {
    setError(null);
    form.resetFields();
    if (unit !== 'new') form.setFieldsValue(unit);
    setEditing(unit);
  };
  const submit = async (values: Record<string, unknown>) => {
    try {
      await save.mutateAsync(editing && editing !== 'new' ? { ...values, id: editing.id, version: editing.version } : values);
      setEditing(null);
    } catch (err) {
      setError(applyServerErrors(form, err, lang));
    }
  };

  return (
    <Card
      title={t('政府部门', 'Government units')}
      extra={can('orgs.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm('new')}>{t('新增部门', 'Add unit')}</Button>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('部门名称', 'Unit name')} style={{ width: 240 }} onSearch={(q) => setQuery({ ...query, q: q || undefined, page: 1 })} />
        <Select allowClear placeholder={t('部门类型', 'Kind')} style={{ width: 220 }} options={options(GOV_UNIT_KINDS, lang)} onChange={(kind) => setQuery({ ...query, kind, page: 1 })} />
      </Space>
      <Table<GovUnitDto>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description={t('本辖区暂无登记的政府部门', 'No government units in your jurisdiction yet')} /> }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
        columns={[
          { title: t('部门名称', 'Name'), dataIndex: 'name' },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (v: string) => pick(GOV_UNIT_KINDS[v as keyof typeof GOV_UNIT_KINDS]) },
          { title: t('所在区划', 'Region'), dataIndex: 'regionName' },
          { title: t('办公电话', 'Office phone'), dataIndex: 'officePhone' },
          { title: t('地址', 'Address'), dataIndex: 'address' },
          {
            title: t('操作', 'Actions'),
            key: 'actions',
            render: (_, u) =>
              u.allowedActions.includes('update') && (
                <Space>
                  <Button size="small" type="link" onClick={() => openForm(u)}>{t('编辑', 'Edit')}</Button>
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() =>
                      modal.confirm({
                        title: t(`删除“${u.name}”？`, `Delete "${u.name}"?`),
                        onOk: () => remove.mutateAsync(u.id).catch((err) => message.error(problemText(err, lang))),
                      })
                    }
                  >
                    {t('删除', 'Delete')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('新增部门', 'Add unit') : t('编辑部门', 'Edit unit')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="regionCode" label={t('所在区划', 'Region')} rules={[{ required: true }]}>
            <RegionSelect />
          </Form.Item>
          <Form.Item name="kind" label={t('部门类型', 'Kind')} rules={[{ required: true }]}>
            <Select options={options(GOV_UNIT_KINDS, lang)} />
          </Form.Item>
          <Form.Item name="name" label={t('部门名称', 'Name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="officePhone" label={t('办公电话', 'Office phone')}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="address" label={t('地址', 'Address')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
