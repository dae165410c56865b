import type { Config } from '../config';
import type { Db, DbOrTx } from '../db/client';
import type { Actor } from './access/actor';
import { appendAudit, type AuditEntry, type ChainMac } from './audit/audit';
import type { FieldCipher as Cipher } from './crypto/field-cipher';

export type FieldCipher = Cipher;

/** Injectable time, so tests can move the clock (lockout, session expiry, deadlines). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What the process holds once: built at start, shared by HTTP, jobs and the CLI. */
export interface Platform {
  config: Config;
  db: Db;
  cipher: FieldCipher;
  chainMac: ChainMac;
  clock: Clock;
  /** Folder for files kept outside the database (audit anchors). */
  dataDir: string;
}

/** A use case's context: who is acting, from where, on which platform. Transport-free. */
export interface Ctx extends Platform {
  actor: Actor;
  requestId: string | null;
  ip: string | null;
}

export function contextFor(platform: Platform, actor: Actor, origin: { requestId?: string | null; ip?: string | null } = {}): Ctx {
  return { ...platform, actor, requestId: origin.requestId ?? null, ip: origin.ip ?? null };
}

/** Writes the audit record for `ctx`'s actor in the caller's transaction. */
export function audit(tx: DbOrTx, ctx: Ctx, entry: AuditEntry) {
  return appendAudit(tx, ctx.chainMac, { actor: ctx.actor, requestId: ctx.requestId, ip: ctx.ip, now: ctx.clock.now() }, entry);
}
