import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type TestApp, as, login, sessionCookie } from '../support/http';
import { loadFixture, PASSWORD } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let app: TestApp;

beforeAll(async () => {
  platform = await createTestPlatform({ MFA_ROLES: 'audit_admin' });
  await loadFixture(platform);
  app = await buildApp(platform);
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

const attempt = (username: string, password: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('login and lockout (T11)', () => {
  it('logs in with the right password and reads /me', async () => {
    const session = await login(app, 'wageA', PASSWORD);
    const me = await as(app, session).get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('wageA');
    expect(me.json().permissions).toContain('orgs.write');
  });

  it('answers an unknown user and a wrong password byte-identically apart from the request id', async () => {
    const unknown = await attempt('nobody-here', 'Wrong#Pass123', '10.0.1.1');
    const wrong = await attempt('townA2', 'Wrong#Pass123', '10.0.1.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (body: string) => ({ ...JSON.parse(body), requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('locks after 5 failures so the 6th, correct, attempt is refused; unlocks after 15 minutes', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('villageA1a', 'Wrong#Pass123', `10.0.2.${i}`)).statusCode).toBe(401);
    expect((await attempt('villageA1a', PASSWORD, '10.0.2.9')).statusCode).toBe(401);
    platform.clock.advance(14 * 60_000);
    expect((await attempt('villageA1a', PASSWORD, '10.0.2.9')).statusCode).toBe(401);
    platform.clock.advance(2 * 60_000);
    expect((await attempt('villageA1a', PASSWORD, '10.0.2.9')).statusCode).toBe(200);
  });

  it('throttles one IP spraying many usernames', async () => {
    const ip = '10.0.3.3';
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await attempt(`spray${i}`, 'Wrong#Pass123', ip)).statusCode;
    expect(last).toBe(429);
    // Another IP is unaffected.
    expect((await attempt('leaderA', PASSWORD, '10.0.3.4')).statusCode).toBe(200);
    platform.clock.advance(61_000);
  });
});

describe('sessions (T12)', () => {
  it('rotates the session id at login (no fixation)', async () => {
    const first = await login(app, 'townA1', PASSWORD);
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'townA1', password: PASSWORD }, headers: { cookie: first.cookie } });
    const second = sessionCookie(res)!;
    expect(second).not.toBe(first.cookie);
    // The old session no longer works.
    expect((await as(app, first).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires after 15 idle minutes but not before', async () => {
    const session = await login(app, 'townA1', PASSWORD);
    platform.clock.advance(14 * 60_000);
    expect((await as(app, session).get('/api/auth/me')).statusCode).toBe(200);
    platform.clock.advance(14 * 60_000);
    expect((await as(app, session).get('/api/auth/me')).statusCode).toBe(200);
    platform.clock.advance(15 * 60_000 + 1000);
    expect((await as(app, session).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends at the 12-hour absolute limit even when active', async () => {
    const session = await login(app, 'townA1', PASSWORD);
    for (let i = 0; i < 12 * 6; i++) {
      platform.clock.advance(10 * 60_000);
      const res = await as(app, session).get('/api/auth/me');
      if (i < 12 * 6 - 1) expect(res.statusCode).toBe(200);
      else expect(res.statusCode).toBe(401);
    }
  });

  it('logout kills the server-side session', async () => {
    const session = await login(app, 'townA1', PASSWORD);
    expect((await as(app, session).post('/api/auth/logout')).statusCode).toBe(204);
    expect((await as(app, session).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('disabling a user or changing their role takes effect on the next request', async () => {
    const admin = await login(app, 'secadmin', PASSWORD);
    const victim = await login(app, 'leaderA', PASSWORD);
    expect((await as(app, victim).get('/api/enterprises')).statusCode).toBe(200);
    const user = (await as(app, admin).get('/api/users?q=leaderA')).json().items[0];
    const changed = await as(app, admin).patch(`/api/users/${user.id}`, { version: user.version, role: 'audit_admin' });
    expect(changed.statusCode).toBe(200);
    expect((await as(app, victim).get('/api/enterprises')).statusCode).toBe(403);
    const disabled = await as(app, admin).patch(`/api/users/${user.id}`, { version: changed.json().version, status: 'disabled', role: 'leader' });
    expect(disabled.statusCode).toBe(200);
    expect((await as(app, victim).get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('CSRF (T14)', () => {
  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const session = await login(app, 'sysadmin', PASSWORD);
    const res = await app.inject({ method: 'POST', url: '/api/banks', payload: { name: '测试银行', bankCode: '999999999999' }, headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    const banks = await as(app, session).get('/api/banks');
    expect(banks.json().some((b: { name: string }) => b.name === '测试银行')).toBe(false);
  });

  it('refuses a cross-site Origin even with the token', async () => {
    const session = await login(app, 'sysadmin', PASSWORD);
    const res = await as(app, session).send('POST', '/api/banks', { name: '测试银行', bankCode: '999999999999' }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
  });
});

describe('second factor (T13)', () => {
  it('gives a role that requires MFA no usable session from the password alone; TOTP completes it once', async () => {
    const pending = await login(app, 'auditor', PASSWORD);
    expect((await as(app, pending).get('/api/audit')).json().code).toBe('MFA_REQUIRED');
    const { secret } = (await as(app, pending).post('/api/auth/mfa/setup')).json();
    const code = await generate({ secret, epoch: Math.floor(platform.clock.now().getTime() / 1000) });
    const verified = await as(app, pending).post('/api/auth/mfa/verify', { code });
    expect(verified.statusCode).toBe(200);
    const active = { cookie: sessionCookie(verified)!, csrfToken: verified.json().csrfToken };
    expect((await as(app, active).get('/api/audit')).statusCode).toBe(200);

    // The same code cannot be replayed for a new login.
    const again = await login(app, 'auditor', PASSWORD);
    expect((await as(app, again).post('/api/auth/mfa/verify', { code })).statusCode).toBe(401);
    // Two steps of drift are rejected, one is accepted.
    const epoch = Math.floor(platform.clock.now().getTime() / 1000);
    const far = await generate({ secret, epoch: epoch + 60 });
    expect((await as(app, again).post('/api/auth/mfa/verify', { code: far })).statusCode).toBe(401);
    const near = await generate({ secret, epoch: epoch + 30 });
    expect((await as(app, again).post('/api/auth/mfa/verify', { code: near })).statusCode).toBe(200);
  });
});

describe('password policy (T11)', () => {
  it('rejects weak, personal and reused passwords and accepts a good one', async () => {
    const session = await login(app, 'townA2', PASSWORD);
    const change = (newPassword: string) => as(app, session).post('/api/auth/password', { currentPassword: PASSWORD, newPassword });
    expect((await change('short1!')).json().code).toBe('PASSWORD_POLICY');
    expect((await change('alllowercase')).json().code).toBe('PASSWORD_POLICY');
    expect((await change('Password1!')).json().code).toBe('PASSWORD_POLICY');
    expect((await change('townA2#Secure9')).json().code).toBe('PASSWORD_POLICY');
    expect((await change(PASSWORD)).json().code).toBe('PASSWORD_POLICY');
    expect((await change('Qingshi#River82')).statusCode).toBe(204);
  });
});

describe('API keys for machines', () => {
  it('authenticates a bank by key, grants nothing beyond its role, and stops at revocation', async () => {
    const sec = as(app, await login(app, 'secadmin', PASSWORD));
    const bankId = (await as(app, await login(app, 'sysadmin', PASSWORD)).post('/api/banks', { name: '测试农商银行', bankCode: '402451000099' })).json().id;
    expect((await sec.post('/api/api-keys', { name: '测试银行代发', role: 'bank_integration', scopeRegionCode: '450102' })).statusCode).toBe(422);
    const issued = await sec.post('/api/api-keys', { name: '测试银行代发', role: 'bank_integration', scopeRegionCode: '450102', scopeBankId: bankId });
    expect(issued.statusCode).toBe(201);
    const { secret, key, signingSecret } = issued.json();
    // The signing secret is shown once and kept encrypted.
    expect(signingSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await platform.db.query<{ signing_secret_enc: string }>('SELECT signing_secret_enc FROM api_keys WHERE id = $1', [key.id]);
    expect(stored.rows[0].signing_secret_enc).not.toContain(signingSecret);
    expect(secret).toMatch(/^xd_/);
    const { rows } = await platform.db.query<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE id = $1', [key.id]);
    expect(rows[0].key_hash).not.toContain(secret);
    const bearer = (url: string, token = secret) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect((await bearer('/api/enterprises')).statusCode).toBe(403);
    expect((await bearer('/api/auth/me')).statusCode).toBe(403);
    // One character changed (never to itself) is a different, unknown key.
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect((await bearer('/api/enterprises', tampered)).statusCode).toBe(401);
    expect((await sec.delete(`/api/api-keys/${key.id}`)).statusCode).toBe(204);
    expect((await bearer('/api/enterprises')).statusCode).toBe(401);
  });
});

// Last: it moves the clock 91 days on and disables everyone.
describe('idle accounts (SECURITY.md item 7)', () => {
  it('disables accounts unused for 90 days and ends their sessions', async () => {
    const { disableIdleAccountsJob } = await import('../../src/server/modules/auth/auth.jobs');
    const session = await login(app, 'transportA', PASSWORD);
    platform.clock.advance(91 * 86_400_000);
    const result = (await disableIdleAccountsJob.handler(platform, {})) as { disabled: number };
    expect(result.disabled).toBeGreaterThan(0);
    expect((await as(app, session).get('/api/auth/me')).statusCode).toBe(401);
    expect((await attempt('transportA', PASSWORD, '10.0.9.9')).statusCode).toBe(401);
    const { rows } = await platform.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.disable_idle'");
    expect(rows[0].n).toBe(result.disabled);
  });
});
