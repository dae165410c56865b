import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/notifications: the signed-in user's latest 站内通知 and how many are unread. */
export interface Notification {
  id: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  /** A path inside the app (`/warnings/:id`), or null. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: Notification[];
  unread: number;
}

/** The bell asks again every minute while the app is open. */
export const POLL_MS = 60_000;

export const notificationsQuery = () =>
  queryOptions({ queryKey: ['notifications', 'list'], queryFn: () => api.get<NotificationList>('/api/notifications', { unreadOnly: false }) });

export const useNotifications = (enabled: boolean) =>
  useQuery({ ...notificationsQuery(), enabled, refetchInterval: POLL_MS, refetchIntervalInBackground: false, refetchOnWindowFocus: true, retry: false });
