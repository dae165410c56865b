import { Alert, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { EnterpriseDto } from '../../../server/modules/orgs/orgs.presenter';
import { RegionSelect } from '../../components/region-select';
import { applyServerErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { ENTERPRISE_TYPES, INDUSTRIES, options } from '../../lib/labels';
import { type EnterpriseInput, useBanks, useSaveEnterprise } from './api';

/** Register or edit an enterprise. Masked personal fields are left empty: blank keeps what is on file. */
export function EnterpriseForm(props: { open: boolean; enterprise: EnterpriseDto | null; onClose(): void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const save = useSaveEnterprise();
  const banks = useBanks();
  const [error, setError] = useState<string | null>(null);
  const editing = props.enterprise;

  useEffect(() => {
    if (!props.open) return;
    setError(null);
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, legalRepIdNumber: undefined, legalRepPhone: undefined });
  }, [props.open, editing, form]);

  const submit = async (values: Record<string, string | undefined>) => {
    setError(null);
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
    try {
      await save.mutateAsync({ ...(body as unknown as EnterpriseInput), ...(editing ? { id: editing.id, version: editing.version } : {}) });
      props.onClose();
    } catch (err) {
      setError(applyServerErrors(form, err, lang));
    }
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      width={520}
      title={editing ? t('编辑企业', 'Edit enterprise') : t('登记企业', 'Register an enterprise')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="enterprise-save">
            {t('保存', 'Save')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="enterprise-error" />}
      <Form form={form} layout="vertical" onFinish={submit} name="enterprise">
        <Form.Item name="creditCode" label={t('统一社会信用代码', 'Unified social credit code')} rules={[{ required: true, len: 18, message: t('应为18位', 'Must be 18 characters') }]}>
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="name" label={t('企业名称', 'Name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="type" label={t('企业类型', 'Type')} rules={[{ required: true }]}>
          <Select options={options(ENTERPRISE_TYPES, lang)} />
        </Form.Item>
        <Form.Item name="industry" label={t('行业', 'Industry')} rules={[{ required: true }]}>
          <Select options={options(INDUSTRIES, lang)} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('所在区划', 'Region')} rules={[{ required: true }]}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="legalRepName" label={t('法定代表人', 'Legal representative')} rules={[{ required: true }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="legalRepIdNumber"
          label={t('法定代表人身份证号', 'Legal representative ID number')}
          extra={editing?.legalRepIdNumber ? t(`已登记 ${editing.legalRepIdNumber}，留空则不变`, `On file ${editing.legalRepIdNumber}; leave blank to keep`) : undefined}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="legalRepPhone"
          label={t('法定代表人手机号', 'Legal representative mobile')}
          extra={editing?.legalRepPhone ? t(`已登记 ${editing.legalRepPhone}，留空则不变`, `On file ${editing.legalRepPhone}; leave blank to keep`) : undefined}
        >
          <Input maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item name="address" label={t('地址', 'Address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="bankId" label={t('基本户开户银行', 'Bank')}>
          <Select allowClear loading={banks.isLoading} options={(banks.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
