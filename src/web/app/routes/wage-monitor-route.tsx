import { Card, Flex, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { RegionTreeSelect } from '../../components/region-tree/region-tree-select';
import { RegionAccountsTable } from '../../features/accounts/components/region-accounts-table';
import { OverdueTable } from '../../features/payroll/components/overdue-table';
import { m as payrollText } from '../../features/payroll/messages';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../../lib/session';

const REGION = /^[0-9]{6}([0-9]{3})?([0-9]{3})?$/;

/**
 * /wage-monitor — 工资发放监测 of a jurisdiction: payrolls unpaid past payday (payroll) beside the
 * wage accounts and labour-cost allocations (accounts). The region is kept in the address.
 */
export function WageMonitorRoute() {
  const { t } = useI18n();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? '';
  const regionCode = REGION.test(region) ? region : undefined;
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
    <Card title={t(payrollText.pageTitle)} data-testid="wage-monitor">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {can('regions.read') && (
          <Flex align="center" gap={8} wrap>
            <Typography.Text>{t(payrollText.pageRegion)}</Typography.Text>
            <RegionTreeSelect allowClear placeholder={t(payrollText.wholeScope)} style={{ width: 240 }} value={regionCode} onChange={setRegion} />
          </Flex>
        )}
        {can('payroll.read') && <OverdueTable regionCode={regionCode} />}
        {can('accounts.read') && <RegionAccountsTable regionCode={regionCode} />}
      </Space>
    </Card>
  );
}
