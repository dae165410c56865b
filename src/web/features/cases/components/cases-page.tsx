import { FundProjectionScreenOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Input, Select, Space, Tabs } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { paths } from '../../../config/paths';
import { errorText } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { labelOf, optionsOf } from '../../../lib/labels';
import { useServerPagination } from '../../../lib/server-pagination';
import { useCan } from '../../../lib/session';
import { useComplaintQueue, useRetryComplaint } from '../api/complaint-queue';
import { type CaseQuery, useCases } from '../api/get-cases';
import { type ClueQuery, type ClueStatus, useClues } from '../api/get-clues';
import { CASE_TABS, type CaseTab, type QueueQuery, caseSearch, clueSearch, queueSearch, readCaseQuery, readClueQuery, readQueueQuery, readTab, switchCaseTab } from '../case-query';
import { CASE_STATUS_KEYS, type CaseStatus, caseStatusLabels, clueChannelLabels, clueStatusLabels } from '../labels';
import { m } from '../messages';
import { sm } from '../stats-messages';
import { CasesTable } from './cases-table';
import { CluesTable } from './clues-table';
import { ComplaintQueueTable } from './complaint-queue-table';

const TAB_TEXT = { open: m.tabOpen, overdue: m.tabOverdue, supervised: m.tabSupervised, closed: m.tabClosed, clues: m.tabClues, queue: m.tabQueue } as const;
const OPEN_STAGES = CASE_STATUS_KEYS.filter((s) => s !== 'closed');

