import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useBattleMap } from '../api/get-battle-map';
import { m } from '../messages';
import { KpiCards, RiskMapCard, RuleAndTrendCharts } from './battle-map-charts';
import { OverdueCard, SubRegionTable, TopRiskTables } from './battle-map-tables';
import { ScanButton } from './scan-button';

const REGION = /^[0-9]{6}([0-9]{3})?([0-9]{3})?$/;

/**
 * 挂图作战: the open warnings of a jurisdiction at a glance — counts, the risk map, by rule, the
 * weekly trend, what is overdue, and the riskiest projects and enterprises. The region is kept in
 * the address, so a view can be linked to.
 */
export function BattleMapPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? '';
  const regionCode = REGION.test(region) ? region : undefined;
  const board = useBattleMap(regionCode);
  const data = board.data;
  const loading = board.isFetching;
  const setRegion = (code: string | undefined) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (code) next.set('region', code);
        else next.delete('region');
        return next;
      },
      { replace: true },
    );

  return (
    <Card
      title={
        <Space wrap>
          <span>{t(m.battleMap)}</span>
          {data && <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{data.regionName}</Typography.Text>}
        </Space>
      }
      extra={
        <Space wrap>
          {data && <Typography.Text type="secondary" data-testid="battle-as-of">{t(m.asOf, { time: formatDateTime(data.asOf, lang) })}</Typography.Text>}
          <Button icon={<ReloadOutlined />} onClick={() => board.refetch()} loading={board.isFetching} aria-label={t(m.refresh)} />
          {can('warnings.scan') && <ScanButton />}
        </Space>
      }
      data-testid="battle-map"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex align="center" gap={8} wrap justify="space-between">
          {can('regions.read') ? (
            <Flex align="center" gap={8} wrap>
              <Typography.Text>{t(m.region)}</Typography.Text>
              <RegionTreeSelect allowClear placeholder={t(m.wholeScope)} style={{ width: 260 }} value={regionCode} onChange={setRegion} />
            </Flex>
          ) : (
            <span />
          )}
          {data && (
            <Typography.Text type="secondary">
              {t(m.thisWeek, { closed: data.counts.closedThisWeek, resolved: data.counts.resolvedThisWeek })}
            </Typography.Text>
          )}
        </Flex>
        {board.isError && <QueryError error={board.error} onRetry={() => board.refetch()} />}
        <KpiCards data={data} loading={board.isLoading} regionCode={regionCode} />
        <RiskMapCard data={data} loading={board.isLoading} />
        <RuleAndTrendCharts data={data} loading={board.isLoading} regionCode={regionCode} />
        {(data?.byRegion.length ?? 0) > 0 && <SubRegionTable data={data} loading={loading} onOpen={can('regions.read') ? setRegion : undefined} />}
        <OverdueCard data={data} loading={loading} regionCode={regionCode} />
        <TopRiskTables data={data} loading={loading} />
      </Space>
    </Card>
  );
}
