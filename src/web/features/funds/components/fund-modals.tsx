import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { AmountInput, DAY, EntryModal, notFuture, useEntryForm } from '../../../components/entry-modal';
import { FormError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { applyProblemToForm } from '../../../lib/form-errors';
import { yuanToFen } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { Advance } from '../api/get-funds';
import { useCreateFund, useRecordAdvance, useRecordMovement, useRecordRecovery } from '../api/record-fund-entries';
import { m } from '../messages';
import { EmployerPicker, ProjectPicker, WorkerPicker } from './advance-pickers';

export function CreateFundModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<{ regionCode: string; name: string }>(open);
  const save = useCreateFund();
  const submit = (v: { regionCode: string; name: string }) =>
    save.mutate({ regionCode: v.regionCode, name: v.name.trim() }, { onSuccess: (f) => (message.success(t(m.saved)), onCreated(f.id), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) });
  return (
    <EntryModal open={open} title={t(m.createFund)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="fund-create">
      <FormError text={error} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={save.isPending}>
        <Form.Item name="regionCode" label={t(m.region)} rules={[{ required: true, message: t(m.textRule) }]}>
          <RegionTreeSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="name" label={t(m.name)} rules={[{ required: true, whitespace: true, message: t(m.textRule) }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

interface MovementValues {
  kind: 'injection' | 'interest';
  amount: string;
  onDate: Dayjs;
  reference: string;
}

export function MovementModal({ fundId, open, onClose }: { fundId: string; open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<MovementValues>(open);
  const save = useRecordMovement();
  const submit = (v: MovementValues) => {
    const fen = yuanToFen(v.amount);
    if (fen === null) return form.setFields([{ name: 'amount', errors: [t(m.amountRule)] }]);
    save.mutate({ fundId, kind: v.kind, amountFen: fen, onDate: v.onDate.format(DAY), reference: v.reference.trim() }, { onSuccess: () => (message.success(t(m.saved)), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) });
  };
  return (
    <EntryModal open={open} title={t(m.recordMovement)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="fund-movement">
      <FormError text={error} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={{ kind: 'injection' }}>
        <Form.Item name="kind" label={t(m.kind)}>
          <Select options={[{ value: 'injection', label: t(m.injection) }, { value: 'interest', label: t(m.interest) }]} />
        </Form.Item>
        <Form.Item name="amount" label={t(m.amount)} rules={[{ required: true, message: t(m.amountRule) }]}>
          <AmountInput />
        </Form.Item>
        <Form.Item name="onDate" label={t(m.onDate)} rules={[{ required: true, message: t(m.dateRule) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="reference" label={t(m.reference)} rules={[{ required: true, whitespace: true, message: t(m.textRule) }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

interface AdvanceValues {
  decisionNo: string;
  decisionOn: Dayjs;
  caseRef: string;
  employerId: string;
  projectId?: string;
  arrears: string;
  depositShortfallNote: string;
  higherApprovalRef?: string;
  paidOn: Dayjs;
  lines: { workerId: string; amount: string }[];
}

/** EMF-01: the caps are the server's to enforce; its field problems land on the lines they concern. */
export function AdvanceModal({ fundId, open, onClose }: { fundId: string; open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<AdvanceValues>(open);
  const save = useRecordAdvance();
  const projectId = Form.useWatch('projectId', form);
  const employerId = Form.useWatch('employerId', form);
  const submit = (v: AdvanceValues) => {
    const arrears = yuanToFen(v.arrears);
    const lines = v.lines.map((l) => ({ workerId: l.workerId, amountFen: yuanToFen(l.amount) }));
    if (arrears === null) return form.setFields([{ name: 'arrears', errors: [t(m.amountRule)] }]);
    const bad = lines.findIndex((l) => l.amountFen === null);
    if (bad >= 0) return form.setFields([{ name: ['lines', bad, 'amount'], errors: [t(m.amountRule)] }]);
    save.mutate(
      {
        fundId,
        decisionNo: v.decisionNo.trim(),
        decisionOn: v.decisionOn.format(DAY),
        caseRef: v.caseRef.trim(),
        employerId: v.employerId,
        projectId: v.projectId ?? null,
        arrearsFen: arrears,
        depositShortfallNote: v.depositShortfallNote.trim(),
        higherApprovalRef: v.higherApprovalRef?.trim() || null,
        paidOn: v.paidOn.format(DAY),
        lines: lines.map((l) => ({ workerId: l.workerId, amountFen: l.amountFen as number })),
      },
      {
        onSuccess: () => (message.success(t(m.saved)), onClose()),
        // Line problems (lines/0/amountFen) have no field of that name here: they show in the alert.
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );
  };
  const text = [{ required: true, whitespace: true, message: t(m.textRule) }];
  const date = [{ required: true, message: t(m.dateRule) }];
  return (
    <EntryModal open={open} title={t(m.recordAdvance)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="fund-advance" width={680}>
      <Typography.Paragraph type="secondary">{t(m.advanceNote)}</Typography.Paragraph>
      <FormError text={error} testId="fund-advance-error" />
      <Form form={form} layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={{ lines: [{ workerId: '', amount: '' }] }}>
        <Flex gap={12}>
          <Form.Item name="decisionNo" label={t(m.decisionNo)} rules={text} style={{ flex: 1 }}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="decisionOn" label={t(m.decisionOn)} rules={date} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
        </Flex>
        <Form.Item name="caseRef" label={t(m.caseRef)} rules={text}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="projectId" label={t(m.projectId)} rules={[{ required: true, message: t(m.textRule) }]} style={{ flex: 1 }}>
            <ProjectPicker onChange={() => form.setFieldsValue({ employerId: undefined, lines: [{ workerId: undefined, amount: '' }] })} />
          </Form.Item>
          <Form.Item name="employerId" label={t(m.employerId)} rules={[{ required: true, message: t(m.textRule) }]} style={{ flex: 1 }}>
            <EmployerPicker projectId={projectId} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="arrears" label={t(m.arrears)} rules={[{ required: true, message: t(m.amountRule) }]} style={{ flex: 1 }}>
            <AmountInput />
          </Form.Item>
          <Form.Item name="paidOn" label={t(m.paidOn)} rules={date} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
        </Flex>
        <Form.Item name="depositShortfallNote" label={t(m.depositShortfall)} rules={[...text, { min: 2, message: t(m.textRule) }]}>
          <Input.TextArea maxLength={300} rows={2} />
        </Form.Item>
        <Form.Item name="higherApprovalRef" label={t(m.higherApproval)}>
          <Input maxLength={100} />
        </Form.Item>
        <Typography.Text strong>{t(m.lines)}</Typography.Text>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'workerId']} rules={[{ required: true, message: t(m.textRule) }]} style={{ flex: 2 }}>
                    <WorkerPicker projectId={projectId} employerId={employerId} placeholder={t(m.workerId)} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: t(m.amountRule) }]} style={{ flex: 1 }}>
                    <AmountInput />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({ workerId: '', amount: '' })} icon={<PlusOutlined />} block>
                {t(m.addLine)}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </EntryModal>
  );
}

interface RecoveryValues {
  amount: string;
  recoveredOn: Dayjs;
  reference: string;
}

export function RecoveryModal({ advance, onClose }: { advance: Advance | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<RecoveryValues>(advance !== null);
  const save = useRecordRecovery();
  const submit = (v: RecoveryValues) => {
    const fen = yuanToFen(v.amount);
    if (fen === null || !advance) return form.setFields([{ name: 'amount', errors: [t(m.amountRule)] }]);
    save.mutate({ advanceId: advance.id, amountFen: fen, recoveredOn: v.recoveredOn.format(DAY), reference: v.reference.trim() }, { onSuccess: () => (message.success(t(m.saved)), onClose()), onError: (err) => setError(applyProblemToForm(form, err, lang)) });
  };
  return (
    <EntryModal open={advance !== null} title={t(m.recordRecovery)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="fund-recovery">
      <FormError text={error} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={{ amount: advance ? (advance.outstandingFen / 100).toFixed(2) : undefined }}>
        <Form.Item name="amount" label={t(m.amount)} rules={[{ required: true, message: t(m.amountRule) }]}>
          <AmountInput />
        </Form.Item>
        <Form.Item name="recoveredOn" label={t(m.recoveredOn)} rules={[{ required: true, message: t(m.dateRule) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="reference" label={t(m.reference)} rules={[{ required: true, whitespace: true, message: t(m.textRule) }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}
