import { App, Checkbox, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { AmountInput, DAY, EntryModal, notFuture, useEntryForm } from '../../../components/entry-modal';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { yuanToFen } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useDepositBanks } from '../api/get-banks';
import type { Deposit, Draw } from '../api/get-deposit';
import { useDrawDeposit, useLodgeDeposit, useReturnStep, useTopUp } from '../api/record-deposit-entries';
import { depositForms, m } from '../messages';

const day = (d: Dayjs | undefined) => d?.format(DAY);

interface LodgeValues {
  form: string;
  amount: string;
  lodgedOn: Dayjs;
  bankId?: string;
  accountNo?: string;
  issuer?: string;
  instrumentNo?: string;
  validity?: [Dayjs, Dayjs];
}

/** DEP-03: cash in a deposit account, or an instrument with its issuer, number and validity. */
export function LodgeModal({ open, deposit, onClose }: { open: boolean; deposit: Deposit; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<LodgeValues>(open);
  const kind = Form.useWatch('form', form);
  const banks = useDepositBanks(open);
  const save = useLodgeDeposit();
  const submit = (v: LodgeValues) => {
    const fen = yuanToFen(v.amount);
    if (fen === null) return form.setFields([{ name: 'amount', errors: [t(m.amountRule)] }]);
    const cash = v.form === 'cash';
    save.mutate(
      {
        projectId: deposit.projectId,
        form: v.form,
        amountFen: fen,
        lodgedOn: v.lodgedOn.format(DAY),
        ...(cash ? { bankId: v.bankId, accountNo: v.accountNo?.trim() } : { issuer: v.issuer?.trim(), instrumentNo: v.instrumentNo?.trim(), validFrom: day(v.validity?.[0]), validUntil: day(v.validity?.[1]) }),
      },
      { onSuccess: () => (message.success(t(m.saved)), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) },
    );
  };
  const required = [{ required: true, message: t(m.textRule) }];
  return (
    <EntryModal width={600} open={open} title={t(m.lodge)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="deposit-lodge">
      <FormError text={error} testId="deposit-lodge-error" />
      <Form form={form} layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={{ form: deposit.acceptedForms[0] ?? 'cash' }}>
        <Form.Item name="form" label={t(m.form)} rules={required}>
          <Select options={deposit.acceptedForms.map((f) => ({ value: f, label: t(depositForms[f as keyof typeof depositForms] ?? { zh: f, en: f }) }))} />
        </Form.Item>
        <Form.Item name="amount" label={t(m.amount)} rules={[{ required: true, message: t(m.amountRule) }]}>
          <AmountInput />
        </Form.Item>
        <Form.Item name="lodgedOn" label={t(m.lodgedOn)} rules={[{ required: true, message: t(m.dateRule) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        {kind === 'cash' ? (
          <>
            <Form.Item name="bankId" label={t(m.bank)} rules={required}>
              <Select showSearch optionFilterProp="label" loading={banks.isLoading} options={(banks.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
            <Form.Item name="accountNo" label={t(m.accountNo)} rules={[...required, { pattern: /^[0-9]{8,32}$/, message: '8–32' }]}>
              <Input inputMode="numeric" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="issuer" label={t(m.issuer)} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="instrumentNo" label={t(m.instrumentNo)} rules={required}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="validity" label={t(m.validity)} rules={[{ required: true, message: t(m.dateRule) }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </EntryModal>
  );
}

interface DrawValues {
  amount: string;
  drawnOn: Dayjs;
  orderNo: string;
  orderIssuedOn: Dayjs;
  orderDueOn: Dayjs;
  orderUnmet: boolean;
  decisionNo: string;
  decisionOn: Dayjs;
  decisionAmount: string;
  caseRef: string;
  workersRef: string;
}

/** DEP-09: the wage office records the unmet order and its usage decision with the draw. */
export function DrawModal({ open, deposit, onClose }: { open: boolean; deposit: Deposit; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<DrawValues>(open);
  const save = useDrawDeposit();
  const submit = (v: DrawValues) => {
    const fen = yuanToFen(v.amount);
    const decided = yuanToFen(v.decisionAmount);
    if (fen === null || decided === null) return form.setFields([{ name: fen === null ? 'amount' : 'decisionAmount', errors: [t(m.amountRule)] }]);
    save.mutate(
      {
        projectId: deposit.projectId,
        amountFen: fen,
        drawnOn: v.drawnOn.format(DAY),
        orderNo: v.orderNo.trim(),
        orderIssuedOn: v.orderIssuedOn.format(DAY),
        orderDueOn: v.orderDueOn.format(DAY),
        orderUnmet: v.orderUnmet === true,
        decisionNo: v.decisionNo.trim(),
        decisionOn: v.decisionOn.format(DAY),
        decisionAmountFen: decided,
        caseRef: v.caseRef.trim(),
        workersRef: v.workersRef.trim(),
      },
      { onSuccess: () => (message.success(t(m.saved)), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) },
    );
  };
  const text = [{ required: true, whitespace: true, message: t(m.textRule) }];
  const date = [{ required: true, message: t(m.dateRule) }];
  return (
    <EntryModal width={600} open={open} title={t(m.draw)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="deposit-draw">
      <Typography.Paragraph type="secondary">{t(m.gateNote, { wd: deposit.topUpWithinWD })}</Typography.Paragraph>
      <FormError text={error} testId="deposit-draw-error" />
      <Form form={form} layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={{ orderUnmet: false }}>
        <Typography.Title level={5}>{t(m.order)}</Typography.Title>
        <Form.Item name="orderNo" label={t(m.orderNo)} rules={text}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="orderIssuedOn" label={t(m.orderIssuedOn)} rules={date}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="orderDueOn" label={t(m.orderDueOn)} rules={date}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="orderUnmet" valuePropName="checked">
          <Checkbox>{t(m.orderUnmet)}</Checkbox>
        </Form.Item>
        <Typography.Title level={5}>{t(m.decision)}</Typography.Title>
        <Form.Item name="decisionNo" label={t(m.decisionNo)} rules={text}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="decisionOn" label={t(m.decisionOn)} rules={date}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="decisionAmount" label={t(m.decisionAmount)} rules={[{ required: true, message: t(m.amountRule) }]}>
          <AmountInput />
        </Form.Item>
        <Form.Item name="caseRef" label={t(m.caseRef)} rules={text}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="workersRef" label={t(m.workersRef)} rules={text}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Form.Item name="amount" label={t(m.amount)} rules={[{ required: true, message: t(m.amountRule) }]}>
          <AmountInput />
        </Form.Item>
        <Form.Item name="drawnOn" label={t(m.drawnOn)} rules={date}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

interface TopUpValues {
  amount: string;
  toppedOn: Dayjs;
  form: string;
  reference: string;
}

export function TopUpModal({ deposit, draw, onClose }: { deposit: Deposit; draw: Draw | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<TopUpValues>(draw !== null);
  const save = useTopUp();
  const submit = (v: TopUpValues) => {
    const fen = yuanToFen(v.amount);
    if (fen === null || !draw) return form.setFields([{ name: 'amount', errors: [t(m.amountRule)] }]);
    save.mutate(
      { projectId: deposit.projectId, drawId: draw.id, amountFen: fen, toppedOn: v.toppedOn.format(DAY), form: v.form, reference: v.reference.trim() },
      { onSuccess: () => (message.success(t(m.saved)), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) },
    );
  };
  return (
    <EntryModal width={600} open={draw !== null} title={t(m.topUp)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="deposit-top-up">
      <FormError text={error} testId="deposit-top-up-error" />
      <Form form={form} layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={{ form: 'cash', amount: draw ? (draw.outstandingFen / 100).toFixed(2) : undefined }}>
        <Form.Item name="amount" label={t(m.amount)} rules={[{ required: true, message: t(m.amountRule) }]}>
          <AmountInput />
        </Form.Item>
        <Form.Item name="toppedOn" label={t(m.toppedOn)} rules={[{ required: true, message: t(m.dateRule) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="form" label={t(m.form)} rules={[{ required: true, message: t(m.textRule) }]}>
          <Select options={deposit.acceptedForms.map((f) => ({ value: f, label: t(depositForms[f as keyof typeof depositForms] ?? { zh: f, en: f }) }))} />
        </Form.Item>
        <Form.Item name="reference" label={t(m.reference)} rules={[{ required: true, whitespace: true, message: t(m.textRule) }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

export type ReturnAction = 'apply' | 'approve' | 'reject' | 'order' | 'returned';

/** One step of the return (DEP-11): a date, and for a refusal the reason. */
export function ReturnModal({ deposit, action, onClose }: { deposit: Deposit; action: ReturnAction | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<{ date: Dayjs; reason?: string }>(action !== null);
  const save = useReturnStep();
  const version = deposit.return?.version ?? 1;
  const title = { apply: m.applyReturn, approve: m.approveReturn, reject: m.rejectReturn, order: m.orderReturn, returned: m.confirmReturned };
  const dateLabel = { apply: m.appliedOn, approve: m.noticeFrom, reject: m.decisionOn, order: m.orderedOn, returned: m.returnedOn };
  const submit = (v: { date: Dayjs; reason?: string }) => {
    if (!action) return;
    const d = v.date.format(DAY);
    const p = deposit.projectId;
    const input =
      action === 'apply'
        ? { projectId: p, step: 'apply' as const, appliedOn: d }
        : action === 'approve'
          ? { projectId: p, step: 'decision' as const, approve: true, noticeFrom: d, version }
          : action === 'reject'
            ? { projectId: p, step: 'decision' as const, approve: false, reason: v.reason?.trim(), version }
            : action === 'order'
              ? { projectId: p, step: 'order' as const, orderedOn: d, version }
              : { projectId: p, step: 'returned' as const, returnedOn: d, version };
    save.mutate(input, { onSuccess: () => (message.success(t(m.saved)), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) });
  };
  return (
    <EntryModal width={600} open={action !== null} title={action ? t(title[action]) : ''} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="deposit-return">
      {action === 'order' && <Typography.Paragraph type="secondary">{t(m.fourEyes)}</Typography.Paragraph>}
      <FormError text={error} testId="deposit-return-error" />
      <Form form={form} layout="vertical" onFinish={submit} disabled={save.isPending}>
        <Form.Item name="date" label={action ? t(dateLabel[action]) : ''} rules={[{ required: true, message: t(m.dateRule) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={action === 'approve' ? undefined : notFuture} />
        </Form.Item>
        {action === 'reject' && (
          <Form.Item name="reason" label={t(m.reason)} rules={[{ required: true, whitespace: true, message: t(m.textRule) }]}>
            <Input.TextArea maxLength={200} rows={2} />
          </Form.Item>
        )}
      </Form>
    </EntryModal>
  );
}
