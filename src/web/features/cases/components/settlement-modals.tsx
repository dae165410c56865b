import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { AmountInput, DAY, EntryModal, notFuture, useEntryForm } from '../../../components/entry-modal';
import { FormError } from '../../../components/query-error';
import { fenToYuanInput, formatYuan, todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useIssueHandlingDecision, useRecordSettlement } from '../api/case-documents';
import type { CaseDetail } from '../api/get-case';
import { m } from '../messages';
import {
  buildHandlingDecisionBody,
  buildSettlementBody,
  type HandlingDecisionView,
  INSTALLMENT_STATE_COLOR,
  type InstallmentView,
  installmentStateLabels,
  type OwedLine,
  planTotals,
  readHandlingDecisionFacts,
  readSettlementFacts,
  type SettlementView,
} from '../case-settlement';
import { sm } from '../settlement-messages';
import { applyCaseProblem, markLocalProblems } from './form-problem';

/** Who is owed what: the workers the agreement or the decision is for, with the total. */
function OwedTable({ lines, totalFen, testId }: { lines: OwedLine[]; totalFen: number; testId: string }) {
  const { t } = useI18n();
  return (
    <Table<OwedLine>
      size="small"
      rowKey="caseWorkerId"
      pagination={false}
      dataSource={lines}
      style={{ marginBottom: 16 }}
      columns={[
        { title: t(sm.worker), dataIndex: 'name' },
        { title: t(sm.unpaid), dataIndex: 'unpaidFen', align: 'right', render: (v: number) => formatYuan(v) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t(sm.total)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Typography.Text strong data-testid={`${testId}-total`}>
              {formatYuan(totalFen)}
            </Typography.Text>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
      data-testid={testId}
    />
  );
}

interface SettlementForm {
  docNo?: string;
  signedOn?: Dayjs;
  installments?: { dueOn?: Dayjs; amount?: string }[];
  note?: string;
}

/**
 * 签订和解协议: the workers still owed and the total the plan must reach; installment rows (the day
 * to pay by, the amount in yuan) with the running total and what is left to plan; the number, the
 * day signed. The server computes the same total and refuses a plan that does not reach it.
 */
export function SettlementModal({ open, detail, settlement, onClose }: { open: boolean; detail: CaseDetail; settlement: SettlementView; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<SettlementForm>(open);
  const save = useRecordSettlement(detail.id);
  const rows = Form.useWatch('installments', form);
  const signedOn = Form.useWatch('signedOn', form);
  const totals = planTotals(rows, settlement.owedFen);

  const submit = (v: SettlementForm) => {
    setError(null);
    const built = buildSettlementBody(
      { docNo: v.docNo, signedOn: v.signedOn?.format(DAY), note: v.note, installments: (v.installments ?? []).map((r) => ({ dueOn: r?.dueOn?.format(DAY), amount: r?.amount })) },
      detail.rowVersion,
      settlement.owedFen,
    );
    if (!built.ok) {
      // The plan's own problem (its total) belongs to the list as a whole: said above the form too.
      const whole = built.problems.find((p) => p.name.length === 1 && p.name[0] === 'installments');
      if (whole) setError(whole.message[lang]);
      return markLocalProblems(form, built.problems, lang);
    }
    save.mutate(built.body, { onSuccess: () => (message.success(t(m.done)), onClose()), onError: (err) => setError(applyCaseProblem(form, err, lang)) });
  };

  const balance = totals.balanced ? (
    <Typography.Text type="success">{t(sm.balanced)}</Typography.Text>
  ) : totals.remainingFen > 0 ? (
    <Typography.Text type="warning">{t(sm.remaining, { n: formatYuan(totals.remainingFen) })}</Typography.Text>
  ) : (
    <Typography.Text type="danger">{t(sm.over, { n: formatYuan(-totals.remainingFen) })}</Typography.Text>
  );

  return (
    <EntryModal open={open} title={t(sm.settlementTitle)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="case-settlement" width={760}>
      <Typography.Paragraph type="secondary">{t(sm.settlementHint)}</Typography.Paragraph>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t(sm.owed)}
      </Typography.Text>
      <OwedTable lines={settlement.lines} totalFen={settlement.owedFen} testId="case-settlement-owed" />
      <FormError text={error} testId="case-settlement-error" />
      <Form
        form={form}
        name="case_settlement"
        layout="vertical"
        onFinish={submit}
        disabled={save.isPending}
        initialValues={{ signedOn: dayjs(todayInShanghai()), installments: [{ amount: fenToYuanInput(settlement.owedFen) }] }}
      >
        <Flex gap={16} wrap>
          <Form.Item name="docNo" label={t(m.docNo)} rules={[{ required: true, whitespace: true, message: t(m.docNoRule) }, { max: 60 }]} style={{ flex: '1 1 260px' }}>
            <Input maxLength={60} data-testid="case-settlement-doc-no" />
          </Form.Item>
          <Form.Item name="signedOn" label={t(sm.signedOn)} rules={[{ required: true, message: t(sm.dateRule) }]} style={{ flex: '1 1 200px' }}>
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} data-testid="case-settlement-signed-on" />
          </Form.Item>
        </Flex>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t(sm.installments)}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
            {t(sm.maxInstallments, { n: settlement.maxInstallments })}
          </Typography.Text>
        </Typography.Text>
        <Form.List name="installments">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="baseline" wrap data-testid="case-settlement-installment">
                  <Typography.Text style={{ flex: '0 0 56px' }}>{t(sm.installmentNo, { n: i + 1 })}</Typography.Text>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: t(sm.dateRule) }]} style={{ flex: '1 1 170px' }}>
                    <DatePicker
                      style={{ width: '100%' }}
                      placeholder={t(sm.payBy)}
                      disabledDate={(d) => Boolean(signedOn && d.format(DAY) < signedOn.format(DAY))}
                      data-testid="case-settlement-due-on"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: t(m.amountRule) }]} style={{ flex: '1 1 170px' }}>
                    <AmountInput placeholder={t(sm.amountYuan)} data-testid="case-settlement-amount" />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ flex: '0 0 150px' }}>
                    {t(sm.cumulative)} {formatYuan(totals.cumulative[i] ?? 0)}
                  </Typography.Text>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />}
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
                <Button
                  type="dashed"
                  onClick={() => add({ amount: totals.remainingFen > 0 ? fenToYuanInput(totals.remainingFen) : undefined })}
                  icon={<PlusOutlined />}
                  disabled={fields.length >= settlement.maxInstallments}
                  data-testid="case-settlement-add"
                >
                  {t(sm.addInstallment)}
                </Button>
                <span data-testid="case-settlement-running">
                  {t(sm.planned, { total: formatYuan(totals.totalFen), owed: formatYuan(settlement.owedFen) })}，{balance}
                </span>
              </Flex>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t(sm.note)} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

