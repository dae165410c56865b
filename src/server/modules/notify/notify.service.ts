import { AppError } from '../../platform/errors';
import type { Ctx } from '../../platform/context';
import type { DbOrTx } from '../../db/client';
import * as repo from './notify.repo';

/** 站内通知 of the signed-in user. Only people have an inbox; machine keys and the system do not. */
function userOf(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user' || !ctx.actor.id) throw new AppError('FORBIDDEN');
  return ctx.actor.id;
}

export async function listMyNotifications(ctx: Ctx, query: { unreadOnly?: boolean; limit?: number }) {
  return repo.listForUser(ctx.db, userOf(ctx), { unreadOnly: query.unreadOnly ?? false, limit: query.limit ?? 20 });
}

export async function markMyNotificationsRead(ctx: Ctx, ids: string[] | null) {
  return { updated: await repo.markRead(ctx.db, userOf(ctx), ids, ctx.clock.now()) };
}

/** Tells the responsible officials (and companies) of each request, in the caller's transaction. */
export const notifyResponsible = (db: DbOrTx, requests: repo.NotificationRequest[], now: Date) => repo.insertForResponsible(db, requests, now);
