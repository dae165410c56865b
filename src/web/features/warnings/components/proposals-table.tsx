import { Button, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { type Msg, useI18n } from '../../../lib/i18n';
import { consequenceLabels, labelOf } from '../../../lib/labels';
import type { Proposal } from '../api/get-warning';
import { m } from '../messages';

const STATUS: Record<Proposal['status'], { text: Msg; color: string }> = {
  pending: { text: m.proposalPending, color: 'processing' },
  accepted: { text: m.proposalAccepted, color: 'red' },
  declined: { text: m.proposalDeclined, color: 'default' },
  lapsed: { text: m.proposalLapsed, color: 'default' },
};

/** The consequences the ladder proposed, each decided by an official (warnings.decide). */
export function ProposalsTable({ proposals, canDecide, onDecide }: { proposals: Proposal[]; canDecide: boolean; onDecide: (p: Proposal, decision: 'accepted' | 'declined') => void }) {
  const { t, pick, lang } = useI18n();
  const columns: TableColumnsType<Proposal> = [
    { title: t(m.consequence), dataIndex: 'consequence', render: (_, p) => pick(p.consequenceLabel) || labelOf(consequenceLabels, p.consequence, lang) },
    { title: t(m.proposedAt), dataIndex: 'proposedAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
    { title: t(m.status), dataIndex: 'status', width: 100, render: (s: Proposal['status']) => <Tag color={STATUS[s]?.color}>{STATUS[s] ? t(STATUS[s].text) : s}</Tag> },
    {
      title: t(m.decision),
      key: 'decision',
      render: (_, p) =>
        p.status === 'pending' ? (
          canDecide ? (
            <Space>
              <Button size="small" type="primary" danger onClick={() => onDecide(p, 'accepted')} data-testid="proposal-accept">
                {t(m.accept)}
              </Button>
              <Button size="small" onClick={() => onDecide(p, 'declined')} data-testid="proposal-decline">
                {t(m.decline)}
              </Button>
            </Space>
          ) : (
            '—'
          )
        ) : (
          <>
            {[p.decidedBy, formatDateTime(p.decidedAt, lang)].filter(Boolean).join(' ')}
            {p.note && <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{p.note}</div>}
          </>
        ),
    },
  ];
  return <Table<Proposal> rowKey="id" size="small" pagination={false} dataSource={proposals} columns={columns} locale={{ emptyText: t(m.noProposals) }} data-testid="warning-proposals" />;
}
