import { App, type ButtonProps, DatePicker, Descriptions, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { RosterEntry } from '../api/get-roster';
import { useRecordExit } from '../api/record-exit';
import { m } from '../messages';

/** Records a worker's exit from the site (the employment stays on the roster, closed). */
export function ExitModal({ projectId, entry, onClose }: { projectId: string; entry: RosterEntry | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ exitDate: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const exit = useRecordExit();

  useEffect(() => {
    if (!entry) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ exitDate: dayjs(todayInShanghai()) });
  }, [entry, form]);

  const submit = ({ exitDate }: { exitDate: Dayjs }) => {
    if (!entry) return;
    setError(null);
    exit.mutate(
      { projectId, employmentId: entry.employmentId, exitDate: exitDate.format('YYYY-MM-DD'), version: entry.version },
      {
        onSuccess: () => {
          message.success(t(m.exited));
          onClose();
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );
  };

  return (
    <Modal
      open={entry !== null}
      title={entry ? t(m.exitTitle, { name: entry.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true, loading: exit.isPending, 'data-testid': 'exit-save' } as ButtonProps}
      okText={t(m.exit)}
      destroyOnHidden
    >
      <FormError text={error} testId="exit-error" />
      {entry && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'id', label: t(m.idNumber), children: entry.idNumber },
            { key: 'employer', label: t(m.employer), children: entry.employerName },
            { key: 'entry', label: t(m.entryDate), children: entry.entryDate },
          ]}
        />
      )}
      <Form form={form} name="exit" layout="vertical" onFinish={submit} disabled={exit.isPending}>
        <Form.Item name="exitDate" label={t(m.exitDate)} rules={[{ required: true, message: t(m.choose) }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') > todayInShanghai() || (!!entry && d.format('YYYY-MM-DD') < entry.entryDate)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
