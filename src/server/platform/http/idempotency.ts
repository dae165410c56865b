import crypto from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import type { Platform } from '../context';
import { AppError } from '../errors';
import type { App } from './types';

/**
 * SECURITY.md 26 (T21, T22): routes marked `idempotent` (payment and refund commands) need an
 * `Idempotency-Key`. The first request with a key runs; a successful answer is stored, and a retry
 * with the same key and body gets it again without running anything; the same key for another
 * request is refused (422); a retry while the first still runs gets 409. An answer that is not a
 * success frees the key, so the caller may fix the cause and retry with it. A key left running by
 * a crashed process is taken over after a while: the use cases' own state checks (a payroll sent
 * once, a return ordered once) stop a second effect then.
 */
const KEY = /^[A-Za-z0-9_:.-]{8,100}$/;
const ABANDONED_MS = 5 * 60_000;

interface KeyRow {
  route: string;
  body_hash: string;
  state: 'running' | 'done';
  status_code: number | null;
  response: string | null;
  created_at: Date;
}

export function registerIdempotency(app: App, platform: Platform) {
  app.addHook('preHandler', async (req, reply) => {
    if (!req.routeOptions.config?.idempotent) return;
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY.test(key)) throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
    const actor = req.ctx.actor;
    const actorKey = `${actor.kind}:${actor.id ?? actor.name}`;
    const route = `${req.method} ${req.url}`;
    const bodyHash = crypto.createHash('sha256').update(JSON.stringify(req.body ?? null)).digest('hex');
    const now = platform.clock.now();
    const { rows } = await platform.db.query(
      `INSERT INTO idempotency_keys (actor_key, key, route, body_hash, state, created_at) VALUES ($1, $2, $3, $4, 'running', $5)
       ON CONFLICT (actor_key, key) DO NOTHING RETURNING 1`,
      [actorKey, key, route, bodyHash, now],
    );
    if (rows.length === 0) {
      const { rows: [held] } = await platform.db.query<KeyRow>('SELECT route, body_hash, state, status_code, response, created_at FROM idempotency_keys WHERE actor_key = $1 AND key = $2', [
        actorKey,
        key,
      ]);
      if (!held) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
      if (held.route !== route || held.body_hash !== bodyHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (held.state === 'done') {
        return reply.code(held.status_code ?? 200).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(held.response);
      }
      const takenOver = await platform.db.query(
        "UPDATE idempotency_keys SET created_at = $3 WHERE actor_key = $1 AND key = $2 AND state = 'running' AND created_at = $4 AND created_at < $5",
        [actorKey, key, now, held.created_at, new Date(now.getTime() - ABANDONED_MS)],
      );
      if (takenOver.rowCount !== 1) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    }
    req.idempotency = { actorKey, key };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const held = req.idempotency;
    if (!held) return payload;
    req.idempotency = undefined;
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      await platform.db.query("UPDATE idempotency_keys SET state = 'done', status_code = $3, response = $4 WHERE actor_key = $1 AND key = $2", [
        held.actorKey,
        held.key,
        reply.statusCode,
        payload,
      ]);
    } else {
      await platform.db.query("DELETE FROM idempotency_keys WHERE actor_key = $1 AND key = $2 AND state = 'running'", [held.actorKey, held.key]);
    }
    return payload;
  });
}

/** Nightly: keys older than a day are forgotten (a retry comes within minutes, not days). */
export async function purgeIdempotencyKeys(db: DbOrTx, before: Date): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [before]);
  return rowCount ?? 0;
}
