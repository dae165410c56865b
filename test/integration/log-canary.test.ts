import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createLogger } from '../../src/server/platform/logger';
import { type TestApp, as, login } from '../support/http';
import { TREE, creditCode, loadFixture, PASSWORD } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';

/**
 * SECURITY.md T7: unique canary values for an ID number, a phone, a password and an OTP go through
 * the API, including failing paths; none may appear in the logs, the audit payloads or error bodies.
 */
const CANARY_ID = '450102197707071235';
const CANARY_PHONE = '13700007777';
const CANARY_PASSWORD = 'Canary#Secret7777';
const CANARY_OTP = '777777';

let platform: TestPlatform;
let app: TestApp;
let logs = '';
const bodies: string[] = [];

beforeAll(async () => {
  platform = await createTestPlatform();
  await loadFixture(platform);
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs += chunk.toString();
      done();
    },
  });
  const logger = createLogger('trace', sink);
  app = await buildApp(platform, { logger });
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

describe('log-leak canary (T7)', () => {
  it('keeps canary secrets out of logs, audit records and error bodies', async () => {
    const keep = (r: { body: string }) => bodies.push(r.body);
    keep(await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wageA', password: CANARY_PASSWORD } }));
    keep(await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: CANARY_ID, password: CANARY_PASSWORD } }));
    const session = await login(app, 'wageA', PASSWORD);
    const wage = as(app, session);
    keep(await wage.post('/api/enterprises', {
      creditCode: creditCode('450102', 7777),
      name: '金丝雀测试有限公司',
      type: 'other',
      industry: 'other',
      regionCode: TREE.townA1,
      legalRepName: '测',
      legalRepIdNumber: CANARY_ID,
      legalRepPhone: CANARY_PHONE,
    }));
    // Failing paths too: an invalid number next to the canaries, a bad OTP, a wrong current password.
    keep(await wage.post('/api/enterprises', { creditCode: 'bad', name: 'x', type: 'other', industry: 'other', regionCode: TREE.townA1, legalRepName: 'x', legalRepIdNumber: CANARY_ID, legalRepPhone: CANARY_PHONE }));
    keep(await wage.post('/api/enterprises/search-by-legal-rep', { idNumber: CANARY_ID }));
    keep(await wage.post('/api/auth/mfa/verify', { code: CANARY_OTP }));
    keep(await wage.post('/api/auth/password', { currentPassword: CANARY_PASSWORD, newPassword: CANARY_PASSWORD }));
    keep(await wage.get(`/api/enterprises?q=${CANARY_ID}`));

    const audit = JSON.stringify((await platform.db.query('SELECT * FROM audit_log')).rows);
    // The search URL was logged, masked.
    expect(logs).toContain('450102********1235');
    for (const canary of [CANARY_ID, CANARY_PHONE, CANARY_PASSWORD]) {
      expect(logs.includes(canary), `log contains ${canary}`).toBe(false);
      expect(audit.includes(canary), `audit contains ${canary}`).toBe(false);
      for (const body of bodies) expect(body.includes(canary), `response contains ${canary}: ${body.slice(0, 120)}`).toBe(false);
    }
    expect(logs.includes(`"code":"${CANARY_OTP}"`)).toBe(false);
  });
});
