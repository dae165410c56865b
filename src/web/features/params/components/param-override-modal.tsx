import { App, type ButtonProps, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { ParamItem } from '../api/get-params';
import { useSetParamOverride } from '../api/set-param-override';
import { m } from '../messages';
import { formatRange, fromInput, inputBounds, toInput } from './param-value';

interface Values {
  value: unknown;
  effectiveFrom: Dayjs;
  reason: string;
}

/** Sets this region's own value of a parameter from a date on, with the document that decides it. */
export function ParamOverrideModal({ item, region, onClose }: { item: ParamItem | null; region: { code: string; name: string }; onClose: () => void }) {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSetParamOverride();

  useEffect(() => {
    if (!item) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ value: toInput(item.def, item.value), effectiveFrom: dayjs(todayInShanghai()) });
  }, [item, form]);

  if (!item) return null;
  const { def } = item;
  const range = formatRange(def, lang);
  const bounds = inputBounds(def);
  const unit = def.type === 'money_fen' ? t(m.yuan) : def.type === 'ratio' ? '%' : def.unit ? pick(def.unit) : undefined;

  const input =
    def.type === 'boolean' ? (
      <Select options={[{ value: true, label: t(m.yes) }, { value: false, label: t(m.no) }]} />
    ) : def.type === 'enum' || def.type === 'enum_set' ? (
      <Select mode={def.type === 'enum_set' ? 'multiple' : undefined} options={(def.options ?? []).map((o) => ({ value: o, label: o }))} />
    ) : def.type === 'string' ? (
      <Input />
    ) : (
      <InputNumber
        style={{ width: '100%' }}
        min={bounds.min}
        max={bounds.max}
        precision={def.type === 'money_fen' ? 2 : def.type === 'ratio' || def.type === 'number' ? undefined : 0}
        suffix={unit}
      />
    );

  const submit = (values: Values) => {
    setError(null);
    save.mutate(
      { id: def.id, regionCode: region.code, value: fromInput(def, values.value), effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'), reason: values.reason.trim() },
      { onSuccess: () => (message.success(t(m.saved)), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) },
    );
  };

  return (
    <Modal
      open
      title={t(m.adjustTitle, { name: pick(def.name) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'param-save' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(m.appliesTo, { region: region.name })} <Typography.Text code>{def.id}</Typography.Text>
      </Typography.Paragraph>
      <FormError text={error} testId="param-error" />
      <Form form={form} name="paramOverride" layout="vertical" onFinish={submit}>
        <Form.Item name="value" label={t(m.newValue)} extra={range ? t(m.range, { range }) : undefined} rules={[{ required: true, message: t(m.required) }]}>
          {input}
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t(m.effectiveFrom)} rules={[{ required: true, message: t(m.required) }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t(m.reason)} rules={[{ required: true, whitespace: true, min: 4, message: t(m.reasonRule) }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
