import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type TestApp, as, login } from '../support/http';
import { type Fixture, TREE, creditCode, loadFixture, PASSWORD } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;

const ID = '110101199003074514';
const PHONE = '13912345678';

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  app = await buildApp(platform);
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

describe('personal data at rest and on screen (T6, T8)', () => {
  let enterpriseId: string;

  it('stores ID number and phone encrypted: raw SQL shows no plaintext', async () => {
    const wage = as(app, await login(app, 'wageA', PASSWORD));
    const res = await wage.post('/api/enterprises', {
      creditCode: creditCode('450102', 4242),
      name: '东城劳务有限公司',
      type: 'labor_subcontractor',
      industry: 'housing',
      regionCode: TREE.townA1,
      legalRepName: '孙立',
      legalRepIdNumber: ID,
      legalRepPhone: PHONE,
    });
    expect(res.statusCode).toBe(201);
    enterpriseId = res.json().id;
    const { rows } = await platform.db.query<Record<string, unknown>>('SELECT * FROM enterprises WHERE id = $1', [enterpriseId]);
    const raw = JSON.stringify(rows[0]);
    expect(raw).not.toContain(ID);
    expect(raw).not.toContain(PHONE);
    expect(raw).not.toMatch(/\b\d{17}[\dX]\b/);
    expect(raw).not.toMatch(/\b1[3-9]\d{9}\b/);
    const audit = JSON.stringify((await platform.db.query('SELECT * FROM audit_log')).rows);
    expect(audit).not.toContain(ID);
    expect(audit).not.toContain(PHONE);
  });

  it('finds the enterprise by the legal representative ID through the blind index', async () => {
    const wage = as(app, await login(app, 'wageA', PASSWORD));
    const res = await wage.post('/api/enterprises/search-by-legal-rep', { idNumber: ID });
    expect(res.json().items.map((e: { id: string }) => e.id)).toEqual([enterpriseId]);
  });

  it('masks for every role that can see the record', async () => {
    for (const user of ['wageA', 'housingA', 'townA1', 'leaderA']) {
      const res = await as(app, await login(app, user, PASSWORD)).get(`/api/enterprises/${enterpriseId}`);
      expect(res.statusCode, user).toBe(200);
      expect(res.json().legalRepIdNumber).toBe('110101********4514');
      expect(res.json().legalRepPhone).toBe('139****5678');
      expect(res.body).not.toContain(ID);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('reveals the full value only with pii.view_full and a reason, and audits it', async () => {
    const town = as(app, await login(app, 'townA1', PASSWORD));
    expect((await town.post(`/api/enterprises/${enterpriseId}/reveal`, { field: 'legalRepIdNumber', reason: '核查欠薪线索' })).statusCode).toBe(403);
    const wage = as(app, await login(app, 'wageA', PASSWORD));
    expect((await wage.post(`/api/enterprises/${enterpriseId}/reveal`, { field: 'legalRepIdNumber' })).statusCode).toBe(400);
    const res = await wage.post(`/api/enterprises/${enterpriseId}/reveal`, { field: 'legalRepIdNumber', reason: '核查欠薪线索' });
    expect(res.json()).toEqual({ field: 'legalRepIdNumber', value: ID });
    const { rows } = await platform.db.query<{ reason: string; actor_name: string }>(
      "SELECT reason, actor_name FROM audit_log WHERE action = 'pii.reveal' AND object_id = $1",
      [enterpriseId],
    );
    expect(rows).toEqual([{ reason: '核查欠薪线索', actor_name: 'wageA' }]);
  });

  it('rejects an invalid ID number and changes nothing', async () => {
    const wage = as(app, await login(app, 'wageA', PASSWORD));
    const before = (await platform.db.query('SELECT count(*)::int AS n FROM enterprises')).rows[0];
    const res = await wage.post('/api/enterprises', {
      creditCode: creditCode('450102', 4243),
      name: '错误身份证企业',
      type: 'other',
      industry: 'other',
      regionCode: TREE.townA1,
      legalRepName: '错',
      legalRepIdNumber: '110101199003074515',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('legalRepIdNumber');
    expect((await platform.db.query('SELECT count(*)::int AS n FROM enterprises')).rows[0]).toEqual(before);
  });
});

describe('mass assignment and over-exposure (T5)', () => {
  it('rejects fields the caller may not set', async () => {
    const wage = as(app, await login(app, 'wageA', PASSWORD));
    const current = (await wage.get(`/api/enterprises/${fx.enterpriseA}`)).json();
    for (const extra of [{ jurisdictionId: TREE.districtB }, { region_path: '450000/' }, { verified: true }, { id: fx.enterpriseB }]) {
      const res = await wage.put(`/api/enterprises/${fx.enterpriseA}`, {
        creditCode: current.creditCode,
        name: current.name,
        type: current.type,
        industry: current.industry,
        regionCode: current.regionCode,
        legalRepName: current.legalRepName,
        version: current.version,
        ...extra,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const sec = as(app, await login(app, 'secadminA', PASSWORD));
    const me = (await sec.get('/api/users?q=townA1')).json().items[0];
    const res = await sec.patch(`/api/users/${me.id}`, { version: me.version, password_hash: 'x' });
    expect(res.statusCode).toBe(400);
  });

  it('a security admin cannot hand out a role outside the catalogue or a machine role to a person', async () => {
    const sec = as(app, await login(app, 'secadminA', PASSWORD));
    expect((await sec.post('/api/users', { username: 'bankbot', displayName: '银行', role: 'bank_integration', scopeRegionCode: TREE.districtA })).statusCode).toBe(400);
    expect((await sec.post('/api/users', { username: 'root2', displayName: 'x', role: 'superuser', scopeRegionCode: TREE.districtA })).statusCode).toBe(400);
  });

  it('user responses never carry password hashes or TOTP secrets', async () => {
    const sec = as(app, await login(app, 'secadminA', PASSWORD));
    const body = (await sec.get('/api/users?pageSize=200')).body;
    expect(body).not.toMatch(/argon2|password_hash|totp/i);
  });
});
