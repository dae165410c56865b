import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { type Notification, useNotifications } from '../api/get-notifications';
import { useMarkNotificationsRead } from '../api/mark-notifications-read';
import { m } from '../messages';
import { useUserActive } from '../use-user-active';

/** Polling stops two minutes after the last input, so it does not hold an idle session open. */
const ATTENDED_MS = 2 * 60_000;

/** Only paths inside the app are followed. */
const internal = (link: string | null): link is string => Boolean(link && link.startsWith('/') && !link.startsWith('//'));

/** The header's bell: the unread count (asked every minute), the latest notifications, each read on click. */
export function NotificationBell() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const attended = useUserActive(ATTENDED_MS);
  const list = useNotifications(attended || open);
  const mark = useMarkNotificationsRead();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const openItem = (n: Notification) => {
    if (!n.readAt) mark.mutate([n.id]);
    setOpen(false);
    if (internal(n.link)) navigate(n.link);
  };

  const content = (
    <div style={{ width: 360 }} data-testid="notification-list">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', paddingBottom: 8, borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text type="secondary">{t(m.unread, { n: unread })}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} loading={mark.isPending && mark.variables === undefined} onClick={() => mark.mutate(undefined)} data-testid="notification-mark-all">
          {t(m.markAll)}
        </Button>
      </div>
      {list.isLoading && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {list.isError && <QueryError error={list.error} title={t(m.failed)} onRetry={() => list.refetch()} />}
      {list.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.empty)} />}
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {items.map((n) => (
          <div
            key={n.id}
            role="button"
            tabIndex={0}
            onClick={() => openItem(n)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && openItem(n)}
            style={{ padding: '8px 4px', borderBottom: '1px solid #f5f5f5', cursor: 'pointer', display: 'flex', gap: 8 }}
            data-testid="notification-item"
            data-read={n.readAt ? 'true' : 'false'}
          >
            <Badge status={n.readAt ? 'default' : 'error'} style={{ marginTop: 2 }} />
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong={!n.readAt} style={{ display: 'block' }}>
                {lang === 'en' && n.titleEn ? n.titleEn : n.titleZh}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.createdAt, lang)}
              </Typography.Text>
            </div>
          </div>
        ))}
      </div>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} title={t(m.title)} content={content}>
      <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button icon={<BellOutlined />} aria-label={t(m.bell)} title={t(m.bell)} data-testid="notification-bell" data-unread={unread} />
      </Badge>
    </Popover>
  );
}
