import { Card, Collapse, DatePicker, Empty, Select, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { type ParamDef, type ParamItem, type ParamsQuery, useRuleParams } from '../api/get-params';
import { m, moduleNames } from '../messages';
import { ParamHistoryDrawer } from './param-history-drawer';
import { ParamOverrideModal } from './param-override-modal';
import { ParamsTable } from './params-table';

/** The rule table: every legal number with its value for a region on a date, grouped by module. */
export function ParamsPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const [query, setQuery] = useState<ParamsQuery>({});
  const [module, setModule] = useState<string>();
  const [adjusting, setAdjusting] = useState<ParamItem | null>(null);
  const [history, setHistory] = useState<ParamDef | null>(null);
  const view = useRuleParams(query);

  const groups = useMemo(() => {
    const byModule = new Map<string, ParamItem[]>();
    for (const item of view.data?.items ?? []) byModule.set(item.def.module, [...(byModule.get(item.def.module) ?? []), item]);
    return [...byModule];
  }, [view.data]);
  const shown = module ? groups.filter(([name]) => name === module) : groups;
  const moduleLabel = (name: string) => (moduleNames[name] ? pick(moduleNames[name]) : name);

  return (
    <Card
      title={
        <Space orientation="vertical" size={0}>
          {t(m.title)}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t(m.subtitle)}
          </Typography.Text>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <RegionTreeSelect allowClear placeholder={t(m.myRegion)} style={{ width: 240 }} value={query.regionCode} onChange={(regionCode) => setQuery((q) => ({ ...q, regionCode }))} />
        <DatePicker
          placeholder={t(m.onDate)}
          style={{ width: 200 }}
          value={query.onDate ? dayjs(query.onDate) : null}
          onChange={(d) => setQuery((q) => ({ ...q, onDate: d ? d.format('YYYY-MM-DD') : undefined }))}
        />
        <Select allowClear placeholder={t(m.module)} style={{ width: 180 }} value={module} onChange={setModule} options={groups.map(([name]) => ({ value: name, label: moduleLabel(name) }))} />
      </Space>
      {view.isError && <QueryError error={view.error} onRetry={() => view.refetch()} />}
      {view.isLoading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : view.data && shown.length > 0 ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="params-in-force">
            {t(m.inForce, { region: view.data.regionName, date: view.data.onDate })}
          </Typography.Paragraph>
          <Collapse
            defaultActiveKey={groups.map(([name]) => name)}
            items={shown.map(([name, items]) => ({
              key: name,
              label: `${moduleLabel(name)}（${items.length}）`,
              children: <ParamsTable view={view.data!} items={items} canWrite={can('params.write')} onAdjust={setAdjusting} onHistory={setHistory} />,
              styles: { body: { padding: 0 } },
            }))}
          />
        </>
      ) : (
        !view.isError && <Empty description={t(m.empty)} />
      )}
      {view.data && <ParamOverrideModal item={adjusting} region={{ code: view.data.regionCode, name: view.data.regionName }} onClose={() => setAdjusting(null)} />}
      <ParamHistoryDrawer def={history} regionCode={view.data?.regionCode} onClose={() => setHistory(null)} />
    </Card>
  );
}
