import { App, type ButtonProps, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { type ProjectStatus, checkStatusChange } from '../../../../server/modules/projects/projects.rules';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { projectStatusLabels } from '../../../lib/labels';
import { useChangeProjectStatus } from '../api/change-project-status';
import type { ProjectDetail } from '../api/get-project';
import { m } from '../messages';

interface Values {
  status: string;
  date: Dayjs;
  reason: string;
}

/**
 * Changes the project's status with a date and a reason. The choices come from the ledger's own
 * transition rule (the server checks it again); a choice the rule refuses shows why.
 */
export function StatusModal({ open, project, onClose }: { open: boolean; project: ProjectDetail; onClose: () => void }) {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const change = useChangeProjectStatus();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ date: dayjs(todayInShanghai()) });
  }, [open, form]);

  const options = (Object.keys(projectStatusLabels) as ProjectStatus[])
    .filter((s) => s !== project.status)
    .map((to) => {
      const check = checkStatusChange({ from: project.status as ProjectStatus, to, laborOfficerName: project.laborOfficerName });
      return { value: to, label: check.ok ? projectStatusLabels[to][lang] : `${projectStatusLabels[to][lang]}（${pick(check.reason)}）`, disabled: !check.ok };
    });

  const submit = (v: Values) => {
    setError(null);
    change.mutate(
      { id: project.id, status: v.status, date: v.date.format('YYYY-MM-DD'), reason: v.reason.trim(), version: project.version },
      {
        onSuccess: () => {
          message.success(t(m.statusChanged));
          onClose();
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t(m.changeStatus)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: change.isPending, 'data-testid': 'status-save' } as ButtonProps}
      destroyOnHidden
    >
      <FormError text={error} testId="status-error" />
      <Form form={form} name="status" layout="vertical" onFinish={submit} disabled={change.isPending}>
        <Form.Item label={t(m.currentStatus)}>{projectStatusLabels[project.status]?.[lang] ?? project.status}</Form.Item>
        <Form.Item name="status" label={t(m.newStatus)} rules={[{ required: true, message: t(m.choose) }]}>
          <Select options={options} />
        </Form.Item>
        <Form.Item name="date" label={t(m.statusDate)} rules={[{ required: true, message: t(m.choose) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > todayInShanghai()} />
        </Form.Item>
        <Form.Item name="reason" label={t(m.statusReason)} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t(m.statusReasonRule) }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
