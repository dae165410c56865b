import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { dispatchSms, httpSmsGateway, purgeSentSms, type SmsGateway } from '../../src/server/modules/notify';
import { hmac } from '../../src/server/platform/crypto/primitives';
import { codeSentTo } from '../support/cases';
import type { TestApp } from '../support/http';
import { createTestPlatform, type TestPlatform } from '../support/platform';

/**
 * 短信发送 (SECURITY.md 27, T25): a complaint's phone code leaves through the outbox to the SMS
 * gateway, signed, with its outbox id as the dedupe key; a failure the gateway may get over is
 * retried with the same key, a refusal is given up; a dispatcher that dies between sending and
 * marking leaves the message to be sent again with the same key, so the gateway sends it once.
 */

const SECRET = 'sms-gateway-secret-for-tests-0123';

/** The gateway: answers with the statuses queued (200 once they run out); texts each key once, as a real one dedupes. */
const gateway = {
  requests: [] as { headers: http.IncomingHttpHeaders; raw: string; body: { key: string; phone: string; template: string; params: Record<string, unknown> } }[],
  answers: [] as number[],
  keys: new Set<string>(),
  texted: [] as string[],
};
const server = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    const body = JSON.parse(raw);
    gateway.requests.push({ headers: req.headers, raw, body });
    const status = gateway.answers.shift() ?? 200;
    if (status === 200 && !gateway.keys.has(body.key)) {
      gateway.keys.add(body.key);
      gateway.texted.push(body.phone);
    }
    res.writeHead(status).end();
  });
});

let platform: TestPlatform;
let app: TestApp;
let phones = 0;

