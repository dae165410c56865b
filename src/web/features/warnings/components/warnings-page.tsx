import { BookOutlined } from '@ant-design/icons';
import { Button, Card, Input, Segmented, Select, Space, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { paths } from '../../../config/paths';
import { common, useI18n } from '../../../lib/i18n';
import { labelOf, warningLevelLabels } from '../../../lib/labels';
import { useServerPagination } from '../../../lib/server-pagination';
import { useCan } from '../../../lib/session';
import { type StatusFilter, type WarningLevel, type WarningQuery, useWarnings } from '../api/get-warnings';
import { useWarningRules } from '../api/get-warning-rules';
import { LEVELS } from '../levels';
import { m } from '../messages';
import { WarningsTable } from './warnings-table';

const REGION = /^[0-9]{6}([0-9]{3})?([0-9]{3})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES: readonly StatusFilter[] = ['open', 'overdue', 'closed', 'resolved', 'all'];
const STATUS_TEXT = { open: m.statusOpen, overdue: m.statusOverdue, closed: m.statusClosed, resolved: m.statusResolved, all: m.statusAll } as const;
const PAGE_SIZES = new Set([10, 20, 50, 100]);

/** The list's query as the address holds it, so the battle map and the notifications can link to a filtered list. */
function readQuery(search: URLSearchParams): WarningQuery {
  const status = search.get('status') as StatusFilter | null;
  const level = search.get('level') as WarningLevel | null;
  const region = search.get('region') ?? '';
  const projectId = search.get('projectId') ?? '';
  const enterpriseId = search.get('enterpriseId') ?? '';
  const page = Number(search.get('page'));
  const size = Number(search.get('size'));
  return {
    status: status && STATUSES.includes(status) ? status : 'open',
    level: level && LEVELS.includes(level) ? level : undefined,
    ruleCode: search.get('rule') || undefined,
    regionCode: REGION.test(region) ? region : undefined,
    projectId: UUID.test(projectId) ? projectId : undefined,
    enterpriseId: UUID.test(enterpriseId) ? enterpriseId : undefined,
    q: search.get('q')?.trim() || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.has(size) ? size : 20,
  };
}

const PARAM: Record<string, string> = { ruleCode: 'rule', regionCode: 'region', pageSize: 'size' };

/** 预警列表: level, status (overdue among them), rule, region and keyword; paged by the server. */
export function WarningsPage() {
  const { t, pick, lang } = useI18n();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const query = readQuery(search);
  const list = useWarnings(query);
  const rules = useWarningRules();

  const write = (next: WarningQuery, keepSubject: boolean) =>
    setSearch(
      (current) => {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(next)) {
          if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'pageSize' && value === 20) || (key === 'status' && value === 'open')) continue;
          params.set(PARAM[key] ?? key, String(value));
        }
        const subject = current.get('subject');
        if (keepSubject && subject && (next.projectId || next.enterpriseId)) params.set('subject', subject);
        return params;
      },
      { replace: true },
    );
  const filter = (patch: Partial<WarningQuery>) => write({ ...query, ...patch, page: 1 }, true);
  const setQuery = (update: WarningQuery | ((q: WarningQuery) => WarningQuery)) => write(typeof update === 'function' ? update(query) : update, true);
  const pagination = useServerPagination(query, setQuery, list.data?.total);
  const subject = search.get('subject') ?? list.data?.items[0]?.[query.projectId ? 'projectName' : 'enterpriseName'] ?? '';

  return (
    <Card
      title={t(m.warnings)}
      extra={
        <Link to={paths.warningRules}>
          <Button icon={<BookOutlined />}>{t(m.ruleCatalogue)}</Button>
        </Link>
      }
      data-testid="warnings-page"
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<StatusFilter>
          value={query.status ?? 'open'}
          options={STATUSES.map((s) => ({ value: s, label: t(STATUS_TEXT[s]) }))}
          onChange={(status) => filter({ status })}
          data-testid="warnings-filter-status"
        />
        <Select<WarningLevel>
          allowClear
          placeholder={t(m.allLevels)}
          style={{ width: 120 }}
          value={query.level}
          options={LEVELS.map((l) => ({ value: l, label: labelOf(warningLevelLabels, l, lang) }))}
          onChange={(level) => filter({ level })}
          data-testid="warnings-filter-level"
        />
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t(m.allRules)}
          style={{ width: 260 }}
          value={query.ruleCode}
          loading={rules.isLoading}
          options={(rules.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.code} ${pick(r.name)}` }))}
          onChange={(ruleCode) => filter({ ruleCode })}
          popupMatchSelectWidth={false}
          data-testid="warnings-filter-rule"
        />
        {can('regions.read') && <RegionTreeSelect allowClear placeholder={t(common.region)} style={{ width: 220 }} value={query.regionCode} onChange={(regionCode) => filter({ regionCode })} />}
        <Input.Search
          key={query.q ?? ''}
          allowClear
          defaultValue={query.q}
          placeholder={t(m.search)}
          maxLength={50}
          style={{ width: 240 }}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          data-testid="warnings-search"
        />
        {(query.projectId || query.enterpriseId) && (
          <Tag closable onClose={() => write({ ...query, projectId: undefined, enterpriseId: undefined, page: 1 }, false)} data-testid="warnings-subject-filter">
            {t(m.subjectFilter, { name: subject || (query.projectId ?? query.enterpriseId) })}
          </Tag>
        )}
      </Space>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <WarningsTable rows={list.data?.items} loading={list.isFetching} initial={list.isLoading} pagination={pagination} emptyText={t(m.noWarnings)} testId="warnings-table" />
    </Card>
  );
}
