import { Alert, App, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { AmountInput, DAY, EntryModal, notFuture, useEntryForm } from '../../../components/entry-modal';
import { FormError } from '../../../components/query-error';
import { formatYuan, todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useImposePenalty, useOrderCompensation } from '../api/case-documents';
import type { CaseDetail } from '../api/get-case';
import { buildCompensationBody, buildPenaltyBody, compensationPreview, type Decisions, FINE_RULE_KEYS, fineRuleLabels, type PenaltyValues, rangeFor, rangeText } from '../case-decisions';
import { dm } from '../document-messages';
import { m } from '../messages';
import { applyCaseProblem, markLocalProblems } from './form-problem';

type PenaltyForm = Omit<PenaltyValues, 'issuedOn'> & { issuedOn?: Dayjs };

/**
 * 行政处罚: the article (each with what it fines), the party, the violation as the decision states
 * it, the fine within the legal range the server gives for that article and party, the number and
 * the date. The server decides whether the article is open today and records the 决定书 and its file.
 */
export function PenaltyModal({ open, detail, decisions, onClose }: { open: boolean; detail: CaseDetail; decisions: Decisions; onClose: () => void }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<PenaltyForm>(open);
  const save = useImposePenalty(detail.id);
  const ruleId = Form.useWatch('ruleId', form);
  const party = Form.useWatch('party', form) ?? 'unit';
  const option = ruleId ? decisions.penalty[ruleId] : undefined;
  const range = rangeFor(option, party);

  const submit = (v: PenaltyForm) => {
    setError(null);
    const built = buildPenaltyBody({ ...v, issuedOn: v.issuedOn?.format(DAY) }, detail.rowVersion, decisions.penalty);
    if (!built.ok) return markLocalProblems(form, built.problems, lang);
    save.mutate(built.body, { onSuccess: () => (message.success(t(m.done)), onClose()), onError: (err) => setError(applyCaseProblem(form, err, lang)) });
  };

  const rules = FINE_RULE_KEYS.filter((r) => decisions.penalty[r]).map((r) => ({ value: r, label: t(fineRuleLabels[r]), disabled: !decisions.penalty[r]!.open, reason: pick(decisions.penalty[r]!.reason) }));
  return (
    <EntryModal open={open} title={t(dm.penaltyTitle)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="case-penalty" width={720}>
      <Typography.Paragraph type="secondary">{t(dm.penaltyHint)}</Typography.Paragraph>
      <FormError text={error} testId="case-penalty-error" />
      <Form form={form} name="case_penalty" layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={{ party: 'unit', issuedOn: dayjs(todayInShanghai()) }}>
        <Form.Item name="ruleId" label={t(dm.rule)} rules={[{ required: true, message: t(dm.ruleRule) }]}>
          <Select
            options={rules}
            optionRender={(o) => (
              <div style={{ whiteSpace: 'normal' }}>
                {o.label}
                {o.data.disabled && o.data.reason && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {o.data.reason}
                  </Typography.Text>
                )}
              </div>
            )}
            data-testid="case-penalty-rule"
          />
        </Form.Item>
        {option && !option.open && <Alert type="warning" showIcon title={t(dm.ruleClosed, { reason: pick(option.reason) })} style={{ marginBottom: 16 }} />}
        <Form.Item name="party" label={t(dm.party)}>
          <Radio.Group
            options={[
              { value: 'unit', label: t(dm.partyUnit) },
              { value: 'individual', label: t(dm.partyIndividual), disabled: Boolean(option && !option.individual) },
            ]}
          />
        </Form.Item>
        {party === 'individual' && (
          <>
            <Form.Item name="personName" label={t(dm.personName)} rules={[{ required: true, whitespace: true, message: t(dm.personName) }, { max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="personRole" label={t(dm.personRole)} rules={[{ required: true, whitespace: true, message: t(dm.personRole) }, { max: 50 }]}>
              <Input maxLength={50} placeholder={t(dm.personRolePlaceholder)} />
            </Form.Item>
          </>
        )}
        <Form.Item name="violation" label={t(dm.violation)} rules={[{ required: true, whitespace: true, message: t(dm.violationRule) }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="case-penalty-violation" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t(dm.fineAmount)}
          extra={
            <span data-testid="case-penalty-range">
              {range ? t(dm.legalRange, { range: rangeText(range) }) : option ? t(dm.onlyUnit) : ''}
              {option?.stoppage ? `，${t(dm.stoppage)}` : ''}
            </span>
          }
          rules={[{ required: true, message: t(m.amountRule) }]}
        >
          <AmountInput />
        </Form.Item>
        <Form.Item name="docNo" label={t(m.docNo)} rules={[{ required: true, whitespace: true, message: t(m.docNoRule) }, { max: 60 }]}>
          <Input maxLength={60} data-testid="case-penalty-doc-no" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t(dm.decidedOn)} rules={[{ required: true, message: t(dm.dateRule) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

interface CompensationForm {
  rate?: number;
  docNo?: string;
  issuedOn?: Dayjs;
  dueOn?: Dayjs;
}

/**
 * 加付赔偿金: the order it follows, the rate within 50%–100%, and per worker what was still unpaid
 * at the deadline with what the rate gives (the server computes the same and records it).
 */
export function CompensationModal({ open, detail, decisions, onClose }: { open: boolean; detail: CaseDetail; decisions: Decisions; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<CompensationForm>(open);
  const save = useOrderCompensation(detail.id);
  const c = decisions.compensation;
  const rate = Form.useWatch('rate', form);
  if (!c) return null;
  const preview = compensationPreview(c.lines, rate);

  const submit = (v: CompensationForm) => {
    setError(null);
    const built = buildCompensationBody({ rate: v.rate, docNo: v.docNo, issuedOn: v.issuedOn?.format(DAY), dueOn: v.dueOn?.format(DAY) }, detail.rowVersion, c.rate);
    if (!built.ok) return markLocalProblems(form, built.problems, lang);
    save.mutate(built.body, { onSuccess: () => (message.success(t(m.done)), onClose()), onError: (err) => setError(applyCaseProblem(form, err, lang)) });
  };

  return (
    <EntryModal open={open} title={t(dm.compensationTitle)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="case-compensation" width={720}>
      <Typography.Paragraph type="secondary">{t(dm.compensationHint)}</Typography.Paragraph>
      {c.order && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[{ key: 'order', label: t(dm.order), children: `${c.order.docNo}（${t(m.dueOn)} ${c.order.dueOn ?? '—'}）` }]} />
      )}
      <FormError text={error} testId="case-compensation-error" />
      <Form form={form} name="case_compensation" layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={{ rate: Math.round(c.rate.min * 100), issuedOn: dayjs(todayInShanghai()) }}>
        <Form.Item name="rate" label={t(dm.rate)} extra={t(dm.legalRange, { range: `${c.rate.min * 100}% – ${c.rate.max * 100}%` })} rules={[{ required: true, message: t(dm.rate) }]}>
          <InputNumber min={c.rate.min * 100} max={c.rate.max * 100} step={5} precision={2} style={{ width: '100%' }} suffix="%" data-testid="case-compensation-rate" />
        </Form.Item>
        <Table
          size="small"
          rowKey="caseWorkerId"
          pagination={false}
          dataSource={preview.rows}
          style={{ marginBottom: 16 }}
          columns={[
            { title: t(m.worker), dataIndex: 'name' },
            { title: t(dm.base), dataIndex: 'baseFen', align: 'right', render: (v: number) => formatYuan(v) },
            { title: t(dm.compensationFen), dataIndex: 'compensationFen', align: 'right', render: (v: number | null) => formatYuan(v) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t(dm.total)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{formatYuan(c.baseFen)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong data-testid="case-compensation-total">
                  {formatYuan(preview.totalFen)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
          data-testid="case-compensation-lines"
        />
        <Form.Item name="docNo" label={t(m.docNo)} rules={[{ required: true, whitespace: true, message: t(m.docNoRule) }, { max: 60 }]}>
          <Input maxLength={60} data-testid="case-compensation-doc-no" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t(dm.decidedOn)} rules={[{ required: true, message: t(dm.dateRule) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="dueOn" label={t(dm.payBy)} rules={[{ required: true, message: t(dm.dateRule) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format(DAY) <= todayInShanghai()} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}
