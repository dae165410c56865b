import { Empty, Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { casePath } from '../../../config/paths';
import { useI18n } from '../../../lib/i18n';
import type { CaseListItem } from '../api/get-cases';
import { m } from '../messages';
import { CaseMarks, CaseStatusTag, DueCell, MoneyCell } from './case-tags';

interface Props {
  rows: CaseListItem[] | undefined;
  loading: boolean;
  initial?: boolean;
  pagination: TablePaginationConfig | false;
  emptyText: string;
}

/** Cases as rows: number, title, stage, handling unit, deadline, workers, money, marks; a row opens the case. */
export function CasesTable({ rows, loading, initial, pagination, emptyText }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const columns: TableColumnsType<CaseListItem> = [
    { title: t(m.caseNo), dataIndex: 'caseNo', width: 170, render: (v: string) => <Typography.Text copyable={{ text: v }}>{v}</Typography.Text> },
    {
      title: t(m.caseTitle),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, c) => (
        <>
          <Link to={casePath(c.id)} onClick={(e) => e.stopPropagation()} data-testid="case-link">
            {title}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
            {c.regionName} · {c.employerName}
          </Typography.Text>
        </>
      ),
    },
    { title: t(m.stage), dataIndex: 'status', width: 150, render: (_, c) => <CaseStatusTag status={c.status} label={c.statusLabel} /> },
    { title: t(m.handlingUnit), dataIndex: 'handlingUnitName', width: 170, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t(m.stageDue), dataIndex: 'stageDueOn', width: 150, render: (_, c) => <DueCell dueOn={c.stageDueOn} overdue={c.overdue} level={c.escalationLevel} open={c.status !== 'closed'} status={c.status} /> },
    { title: t(m.workerCount), dataIndex: 'workerCount', width: 90, align: 'right' },
    { title: t(m.money), key: 'money', width: 200, render: (_, c) => <MoneyCell claimedFen={c.claimedFen} foundOwedFen={c.foundOwedFen} recoveredFen={c.recoveredFen} /> },
    { title: t(m.marks), key: 'marks', width: 170, render: (_, c) => <CaseMarks major={c.major} supervision={c.supervision} /> },
  ];
  return (
    <Table<CaseListItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 1400 }}
      pagination={pagination}
      onRow={(c) => ({ onClick: () => navigate(casePath(c.id)), style: { cursor: 'pointer' } })}
      locale={{ emptyText: initial ? ' ' : <Empty description={emptyText} /> }}
      data-testid="cases-table"
    />
  );
}
