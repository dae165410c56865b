import { App, type ButtonProps, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ACCOUNT_STATUSES, type AccountStatus } from '../../../../server/modules/accounts/accounts.rules';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import type { WageAccountDetail } from '../api/get-wage-account';
import { useChangeAccountStatus, usePublishCloseNotice } from '../api/keep-wage-account';
import { m } from '../messages';

const DAY = 'YYYY-MM-DD';

interface StatusValues {
  status: AccountStatus;
  date: Dayjs;
  reason: string;
}

/** A status change (freeze, unfreeze, close) with its date and reason; the server checks the conditions. */
export function StatusModal({ account, open, onClose }: { account: WageAccountDetail; open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<StatusValues>();
  const [error, setError] = useState<string | null>(null);
  const change = useChangeAccountStatus();
  const today = todayInShanghai();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ date: dayjs(today) });
  }, [open, form, today]);

  const submit = (v: StatusValues) =>
    change.mutate(
      { id: account.id, status: v.status, date: v.date.format(DAY), reason: v.reason.trim(), version: account.version },
      {
        onSuccess: () => {
          message.success(t(m.saved));
          onClose();
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );

  return (
    <Modal open={open} title={t(m.statusTitle)} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: change.isPending, 'data-testid': 'account-status-save' } as ButtonProps} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t(m.statusHint)}</Typography.Paragraph>
      <FormError text={error} testId="account-status-error" />
      <Form form={form} name="account_status" layout="vertical" onFinish={submit} disabled={change.isPending}>
        <Form.Item name="status" label={t(m.statusTo)} rules={[{ required: true, message: t(m.statusRequired) }]}>
          <Select options={Object.keys(ACCOUNT_STATUSES).filter((s) => s !== account.status && s !== 'opened').map((s) => ({ value: s, label: labelOf(ACCOUNT_STATUSES, s, lang) }))} />
        </Form.Item>
        <Form.Item name="date" label={t(m.effectiveOn)} rules={[{ required: true, message: t(m.effectiveOn) }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.format(DAY) > today} />
        </Form.Item>
        <Form.Item name="reason" label={t(m.reason)} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t(m.reasonRule) }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** ACC-07: the closing notice's first day. */
export function CloseNoticeModal({ account, open, onClose }: { account: WageAccountDetail; open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ from: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const publish = usePublishCloseNotice();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({ from: dayjs(todayInShanghai()) });
  }, [open, form]);

  const submit = (v: { from: Dayjs }) =>
    publish.mutate(
      { id: account.id, from: v.from.format(DAY), version: account.version },
      {
        onSuccess: () => {
          message.success(t(m.saved));
          onClose();
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );

  return (
    <Modal open={open} title={t(m.noticeTitle)} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: publish.isPending } as ButtonProps} destroyOnHidden>
      <FormError text={error} testId="account-notice-error" />
      <Form form={form} name="account_notice" layout="vertical" onFinish={submit} disabled={publish.isPending}>
        <Form.Item name="from" label={t(m.noticeFrom)} rules={[{ required: true, message: t(m.dateRequired) }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