async function requestCode(phone: string) {
  const res = await app.inject({ method: 'POST', url: '/api/public/complaint-codes', payload: { phone }, remoteAddress: `198.51.100.${++phones}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { verificationId: string; demoCode?: string };
}
const outboxOf = async (verificationId: string) =>
  (
    await platform.db.query<{ id: string; sent_at: Date | null; failed_at: Date | null; attempts: number; next_attempt_at: Date | null; last_error: string | null }>(
      `SELECT id, sent_at, failed_at, attempts, next_attempt_at, last_error FROM sms_outbox WHERE ref_id = $1`,
      [verificationId],
    )
  ).rows[0];
const realGateway = () => httpSmsGateway({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, secret: SECRET, profile: platform.config.crypto.profile });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  platform = await createTestPlatform({ SMS_GATEWAY_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, SMS_GATEWAY_SECRET: SECRET, DEMO: 'true' });
  app = await buildApp(platform, { complaintIntake: false });
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('the SMS outbox', () => {
  it('sends a complaint code through the gateway at once, signed, its outbox id the dedupe key; with a gateway even the demo shows no code', async () => {
    const { verificationId, demoCode } = await requestCode('13500135000');
    expect(demoCode).toBeUndefined();
    await app.smsDispatcher!.idle();
    expect(gateway.requests).toHaveLength(1);
    const [sent] = gateway.requests;
    const row = await outboxOf(verificationId);
    expect(sent.body).toEqual({ key: row.id, phone: '13500135000', template: 'complaint_code', params: { code: await codeSentTo(platform, verificationId), minutes: 5 } });
    expect(sent.headers['idempotency-key']).toBe(row.id);
    expect(sent.headers['x-signature-alg']).toBe(platform.config.crypto.profile === 'gm' ? 'HMAC-SM3' : 'HMAC-SHA256');
    expect(sent.headers['x-signature']).toBe(hmac(platform.config.crypto.profile, Buffer.from(SECRET), `${sent.headers['x-timestamp']}.${sent.raw}`));
    expect(row).toMatchObject({ attempts: 1, failed_at: null, last_error: null });
    expect(row.sent_at).not.toBeNull();
    // From here on the tests send by hand.
    await app.smsDispatcher!.stop();
  });

  it('retries a gateway failure after a pause with the same key, and gives up a refusal at once', async () => {
    gateway.requests.length = 0;
    gateway.answers.push(503);
    const failing = await requestCode('13500135001');
    expect(await dispatchSms(platform, realGateway())).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = await outboxOf(failing.verificationId);
    expect(waiting).toMatchObject({ sent_at: null, failed_at: null, attempts: 1, last_error: 'HTTP 503' });
    expect(waiting.next_attempt_at!.getTime() - platform.clock.now().getTime()).toBe(10_000);
    // Not before its time; then sent, with the same key.
    expect(await dispatchSms(platform, realGateway())).toEqual({ sent: 0, retrying: 0, failed: 0 });
    platform.clock.advance(10_000);
    expect(await dispatchSms(platform, realGateway())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(gateway.requests.map((r) => r.body.key)).toEqual([waiting.id, waiting.id]);
    expect((await outboxOf(failing.verificationId)).attempts).toBe(2);

    gateway.answers.push(400);
    platform.clock.advance(61_000);
    const refused = await requestCode('13500135002');
    expect(await dispatchSms(platform, realGateway())).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await outboxOf(refused.verificationId)).toMatchObject({ sent_at: null, attempts: 1, last_error: 'HTTP 400' });
    platform.clock.advance(600_000);
    expect(await dispatchSms(platform, realGateway())).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('a dispatcher that dies between sending and marking sent leaves the message to go again with the same key: the gateway sends it once (T25)', async () => {
    gateway.requests.length = 0;
    const { verificationId } = await requestCode('13500135003');
    const dying: SmsGateway = {
      async send(message) {
        await realGateway().send(message);
        throw new Error('killed');
      },
    };
    await expect(dispatchSms(platform, dying)).rejects.toThrow('killed');
    const held = await outboxOf(verificationId);
    expect(held).toMatchObject({ sent_at: null, attempts: 1 });
    // Held for its lease, then due again.
    expect(await dispatchSms(platform, realGateway())).toEqual({ sent: 0, retrying: 0, failed: 0 });
    platform.clock.advance(60_000);
    expect(await dispatchSms(platform, realGateway())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(gateway.requests.map((r) => r.body.key)).toEqual([held.id, held.id]);
    expect(new Set(gateway.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set([held.id]));
    expect(gateway.texted.filter((p) => p === '13500135003')).toHaveLength(1);
    expect((await outboxOf(verificationId)).sent_at).not.toBeNull();
  });

  it('fails a message whose sender died on every one of its five tries, instead of taking it forever', async () => {
    gateway.requests.length = 0;
    platform.clock.advance(61_000);
    const { verificationId } = await requestCode('13500135004');
    const dead: SmsGateway = {
      async send() {
        throw new Error('killed');
      },
    };
    for (let i = 0; i < 5; i++) {
      await expect(dispatchSms(platform, dead)).rejects.toThrow('killed');
      platform.clock.advance(60_000);
    }
    expect(await dispatchSms(platform, realGateway())).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await outboxOf(verificationId)).toMatchObject({ sent_at: null, attempts: 5, last_error: 'out of tries' });
    expect((await outboxOf(verificationId)).failed_at).not.toBeNull();
    expect(gateway.requests).toEqual([]);
  });

  it('deletes the messages sent or given up a week ago, and keeps those still waiting or newer', async () => {
    const { verificationId } = await requestCode('13500135005');
    const count = async () => (await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sms_outbox`)).rows[0].n;
    const before = await count();
    expect(await purgeSentSms(platform)).toBe(0);
    platform.clock.advance(7 * 86_400_000 + 1000);
    // Everything before the last code is sent or failed a week ago; the last one still waits.
    expect(await purgeSentSms(platform)).toBe(before - 1);
    expect(await count()).toBe(1);
    expect(await outboxOf(verificationId)).toMatchObject({ sent_at: null, failed_at: null });
  });
});
