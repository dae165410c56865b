import { AlertOutlined, ApartmentOutlined, AuditOutlined, ClusterOutlined, FileSearchOutlined, FormOutlined, InfoCircleOutlined, ProfileOutlined, SettingOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { errorText } from '../../../lib/api-client';
import { defineMessages, useI18n } from '../../../lib/i18n';
import { useCan, useMe } from '../../../lib/session';
import { useOpenCases, useOverdueCases } from '../api/get-case-summary';
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
  openCases: { zh: '在办案件（案件看板）', en: 'Open cases (dashboard)' },
  overdueCases: { zh: '逾期案件', en: 'Overdue cases' },
  nothing: { zh: '您的角色暂无可查看的统计。请从左侧菜单进入相应功能。', en: 'Nothing to count for your role yet; use the menu on the left.' },
  note: { zh: '以上数字为您管辖范围内的实时数据，点击卡片查看明细。', en: 'Live counts within your jurisdiction; open a card for the list.' },
  complain: { zh: '我要投诉（被拖欠工资）', en: 'Complain about unpaid wages' },
  myComplaints: { zh: '我的投诉（进度与工资确认）', en: 'My complaints (progress, payments to confirm)' },
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
  // 领导 (and officials with a dashboard): the case dashboard's headline figures, first.
  const caseBoard = can('cases.read') && can('dashboard.read');
  const openCases = useOpenCases(caseBoard);
  const overdueCases = useOverdueCases(caseBoard);

  const cards: (CardSpec | false)[] = [
    caseBoard && { key: 'open-cases', title: t(m.openCases), icon: <FileSearchOutlined />, to: paths.caseDashboard, query: openCases },
    caseBoard && { key: 'overdue-cases', title: t(m.overdueCases), icon: <AlertOutlined />, to: paths.caseDashboard, query: overdueCases },
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
      {shown.length === 0 && can('cases.complain') ? (
        // 农民工端: a worker's home is the way to complain and to follow their complaints.
        <Card style={{ maxWidth: 560 }} data-testid="home-worker">
          <Flex vertical gap={12}>
            <Link to={paths.myComplaintNew}>
              <Button type="primary" size="large" block icon={<FormOutlined />}>
                {t(m.complain)}
              </Button>
            </Link>
            <Link to={paths.myComplaints}>
              <Button size="large" block icon={<ProfileOutlined />}>
                {t(m.myComplaints)}
              </Button>
            </Link>
          </Flex>
        </Card>
      ) : shown.length === 0 ? (
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
