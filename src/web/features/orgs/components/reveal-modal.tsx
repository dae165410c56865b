import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { common, useI18n } from '../../../lib/i18n';
import type { Enterprise } from '../api/get-enterprises';
import { type RevealableField, useRevealEnterpriseField } from '../api/reveal-enterprise-field';
import { m } from '../messages';

interface Values {
  field: RevealableField;
  reason: string;
}

/** Asks for the reason, then shows the full value once; the server audits the look. */
export function RevealModal({ enterprise, onClose }: { enterprise: Enterprise | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const reveal = useRevealEnterpriseField();
  const { reset } = reveal;

  useEffect(() => {
    setError(null);
    reset();
  }, [enterprise, reset]);

  if (!enterprise) return null;
  const fields = [
    enterprise.legalRepIdNumber !== null && { value: 'legalRepIdNumber' as const, label: t(m.legalRepIdNumber) },
    enterprise.legalRepPhone !== null && { value: 'legalRepPhone' as const, label: t(m.legalRepPhone) },
  ].filter((f) => f !== false);
  const shown = reveal.data;

  const submit = (values: Values) => {
    setError(null);
    reveal.mutate({ id: enterprise.id, field: values.field, reason: values.reason.trim() }, { onError: (err) => setError(applyProblemToForm(form, err, lang)) });
  };

  return (
    <Modal
      open
      title={t(m.revealTitle, { name: enterprise.name })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        shown ? (
          <Button type="primary" onClick={onClose}>{t(common.close)}</Button>
        ) : (
          <>
            <Button onClick={onClose}>{t(common.cancel)}</Button>
            <Button type="primary" loading={reveal.isPending} onClick={() => form.submit()} data-testid="reveal-submit">
              {t(m.revealSubmit)}
            </Button>
          </>
        )
      }
    >
      <Alert type="warning" showIcon title={t(m.revealNote)} style={{ marginBottom: 16 }} />
      <FormError text={error} testId="reveal-error" />
      {shown ? (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'field', label: t(m.revealField), children: fields.find((f) => f.value === shown.field)?.label ?? shown.field },
            {
              key: 'value',
              label: t(m.revealValue),
              children: shown.value ? <Typography.Text copyable strong data-testid="reveal-value">{shown.value}</Typography.Text> : t(m.notOnFile),
            },
          ]}
        />
      ) : (
        <Form form={form} name="reveal" layout="vertical" onFinish={submit} initialValues={{ field: fields[0]?.value }}>
          <Form.Item name="field" label={t(m.revealField)} rules={[{ required: true }]}>
            <Radio.Group options={fields} />
          </Form.Item>
          <Form.Item name="reason" label={t(m.revealReason)} rules={[{ required: true, whitespace: true, min: 4, max: 200, message: t(m.revealReasonRule) }]}>
            <Input.TextArea rows={3} maxLength={200} showCount placeholder={t(m.revealReasonHint)} data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
