import { App, type ButtonProps, DatePicker, Form, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { usePreparePayroll } from '../api/prepare-payroll';
import { m } from '../messages';
import type { PayrollEmployer } from './payroll-tab';

interface Values {
  employerId: string;
  month: Dayjs;
}

/** 编制工资表: the employer (the general contractor or a subcontractor) and the month. */
export function PrepareModal({ projectId, employers, open, onClose, onPrepared }: { projectId: string; employers: PayrollEmployer[]; open: boolean; onClose: () => void; onPrepared: (id: string) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const prepare = usePreparePayroll();
  const today = todayInShanghai();

  // The route builds the employer list on each render: the form is reset when it opens, not when the list is rebuilt.
  const firstEmployer = employers[0]?.id;
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    // Wages are prepared for the month just ended, by default.
    form.setFieldsValue({ employerId: firstEmployer, month: dayjs(today).subtract(1, 'month').startOf('month') });
  }, [open, form, firstEmployer, today]);

  const submit = (v: Values) => {
    setError(null);
    prepare.mutate(
      { projectId, employerId: v.employerId, month: v.month.format('YYYY-MM') },
      {
        onSuccess: (detail) => {
          message.success(t(m.prepared));
          onPrepared(detail.id);
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t(m.prepareTitle)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(m.prepare)}
      okButtonProps={{ loading: prepare.isPending, 'data-testid': 'payroll-prepare-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(m.prepareHint)}</Typography.Paragraph>
      <FormError text={error} testId="payroll-prepare-error" />
      <Form form={form} name="payroll_prepare" layout="vertical" onFinish={submit} disabled={prepare.isPending}>
        <Form.Item name="employerId" label={t(m.employer)} rules={[{ required: true, message: t(m.employerRequired) }]}>
          <Select
            data-testid="payroll-prepare-employer"
            options={employers.map((e) => ({ value: e.id, label: t(m.employerOption, { name: e.name, role: e.generalContractor ? t(m.generalContractor) : t(m.subcontractor) }), title: e.name }))}
          />
        </Form.Item>
        <Form.Item name="month" label={t(m.month)} rules={[{ required: true, message: t(m.monthRequired) }]}>
          <DatePicker picker="month" allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM') > today.slice(0, 7)} data-testid="payroll-prepare-month" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
