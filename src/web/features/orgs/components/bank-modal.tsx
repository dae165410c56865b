import { App, type ButtonProps, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { common, useI18n } from '../../../lib/i18n';
import { type BankInput, useCreateBank } from '../api/create-bank';
import type { Bank } from '../api/get-banks';
import { useUpdateBank } from '../api/update-bank';
import { m } from '../messages';

/** Adds or edits a bank of the national catalogue; the form's name is `bank`. */
export function BankModal({ open, bank, onClose }: { open: boolean; bank: Bank | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BankInput>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateBank();
  const update = useUpdateBank();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (bank) form.setFieldsValue({ name: bank.name, bankCode: bank.bankCode });
  }, [open, bank, form]);

  const submit = (values: BankInput) => {
    setError(null);
    const body = { name: values.name.trim(), bankCode: values.bankCode.trim() };
    const done = { onSuccess: () => (message.success(t(common.saved)), onClose()), onError: (err: unknown) => setError(applyProblemToForm(form, err, lang)) };
    if (bank) update.mutate({ ...body, id: bank.id, version: bank.version }, done);
    else create.mutate(body, done);
  };

  return (
    <Modal
      open={open}
      title={bank ? t(m.editBank, { name: bank.name }) : t(m.createBank)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'bank-save' } as ButtonProps}
      destroyOnHidden
    >
      <FormError text={error} testId="bank-error" />
      <Form form={form} name="bank" layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t(m.bankName)} rules={[{ required: true, whitespace: true, message: t(m.required) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="bankCode" label={t(m.bankCode)} rules={[{ required: true, pattern: /^\d{12}$/, message: t(m.bankCodeRule) }]}>
          <Input maxLength={12} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
