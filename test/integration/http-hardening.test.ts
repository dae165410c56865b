import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type Session, type TestApp, as, login } from '../support/http';
import { loadFixture, PASSWORD } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let app: TestApp;
let session: Session;

beforeAll(async () => {
  platform = await createTestPlatform();
  await loadFixture(platform);
  app = await buildApp(platform);
  session = await login(app, 'sysadmin', PASSWORD);
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

describe('security headers on every response (T14)', () => {
  it('carries CSP, HSTS, nosniff and Referrer-Policy on success, 401, 404 and 400', async () => {
    const responses = [
      await app.inject({ method: 'GET', url: '/healthz' }),
      await app.inject({ method: 'GET', url: '/api/enterprises' }),
      await app.inject({ method: 'GET', url: '/api/no-such-thing' }),
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 1 } }),
    ];
    for (const res of responses) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    expect(responses[2].statusCode).toBe(404);
    expect(responses[2].headers['content-type']).toContain('application/problem+json');
  });

  it('sends no CORS allowance to a foreign origin', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/enterprises', headers: { origin: 'https://evil.example', cookie: session.cookie } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sets the session cookie __Host-, Secure, HttpOnly, SameSite', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leaderA', password: PASSWORD } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-xd_sid=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
  });
});

describe('problem+json errors', () => {
  it('lists every invalid field with zh and en messages', async () => {
    const res = await as(app, session).post('/api/enterprises', { name: '', type: 'nonsense', extra: 1 });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, title: expect.any(String), title_en: expect.any(String) });
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['creditCode', 'name', 'type', 'extra']));
    expect(body.requestId).toBe(res.headers['x-request-id'] ?? body.requestId);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('schema fuzzing (T15)', () => {
  const writes = ['/api/enterprises', '/api/gov-units', '/api/banks', '/api/regions', '/api/users', '/api/api-keys'];

  it('never answers 5xx, and never 2xx for bodies that break the schema', async () => {
    const before = (await platform.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.anything({ withNullPrototype: false }), async (url, body) => {
        const res = await as(app, session).send('POST', url, body === undefined ? {} : body);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.statusCode === 201, `${url} accepted ${JSON.stringify(body)}`).toBe(false);
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (q, code) => {
        const res = await as(app, session).get(`/api/enterprises?q=${encodeURIComponent(q)}&regionCode=${encodeURIComponent(code)}&pageSize=5`);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
    // Nothing was written: no audit records appeared.
    const after = (await platform.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    expect(after).toBe(before);
  });
});

describe('paging', () => {
  it('returns the total with each page, and still past the last page', async () => {
    const first = (await as(app, session).get('/api/regions?pageSize=5')).json();
    expect(first.items).toHaveLength(5);
    expect(first.total).toBeGreaterThan(5);
    const past = (await as(app, session).get('/api/regions?pageSize=5&page=999')).json();
    expect(past).toMatchObject({ items: [], total: first.total, page: 999 });
  });
});
