import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { paths, projectPath } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime, todayInShanghai } from '../../../lib/format';
import { type Msg, useI18n } from '../../../lib/i18n';
import { consequenceLabels, labelOf } from '../../../lib/labels';
import { type Proposal, type WarningAction, type WarningDetail, useWarning } from '../api/get-warning';
import { evidenceRows } from '../evidence';
import { m } from '../messages';
import { DispatchModal, MeasuresModal, NoteModal } from './action-modals';
import { ProposalsTable } from './proposals-table';
import { DueCell, isOpenStatus, LADDER_TEXT, LevelTag, OverdueTag, WarningStatusTag } from './warning-tags';
import { WarningTimeline } from './warning-timeline';
import { ToCaseButton } from './to-case-button';
import { useCan } from '../../../lib/session';

const RESOLUTION_REASON: Record<string, Msg> = { condition_cleared: m.reasonConditionCleared, out_of_watch: m.reasonOutOfWatch };

type Dialog = { kind: 'acknowledge' | 'dispose' | 'respond' | 'verify' | 'reject' | 'dispatch' } | { kind: 'decide'; proposal: Proposal; decision: 'accepted' | 'declined' } | null;

const BUTTONS: { action: Exclude<WarningAction, 'decide'>; text: keyof typeof m; primary?: boolean; danger?: boolean }[] = [
  { action: 'dispatch', text: 'dispatch' },
  { action: 'acknowledge', text: 'acknowledge', primary: true },
  { action: 'dispose', text: 'dispose', primary: true },
  { action: 'respond', text: 'respond', primary: true },
  { action: 'verify', text: 'verify', primary: true },
  { action: 'reject', text: 'reject', danger: true },
];

/** /warnings/:id — one warning: what, why (the law), the evidence, who handles it, what happened, and the actions the server allows. */
export function WarningDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const warning = useWarning(id);
  const w = warning.data;

  if (warning.isLoading) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (warning.isError || !w) {
    const missing = warning.error instanceof ApiError && (warning.error.status === 404 || warning.error.status === 400);
    return (
      <Card>
        {missing ? (
          <Result status="404" title="404" subTitle={t(m.notFound)} extra={<Link to={paths.warnings}><Button type="primary">{t(m.back)}</Button></Link>} />
        ) : (
          <QueryError error={warning.error} onRetry={() => warning.refetch()} />
        )}
      </Card>
    );
  }
  return <WarningView warning={w} refreshing={warning.isFetching} onRefresh={() => warning.refetch()} />;
}

