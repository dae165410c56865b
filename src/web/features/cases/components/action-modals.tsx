import { Alert, App, Checkbox, DatePicker, Descriptions, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { AmountInput, DAY, useEntryForm } from '../../../components/entry-modal';
import { FormError } from '../../../components/query-error';
import { fenToYuanInput, formatYuan, todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf, optionsOf } from '../../../lib/labels';
import { useCan } from '../../../lib/session';
import type { CaseDetail } from '../api/get-case';
import { useMoveCase } from '../api/move-case';
import { policeTransferBlock, readFacts } from '../case-facts';
import { type ActionValues, buildActionBody, outstandingFen } from '../case-forms';
import { type CaseAction, caseActionLabels, caseStatusLabels, conclusionLabels, referralLabels, refuseReasonLabels, satisfactionLabels } from '../labels';
import { m } from '../messages';
import { applyCaseProblem, markLocalProblems } from './form-problem';
import { UnitSelect } from './pickers';

type FormValues = Omit<ActionValues, 'dueOn'> & { dueOn?: Dayjs };

const REFER_TO = { arbitration: referralLabels.arbitration, court: referralLabels.court, other_department: referralLabels.other_department };

/**
 * The modal of one move (the buttons are exactly the case's `actions`): the fields its route needs,
 * the case's rowVersion always sent. Where the law decides first (移送公安, 办理完毕) it shows the
 * figures and keeps the button off until the condition is met.
 */
export function CaseActionModal({ action, detail, onClose }: { action: CaseAction | null; detail: CaseDetail; onClose: () => void }) {
  const { t, pick, lang } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const open = action !== null;
  const { form, error, setError } = useEntryForm<FormValues>(open);
  const move = useMoveCase(detail.id);
  const facts = readFacts(detail.facts);

  if (!action) return null;

  const blocked = action === 'transfer_police' ? policeTransferBlock(facts.criminal) : action === 'settle' && !facts.closable?.closable ? (facts.closable ? m.settleBlocked : m.cannotAssess) : null;

  const submit = (v: FormValues) => {
    setError(null);
    const built = buildActionBody(action, { ...v, dueOn: v.dueOn?.format(DAY) }, detail.rowVersion);
    if (!built.ok) return markLocalProblems(form, built.problems, lang);
    move.mutate(
      { id: detail.id, action, body: built.body },
      {
        onSuccess: () => {
          message.success(t(m.done));
          onClose();
        },
        onError: (err) => setError(applyCaseProblem(form, err, lang)),
      },
    );
  };

  const text = (msg: typeof m.textRule, max: number) => [{ required: true, whitespace: true, message: t(msg) }, { max }];
  const docNo = (
    <Form.Item name="docNo" label={t(m.docNo)} rules={text(m.docNoRule, 60)}>
      <Input maxLength={60} data-testid="case-action-doc-no" />
    </Form.Item>
  );
  const conclusion = (
    <Form.Item name="conclusion" label={t(m.conclusion)} rules={[{ required: true, message: t(m.conclusionRule) }]}>
      <Select options={optionsOf(conclusionLabels, lang)} data-testid="case-action-conclusion" />
    </Form.Item>
  );

  let hint: ReactNode = null;
  let fields: ReactNode = null;
  switch (action) {
    case 'transfer':
      hint = t(m.transferHint);
      fields = (
        <Form.Item name="unitId" label={t(m.transferUnit)} rules={[{ required: true, message: t(m.unitRule) }]}>
          {can('orgs.read') ? <UnitSelect placeholder={t(m.unitPlaceholder)} testId="case-action-unit" /> : <Input disabled />}
        </Form.Item>
      );
      break;
    case 'refuse':
      fields = (
        <>
          <Form.Item name="reason" label={t(m.refuseReason)} rules={[{ required: true, message: t(m.reasonRule) }]}>
            <Radio.Group options={optionsOf(refuseReasonLabels, lang)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
          </Form.Item>
          {docNo}
        </>
      );
      break;
    case 'refer':
      fields = (
        <>
          <Form.Item name="to" label={t(m.referTo)} rules={[{ required: true, message: t(m.referRule) }]}>
            <Radio.Group options={optionsOf(REFER_TO, lang)} />
          </Form.Item>
          <Form.Item name="legalAid" valuePropName="checked">
            <Checkbox>{t(m.legalAid)}</Checkbox>
          </Form.Item>
          {docNo}
        </>
      );
      break;
    case 'merge':
      fields =
        detail.mergeCandidates.length === 0 ? (
          <Alert type="info" showIcon title={t(m.noMergeCandidates)} style={{ marginBottom: 16 }} />
        ) : (
          <Form.Item name="intoId" label={t(m.mergeInto)} rules={[{ required: true, message: t(m.mergeRule) }]}>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              options={detail.mergeCandidates.map((c) => ({ value: c.id, label: `${c.caseNo} ${c.title}（${labelOf(caseStatusLabels, c.status, lang)} · ${c.receivedOn}）` }))}
              data-testid="case-action-merge"
            />
          </Form.Item>
        );
      break;
    case 'file':
      fields = (
        <Form.Item name="inspectors" label={t(m.inspectors)} extra={t(m.inspectorsHint)} rules={[{ required: true, message: t(m.inspectorsHint) }]}>
          <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} data-testid="case-action-inspectors" />
        </Form.Item>
      );
      break;
    case 'extend':
      hint = t(m.extendHint);
      fields = (
        <Form.Item name="approvedBy" label={t(m.approvedBy)} rules={text(m.textRule, 50)}>
          <Input maxLength={50} />
        </Form.Item>
      );
      break;
    case 'order':
      hint = t(m.orderHint);
      fields = (
        <>
          {docNo}
          <Form.Item name="dueOn" label={t(m.orderDue)} rules={[{ required: true, message: t(m.orderDueRule) }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format(DAY) <= todayInShanghai()} />
          </Form.Item>
          <Form.Item name="amount" label={t(m.orderAmount)} rules={[{ required: true, message: t(m.amountRule) }]}>
            <AmountInput />
          </Form.Item>
        </>
      );
      break;
    case 'transfer_police': {
      hint = t(m.policeHint);
      const c = facts.criminal;
      fields = (
        <>
          {c && (
            <Descriptions
              size="small"
              bordered
              column={1}
              title={t(m.policeFigures)}
              style={{ marginBottom: 16 }}
              items={[
                { key: 'one', label: t(m.largestOneWorker), children: formatYuan(c.figures.largestOneWorkerFen) },
                { key: 'n', label: t(m.workersOwed), children: c.figures.workersOwed },
                { key: 'total', label: t(m.totalOwed), children: formatYuan(c.figures.totalOwedFen) },
              ]}
              data-testid="case-police-figures"
            />
          )}
          {!blocked && docNo}
        </>
      );
      break;
    }
    case 'unfounded':
      fields = conclusion;
      break;
    case 'settle':
      fields = (
        <>
          {facts.closable && facts.closable.blocking.length > 0 && (
            <ul style={{ margin: '0 0 16px', paddingInlineStart: 20 }} data-testid="case-settle-blocking">
              {facts.closable.blocking.map((b) => (
                <li key={b.index}>
                  {b.workerName}：{pick(b.reason)}
                </li>
              ))}
            </ul>
          )}
          {!blocked && conclusion}
        </>
      );
      break;
    case 'close':
      fields = (
        <Form.Item name="satisfaction" label={t(m.satisfaction)} rules={[{ required: true, message: t(m.satisfactionRule) }]}>
          <Radio.Group options={optionsOf(satisfactionLabels, lang)} data-testid="case-action-satisfaction" />
        </Form.Item>
      );
      break;
    case 'accept':
    case 'mediate':
    case 'enforce':
      break;
  }

  const empty = action === 'merge' && detail.mergeCandidates.length === 0;
  const testId = `case-action-${action}`;
  return (
    <Modal
      open={open}
      title={`${labelOf(caseActionLabels, action, lang)} · ${detail.caseNo}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={labelOf(caseActionLabels, action, lang)}
      okButtonProps={{ loading: move.isPending, disabled: blocked !== null || empty, danger: action === 'refuse' || action === 'transfer_police', 'data-testid': `${testId}-save` } as ButtonProps}
      destroyOnHidden
      width={600}
      data-testid={testId}
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      {blocked && <Alert type="warning" showIcon title={t(blocked)} style={{ marginBottom: 16 }} data-testid={`${testId}-blocked`} />}
      <FormError text={error} testId={`${testId}-error`} />
      <Form<FormValues>
        form={form}
        name={`case_${action}_form`}
        layout="vertical"
        onFinish={submit}
        disabled={move.isPending || blocked !== null}
        initialValues={action === 'order' ? { amount: fenToYuanInput(outstandingFen(detail.workers) || null) } : action === 'refer' ? { legalAid: false } : {}}
      >
        {fields}
        <Form.Item name="note" label={t(m.actionNote)} rules={[{ max: 2000, message: t(m.noteRule) }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid={`${testId}-note`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
