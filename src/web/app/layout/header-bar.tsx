import { LockOutlined, LogoutOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Button, Flex, Grid, Space, Tag, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../components/language-switch';
import { paths } from '../../config/paths';
import { useLogout } from '../../features/auth/api/logout';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { common, defineMessages, useI18n } from '../../lib/i18n';
import { useCan, useMe } from '../../lib/session';

const text = defineMessages({
  logout: { zh: '退出登录', en: 'Log out' },
  changePassword: { zh: '修改密码', en: 'Change password' },
  allRegions: { zh: '全部', en: 'All' },
  self: { zh: '本人', en: 'Self' },
});

export function HeaderBar() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const can = useCan();
  const logout = useLogout();
  const scope = me?.user.scope;
  const scopeText = scope?.kind === 'enterprise' ? scope.enterpriseName : scope?.kind === 'worker' ? t(text.self) : [scope?.regionName, scope?.industry].filter(Boolean).join(' · ');
  // On a phone (workers use theirs) the bar keeps the name, the language and the buttons' icons.
  const narrow = Grid.useBreakpoint().md === false;

  return (
    <Flex justify="space-between" align="center" gap={16} style={{ height: '100%' }}>
      <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        <SafetyCertificateFilled style={{ color: '#b8312f' }} /> {t(common.appName)}
        {!narrow && ` · ${t(common.platformName)}`}
      </Typography.Text>
      <Space size={narrow ? 'small' : 'middle'} wrap={false}>
        <span data-testid="current-user" style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong>{me?.user.displayName}</Typography.Text>
          {!narrow && <Tag color="red" style={{ marginInline: 8 }}>{pick(me?.user.roleName)}</Tag>}
          {!narrow && <Typography.Text type="secondary">{scopeText || t(text.allRegions)}</Typography.Text>}
        </span>
        {can('notifications.read') && <NotificationBell />}
        <LanguageSwitch />
        <Tooltip title={t(text.changePassword)}>
          <Button icon={<LockOutlined />} aria-label={t(text.changePassword)} onClick={() => navigate(paths.changePassword)} data-testid="change-password" />
        </Tooltip>
        <Button
          icon={<LogoutOutlined />}
          aria-label={t(text.logout)}
          loading={logout.isPending}
          data-testid="logout"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate(paths.login, { replace: true }) })}
        >
          {!narrow && t(text.logout)}
        </Button>
      </Space>
    </Flex>
  );
}
