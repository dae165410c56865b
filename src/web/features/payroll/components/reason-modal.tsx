import { type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { m } from '../messages';

interface Props {
  open: boolean;
  title: string;
  hint?: ReactNode;
  label: string;
  /** The body field the server names in its problems ('note' for a sign-off, 'reason' otherwise). */
  field?: 'note' | 'reason';
  initial?: string;
  /** Prefix of the test ids: `${testId}-text`, `${testId}-save`. */
  testId: string;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
}

/** One recorded text (a sign-off note, a reason to pass checks, a reason for a correction), 2–300 characters as the server asks. */
export function ReasonModal({ open, title, hint, label, field = 'reason', initial, testId, onSubmit, onClose }: Props) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Record<string, string>>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (initial) form.setFieldsValue({ [field]: initial });
  }, [open, form, field, initial]);

  const submit = async (v: Record<string, string>) => {
    setError(null);
    setBusy(true);
    try {
      await onSubmit(v[field].trim());
      onClose();
    } catch (err) {
      setError(applyProblemToForm(form, err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': `${testId}-save` } as ButtonProps}
      destroyOnHidden
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <FormError text={error} testId={`${testId}-error`} />
      <Form form={form} name={`${testId}_form`} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name={field} label={label} rules={[{ required: true, whitespace: true, min: 2, max: 300, message: t(m.reasonRule) }]}>
          <Input.TextArea rows={3} maxLength={300} showCount data-testid={`${testId}-text`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
