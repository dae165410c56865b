import { App, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { AmountInput, DAY, EntryModal, notFuture, useEntryForm } from '../../../components/entry-modal';
import { FormError } from '../../../components/query-error';
import { fenToYuanInput, formatYuan, yuanToFen } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import type { CaseDetail } from '../api/get-case';
import { useRecordCasePayment, useRecordFindings } from '../api/work-case';
import { buildFindings, owedFen } from '../case-forms';
import { PAYMENT_SOURCE_KEYS, type PaymentSource, paymentSourceLabels } from '../labels';
import { m } from '../messages';
import { applyCaseProblem, markLocalProblems } from './form-problem';

interface FindingsValues {
  findings: { foundOwed?: string }[];
}

/** 登记核查结果: what verification found each listed worker is owed, in yuan. */
export function FindingsModal({ open, detail, onClose }: { open: boolean; detail: CaseDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<FindingsValues>(open);
  const save = useRecordFindings(detail.id);
  const submit = (v: FindingsValues) => {
    setError(null);
    const built = buildFindings(detail.workers, v.findings.map((f) => f.foundOwed));
    if (!built.ok) return markLocalProblems(form, built.problems, lang);
    save.mutate(built.body, { onSuccess: () => (message.success(t(m.done)), onClose()), onError: (err) => setError(applyCaseProblem(form, err, lang)) });
  };
  return (
    <EntryModal open={open} title={t(m.recordFindings)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="case-findings" width={640}>
      <Typography.Paragraph type="secondary">{t(m.findingsHint)}</Typography.Paragraph>
      <FormError text={error} testId="case-findings-error" />
      <Form
        form={form}
        name="case_findings"
        layout="vertical"
        onFinish={submit}
        disabled={save.isPending}
        initialValues={{ findings: detail.workers.map((w) => ({ foundOwed: fenToYuanInput(w.foundOwedFen ?? w.claimedFen) })) }}
      >
        {detail.workers.map((w, i) => (
          <Flex key={w.id} gap={12} align="baseline">
            <div style={{ flex: 1 }}>
              <Typography.Text strong>{w.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t(m.claimed)} {formatYuan(w.claimedFen)} · {t(m.recovered)} {formatYuan(w.recoveredFen)}
              </Typography.Text>
            </div>
            <Form.Item name={['findings', i, 'foundOwed']} rules={[{ required: true, message: t(m.amountRule) }]} style={{ flex: 1 }}>
              <AmountInput min="0" />
            </Form.Item>
          </Flex>
        ))}
      </Form>
    </EntryModal>
  );
}

interface PaymentValues {
  caseWorkerId: string;
  amount: string;
  paidOn: Dayjs;
  source: PaymentSource;
  reference: string;
}

/** 登记支付: money that reached one worker, its date, where it came from and its reference. */
export function PaymentModal({ open, detail, workerId, onClose }: { open: boolean; detail: CaseDetail; workerId?: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<PaymentValues>(open);
  const save = useRecordCasePayment(detail.id);
  const payable = detail.workers.filter((w) => w.status !== 'moved');
  const submit = (v: PaymentValues) => {
    setError(null);
    const fen = yuanToFen(v.amount);
    if (fen === null || fen < 1) return form.setFields([{ name: 'amount', errors: [t(m.amountRule)] }]);
    save.mutate(
      { caseWorkerId: v.caseWorkerId, amountFen: fen, paidOn: v.paidOn.format(DAY), source: v.source, reference: v.reference.trim() },
      { onSuccess: () => (message.success(t(m.done)), onClose()), onError: (err) => setError(applyCaseProblem(form, err, lang)) },
    );
  };
  const initialWorker = payable.find((w) => w.id === workerId);
  return (
    <EntryModal open={open} title={t(m.recordPayment)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="case-payment">
      <Typography.Paragraph type="secondary">{t(m.paymentHint)}</Typography.Paragraph>
      <FormError text={error} testId="case-payment-error" />
      <Form
        form={form}
        name="case_payment"
        layout="vertical"
        onFinish={submit}
        disabled={save.isPending}
        initialValues={{ caseWorkerId: initialWorker?.id, amount: initialWorker ? fenToYuanInput(owedFen(initialWorker) || null) : undefined }}
        onValuesChange={(changed: Partial<PaymentValues>) => {
          const w = changed.caseWorkerId ? payable.find((x) => x.id === changed.caseWorkerId) : undefined;
          if (w && owedFen(w) > 0) form.setFieldValue('amount', fenToYuanInput(owedFen(w)));
        }}
      >
        <Form.Item name="caseWorkerId" label={t(m.worker)} rules={[{ required: true, message: t(m.workerRule) }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={payable.map((w) => ({ value: w.id, label: `${w.name}（${t(m.outstanding)} ${formatYuan(owedFen(w))}）` }))}
            data-testid="case-payment-worker"
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="amount" label={t(m.amountYuan)} rules={[{ required: true, message: t(m.amountRule) }]} style={{ flex: 1 }}>
            <AmountInput />
          </Form.Item>
          <Form.Item name="paidOn" label={t(m.paidOn)} rules={[{ required: true, message: t(m.dateRule) }]} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
        </Flex>
        <Form.Item name="source" label={t(m.source)} rules={[{ required: true, message: t(m.sourceRule) }]}>
          <Select options={PAYMENT_SOURCE_KEYS.map((s) => ({ value: s, label: labelOf(paymentSourceLabels, s, lang) }))} data-testid="case-payment-source" />
        </Form.Item>
        <Form.Item name="reference" label={t(m.reference)} rules={[{ required: true, whitespace: true, message: t(m.textRule) }, { max: 100 }]}>
          <Input maxLength={100} data-testid="case-payment-reference" />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}
