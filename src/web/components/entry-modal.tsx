import { type ButtonProps, Form, InputNumber, type InputNumberProps, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { todayInShanghai } from '../lib/format';
import { common, useI18n } from '../lib/i18n';

/** The pieces of the record-one-entry modals (lodgings, payments, advances…), shared by the features. */

export const DAY = 'YYYY-MM-DD';

/** For a DatePicker's `disabledDate`: a recorded event cannot lie after today in Beijing. */
export const notFuture = (d: Dayjs) => d.format(DAY) > todayInShanghai();

/** A modal's form that starts empty each time it opens, with the server's answer to show when it refuses. */
export function useEntryForm<V extends object>(open: boolean) {
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form]);
  return { form, error, setError };
}

/** The modal around one entry form: save with a spinner while it runs, content dropped on close. */
export function EntryModal(props: { open: boolean; title: string; onClose: () => void; onOk: () => void; pending: boolean; testId: string; width?: number; okText?: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={props.onOk}
      okText={props.okText ?? t(common.save)}
      okButtonProps={{ loading: props.pending, 'data-testid': `${props.testId}-save` } as ButtonProps}
      destroyOnHidden
      width={props.width ?? 560}
    >
      {props.children}
    </Modal>
  );
}

/** Yuan with two decimals, kept as text (stringMode) so no amount passes through floating point. */
export const AmountInput = ({ min = '0.01', ...field }: Omit<InputNumberProps<string>, 'min' | 'stringMode'> & { min?: string }) => (
  // `field` carries what Form.Item injects (value, onChange, id): without it the form never sees the amount.
  <InputNumber<string> {...field} stringMode min={min} precision={2} style={{ width: '100%' }} prefix="¥" />
);