interface HandlingForm {
  docNo?: string;
  issuedOn?: Dayjs;
  dueOn?: Dayjs;
  note?: string;
}

/** 行政处理决定: the amount computed by the server (shown, not typed), the number, the date and the day to pay by. */
export function HandlingDecisionModal({ open, detail, handling, onClose }: { open: boolean; detail: CaseDetail; handling: HandlingDecisionView; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<HandlingForm>(open);
  const save = useIssueHandlingDecision(detail.id);
  const issuedOn = Form.useWatch('issuedOn', form);

  const submit = (v: HandlingForm) => {
    setError(null);
    const built = buildHandlingDecisionBody({ docNo: v.docNo, issuedOn: v.issuedOn?.format(DAY), dueOn: v.dueOn?.format(DAY), note: v.note }, detail.rowVersion);
    if (!built.ok) return markLocalProblems(form, built.problems, lang);
    save.mutate(built.body, { onSuccess: () => (message.success(t(m.done)), onClose()), onError: (err) => setError(applyCaseProblem(form, err, lang)) });
  };

  return (
    <EntryModal open={open} title={t(sm.handlingTitle)} onClose={onClose} onOk={() => form.submit()} pending={save.isPending} testId="case-handling" width={640}>
      <Typography.Paragraph type="secondary">{t(sm.handlingHint)}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[{ key: 'amount', label: t(sm.decidedAmount), children: <Typography.Text strong data-testid="case-handling-amount">{formatYuan(handling.amountFen)}</Typography.Text> }]}
      />
      <OwedTable lines={handling.lines} totalFen={handling.amountFen} testId="case-handling-owed" />
      <FormError text={error} testId="case-handling-error" />
      <Form form={form} name="case_handling" layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={{ issuedOn: dayjs(todayInShanghai()) }}>
        <Form.Item name="docNo" label={t(m.docNo)} rules={[{ required: true, whitespace: true, message: t(m.docNoRule) }, { max: 60 }]}>
          <Input maxLength={60} data-testid="case-handling-doc-no" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="issuedOn" label={t(sm.decidedOn)} rules={[{ required: true, message: t(sm.dateRule) }]} style={{ flex: '1 1 200px' }}>
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
          <Form.Item name="dueOn" label={t(sm.payBy)} rules={[{ required: true, message: t(sm.dateRule) }]} style={{ flex: '1 1 200px' }}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format(DAY) <= (issuedOn ? issuedOn.format(DAY) : todayInShanghai())} data-testid="case-handling-due-on" />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t(sm.note)} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

