import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { fenToYuanInput, formatYuan, yuanToFen } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useEditLine } from '../api/change-payroll';
import type { PayItem, PayrollLine } from '../api/get-payroll';
import { m } from '../messages';

interface ItemValue {
  code?: string;
  label: string;
  /** Yuan as text (InputNumber stringMode), exact. */
  amount: string | null;
}
interface Values {
  days: number;
  grossItems: ItemValue[];
  deductionItems: ItemValue[];
}

const toValues = (items: PayItem[]): ItemValue[] => items.map((i) => ({ code: i.code, label: i.label, amount: fenToYuanInput(i.amountFen) ?? null }));
const sumFen = (items: ItemValue[] | undefined) => (items ?? []).reduce((s, i) => s + (yuanToFen(i?.amount) ?? 0), 0);

/** Items as the server takes them: a new row gets a code of its own (the server keys items by a lower-case code). */
function toItems(values: ItemValue[], prefix: string): PayItem[] {
  const used = new Set<string>();
  let n = 0;
  return values.map((v) => {
    let code = v.code && !used.has(v.code) ? v.code : undefined;
    while (!code) {
      n += 1;
      const candidate = `${prefix}_${n}`;
      if (!used.has(candidate) && !values.some((x) => x.code === candidate)) code = candidate;
    }
    used.add(code);
    return { code, label: v.label.trim(), amountFen: yuanToFen(v.amount) ?? 0 };
  });
}

function ItemRows({ name, title, testId, minRows }: { name: 'grossItems' | 'deductionItems'; title: string; testId: string; minRows: number }) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 16 }} data-testid={testId}>
          <Typography.Text strong>{title}</Typography.Text>
          {fields.map((f) => (
            <Flex key={f.key} gap={8} align="start" style={{ marginTop: 8 }}>
              <Form.Item name={[f.name, 'label']} style={{ flex: 1, marginBottom: 0 }} rules={[{ required: true, whitespace: true, max: 40, message: t(m.itemLabelRule) }]}>
                <Input placeholder={t(m.itemLabel)} maxLength={40} data-testid={`${testId}-label`} />
              </Form.Item>
              <Form.Item name={[f.name, 'amount']} style={{ width: 180, marginBottom: 0 }} rules={[{ required: true, message: t(m.amountRule) }]}>
                <InputNumber<string> stringMode min="0" max="1000000" precision={2} placeholder={t(m.itemAmount)} style={{ width: '100%' }} data-testid={`${testId}-amount`} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} disabled={fields.length <= minRows} onClick={() => remove(f.name)} aria-label={t(m.removeItem)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', amount: null })} style={{ marginTop: 8 }} data-testid={`${testId}-add`}>
            {t(m.addItem)}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** Edits a draft line: the days paid and the itemized pay and deductions; the totals follow as typed. */
export function LineEditModal({ payrollId, line, onClose }: { payrollId: string; line: PayrollLine | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const edit = useEditLine();
  const gross = sumFen(Form.useWatch('grossItems', form));
  const deductions = sumFen(Form.useWatch('deductionItems', form));

  useEffect(() => {
    if (!line) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ days: line.days, grossItems: toValues(line.grossItems), deductionItems: toValues(line.deductionItems) });
  }, [line, form]);

  const submit = (v: Values) => {
    if (!line) return;
    setError(null);
    if (deductions > gross) {
      setError(t(m.deductionsOver));
      return;
    }
    edit.mutate(
      { payrollId, lineId: line.id, days: v.days, grossItems: toItems(v.grossItems, 'item'), deductionItems: toItems(v.deductionItems ?? [], 'deduction'), version: line.version },
      {
        onSuccess: () => {
          message.success(t(m.saved));
          onClose();
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );
  };

  return (
    <Modal
      open={line !== null}
      title={line ? t(m.editTitle, { name: line.workerName }) : ''}
      width={640}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: edit.isPending, 'data-testid': 'line-edit-save' } as ButtonProps}
      destroyOnHidden
    >
      {line && <Alert type="info" showIcon title={t(m.editHint, { days: line.attendanceDays })} style={{ marginBottom: 16 }} />}
      <FormError text={error} testId="line-edit-error" />
      <Form form={form} name="payroll_line" layout="vertical" onFinish={submit} disabled={edit.isPending}>
        <Form.Item name="days" label={t(m.daysPaid)} rules={[{ required: true, type: 'integer', min: 0, max: 31 }]}>
          <InputNumber min={0} max={31} precision={0} style={{ width: 160 }} data-testid="line-edit-days" />
        </Form.Item>
        <ItemRows name="grossItems" title={t(m.grossItems)} testId="line-edit-gross" minRows={1} />
        <ItemRows name="deductionItems" title={t(m.deductionItems)} testId="line-edit-deduction" minRows={0} />
      </Form>
      <Typography.Text strong type={deductions > gross ? 'danger' : undefined} data-testid="line-edit-totals">
        {t(m.totalsPreview, { gross: formatYuan(gross), deductions: formatYuan(deductions), net: formatYuan(gross - deductions) })}
      </Typography.Text>
    </Modal>
  );
}
