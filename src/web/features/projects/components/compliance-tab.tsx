import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Alert, Empty, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { type Msg, useI18n } from '../../../lib/i18n';
import type { ComplianceItem } from '../api/get-project';
import { m } from '../messages';

const STATES: Record<string, { color: string; label: Msg; icon: ReactNode }> = {
  met: { color: 'success', label: m.met, icon: <CheckCircleFilled /> },
  not_met: { color: 'error', label: m.notMet, icon: <CloseCircleFilled /> },
  not_applicable: { color: 'default', label: m.notApplicable, icon: <MinusCircleFilled /> },
  not_tracked: { color: 'processing', label: m.notTracked, icon: <QuestionCircleFilled /> },
};

/** The server's compliance checklist (PRJ-01…PRJ-06): each rule, its state and why. */
export function ComplianceTab({ items }: { items: ComplianceItem[] }) {
  const { t, pick } = useI18n();
  const count = (state: string) => items.filter((i) => i.state === state).length;
  const notMet = count('not_met');

  const columns: TableColumnsType<ComplianceItem & { key: number }> = [
    { title: t(m.rule), dataIndex: 'rule', width: 100 },
    { title: t(m.checkItem), dataIndex: 'label', render: (v: ComplianceItem['label']) => pick(v) },
    {
      title: t(m.state),
      dataIndex: 'state',
      width: 120,
      render: (v: string) => {
        const s = STATES[v];
        return s ? <Tag color={s.color} icon={s.icon} data-testid={`compliance-${v}`}>{t(s.label)}</Tag> : <Tag>{v}</Tag>;
      },
    },
    { title: t(m.detail), dataIndex: 'detail', render: (v: ComplianceItem['detail']) => (v ? pick(v) : '—') },
  ];

  return (
    <>
      <Alert
        type={notMet > 0 ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={t(m.complianceSummary, { total: items.length, met: count('met'), notMet, na: count('not_applicable'), nt: count('not_tracked') })}
      />
      <Table
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={items.map((i, key) => ({ ...i, key }))}
        pagination={false}
        locale={{ emptyText: <Empty description={t(m.noCompliance)} /> }}
        data-testid="compliance-table"
      />
    </>
  );
}
