import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { applyProblemToForm } from '../../../lib/form-errors';
import { common, useI18n } from '../../../lib/i18n';
import { govUnitKindLabels, optionsOf } from '../../../lib/labels';
import { useCreateGovUnit } from '../api/create-gov-unit';
import type { GovUnit } from '../api/get-gov-units';
import { useUpdateGovUnit } from '../api/update-gov-unit';
import { m } from '../messages';

interface Values {
  regionCode: string;
  kind: string;
  name: string;
  officePhone?: string;
  address?: string;
}

/** Adds or edits a government unit; the form's name is `govUnit` (ids `govUnit_name` …). */
export function GovUnitDrawer({ open, unit, onClose }: { open: boolean; unit: GovUnit | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateGovUnit();
  const update = useUpdateGovUnit();
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (unit) form.setFieldsValue({ regionCode: unit.regionCode, kind: unit.kind, name: unit.name, officePhone: unit.officePhone ?? undefined, address: unit.address ?? undefined });
  }, [open, unit, form]);

  const submit = (values: Values) => {
    setError(null);
    const body = { regionCode: values.regionCode, kind: values.kind, name: values.name.trim(), officePhone: values.officePhone?.trim() || null, address: values.address?.trim() || null };
    const done = { onSuccess: () => (message.success(t(common.saved)), onClose()), onError: (err: unknown) => setError(applyProblemToForm(form, err, lang)) };
    if (unit) update.mutate({ ...body, id: unit.id, version: unit.version }, done);
    else create.mutate(body, done);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={unit ? t(m.editGovUnit, { name: unit.name }) : t(m.createGovUnit)}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t(common.cancel)}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="gov-unit-save">
            {t(common.save)}
          </Button>
        </Space>
      }
    >
      <FormError text={error} testId="gov-unit-error" />
      <Form form={form} name="govUnit" layout="vertical" onFinish={submit} disabled={saving}>
        <Form.Item name="regionCode" label={t(common.region)} rules={[{ required: true, message: t(m.choose) }]}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="kind" label={t(m.unitKind)} rules={[{ required: true, message: t(m.choose) }]}>
          <Select showSearch optionFilterProp="label" options={optionsOf(govUnitKindLabels, lang)} />
        </Form.Item>
        <Form.Item name="name" label={t(m.unitName)} rules={[{ required: true, whitespace: true, message: t(m.required) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="officePhone" label={t(m.officePhone)}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="address" label={t(common.address)}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
