import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { applyProblemToForm } from '../../../lib/form-errors';
import { compact } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { enterpriseTypeLabels, industryLabels, optionsOf } from '../../../lib/labels';
import { type EnterpriseInput, useCreateEnterprise } from '../api/create-enterprise';
import { useBanks } from '../api/get-banks';
import type { Enterprise } from '../api/get-enterprises';
import { useUpdateEnterprise } from '../api/update-enterprise';
import { m } from '../messages';

interface Values {
  creditCode: string;
  name: string;
  type: string;
  industry: string;
  regionCode: string;
  legalRepName: string;
  legalRepIdNumber?: string;
  legalRepPhone?: string;
  address?: string;
  bankId?: string;
  status?: Enterprise['status'];
}

/**
 * Registers or edits an enterprise. The form's name is `enterprise`, so its inputs have the ids
 * `enterprise_creditCode`, `enterprise_name` … Masked personal fields start empty: blank keeps
 * what is on file. The server's field problems (e.g. a wrong check character) land on their fields.
 */
export function EnterpriseDrawer({ open, enterprise, onClose }: { open: boolean; enterprise: Enterprise | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise();
  const banks = useBanks();
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (enterprise) {
      const { creditCode, name, type, industry, regionCode, legalRepName, address, bankId, status } = enterprise;
      form.setFieldsValue({ creditCode, name, type, industry, regionCode, legalRepName, address: address ?? undefined, bankId: bankId ?? undefined, status });
    }
  }, [open, enterprise, form]);

  const submit = (values: Values) => {
    setError(null);
    const base: EnterpriseInput = {
      creditCode: values.creditCode.trim().toUpperCase(),
      name: values.name.trim(),
      type: values.type,
      industry: values.industry,
      regionCode: values.regionCode,
      legalRepName: values.legalRepName.trim(),
    };
    const personal = compact({ legalRepIdNumber: values.legalRepIdNumber?.trim(), legalRepPhone: values.legalRepPhone?.trim() });
    const done = { onSuccess: () => (message.success(t(common.saved)), onClose()), onError: (err: unknown) => setError(applyProblemToForm(form, err, lang)) };
    if (enterprise) {
      update.mutate(
        { ...base, ...personal, address: values.address?.trim() || null, bankId: values.bankId ?? null, status: values.status, id: enterprise.id, version: enterprise.version },
        done,
      );
    } else {
      create.mutate({ ...base, ...personal, ...compact({ address: values.address?.trim(), bankId: values.bankId }) }, done);
    }
  };

  const required = [{ required: true, whitespace: true, message: t(m.required) }];
  const chosen = [{ required: true, message: t(m.choose) }];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={enterprise ? t(m.editEnterprise, { name: enterprise.name }) : t(m.createEnterprise)}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose} data-testid="enterprise-cancel">{t(common.cancel)}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="enterprise-save">
            {t(common.save)}
          </Button>
        </Space>
      }
    >
      <FormError text={error} testId="enterprise-error" />
      <Form form={form} name="enterprise" layout="vertical" onFinish={submit} disabled={saving}>
        <Form.Item name="creditCode" label={t(m.creditCode)} rules={[...required, { len: 18, message: t(m.creditCodeRule) }]}>
          <Input maxLength={18} autoComplete="off" style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="name" label={t(m.enterpriseName)} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="type" label={t(m.enterpriseType)} rules={chosen}>
          <Select options={optionsOf(enterpriseTypeLabels, lang)} />
        </Form.Item>
        <Form.Item name="industry" label={t(m.industry)} rules={chosen}>
          <Select options={optionsOf(industryLabels, lang)} />
        </Form.Item>
        <Form.Item name="regionCode" label={t(common.region)} rules={chosen}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="legalRepName" label={t(m.legalRep)} rules={required}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="legalRepIdNumber"
          label={t(m.legalRepIdNumber)}
          extra={enterprise?.legalRepIdNumber ? t(m.keepHint, { value: enterprise.legalRepIdNumber }) : undefined}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="legalRepPhone" label={t(m.legalRepPhone)} extra={enterprise?.legalRepPhone ? t(m.keepHint, { value: enterprise.legalRepPhone }) : undefined}>
          <Input maxLength={11} autoComplete="off" inputMode="numeric" />
        </Form.Item>
        <Form.Item name="address" label={t(common.address)}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="bankId" label={t(m.bank)}>
          <Select allowClear showSearch optionFilterProp="label" loading={banks.isLoading} options={(banks.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        {enterprise && (
          <Form.Item name="status" label={t(common.status)}>
            <Select
              options={[
                { value: 'active', label: t(m.statusActive) },
                { value: 'deregistered', label: t(m.statusDeregistered) },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
