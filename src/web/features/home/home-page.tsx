import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/session';
import { api, type Page } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';

/** The overview: real counts in the user's jurisdiction, each linking to its list. */
export function HomePage() {
  const { t, pick } = useI18n();
  const { data: me } = useMe();
  const can = (p: string) => Boolean(me?.permissions.includes(p));
  const useTotal = (url: string, enabled: boolean) =>
    useQuery({ queryKey: ['total', url], queryFn: () => api.get<Page<unknown>>(url, { pageSize: 1 }), enabled, select: (p) => p.total });
  const enterprises = useTotal('/api/enterprises', can('orgs.read'));
  const units = useTotal('/api/gov-units', can('orgs.read'));
  const regions = useTotal('/api/regions', can('regions.read'));
  const users = useTotal('/api/users', can('users.read'));

  const cards = [
    can('orgs.read') && { title: t('在管企业', 'Enterprises'), q: enterprises, to: '/orgs/enterprises' },
    can('orgs.read') && { title: t('政府部门', 'Government units'), q: units, to: '/orgs/gov-units' },
    can('regions.read') && { title: t('行政区划', 'Regions'), q: regions, to: '/regions' },
    can('users.read') && { title: t('用户', 'Users'), q: users, to: '/users' },
  ].filter(Boolean) as { title: string; q: typeof enterprises; to: string }[];

  return (
    <>
      <Typography.Title level={4}>
        {t('欢迎，', 'Welcome, ')}
        {me?.user.displayName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {pick(me?.user.roleName)} · {me?.user.scope.regionName ?? me?.user.scope.enterpriseName}
      </Typography.Paragraph>
      {cards.length === 0 ? (
        <Typography.Paragraph>{t('您的角色只能访问左侧菜单中的功能。', 'Your role can use the pages in the menu.')}</Typography.Paragraph>
      ) : (
        <Row gutter={16}>
          {cards.map((c) => (
            <Col key={c.to} xs={24} sm={12} lg={6}>
              <Link to={c.to}>
                <Card hoverable>
                  <Statistic title={c.title} value={c.q.data ?? 0} loading={c.q.isLoading} />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
