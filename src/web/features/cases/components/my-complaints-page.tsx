import { CheckCircleOutlined, ExclamationCircleOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Card, Col, Descriptions, Empty, Flex, Form, Input, List, Modal, Popconfirm, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { paths } from '../../../config/paths';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { applyProblemToForm } from '../../../lib/form-errors';
import { type MyComplaintCase, type MyPayment, useAnswerMyPayment, useMyComplaints } from '../api/my-complaints';
import { awaitingCount, deadlineOf, type PaymentState, paymentState } from '../my-complaint-form';
import { wm } from '../worker-messages';
import { CaseStatusTag } from './case-tags';
import { WORKER_PAGE_STYLE } from './my-complaint-page';

const STATE_TAG: Record<PaymentState, { color: string; text: keyof typeof wm }> = {
  awaiting: { color: 'warning', text: 'stateAwaiting' },
  confirmed: { color: 'success', text: 'stateConfirmed' },
  disputed: { color: 'error', text: 'stateDisputed' },
  confirmed_for_you: { color: 'success', text: 'stateConfirmedForYou' },
  closed: { color: 'default', text: 'stateClosed' },
};

/**
 * /me/complaints — 我的投诉: each of the worker's cases with its stage, the unit handling it and its
 * deadline, what was found owed and recovered for them, and the payments to them; a payment
 * waiting for them can be confirmed or disputed here.
 */
export function MyComplaintsPage() {
  const { t } = useI18n();
  const complaints = useMyComplaints();
  const [disputing, setDisputing] = useState<{ caseId: string; payment: MyPayment } | null>(null);
  const waiting = complaints.data ? awaitingCount(complaints.data) : 0;

  return (
    <div style={WORKER_PAGE_STYLE}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t(wm.listTitle)}
        </Typography.Title>
        <Link to={paths.myComplaintNew}>
          <Button type="primary" icon={<FileAddOutlined />}>
            {t(wm.newComplaint)}
          </Button>
        </Link>
      </Flex>
      {complaints.isLoading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : complaints.isError ? (
        <QueryError error={complaints.error} onRetry={() => complaints.refetch()} />
      ) : !complaints.data?.length ? (
        <Card>
          <Empty description={t(wm.none)} data-testid="my-complaints-empty">
            <Link to={paths.myComplaintNew}>
              <Button type="primary">{t(wm.complainTitle)}</Button>
            </Link>
          </Empty>
        </Card>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="my-complaints">
          {waiting > 0 && <Alert type="warning" showIcon title={t(wm.awaitingBanner, { n: waiting })} data-testid="my-complaints-awaiting" />}
          {complaints.data.map((c) => (
            <ComplaintCard key={c.id} c={c} onDispute={(payment) => setDisputing({ caseId: c.id, payment })} />
          ))}
        </Space>
      )}
      <DisputeModal target={disputing} onClose={() => setDisputing(null)} />
    </div>
  );
}

