import { Type } from '@sinclair/typebox';
import { Nullable, Strict, Timestamp, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import * as service from './notify.service';

const Notification = Type.Object(
  { id: Type.String(), kind: Type.String(), titleZh: Type.String(), titleEn: Type.String(), link: Type.String(), createdAt: Timestamp, readAt: Nullable(Timestamp) },
  Strict,
);

export async function notifyRoutes(app: App) {
  app.get('/api/notifications', {
    config: { access: 'notifications.read' },
    schema: {
      tags: ['notify'],
      summary: '我的站内通知 / my notifications',
      querystring: Type.Object({ unreadOnly: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, Strict),
      response: withProblems({ 200: Type.Object({ items: Type.Array(Notification), unread: Type.Integer() }, Strict) }),
    },
    handler: async (req) => {
      const r = await service.listMyNotifications(req.ctx, req.query);
      return {
        unread: r.unread,
        items: r.items.map((n) => ({ id: n.id, kind: n.kind, titleZh: n.title_zh, titleEn: n.title_en, link: n.link, createdAt: n.created_at.toISOString(), readAt: n.read_at?.toISOString() ?? null })),
      };
    },
  });

  app.post('/api/notifications/read', {
    config: { access: 'notifications.read' },
    schema: {
      tags: ['notify'],
      summary: '标记已读（不传 ids 则全部） / mark read (all when no ids)',
      body: Type.Object({ ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 200 })) }, Strict),
      response: withProblems({ 200: Type.Object({ updated: Type.Integer() }, Strict) }),
    },
    handler: async (req) => service.markMyNotificationsRead(req.ctx, req.body.ids ?? null),
  });
}
