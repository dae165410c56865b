import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { type ReactNode, useEffect } from 'react';
import { AmountInput, DAY, EntryModal, notFuture, useEntryForm } from '../../../components/entry-modal';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { fenToYuanInput, formatYuan, todayInShanghai, yuanToFen } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { optionsOf } from '../../../lib/labels';
import { PAYMENT_KINDS, SETTLEMENT_KINDS } from '../../../../server/modules/payments/payments.rules';
import type { CompletedValue } from '../api/get-payment-months';
import type { PaymentSummary } from '../api/get-payment-summary';
import { useRecordCompletedValue, useRecordPayment, useRecordSettlement, useSetRetention } from '../api/record-payment-entries';
import { m } from '../messages';
import { bpText } from './ratio-bar';

const amountItem = (label: string, t: (x: typeof m.amountRule) => string, extra?: ReactNode) => (
  <Form.Item name="amountFen" label={label} extra={extra} rules={[{ required: true, message: t(m.amountRule) }]}>
    <AmountInput min="0" />
  </Form.Item>
);

interface ValueValues {
  month: Dayjs;
  amountFen: string;
  note?: string;
  reason?: string;
}

/** The general contractor's report of a month's completed value; with `correcting`, a new version of that month. */
export function CompletedValueModal({ open, projectId, correcting, onClose }: { open: boolean; projectId: string; correcting: CompletedValue | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<ValueValues>(open);
  const save = useRecordCompletedValue();
  useEffect(() => {
    if (open && correcting) form.setFieldsValue({ month: dayjs(`${correcting.month}-01`), amountFen: fenToYuanInput(correcting.amountFen) });
  }, [open, correcting, form]);

  const submit = (v: ValueValues) => {
    const fen = yuanToFen(v.amountFen);
    if (fen === null) return form.setFields([{ name: 'amountFen', errors: [t(m.amountRule)] }]);
    setError(null);
    save.mutate(
      { projectId, month: v.month.format('YYYY-MM'), amountFen: fen, note: v.note?.trim() || null, ...(correcting && { version: correcting.version, reason: v.reason?.trim() }) },
      { onSuccess: () => (message.success(t(m.saved)), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) },
    );
  };

  return (
    <EntryModal open={open} title={correcting ? t(m.correctTitle, { month: correcting.month, v: correcting.version }) : t(m.recordValue)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="completed-value">
      {correcting && <Alert type="info" showIcon title={t(m.correctNote)} style={{ marginBottom: 16 }} />}
      <FormError text={error} testId="completed-value-error" />
      <Form form={form} name="completedValue" layout="vertical" onFinish={submit} disabled={save.isPending}>
        <Form.Item name="month" label={t(m.month)} rules={[{ required: true, message: t(m.required) }]}>
          <DatePicker picker="month" style={{ width: '100%' }} disabled={!!correcting} disabledDate={(d) => d.format('YYYY-MM') > todayInShanghai().slice(0, 7)} />
        </Form.Item>
        {amountItem(t(m.monthValue), t)}
        {correcting && (
          <Form.Item name="reason" label={t(m.reason)} rules={[{ required: true, whitespace: true, max: 200, message: t(m.required) }]}>
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
        )}
        <Form.Item name="note" label={t(m.note)}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

interface PaymentValues {
  paidOn: Dayjs;
  amountFen: string;
  kind: 'progress' | 'advance' | 'retention_release' | 'refund';
  reference: string;
  note?: string;
}

/** A payment by the owner, or a refund back to it. */
export function PaymentModal({ open, projectId, onClose }: { open: boolean; projectId: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<PaymentValues>(open);
  const save = useRecordPayment();
  const submit = (v: PaymentValues) => {
    const fen = yuanToFen(v.amountFen);
    if (fen === null || fen <= 0) return form.setFields([{ name: 'amountFen', errors: [t(m.amountRule)] }]);
    setError(null);
    save.mutate(
      { projectId, paidOn: v.paidOn.format(DAY), amountFen: fen, kind: v.kind, reference: v.reference.trim(), note: v.note?.trim() || null },
      { onSuccess: () => (message.success(t(m.saved)), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) },
    );
  };
  return (
    <EntryModal open={open} title={t(m.recordPayment)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="payment">
      <FormError text={error} testId="payment-error" />
      <Form form={form} name="payment" layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={{ kind: 'progress' }}>
        <Form.Item name="kind" label={t(m.kind)} rules={[{ required: true, message: t(m.required) }]}>
          <Select options={optionsOf(PAYMENT_KINDS, lang)} />
        </Form.Item>
        <Form.Item name="paidOn" label={t(m.paidOn)} rules={[{ required: true, message: t(m.required) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        {amountItem(t(m.amount), t)}
        <Form.Item name="reference" label={t(m.reference)} rules={[{ required: true, whitespace: true, max: 64, message: t(m.required) }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="note" label={t(m.note)}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

interface RetentionValues {
  amountFen: string;
  heldFrom: Dayjs;
  note?: string;
}

/** The quality retention the owner holds, capped at SET-01.maxRetention of the contract price (refused above it). */
export function RetentionModal({ open, summary, onClose }: { open: boolean; summary: PaymentSummary; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<RetentionValues>(open);
  const save = useSetRetention();
  const r = summary.retention;
  useEffect(() => {
    if (open && r.version > 0) form.setFieldsValue({ amountFen: fenToYuanInput(r.heldFen), heldFrom: r.heldFrom ? dayjs(r.heldFrom) : undefined });
  }, [open, r, form]);
  const submit = (v: RetentionValues) => {
    const fen = yuanToFen(v.amountFen);
    if (fen === null) return form.setFields([{ name: 'amountFen', errors: [t(m.amountRule)] }]);
    setError(null);
    save.mutate(
      { projectId: summary.projectId, amountFen: fen, heldFrom: v.heldFrom.format(DAY), note: v.note?.trim() || null, ...(r.version > 0 && { version: r.version }) },
      { onSuccess: () => (message.success(t(m.saved)), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) },
    );
  };
  return (
    <EntryModal open={open} title={t(m.setRetention)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="retention">
      <FormError text={error} testId="retention-error" />
      <Form form={form} name="retention" layout="vertical" onFinish={submit} disabled={save.isPending}>
        {amountItem(t(m.retention), t, t(m.retentionRule, { max: bpText(summary.params.maxRetentionBp), cap: formatYuan(r.capFen) }))}
        <Form.Item name="heldFrom" label={t(m.heldFrom)} rules={[{ required: true, message: t(m.required) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="note" label={t(m.note)}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

interface SettlementValues {
  kind: 'interim' | 'final';
  period: [Dayjs, Dayjs];
  amountFen: string;
  settledOn: Dayjs;
  reference: string;
  note?: string;
}

/** An interim settlement of a period (SET-02) or the final settlement. */
export function SettlementModal({ open, projectId, onClose }: { open: boolean; projectId: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<SettlementValues>(open);
  const save = useRecordSettlement();
  const submit = (v: SettlementValues) => {
    const fen = yuanToFen(v.amountFen);
    if (fen === null) return form.setFields([{ name: 'amountFen', errors: [t(m.amountRule)] }]);
    setError(null);
    save.mutate(
      { projectId, kind: v.kind, periodFrom: v.period[0].format(DAY), periodTo: v.period[1].format(DAY), amountFen: fen, settledOn: v.settledOn.format(DAY), reference: v.reference.trim(), note: v.note?.trim() || null },
      { onSuccess: () => (message.success(t(m.saved)), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) },
    );
  };
  return (
    <EntryModal open={open} title={t(m.recordSettlement)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="settlement">
      <FormError text={error} testId="settlement-error" />
      <Form form={form} name="settlement" layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={{ kind: 'interim' }}>
        <Form.Item name="kind" label={t(m.kind)} rules={[{ required: true, message: t(m.required) }]}>
          <Select options={optionsOf(SETTLEMENT_KINDS, lang)} />
        </Form.Item>
        <Form.Item name="period" label={t(m.period)} rules={[{ required: true, message: t(m.required) }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        {amountItem(t(m.amount), t)}
        <Form.Item name="settledOn" label={t(m.settledOn)} rules={[{ required: true, message: t(m.required) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="reference" label={t(m.reference)} rules={[{ required: true, whitespace: true, max: 64, message: t(m.required) }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="note" label={t(m.note)}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}
