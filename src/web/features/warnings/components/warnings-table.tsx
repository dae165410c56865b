import { Empty, Space, Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { projectPath, warningPath } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import type { WarningListItem } from '../api/get-warnings';
import { m } from '../messages';
import { DueCell, isOpenStatus, LADDER_TEXT, LevelTag, OverdueTag, WarningStatusTag } from './warning-tags';

interface Props {
  rows: WarningListItem[] | undefined;
  loading: boolean;
  /** Still loading the first time: the empty text waits. */
  initial?: boolean;
  pagination: TablePaginationConfig | false;
  emptyText: string;
  /** Leave out the subject column (a project's own tab). */
  hideSubject?: boolean;
  testId: string;
}

/** Warnings as rows: level, rule, subject, what was found, status, deadline; a row opens the warning. */
export function WarningsTable({ rows, loading, initial, pagination, emptyText, hideSubject, testId }: Props) {
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();

  const columns: TableColumnsType<WarningListItem> = [
    { title: t(m.level), dataIndex: 'level', width: 80, render: (_, w) => <LevelTag level={w.level} /> },
    {
      title: t(m.rule),
      dataIndex: 'ruleCode',
      width: 200,
      render: (code: string, w) => (
        <Link to={warningPath(w.id)} onClick={(e) => e.stopPropagation()} data-testid="warning-link">
          {code} {pick(w.ruleName)}
        </Link>
      ),
    },
    ...(hideSubject
      ? []
      : [
          {
            title: t(m.subject),
            key: 'subject',
            width: 220,
            ellipsis: true,
            render: (_: unknown, w: WarningListItem) =>
              w.projectId ? (
                <Link to={projectPath(w.projectId)} onClick={(e) => e.stopPropagation()}>{w.projectName}</Link>
              ) : (
                <>
                  {w.enterpriseName ?? '—'}
                  {w.projectName && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{w.projectName}</Typography.Text>}
                </>
              ),
          },
          { title: t(common.region), dataIndex: 'regionName', width: 110, ellipsis: true },
        ]),
    { title: t(m.summary), dataIndex: 'summary', ellipsis: true, render: (_, w) => pick(w.summary) },
    {
      title: t(m.status),
      dataIndex: 'status',
      width: 150,
      render: (_, w) => (
        <Space size={4} wrap>
          <WarningStatusTag status={w.status} label={w.statusLabel} />
          {w.overdue && isOpenStatus(w.status) && <OverdueTag />}
        </Space>
      ),
    },
    {
      title: t(m.ladder),
      dataIndex: 'ladderStep',
      width: 110,
      render: (_, w) => (
        <>
          {pick(w.ladderStepLabel) || (LADDER_TEXT[w.ladderStep] ? t(LADDER_TEXT[w.ladderStep]) : w.ladderStep)}
          {w.escalations > 0 && <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>{t(m.escalations, { n: w.escalations })}</Typography.Text>}
        </>
      ),
    },
    { title: t(m.dueOn), dataIndex: 'dueOn', width: 120, render: (_, w) => <DueCell dueOn={w.dueOn} overdue={w.overdue} open={isOpenStatus(w.status)} /> },
    { title: t(m.handlingUnit), dataIndex: 'handlingUnitName', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t(m.raisedAt), dataIndex: 'raisedAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
  ];

  return (
    <Table<WarningListItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns}
      scroll={{ x: hideSubject ? 1200 : 1530 }}
      pagination={pagination}
      onRow={(w) => ({ onClick: () => navigate(warningPath(w.id)), style: { cursor: 'pointer' } })}
      locale={{ emptyText: initial ? ' ' : <Empty description={emptyText} /> }}
      data-testid={testId}
    />
  );
}
