import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { NotificationList } from './get-notifications';
import { notificationsQuery } from './get-notifications';

/** POST /api/notifications/read: the given notifications, or all of them without ids. */
export const markNotificationsRead = (ids?: string[]) => api.post<{ updated: number }>('/api/notifications/read', ids ? { ids } : {});

export function useMarkNotificationsRead() {
  const client = useQueryClient();
  const key = notificationsQuery().queryKey;
  return useMutation({
    mutationFn: markNotificationsRead,
    // Shown read at once; the server's list follows.
    onMutate: (ids) => {
      const now = new Date().toISOString();
      client.setQueryData<NotificationList>(key, (list) => {
        if (!list) return list;
        const hit = (id: string) => !ids || ids.includes(id);
        const items = list.items.map((n) => (hit(n.id) && !n.readAt ? { ...n, readAt: now } : n));
        const newlyRead = list.items.filter((n) => hit(n.id) && !n.readAt).length;
        return { items, unread: ids ? Math.max(0, list.unread - newlyRead) : 0 };
      });
    },
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}
