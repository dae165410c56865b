import { Alert, App, type ButtonProps, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCorrectDay } from '../api/correct-day';
import type { DayRosterRow } from '../api/get-project-day';
import { m } from '../messages';

interface Values {
  present: boolean;
  /** Hours in the form; the server takes minutes. */
  minutes?: number | null;
  reason: string;
}

/** Corrects one worker's day by hand, with the reason (audited). */
export function CorrectionModal({ projectId, date, row, onClose }: { projectId: string; date: string; row: DayRosterRow | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const correct = useCorrectDay();
  const present = Form.useWatch('present', form);

  useEffect(() => {
    if (!row) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ present: !row.present, minutes: row.present ? 0 : 8 });
  }, [row, form]);

  const submit = (v: Values) => {
    if (!row) return;
    setError(null);
    correct.mutate(
      { projectId, workerId: row.workerId, date, present: v.present, minutes: v.present && v.minutes !== null && v.minutes !== undefined ? Math.round(v.minutes * 60) : v.present ? null : 0, reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(t(m.correctedOk));
          onClose();
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );
  };

  return (
    <Modal
      open={row !== null}
      title={row ? t(m.correctTitle, { name: row.name, date }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: correct.isPending, 'data-testid': 'correction-save' } as ButtonProps}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t(m.correctNote)} style={{ marginBottom: 16 }} />
      <FormError text={error} testId="correction-error" />
      <Form form={form} name="correction" layout="vertical" onFinish={submit} disabled={correct.isPending}>
        <Form.Item name="present" label={t(m.correctPresent)} valuePropName="checked">
          <Switch />
        </Form.Item>
        {present && (
          <Form.Item name="minutes" label={t(m.correctHours)}>
            <InputNumber min={0} max={24} step={0.5} precision={1} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t(m.reason)} rules={[{ required: true, whitespace: true, min: 4, max: 200, message: t(m.reasonRule) }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
