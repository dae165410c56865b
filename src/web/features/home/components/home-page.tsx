import { ApartmentOutlined, AuditOutlined, ClusterOutlined, InfoCircleOutlined, SettingOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { errorText } from '../../../lib/api-client';
import { defineMessages, useI18n } from '../../../lib/i18n';
import { useCan, useMe } from '../../../lib/session';
import { useParamsSummary, useTotal } from '../api/get-totals';

const m = defineMessages({
  welcome: { zh: '您好，{name}', en: 'Welcome, {name}' },
  scope: { zh: '管辖范围：{scope}', en: 'Jurisdiction: {scope}' },
  enterprises: { zh: '在管企业', en: 'Enterprises' },
  govUnits: { zh: '政府部门', en: 'Government units' },
  regions: { zh: '辖区内行政区划', en: 'Regions in scope' },
  users: { zh: '用户账号', en: 'User accounts' },
  audit: { zh: '审计记录', en: 'Audit records' },
  params: { zh: '规则参数（本地区已调整 {n} 项）', en: 'Rule parameters ({n} set for this region)' },
  nothing: { zh: '您的角色暂无可查看的统计。请从左侧菜单进入相应功能。', en: 'Nothing to count for your role yet; use the menu on the left.' },
  note: { zh: '以上数字为您管辖范围内的实时数据，点击卡片查看明细。', en: 'Live counts within your jurisdiction; open a card for the list.' },
});

interface CardSpec {
  key: string;
  title: string;
  icon: ReactNode;
  to: string;
  query: { data?: number; isLoading: boolean; isError: boolean; error: unknown };
}

/** The overview: real counts in the user's jurisdiction from the list endpoints, each linking to its list. */
export function HomePage() {
  const { t, pick, lang } = useI18n();
  const { data: me } = useMe();
  const can = useCan();
  const enterprises = useTotal('/api/enterprises', can('orgs.read'));
  const govUnits = useTotal('/api/gov-units', can('orgs.read'));
  const regions = useTotal('/api/regions', can('regions.read'));
  const users = useTotal('/api/users', can('users.read'));
  const audit = useTotal('/api/audit', can('audit.read'));
  const params = useParamsSummary(can('params.read'));

  const cards: (CardSpec | false)[] = [
    can('orgs.read') && { key: 'enterprises', title: t(m.enterprises), icon: <ShopOutlined />, to: paths.enterprises, query: enterprises },
    can('orgs.read') && { key: 'gov-units', title: t(m.govUnits), icon: <ApartmentOutlined />, to: paths.govUnits, query: govUnits },
    can('regions.read') && { key: 'regions', title: t(m.regions), icon: <ClusterOutlined />, to: paths.regions, query: regions },
    can('users.read') && { key: 'users', title: t(m.users), icon: <UserOutlined />, to: paths.users, query: users },
    can('audit.read') && { key: 'audit', title: t(m.audit), icon: <AuditOutlined />, to: paths.audit, query: audit },
    can('params.read') && { key: 'params', title: t(m.params, { n: params.data?.regional ?? 0 }), icon: <SettingOutlined />, to: paths.params, query: { ...params, data: params.data?.total } },
  ];
  const shown = cards.filter((c): c is CardSpec => c !== false);
  const scope = me?.user.scope.kind === 'enterprise' ? me.user.scope.enterpriseName : me?.user.scope.regionName;

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t(m.welcome, { name: me?.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {pick(me?.user.roleName)}
        {scope ? ` · ${t(m.scope, { scope })}` : ''}
      </Typography.Paragraph>
      {shown.length === 0 ? (
        <Card>
          <Empty description={t(m.nothing)} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {shown.map((c) => (
              <Col key={c.key} xs={24} sm={12} xl={6}>
                <Link to={c.to} data-testid={`home-${c.key}`}>
                  <Card hoverable>
                    {c.query.isError ? (
                      <Alert type="error" showIcon title={c.title} description={errorText(c.query.error, lang)} />
                    ) : (
                      <Statistic title={c.title} value={c.query.data ?? 0} loading={c.query.isLoading} prefix={c.icon} />
                    )}
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            <InfoCircleOutlined /> {t(m.note)}
          </Typography.Paragraph>
        </>
      )}
    </>
  );
}