function ComplaintCard({ c, onDispute }: { c: MyComplaintCase; onDispute: (p: MyPayment) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const answer = useAnswerMyPayment();
  const due = deadlineOf(c);
  const confirm = (p: MyPayment) => answer.mutate({ caseId: c.id, paymentId: p.id, answer: 'confirm' }, { onSuccess: () => message.success(t(wm.answered)) });

  return (
    <Card
      size="small"
      data-testid="my-complaint"
      data-case-no={c.caseNo}
      title={<Typography.Text strong style={{ whiteSpace: 'normal' }}>{c.title}</Typography.Text>}
      extra={<CaseStatusTag status={c.status} label={c.statusLabel} />}
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'no', label: t(wm.caseNo), children: <Typography.Text copyable>{c.caseNo}</Typography.Text> },
          { key: 'unit', label: t(wm.unit), children: c.handlingUnitName ?? '—' },
          { key: 'received', label: t(wm.receivedOn), children: c.receivedOn },
          c.status === 'closed'
            ? { key: 'closed', label: t(wm.closedOn), children: `${c.closedOn ?? '—'}${c.closureLabel ? `（${pick(c.closureLabel)}）` : ''}` }
            : { key: 'due', label: t(due?.kind === 'accept' ? wm.acceptBy : wm.stageDue), children: <span data-testid="my-complaint-due">{due?.on ?? t(wm.noDeadline)}</span> },
        ]}
      />
      {c.mine ? (
        <Row gutter={8} style={{ marginTop: 8, background: '#fafafa', padding: '8px 4px', borderRadius: 6 }}>
          <Money label={t(wm.myClaim)} value={formatYuan(c.mine.claimedFen)} />
          <Money label={t(wm.foundOwed)} value={c.mine.foundOwedFen === null ? t(wm.notFound) : formatYuan(c.mine.foundOwedFen)} />
          <Money label={t(wm.recovered)} value={formatYuan(c.mine.recoveredFen)} testId="my-complaint-recovered" />
        </Row>
      ) : (
        <Typography.Paragraph type="secondary">{t(wm.forOthers)}</Typography.Paragraph>
      )}
      {c.mine?.status === 'moved' && <Alert type="info" showIcon title={t(wm.movedTo)} style={{ marginTop: 8 }} />}
      {c.mine && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
            {t(wm.payments)}
          </Typography.Text>
          <List
            size="small"
            dataSource={c.payments}
            locale={{ emptyText: t(wm.noPayments) }}
            renderItem={(p) => {
              const state = paymentState(p, c.status);
              return (
                <List.Item data-testid="my-payment" data-state={state} style={{ display: 'block' }}>
                  <Flex justify="space-between" align="center" wrap gap={4}>
                    <Typography.Text strong>{formatYuan(p.amountFen)}</Typography.Text>
                    <Tag color={STATE_TAG[state].color}>{t(wm[STATE_TAG[state].text])}</Tag>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.paidOn} · {pick(p.sourceLabel)} · {t(wm.reference)} {p.reference}
                  </Typography.Text>
                  {p.note && (
                    <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                      {t(wm.yourNote, { note: p.note })}
                    </Typography.Paragraph>
                  )}
                  {state === 'awaiting' && (
                    <Flex gap={8} style={{ marginTop: 8 }}>
                      <Popconfirm title={t(wm.confirmAsk, { amount: formatYuan(p.amountFen) })} onConfirm={() => confirm(p)}>
                        <Button type="primary" icon={<CheckCircleOutlined />} loading={answer.isPending && answer.variables?.paymentId === p.id} data-testid="my-payment-confirm" style={{ flex: 1 }}>
                          {t(wm.confirm)}
                        </Button>
                      </Popconfirm>
                      <Button danger icon={<ExclamationCircleOutlined />} onClick={() => onDispute(p)} data-testid="my-payment-dispute" style={{ flex: 1 }}>
                        {t(wm.dispute)}
                      </Button>
                    </Flex>
                  )}
                </List.Item>
              );
            }}
          />
          {answer.isError && <QueryError error={answer.error} />}
        </>
      )}
    </Card>
  );
}

/** One of the worker's three sums, label over value, a third of a phone's width. */
function Money({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Col span={8}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong data-testid={testId}>
        {value}
      </Typography.Text>
    </Col>
  );
}

function DisputeModal({ target, onClose }: { target: { caseId: string; payment: MyPayment } | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const answer = useAnswerMyPayment();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };
  const send = ({ note }: { note: string }) =>
    target &&
    answer.mutate(
      { caseId: target.caseId, paymentId: target.payment.id, answer: 'dispute', note: note.trim() },
      {
        onSuccess: () => {
          message.success(t(wm.answered));
          close();
        },
        onError: (e) => setError(applyProblemToForm(form, e, lang)),
      },
    );
  return (
    <Modal
      open={target !== null}
      title={t(wm.disputeTitle)}
      onCancel={close}
      okText={t(wm.disputeSend)}
      okButtonProps={{ danger: true, loading: answer.isPending, 'data-testid': 'my-dispute-send' } as ButtonProps}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {target && (
        <Typography.Paragraph>
          {formatYuan(target.payment.amountFen)} · {target.payment.paidOn} · {target.payment.reference}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={send} requiredMark={false}>
        <Form.Item name="note" label={t(wm.disputeNote)} rules={[{ required: true, whitespace: true, max: 300, message: t(wm.disputeRule) }]}>
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={t(wm.disputeHint)} data-testid="my-dispute-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
