import { App, type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { common, useI18n } from '../../../lib/i18n';
import { useCreateTeam } from '../api/create-team';
import { m } from '../messages';
import type { Employer } from './roster-tab';

/** Adds a team (班组) under one of the project's employers. */
export function TeamModal({ open, projectId, employers, onClose }: { open: boolean; projectId: string; employers: Employer[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ employerId: string; name: string }>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateTeam();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (employers.length === 1) form.setFieldsValue({ employerId: employers[0].id });
  }, [open, form, employers]);

  const submit = (v: { employerId: string; name: string }) => {
    setError(null);
    create.mutate(
      { projectId, employerId: v.employerId, name: v.name.trim() },
      {
        onSuccess: () => {
          message.success(t(common.saved));
          onClose();
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t(m.createTeam)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'team-save' } as ButtonProps}
      destroyOnHidden
    >
      <FormError text={error} testId="team-error" />
      <Form form={form} name="team" layout="vertical" onFinish={submit} disabled={create.isPending}>
        <Form.Item name="employerId" label={t(m.employer)} rules={[{ required: true, message: t(m.choose) }]}>
          <Select options={employers.map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t(m.teamName)} rules={[{ required: true, whitespace: true, message: t(m.required) }]}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
