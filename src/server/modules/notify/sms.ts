import type { FastifyBaseLogger } from 'fastify';
import { hmac } from '../../platform/crypto/primitives';
import type { Platform } from '../../platform/context';
import { type Drainer, startDrainer } from '../../platform/drainer';
import * as repo from './sms.repo';

/**
 * 短信发送: messages written to `sms_outbox` in the business transaction (a complaint's phone code)
 * are sent by this dispatcher through the configured gateway, at least once, each carrying its
 * outbox id as the dedupe key so that a gateway seeing a message again (the process died between
 * sending and marking it sent) sends it once (SECURITY.md 27, T25). A message is leased while it is
 * sent, so dispatchers in several processes never send one at the same time; a failure the gateway
 * may get over (unreachable, 5xx, 429) is retried after a growing pause, up to MAX_ATTEMPTS; one it
 * refuses (4xx) is given up at once. The phone and the message are decrypted only to be sent and
 * are never logged.
 */

export const smsPhoneAad = (id: string) => `sms_outbox:${id}:phone`;
export const smsParamsAad = (id: string) => `sms_outbox:${id}:params`;

export interface SmsMessage {
  /** The outbox id: the gateway's dedupe key. */
  key: string;
  phone: string;
  template: string;
  params: Record<string, unknown>;
}

/** What a gateway did with a message: sent, or failed and worth trying again, or refused for good. */
export type SendOutcome = { ok: true } | { ok: false; retry: boolean; error: string };

export interface SmsGateway {
  send(message: SmsMessage): Promise<SendOutcome>;
}

const MAX_ATTEMPTS = 5;
/** How long a message is held by the dispatcher sending it. */
const LEASE_SECONDS = 60;
/** The pause before retry n is RETRY_SECONDS · 2^(n-1): 10, 20, 40, 80 s, all within the code's five minutes. */
const RETRY_SECONDS = 10;
const BATCH = 20;
const TIMEOUT_MS = 5000;

/**
 * The gateway as an HTTPS endpoint: `POST url` with the message as JSON, the dedupe key in
 * `Idempotency-Key`, and `X-Signature` = HMAC of `timestamp.body` with the shared secret (HMAC-SM3
 * under the 国密 profile, else HMAC-SHA-256, named in `X-Signature-Alg`). 2xx is sent.
 */
export function httpSmsGateway(options: { url: string; secret: string; profile: 'gm' | 'intl'; fetch?: typeof fetch }): SmsGateway {
  const send = options.fetch ?? fetch;
  const key = Buffer.from(options.secret, 'utf8');
  return {
    async send(message) {
      const body = JSON.stringify({ key: message.key, phone: message.phone, template: message.template, params: message.params });
      const timestamp = String(Math.floor(Date.now() / 1000));
      try {
        const res = await send(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': message.key,
            'x-timestamp': timestamp,
            'x-signature-alg': options.profile === 'gm' ? 'HMAC-SM3' : 'HMAC-SHA256',
            'x-signature': hmac(options.profile, key, `${timestamp}.${body}`),
          },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return { ok: true };
        return { ok: false, retry: res.status >= 500 || res.status === 429, error: `HTTP ${res.status}` };
      } catch (err) {
        // Unreachable or timed out: the message may or may not have gone; its key makes a retry safe.
        return { ok: false, retry: true, error: err instanceof Error ? err.name : 'unknown' };
      }
    },
  };
}

/** Sends what is due in the outbox, up to `limit`; how many were sent, to retry and given up. */
export async function dispatchSms(platform: Platform, gateway: SmsGateway, limit = BATCH) {
  const now = platform.clock.now();
  const due = await repo.leaseDue(platform.db, now, LEASE_SECONDS, limit, MAX_ATTEMPTS);
  const counts = { sent: 0, retrying: 0, failed: 0 };
  for (const m of due) {
    const outcome = await gateway.send({
      key: m.id,
      phone: platform.cipher.decrypt(m.phone_enc, smsPhoneAad(m.id)),
      template: m.template,
      params: JSON.parse(platform.cipher.decrypt(m.params_enc, smsParamsAad(m.id))) as Record<string, unknown>,
    });
    const at = platform.clock.now();
    if (outcome.ok) {
      await repo.markSent(platform.db, m.id, at);
      counts.sent++;
    } else if (outcome.retry && m.attempts < MAX_ATTEMPTS) {
      await repo.markRetry(platform.db, m.id, new Date(at.getTime() + RETRY_SECONDS * 1000 * 2 ** (m.attempts - 1)), outcome.error);
      counts.retrying++;
    } else {
      await repo.markFailed(platform.db, m.id, at, outcome.error);
      counts.failed++;
    }
  }
  return counts;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends the SMS outbox (absent when no gateway is configured). */
    smsDispatcher?: SmsDispatcher;
  }
}

/** How long a sent or failed message is kept, to answer a complainant's "I got no code" while it is fresh. */
const KEEP_DAYS = 7;

/** Deletes the messages done with more than KEEP_DAYS ago; how many. */
export const purgeSentSms = (platform: Platform) => repo.purgeDone(platform.db, new Date(platform.clock.now().getTime() - KEEP_DAYS * 86_400_000));

/** The drainer of `sms_outbox`; a kick is a message written. */
export type SmsDispatcher = Drainer;

/** Keeps the outbox sent: a pass on each kick and a sweep every `sweepMs` for retries and other processes' messages. */
export function startSmsDispatcher(platform: Platform, gateway: SmsGateway, log: FastifyBaseLogger, options: { sweepMs?: number } = {}): SmsDispatcher {
  return startDrainer(
    async (stopped) => {
      while (!stopped()) {
        const counts = await dispatchSms(platform, gateway);
        if (counts.failed) log.warn({ failed: counts.failed }, 'SMS messages refused by the gateway or out of tries');
        if (counts.sent + counts.retrying + counts.failed < BATCH) break;
      }
    },
    { sweepMs: options.sweepMs ?? 5000, onError: (err) => log.error({ err: { name: (err as Error).name } }, 'sending SMS failed; the sweep retries') },
  );
}
