import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { applyProblemToForm } from '../lib/form-errors';
import { common, defineMessages, useI18n } from '../lib/i18n';
import { FormError } from './query-error';

const text = defineMessages({
  note: { zh: '完整信息属于个人敏感信息，查看行为将连同事由记入审计日志。', en: 'This is sensitive personal data; the view and its reason are written to the audit log.' },
  field: { zh: '查看项目', en: 'Field' },
  reason: { zh: '查看事由', en: 'Reason' },
  reasonRule: { zh: '请填写查看事由（4至200字）', en: 'Give the reason (4–200 characters)' },
  reasonHint: { zh: '例如：核查欠薪投诉 案件编号…', en: 'e.g. verifying wage complaint no. …' },
  submit: { zh: '查看', en: 'View' },
  value: { zh: '完整值', en: 'Full value' },
  notOnFile: { zh: '未登记', en: 'Not on file' },
});

export interface RevealOption<F extends string> {
  value: F;
  label: string;
}

interface Props<F extends string> {
  open: boolean;
  title: string;
  fields: RevealOption<F>[];
  /** The field to preselect. */
  initial?: F;
  reveal: (input: { field: F; reason: string }) => Promise<{ field: string; value: string | null }>;
  onClose: () => void;
}

/**
 * Asks for the reason, then shows one personal field in full, once. Nothing is cached: each look
 * is a separate act the server audits.
 */
export function RevealFieldModal<F extends string>({ open, title, fields, initial, reveal, onClose }: Props<F>) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ field: F; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const look = useMutation({ mutationFn: reveal });
  const { reset } = look;

  useEffect(() => {
    if (!open) return;
    setError(null);
    reset();
  }, [open, reset]);

  const shown = look.data;
  const submit = (values: { field: F; reason: string }) => {
    setError(null);
    look.mutate({ field: values.field, reason: values.reason.trim() }, { onError: (err) => setError(applyProblemToForm(form, err, lang)) });
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={
        shown ? (
          <Button type="primary" onClick={onClose} data-testid="reveal-close">{t(common.close)}</Button>
        ) : (
          <>
            <Button onClick={onClose}>{t(common.cancel)}</Button>
            <Button type="primary" loading={look.isPending} onClick={() => form.submit()} data-testid="reveal-submit">
              {t(text.submit)}
            </Button>
          </>
        )
      }
    >
      <Alert type="warning" showIcon title={t(text.note)} style={{ marginBottom: 16 }} />
      <FormError text={error} testId="reveal-error" />
      {shown ? (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'field', label: t(text.field), children: fields.find((f) => f.value === shown.field)?.label ?? shown.field },
            {
              key: 'value',
              label: t(text.value),
              children: shown.value ? <Typography.Text copyable strong data-testid="reveal-value">{shown.value}</Typography.Text> : t(text.notOnFile),
            },
          ]}
        />
      ) : (
        <Form form={form} name="reveal" layout="vertical" onFinish={submit} initialValues={{ field: initial ?? fields[0]?.value }} preserve={false}>
          <Form.Item name="field" label={t(text.field)} rules={[{ required: true }]}>
            <Radio.Group options={fields} />
          </Form.Item>
          <Form.Item name="reason" label={t(text.reason)} rules={[{ required: true, whitespace: true, min: 4, max: 200, message: t(text.reasonRule) }]}>
            <Input.TextArea rows={3} maxLength={200} showCount placeholder={t(text.reasonHint)} data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