/** /cases — 案件列表 by tab (在办 / 逾期 / 督办 / 已办结), the clue list and 待分派, the filters in the address. */
export function CasesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const caseQuery = readCaseQuery(search);
  const clueQuery = readClueQuery(search);
  const queueQuery = readQueueQuery(search);
  const tab = readTab(search, caseQuery);
  const listsCases = tab !== 'clues' && tab !== 'queue';
  const cases = useCases(caseQuery, listsCases);
  const clues = useClues(clueQuery, tab === 'clues');
  const queue = useComplaintQueue(queueQuery, tab === 'queue');
  const retry = useRetryComplaint();

  const writeCases = (q: CaseQuery) => setSearch(caseSearch(q), { replace: true });
  const writeClues = (q: ClueQuery) => setSearch(clueSearch(q), { replace: true });
  const writeQueue = (q: QueueQuery) => setSearch(queueSearch(q), { replace: true });
  const filterCases = (patch: Partial<CaseQuery>) => writeCases({ ...caseQuery, ...patch, page: 1 });
  const casePaging = useServerPagination(caseQuery, (u) => writeCases(typeof u === 'function' ? u(caseQuery) : u), cases.data?.total);
  const cluePaging = useServerPagination(clueQuery, (u) => writeClues(typeof u === 'function' ? u(clueQuery) : u), clues.data?.total);
  const queuePaging = useServerPagination(queueQuery, (u) => writeQueue(typeof u === 'function' ? u(queueQuery) : u), queue.data?.total);

  const onTab = (key: string) => {
    const next = key as CaseTab;
    if (next === 'clues') writeClues({ page: 1, pageSize: clueQuery.pageSize });
    else if (next === 'queue') writeQueue({ page: 1, pageSize: queueQuery.pageSize });
    else writeCases(switchCaseTab(caseQuery, next));
  };

  const caseFilters = (
    <Space wrap style={{ marginBottom: 16 }}>
      {tab !== 'closed' && (
        <Select<CaseStatus>
          allowClear
          placeholder={t(m.allStages)}
          style={{ width: 200 }}
          value={caseQuery.status}
          options={OPEN_STAGES.map((s) => ({ value: s, label: labelOf(caseStatusLabels, s, lang) }))}
          onChange={(status) => filterCases({ status })}
          data-testid="cases-filter-status"
        />
      )}
      <Checkbox checked={caseQuery.major === true} onChange={(e) => filterCases({ major: e.target.checked || undefined })} data-testid="cases-filter-major">
        {t(m.majorOnly)}
      </Checkbox>
      <Input.Search
        key={caseQuery.q ?? ''}
        allowClear
        defaultValue={caseQuery.q}
        placeholder={t(m.search)}
        maxLength={100}
        style={{ width: 280 }}
        onSearch={(q) => filterCases({ q: q.trim() || undefined })}
        data-testid="cases-search"
      />
    </Space>
  );

  const clueFilters = (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select<ClueStatus>
        allowClear
        placeholder={t(m.allClueStatuses)}
        style={{ width: 160 }}
        value={clueQuery.status}
        options={optionsOf(clueStatusLabels, lang) as { value: ClueStatus; label: string }[]}
        onChange={(status) => writeClues({ ...clueQuery, status, page: 1 })}
        data-testid="clues-filter-status"
      />
      <Select<string>
        allowClear
        placeholder={t(m.allChannels)}
        style={{ width: 240 }}
        value={clueQuery.channel}
        options={optionsOf(clueChannelLabels, lang)}
        onChange={(channel) => writeClues({ ...clueQuery, channel, page: 1 })}
        popupMatchSelectWidth={false}
        data-testid="clues-filter-channel"
      />
    </Space>
  );

  return (
    <Card
      title={t(m.cases)}
      extra={
        <Space wrap>
          <Link to={paths.caseDashboard} data-testid="cases-dashboard-link">
            <Button icon={<FundProjectionScreenOutlined />}>{t(sm.dashboard)}</Button>
          </Link>
          <Link to={paths.caseStatistics} data-testid="cases-statistics-link">
            <Button icon={<TableOutlined />}>{t(sm.statisticsShort)}</Button>
          </Link>
          {can('cases.intake') && (
            <Link to={paths.caseIntake}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="cases-intake">
                {t(m.intake)}
              </Button>
            </Link>
          )}
        </Space>
      }
      data-testid="cases-page"
    >
      <Tabs activeKey={tab} onChange={onTab} items={CASE_TABS.map((k) => ({ key: k, label: t(TAB_TEXT[k]) }))} data-testid="cases-tabs" />
      {tab === 'clues' && (
        <>
          {clueFilters}
          {clues.isError && <QueryError error={clues.error} onRetry={() => clues.refetch()} />}
          <CluesTable rows={clues.data?.items} loading={clues.isFetching} initial={clues.isLoading} pagination={cluePaging} emptyText={t(m.noClues)} testId="clues-table" />
        </>
      )}
      {tab === 'queue' && (
        <>
          <Alert type="info" showIcon title={t(m.queueHint)} style={{ marginBottom: 16 }} />
          <Checkbox style={{ marginBottom: 16 }} checked={queueQuery.setAside === true} onChange={(e) => writeQueue({ ...queueQuery, setAside: e.target.checked || undefined, page: 1 })} data-testid="queue-set-aside-only">
            {t(m.setAsideOnly)}
          </Checkbox>
          {queue.isError && <QueryError error={queue.error} onRetry={() => queue.refetch()} />}
          <ComplaintQueueTable
            rows={queue.data?.items}
            loading={queue.isFetching}
            initial={queue.isLoading}
            pagination={queuePaging}
            retrying={retry.isPending ? retry.variables : undefined}
            onRetry={can('cases.intake') ? (c) => retry.mutate(c.caseNo, { onSuccess: () => message.success(t(m.retried)), onError: (err) => message.error(errorText(err, lang)) }) : undefined}
          />
        </>
      )}
      {listsCases && (
        <>
          {caseFilters}
          {cases.isError && <QueryError error={cases.error} onRetry={() => cases.refetch()} />}
          <CasesTable rows={cases.data?.items} loading={cases.isFetching} initial={cases.isLoading} pagination={casePaging} emptyText={t(m.noCases)} />
        </>
      )}
    </Card>
  );
}
