import { Empty, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import type { CaseDetail, CaseEvent, CasePayment } from '../api/get-case';
import { eventLines, eventNote } from '../case-events';
import { caseStatusLabels, paymentSourceLabels } from '../labels';
import { m } from '../messages';
import { wm } from '../worker-messages';
import { CasePhoneReveal, type RevealTarget } from './case-reveal';
import { CluesTable } from './clues-table';

/** 支付记录: each payment to a worker, with its source and reference. */
export function PaymentsTable({ detail }: { detail: CaseDetail }) {
  const { t, pick, lang } = useI18n();
  const names = new Map(detail.workers.map((w) => [w.id, w.name]));
  const columns: TableColumnsType<CasePayment> = [
    { title: t(m.paidOn), dataIndex: 'paidOn', width: 120 },
    { title: t(m.worker), dataIndex: 'caseWorkerId', width: 120, render: (id: string) => names.get(id) ?? '—' },
    { title: t(m.amount), dataIndex: 'amountFen', width: 140, align: 'right', render: (v: number) => formatYuan(v) },
    { title: t(m.source), dataIndex: 'source', width: 180, render: (_, p) => pick(p.sourceLabel) || labelOf(paymentSourceLabels, p.source, lang) },
    { title: t(m.reference), dataIndex: 'reference', ellipsis: true },
    { title: t(m.recordedBy), dataIndex: 'recordedBy', width: 120 },
    {
      title: t(wm.workerAnswer),
      dataIndex: 'workerAnswer',
      width: 150,
      render: (_, p) =>
        p.workerAnswer === 'confirmed' ? (
          <Tag color="success">{t(wm.stateConfirmed)}</Tag>
        ) : p.workerAnswer === 'disputed' ? (
          <Tooltip title={p.workerNote}>
            <Tag color="error" data-testid="case-payment-disputed">
              {t(wm.stateDisputed)}
            </Tag>
          </Tooltip>
        ) : (
          '—'
        ),
    },
  ];
  const total = detail.payments.reduce((s, p) => s + p.amountFen, 0);
  return (
    <Table<CasePayment>
      rowKey="id"
      size="middle"
      dataSource={detail.payments}
      columns={columns}
      pagination={false}
      locale={{ emptyText: <Empty description={t(m.noPayments)} /> }}
      summary={() =>
        detail.payments.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>{t(m.recovered)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong>{formatYuan(total)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} colSpan={4} />
          </Table.Summary.Row>
        ) : null
      }
      data-testid="case-payments"
    />
  );
}

/** Closing green, escalation and refusal red, the rest blue. */
const colorOf = (e: CaseEvent) => {
  if (e.toStatus === 'closed' || e.toStatus === 'resolved' || e.kind === 'payment' || e.kind === 'worker_confirmed') return '#52c41a';
  if (/escalat|refuse|police|enforce/.test(e.kind)) return '#cf1322';
  return '#1677ff';
};

/** 时间线: who did what and when, oldest first, with the stage change, the note and the figures recorded. */
export function CaseTimeline({ caseId, events }: { caseId: string; events: CaseEvent[] }) {
  const { t, pick, lang } = useI18n();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.noEvents)} />;
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      data-testid="case-timeline"
      items={sorted.map((e) => {
        const note = eventNote(e.data);
        return {
          key: e.id,
          color: colorOf(e),
          title: formatDateTime(e.at, lang),
          content: (
            <div data-testid="case-event" data-kind={e.kind}>
              <Space size={8} wrap>
                <Typography.Text strong>{pick(e.kindLabel) || e.kind}</Typography.Text>
                <Typography.Text type="secondary">{e.actorName}</Typography.Text>
                {e.toStatus && e.fromStatus !== e.toStatus && (
                  <Typography.Text type="secondary">
                    {t(m.statusChange, { from: e.fromStatus ? labelOf(caseStatusLabels, e.fromStatus, lang) : '—', to: pick(e.toStatusLabel) || labelOf(caseStatusLabels, e.toStatus, lang) })}
                  </Typography.Text>
                )}
              </Space>
              {note && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{note}</Typography.Paragraph>}
              {eventLines(e.data, lang).map((line, i) => (
                <Typography.Text key={i} type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {line}
                </Typography.Text>
              ))}
              {e.fileIds.length > 0 && (
                <Space size={8} wrap style={{ marginTop: 4 }}>
                  {e.fileIds.map((fileId, i) => (
                    // Each opening is audited on the server, as a reading of personal evidence.
                    <Typography.Link key={fileId} href={`/api/cases/${caseId}/files/${fileId}`} target="_blank" rel="noopener noreferrer">
                      {t(m.evidenceN, { n: i + 1 })}
                    </Typography.Link>
                  ))}
                </Space>
              )}
            </div>
          ),
        };
      })}
    />
  );
}

/** 线索: the clues merged into this case, the complainants' numbers masked (audited reveal for the handling unit). */
export function CaseCluesTab({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const [revealing, setRevealing] = useState<RevealTarget | null>(null);
  const mayReveal = detail.mayReadContacts;
  return (
    <>
      <CluesTable
        rows={detail.clues}
        loading={false}
        pagination={false}
        emptyText={t(m.noClues)}
        inCase
        onReveal={mayReveal ? (c) => setRevealing({ name: c.complainantName ?? '', clueId: c.id }) : undefined}
        testId="case-clues"
      />
      <CasePhoneReveal caseId={detail.id} target={revealing} onClose={() => setRevealing(null)} />
    </>
  );
}