/**
 * The buttons of 签订和解协议 (while mediating, for the handling unit) and 行政处理决定 (for labour
 * inspection, where the case may receive one), each saying why when it is closed, with their forms.
 */
export function AgreementActions({ detail }: { detail: CaseDetail }) {
  const { t, pick } = useI18n();
  const [acting, setActing] = useState<'settlement' | 'handling' | null>(null);
  const settlement = readSettlementFacts(detail.facts);
  const handling = readHandlingDecisionFacts(detail.facts);
  const showSettlement = Boolean(settlement?.mayRecord && detail.status === 'mediating');
  const showHandling = Boolean(handling?.mayDecide && detail.status !== 'closed');
  if (!showSettlement && !showHandling) return null;
  return (
    <Space wrap data-testid="case-agreements">
      {showSettlement && settlement && (
        <Tooltip title={settlement.open ? null : pick(settlement.reason)}>
          <Button type="primary" disabled={!settlement.open} onClick={() => setActing('settlement')} data-testid="case-settlement">
            {t(sm.settlement)}
          </Button>
        </Tooltip>
      )}
      {showHandling && handling && (
        <Tooltip title={handling.open ? null : pick(handling.reason)}>
          <Button disabled={!handling.open} onClick={() => setActing('handling')} data-testid="case-handling">
            {t(sm.handling)}
          </Button>
        </Tooltip>
      )}
      {settlement && <SettlementModal open={acting === 'settlement'} detail={detail} settlement={settlement} onClose={() => setActing(null)} />}
      {handling && <HandlingDecisionModal open={acting === 'handling'} detail={detail} handling={handling} onClose={() => setActing(null)} />}
    </Space>
  );
}

/** 和解协议履行情况: each installment with what was due by its day, what was paid by then, and whether it was met. */
export function SettlementProgress({ detail }: { detail: CaseDetail }) {
  const { t, lang } = useI18n();
  const agreement = readSettlementFacts(detail.facts)?.agreement;
  const handling = readHandlingDecisionFacts(detail.facts)?.decision;
  if (!agreement && !handling) return null;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {handling && (
        <Alert
          type="info"
          showIcon
          title={t(sm.decisionIssued, { docNo: handling.docNo, amount: formatYuan(handling.amountFen), dueOn: handling.dueOn ?? '—' })}
          data-testid="case-handling-issued"
        />
      )}
      {agreement && (
        <Card size="small" title={t(sm.agreement)} data-testid="case-settlement-progress">
          <Typography.Paragraph type="secondary">
            {t(sm.agreementSummary, { docNo: agreement.docNo, signedOn: agreement.signedOn, amount: formatYuan(agreement.amountFen), paid: formatYuan(agreement.paidFen) })}
          </Typography.Paragraph>
          {agreement.installments.some((i) => i.state === 'missed') && <Alert type="error" showIcon title={t(sm.missedAlert)} style={{ marginBottom: 12 }} data-testid="case-settlement-missed" />}
          <Table<InstallmentView & { no: number }>
            size="small"
            rowKey="no"
            pagination={false}
            dataSource={agreement.installments.map((x, i) => ({ ...x, no: i + 1 }))}
            columns={[
              { title: '', dataIndex: 'no', width: 80, render: (n: number) => t(sm.installmentNo, { n }) },
              { title: t(sm.payBy), dataIndex: 'dueOn', width: 130 },
              { title: t(m.amount), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
              { title: t(sm.dueBy), dataIndex: 'cumulativeFen', align: 'right', render: (v: number) => formatYuan(v) },
              { title: t(sm.paidBy), dataIndex: 'paidByDueFen', align: 'right', render: (v: number) => formatYuan(v) },
              {
                title: t(sm.state),
                dataIndex: 'state',
                width: 150,
                render: (s: InstallmentView['state']) => (
                  <Tag color={INSTALLMENT_STATE_COLOR[s]} data-testid="case-installment-state">
                    {installmentStateLabels[s][lang]}
                  </Tag>
                ),
              },
            ]}
            data-testid="case-settlement-installments"
          />
        </Card>
      )}
    </Space>
  );
}
