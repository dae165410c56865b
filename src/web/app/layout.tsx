import {
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Menu, Segmented, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api, setCsrfToken } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { useMe } from './session';

// Modules of the platform still being built: named in the menu so users see what is coming, no pages.
const UPCOMING: [string, string][] = [
  ['在建项目台账', 'Project ledger'],
  ['实名制', 'Real-name registry'],
  ['考勤', 'Attendance'],
  ['工资专户', 'Wage accounts'],
  ['工资发放', 'Payroll'],
  ['工资保证金', 'Wage deposits'],
  ['预警', 'Warnings'],
  ['线索与案件', 'Clues and cases'],
  ['信用与失信名单', 'Credit and blacklist'],
  ['报表与专项行动', 'Reports and campaigns'],
  ['网络舆情', 'Public opinion'],
];

export function AppLayout() {
  const { data: me } = useMe();
  const { t, pick, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const can = (p: string) => Boolean(me?.permissions.includes(p));

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: t('首页', 'Home') },
    can('regions.read') && { key: '/regions', icon: <ClusterOutlined />, label: t('行政区划', 'Regions') },
    can('orgs.read') && {
      key: 'orgs',
      icon: <BankOutlined />,
      label: t('单位管理', 'Organizations'),
      children: [
        { key: '/orgs/enterprises', label: t('企业', 'Enterprises') },
        { key: '/orgs/gov-units', label: t('政府部门', 'Government units') },
        { key: '/orgs/banks', label: t('银行', 'Banks') },
      ],
    },
    (can('users.read') || can('apikeys.manage')) && {
      key: 'access',
      icon: <TeamOutlined />,
      label: t('用户与权限', 'Users and access'),
      children: [
        can('users.read') && { key: '/users', label: t('用户', 'Users') },
        can('apikeys.manage') && { key: '/api-keys', icon: <KeyOutlined />, label: t('接口密钥', 'API keys') },
      ].filter(Boolean) as MenuProps['items'],
    },
    can('audit.read') && { key: '/audit', icon: <AuditOutlined />, label: t('审计日志', 'Audit log') },
    can('params.read') && { key: '/params', icon: <SettingOutlined />, label: t('规则参数', 'Rule parameters') },
    {
      key: 'upcoming',
      icon: <SafetyCertificateOutlined />,
      label: t('业务模块', 'Business modules'),
      children: UPCOMING.map(([zh, en]) => ({ key: `upcoming:${en}`, label: `${t(zh, en)}${t('（待建设）', ' (coming)')}`, disabled: true })),
    },
  ].filter(Boolean) as MenuProps['items'];

  const logout = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear();
    navigate('/login', { replace: true });
  };

  const scope = me?.user.scope;
  const scopeText = scope?.kind === 'enterprise' ? scope.enterpriseName : [scope?.regionName, scope?.industry].filter(Boolean).join(' · ');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18, color: '#b8312f' }}>{t('薪盾', 'XinDun')}</div>
        <Menu
          mode="inline"
          selectedKeys={[location.pathname]}
          defaultOpenKeys={['orgs', 'access']}
          items={items}
          onClick={({ key }) => !key.startsWith('upcoming') && navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Text strong>{t('农民工工资支付监控预警平台', 'Migrant-worker wage monitoring platform')}</Typography.Text>
          <Space size="middle">
            <span data-testid="current-user">
              {me?.user.displayName} · {pick(me?.user.roleName)} {scopeText ? `· ${scopeText}` : ''}
            </span>
            <Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'EN' }]} />
            <Button icon={<LogoutOutlined />} onClick={logout} data-testid="logout">
              {t('退出登录', 'Log out')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
