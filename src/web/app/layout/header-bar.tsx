import { LockOutlined, LogoutOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Button, Flex, Space, Tag, Tooltip, Typography } from 'antd';
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
});

export function HeaderBar() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const can = useCan();
  const logout = useLogout();
  const scope = me?.user.scope;
  const scopeText = scope?.kind === 'enterprise' ? scope.enterpriseName : [scope?.regionName, scope?.industry].filter(Boolean).join(' · ');

  return (
    <Flex justify="space-between" align="center" gap={16} style={{ height: '100%' }}>
      <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        <SafetyCertificateFilled style={{ color: '#b8312f' }} /> {t(common.appName)} · {t(common.platformName)}
      </Typography.Text>
      <Space size="middle" wrap={false}>
        <span data-testid="current-user" style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong>{me?.user.displayName}</Typography.Text>
          <Tag color="red" style={{ marginInline: 8 }}>{pick(me?.user.roleName)}</Tag>
          <Typography.Text type="secondary">{scopeText || t(text.allRegions)}</Typography.Text>
        </span>
        {can('notifications.read') && <NotificationBell />}
        <LanguageSwitch />
        <Tooltip title={t(text.changePassword)}>
          <Button icon={<LockOutlined />} aria-label={t(text.changePassword)} onClick={() => navigate(paths.changePassword)} data-testid="change-password" />
        </Tooltip>
        <Button
          icon={<LogoutOutlined />}
          loading={logout.isPending}
          data-testid="logout"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate(paths.login, { replace: true }) })}
        >
          {t(text.logout)}
        </Button>
      </Space>
    </Flex>
  );
}
