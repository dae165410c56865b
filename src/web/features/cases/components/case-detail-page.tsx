import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import type { DescriptionsProps, TabsProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import { type CaseDetail, useCase } from '../api/get-case';
import { type CaseAction, caseActionLabels } from '../labels';
import { m } from '../messages';
import { CaseActionModal } from './action-modals';
import { CaseOverviewTab } from './case-overview-tab';
import { CaseCluesTab, CaseTimeline, PaymentsTable } from './case-records';
import { DocumentsTab } from './documents-tab';
import { CaseMarks, CaseStatusTag, DueCell, OverdueTag } from './case-tags';
import { CaseWorkersTab } from './case-workers-tab';
import { ChecklistTab } from './checklist-tab';
import { SupervisionTab } from './supervision-tab';

/** The moves that advance a case are primary; the legal refusals and the police transfer are marked danger. */
const PRIMARY = new Set<CaseAction>(['accept', 'file', 'order', 'settle', 'close']);
const DANGER = new Set<CaseAction>(['refuse', 'transfer_police']);

/** /cases/:id — one case: the header with its deadlines and marks, the server's allowed moves, and its tabs. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const query = useCase(id);
  const c = query.data;

  if (query.isLoading) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (query.isError || !c) {
    const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <Card>
        {missing ? (
          <Result status="404" title="404" subTitle={t(m.notFound)} extra={<Link to={paths.cases}><Button type="primary">{t(m.back)}</Button></Link>} />
        ) : (
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        )}
      </Card>
    );
  }
  return <CaseView detail={c} refreshing={query.isFetching} onRefresh={() => query.refetch()} />;
}

function CaseView({ detail: c, refreshing, onRefresh }: { detail: CaseDetail; refreshing: boolean; onRefresh: () => void }) {
  const { t, lang } = useI18n();
  const [search, setSearch] = useSearchParams();
  const [acting, setActing] = useState<CaseAction | null>(null);
  const open = c.status !== 'closed';
  const today = todayInShanghai();
  const overdueDays = c.stageDueOn ? Math.max(1, dayjs(today).diff(dayjs(c.stageDueOn), 'day')) : 0;
  const acceptLate = c.status === 'received' && c.acceptBy < today;

  const header: DescriptionsProps['items'] = [
    { key: 'handling', label: t(m.handlingUnit), children: c.handlingUnitName ?? '—' },
    { key: 'accountable', label: t(m.accountableUnit), children: c.accountableUnitName ?? '—' },
    { key: 'stageDue', label: t(m.stageDue), children: <DueCell dueOn={c.stageDueOn} overdue={c.overdue} level={c.escalationLevel} open={open} status={c.status} /> },
    {
      key: 'acceptBy',
      label: t(m.acceptBy),
      children: acceptLate ? (
        <Typography.Text type="danger" data-testid="case-accept-late">
          {c.acceptBy} · {t(m.acceptOverdue)}
        </Typography.Text>
      ) : (
        c.acceptBy
      ),
    },
  ];

  const items: NonNullable<TabsProps['items']> = [
    { key: 'overview', label: t(m.tabOverview), children: <CaseOverviewTab detail={c} /> },
    { key: 'workers', label: `${t(m.tabWorkers)} (${c.workers.length})`, children: <CaseWorkersTab detail={c} /> },
    { key: 'checklist', label: t(m.tabChecklist), children: <ChecklistTab detail={c} /> },
    { key: 'payments', label: `${t(m.tabPayments)} (${c.payments.length})`, children: <PaymentsTable detail={c} /> },
    { key: 'documents', label: `${t(m.tabDocuments)} (${c.documents.length})`, children: <DocumentsTab detail={c} /> },
    { key: 'timeline', label: t(m.tabTimeline), children: <CaseTimeline caseId={c.id} events={c.events} /> },
    { key: 'clues', label: `${t(m.tabClueList)} (${c.clues.length})`, children: <CaseCluesTab detail={c} /> },
    ...(c.maySupervise ? [{ key: 'supervision', label: t(m.tabSupervision), children: <SupervisionTab detail={c} /> }] : []),
  ];
  const requested = search.get('tab');
  const active = items.some((i) => i.key === requested) ? requested! : 'overview';

  return (
    <Card
      title={
        <Space wrap>
          <Link to={paths.cases} aria-label={t(m.back)}>
            <ArrowLeftOutlined />
          </Link>
          <span data-testid="case-title">{c.title}</span>
          <CaseStatusTag status={c.status} label={c.statusLabel} />
          {open && c.overdue && <OverdueTag level={c.escalationLevel} />}
          <CaseMarks major={c.major} supervision={c.supervision} majorReasons={c.majorReasons} leaderName={c.leaderName} />
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="case-no">
            {c.caseNo}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space wrap data-testid="case-actions">
          <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={refreshing} aria-label={t(m.refresh)} />
          {c.actions.map((a) => (
            <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)} onClick={() => setActing(a)} data-testid={`case-${a}`}>
              {labelOf(caseActionLabels, a, lang)}
            </Button>
          ))}
        </Space>
      }
      data-testid="case-detail"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {open && c.overdue && <Alert type="error" showIcon title={t(m.overdueAlert, { n: overdueDays })} data-testid="case-overdue-alert" />}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} items={header} data-testid="case-header" />
        <Tabs
          activeKey={active}
          items={items}
          onChange={(key) =>
            setSearch(
              (current) => {
                const next = new URLSearchParams(current);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          data-testid="case-tabs"
        />
      </Space>
      <CaseActionModal action={acting} detail={c} onClose={() => setActing(null)} />
    </Card>
  );
}
