import { Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { common, useI18n } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { HeaderBar } from './header-bar';
import { buildMenu, menuState } from './menu-items';

export function AppLayout() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { selected } = menuState(pathname);
  // Below the breakpoint the menu folds away behind its trigger tab: the page starts below the tab.
  const [folded, setFolded] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={224} theme="light" breakpoint="lg" collapsedWidth={0} onCollapse={setFolded} style={{ borderRight: '1px solid #f0f0f0' }}>
        <Typography.Title level={4} style={{ color: '#b8312f', padding: '16px 24px 8px', margin: 0 }}>
          {t(common.appName)}
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={['orgs', 'access']}
          items={buildMenu(can, t)}
          onClick={({ key }) => key.startsWith('/') && navigate(key)}
          style={{ borderInlineEnd: 'none' }}
          data-testid="side-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: folded ? '0 12px' : '0 24px', borderBottom: '1px solid #f0f0f0' }}>
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ margin: folded ? '52px 12px 12px' : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