function WarningView({ warning: w, refreshing, onRefresh }: { warning: WarningDetail; refreshing: boolean; onRefresh: () => void }) {
  const { t, pick, lang } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const can = useCan();
  const close = () => setDialog(null);
  const open = isOpenStatus(w.status);
  const allowed = new Set(w.allowedActions);
  const colon = lang === 'zh' ? '：' : ': ';
  const overdueDays = w.dueOn ? Math.max(1, dayjs(todayInShanghai()).diff(dayjs(w.dueOn), 'day')) : 0;

  const basics: DescriptionsProps['items'] = [
    { key: 'rule', label: t(m.ruleLabel), children: `${w.ruleCode} ${pick(w.ruleName)}`, span: 2 },
    { key: 'level', label: t(m.level), children: <LevelTag level={w.level} /> },
    {
      key: 'status',
      label: t(m.status),
      children: (
        <Space size={4} wrap>
          <WarningStatusTag status={w.status} label={w.statusLabel} />
          {open && w.overdue && <OverdueTag />}
        </Space>
      ),
    },
    {
      key: 'subject',
      label: t(m.subject),
      span: 2,
      children: (
        <Space orientation="vertical" size={0}>
          {w.projectId && (
            <Link to={projectPath(w.projectId)} data-testid="warning-project-link">
              {w.projectName}
            </Link>
          )}
          {w.enterpriseName && <span>{w.enterpriseName}</span>}
        </Space>
      ),
    },
    { key: 'region', label: t(m.regionName), children: w.regionName },
    { key: 'raisedAt', label: t(m.raisedAt), children: formatDateTime(w.raisedAt, lang) },
    { key: 'summary', label: t(m.summary), span: 'filled', children: pick(w.summary) },
  ];

  const evidence = evidenceRows(w.evidence, w.evidenceLabels, lang);
  const evidenceItems: DescriptionsProps['items'] = evidence.map((r) => ({
    key: r.key,
    label: r.label,
    children: r.lines.length > 1 ? r.lines.map((line, i) => <div key={i}>{line}</div>) : r.lines[0],
  }));

  const unitName = (u: { name: string } | null) => u?.name ?? '—';
  const routing: DescriptionsProps['items'] = [
    { key: 'handling', label: t(m.handlingUnit), children: <span data-testid="warning-handling-unit">{unitName(w.handlingUnit)}</span> },
    { key: 'lead', label: t(m.leadUnit), children: unitName(w.leadUnit) },
    { key: 'assist', label: t(m.assistUnits), children: w.assistUnits.length > 0 ? w.assistUnits.map((u) => u.name).join(lang === 'zh' ? '、' : ', ') : t(m.none) },
    { key: 'deadline', label: t(m.deadline), children: <DueCell dueOn={w.dueOn} overdue={w.overdue} open={open} /> },
    {
      key: 'ladder',
      label: t(m.ladder),
      children: (
        <>
          {pick(w.ladderStepLabel) || (LADDER_TEXT[w.ladderStep] ? t(LADDER_TEXT[w.ladderStep]) : w.ladderStep)}
          {w.escalations > 0 && <Typography.Text type="danger"> · {t(m.escalations, { n: w.escalations })}</Typography.Text>}
        </>
      ),
    },
    { key: 'ack', label: t(m.acknowledged), children: w.acknowledgedAt ? `${w.acknowledgedBy ?? ''} ${formatDateTime(w.acknowledgedAt, lang)}` : '—' },
    { key: 'disposed', label: t(m.disposedAt), children: formatDateTime(w.disposedAt, lang) },
    { key: 'closed', label: t(m.closedAt), children: w.closedAt ? `${w.closedBy ?? ''} ${formatDateTime(w.closedAt, lang)}` : '—' },
    ...(w.resolvedAt ? [{ key: 'resolved', label: t(m.resolvedAt), children: formatDateTime(w.resolvedAt, lang) }] : []),
  ];

  return (
    <Card
      title={
        <Space wrap>
          <Link to={paths.warnings} aria-label={t(m.back)}>
            <ArrowLeftOutlined />
          </Link>
          <span data-testid="warning-title">
            {w.ruleCode} {pick(w.ruleName)}
          </span>
          <LevelTag level={w.level} />
          <WarningStatusTag status={w.status} label={w.statusLabel} />
          {open && w.overdue && <OverdueTag />}
        </Space>
      }
      extra={
        <Space wrap data-testid="warning-actions">
          <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={refreshing} aria-label={t(m.refresh)} />
          {BUTTONS.filter((b) => allowed.has(b.action)).map((b) => (
            <Button key={b.action} type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => setDialog({ kind: b.action })} data-testid={`warning-${b.action}`}>
              {t(m[b.text])}
            </Button>
          ))}
          {can('cases.intake') && (w.projectId || w.enterpriseId) && <ToCaseButton warningId={w.id} />}
        </Space>
      }
      data-testid="warning-detail"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {open && w.overdue && <Alert type="error" showIcon title={t(m.overdueAlert, { n: overdueDays, e: w.escalations })} data-testid="warning-overdue-alert" />}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Descriptions size="small" bordered title={t(m.basics)} column={{ xs: 1, md: 2 }} items={basics} data-testid="warning-basics" />
              <Descriptions
                size="small"
                bordered
                title={t(m.evidence)}
                column={{ xs: 1, md: 2 }}
                items={evidenceItems.length > 0 ? evidenceItems : [{ key: 'none', label: t(m.evidence), children: t(m.noEvidence) }]}
                data-testid="warning-evidence"
              />
              {w.resolution && (
                <Descriptions
                  size="small"
                  bordered
                  title={t(m.resolution)}
                  column={1}
                  items={[
                    { key: 'reason', label: t(m.resolutionReason), children: RESOLUTION_REASON[w.resolution.reason] ? t(RESOLUTION_REASON[w.resolution.reason]) : w.resolution.reason },
                    { key: 'on', label: t(m.resolutionOn), children: w.resolution.on ?? '—' },
                    ...evidenceRows(w.resolution.evidence, w.evidenceLabels, lang).map((r) => ({ key: `r-${r.key}`, label: r.label, children: r.lines.join('；') })),
                  ]}
                  data-testid="warning-resolution"
                />
              )}
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card size="small" title={t(m.legal)} data-testid="warning-source">
                <Typography.Paragraph style={{ marginBottom: 8 }}>{pick(w.source)}</Typography.Paragraph>
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t(m.watches)}
                  {colon}
                  {pick(w.watches)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                  {t(m.ruleRef)}
                  {colon}
                  {w.ruleRef}
                </Typography.Text>
              </Card>
              <Descriptions size="small" bordered title={t(m.routing)} column={1} items={routing} data-testid="warning-routing" />
            </Space>
          </Col>
        </Row>
        {(w.proposals.length > 0 || allowed.has('decide')) && (
          <Card size="small" title={t(m.proposals)}>
            <ProposalsTable proposals={w.proposals} canDecide={allowed.has('decide')} onDecide={(proposal, decision) => setDialog({ kind: 'decide', proposal, decision })} />
          </Card>
        )}
        <Card size="small" title={t(m.timeline)}>
          <WarningTimeline warning={w} />
        </Card>
      </Space>

      <NoteModal
        open={dialog?.kind === 'acknowledge'}
        title={t(m.acknowledgeTitle)}
        okText={t(m.acknowledge)}
        hint={t(m.acknowledgeHint)}
        required={false}
        testId="warning-acknowledge"
        build={(note) => ({ action: 'acknowledge', id: w.id, ...(note ? { note } : {}) })}
        onClose={close}
      />
      <NoteModal
        open={dialog?.kind === 'verify'}
        title={t(m.verifyTitle)}
        okText={t(m.verify)}
        hint={t(m.verifyHint)}
        required
        testId="warning-verify"
        build={(note) => ({ action: 'verify', id: w.id, note: note ?? '' })}
        onClose={close}
      />
      <NoteModal
        open={dialog?.kind === 'reject'}
        title={t(m.rejectTitle)}
        okText={t(m.reject)}
        hint={t(m.rejectHint)}
        required
        testId="warning-reject"
        build={(note) => ({ action: 'reject', id: w.id, note: note ?? '' })}
        onClose={close}
      />
      {dialog?.kind === 'decide' && (
        <NoteModal
          open
          title={t(m.decideTitle, {
            decision: t(dialog.decision === 'accepted' ? m.accept : m.decline),
            consequence: pick(dialog.proposal.consequenceLabel) || labelOf(consequenceLabels, dialog.proposal.consequence, lang),
          })}
          okText={t(dialog.decision === 'accepted' ? m.accept : m.decline)}
          hint={t(m.decideHint)}
          required
          testId="warning-decide"
          build={(note) => ({ action: 'decide', id: w.id, proposalId: dialog.proposal.id, decision: dialog.decision, note: note ?? '' })}
          onClose={close}
        />
      )}
      <MeasuresModal open={dialog?.kind === 'dispose'} warning={w} kind="dispose" onClose={close} />
      <MeasuresModal open={dialog?.kind === 'respond'} warning={w} kind="respond" onClose={close} />
      <DispatchModal open={dialog?.kind === 'dispatch'} warning={w} onClose={close} />
    </Card>
  );
}
