import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type Session, type TestApp, as, login } from '../support/http';
import { type Fixture, PASSWORD, TREE, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects, registerFixtureWorker } from '../support/projects';

/** 应急周转金 (EMF-01, EMF-02) over HTTP: the fund, its movements, capped advances, recovery and the reconciliation. */

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
const s: Record<string, Session> = {};
let fundId = '';
let fundB = '';
let advanceId = '';
const workers: string[] = [];
let workerB = '';

const snapshot = async () =>
  (await platform.db.query<{ m: number; a: number; l: number; r: number }>(
    'SELECT (SELECT count(*) FROM fund_movements)::int AS m, (SELECT count(*) FROM fund_advances)::int AS a, (SELECT count(*) FROM fund_advance_lines)::int AS l, (SELECT count(*) FROM fund_recoveries)::int AS r',
  )).rows[0];

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  app = await buildApp(platform);
  for (const name of ['companyA', 'wageA', 'wageCity', 'townA1', 'leaderA']) s[name] = await login(app, name, PASSWORD);
  workers.push((await registerFixtureWorker(platform, p.projectA, fx.enterpriseA, { name: '陆海', idNumber: '450102198808081236' })).worker_id);
  workers.push((await registerFixtureWorker(platform, p.projectA, fx.enterpriseA, { name: '韦山', idNumber: '450102199001010028' })).worker_id);
  workerB = (await registerFixtureWorker(platform, p.projectB, fx.enterpriseB, { name: '韦大海', idNumber: '450103197505054566' })).worker_id;
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

const advanceBody = (over: Record<string, unknown> = {}) => ({
  decisionNo: '东政垫〔2026〕1号',
  decisionOn: '2026-03-01',
  caseRef: '东人社案〔2026〕7号',
  employerId: fx.enterpriseA,
  projectId: p.projectA,
  arrearsFen: 10_000_000,
  depositShortfallNote: '保证金已动用 50 万元，仍不足以支付',
  paidOn: '2026-03-02',
  lines: [
    { workerId: workers[0], amountFen: 199_000 },
    { workerId: workers[1], amountFen: 199_000 },
  ],
  ...over,
});

describe('the fund (EMF-02)', () => {
  it('is set up by the wage office of a county or city in its jurisdiction, and its size checked', async () => {
    expect((await as(app, s.companyA).post('/api/emergency-funds', { regionCode: TREE.districtA, name: '东城区应急周转金' })).statusCode).toBe(403);
    expect((await as(app, s.wageA).post('/api/emergency-funds', { regionCode: TREE.townA1, name: '镇级周转金' })).json().errors[0].field).toBe('regionCode');
    expect((await as(app, s.wageA).post('/api/emergency-funds', { regionCode: TREE.districtB, name: '西城区应急周转金' })).statusCode).toBe(422);
    const res = await as(app, s.wageA).post('/api/emergency-funds', { regionCode: TREE.districtA, name: '东城区应急周转金' });
    expect(res.statusCode).toBe(201);
    fundId = res.json().id;
    expect(res.json()).toMatchObject({ level: 'county', balanceFen: 0, size: { minimumFen: 100_000_000, meets: false, shortfallFen: 100_000_000 } });
    expect((await as(app, s.wageA).post('/api/emergency-funds', { regionCode: TREE.districtA, name: '重复' })).statusCode).toBe(422);
    const injected = await as(app, s.wageA).post(`/api/emergency-funds/${fundId}/movements`, { kind: 'injection', amountFen: 150_000_000, onDate: '2026-03-01', reference: '东财预〔2026〕5号' });
    expect(injected.statusCode).toBe(201);
    expect(injected.json()).toMatchObject({ balanceFen: 150_000_000, size: { meets: true, shortfallFen: 0 } });
  });
});

describe('advances (EMF-01)', () => {
  it('refuses an advance over the per-worker cap or the 20% total cap, changing nothing', async () => {
    const before = await snapshot();
    const overWorker = await as(app, s.wageA).command(`/api/emergency-funds/${fundId}/advances`, advanceBody({ lines: [{ workerId: workers[0], amountFen: 199_001 }] }));
    expect(overWorker.statusCode).toBe(422);
    expect(overWorker.json().errors).toEqual([{ field: 'lines/0/amountFen', message: expect.objectContaining({ zh: expect.stringContaining('1990.00') }) }]);
    const overTotal = await as(app, s.wageA).command(`/api/emergency-funds/${fundId}/advances`, advanceBody({ arrearsFen: 1_000_000 }));
    expect(overTotal.statusCode).toBe(422);
    expect(overTotal.json().errors[0]).toMatchObject({ field: 'lines', message: { zh: expect.stringContaining('2000.00') } });
    const foreignWorker = await as(app, s.wageA).command(`/api/emergency-funds/${fundId}/advances`, advanceBody({ lines: [{ workerId: workerB, amountFen: 1_000 }] }));
    expect(foreignWorker.json().errors.map((e: { field: string }) => e.field)).toEqual(['lines/0/workerId']);
    expect((await as(app, s.wageA).command(`/api/emergency-funds/${fundId}/advances`, advanceBody({ depositShortfallNote: '' }))).statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
    expect((await as(app, s.wageA).get(`/api/emergency-funds/${fundId}`)).json().balanceFen).toBe(150_000_000);
  });

  it('pays listed workers within the caps, and above them only on a recorded government approval', async () => {
    const ok = await as(app, s.wageA).command(`/api/emergency-funds/${fundId}/advances`, advanceBody());
    expect(ok.statusCode).toBe(201);
    advanceId = ok.json().advances[0].id;
    expect(ok.json().advances[0]).toMatchObject({ totalFen: 398_000, outstandingFen: 398_000, higherApprovalRef: null, lines: [{ workerName: '陆海' }, { workerName: '韦山' }] });
    const approved = await as(app, s.wageA).command(
      `/api/emergency-funds/${fundId}/advances`,
      advanceBody({ decisionNo: '东政垫〔2026〕2号', arrearsFen: 500_000, higherApprovalRef: '东政批〔2026〕3号', lines: [{ workerId: workers[0], amountFen: 250_000 }] }),
    );
    expect(approved.statusCode).toBe(201);
    expect(approved.json().advances[1]).toMatchObject({ totalFen: 250_000, higherApprovalRef: '东政批〔2026〕3号' });
    const audit = await platform.db.query<{ after: { overTotal: boolean; overPerWorker: string[] } }>("SELECT after FROM audit_log WHERE action = 'fund.advance' ORDER BY seq DESC LIMIT 1");
    expect(audit.rows[0].after).toMatchObject({ overTotal: true, overPerWorker: [workers[0]] });
    expect((await as(app, s.wageA).command(`/api/emergency-funds/${fundId}/advances`, advanceBody())).json().errors[0].field).toBe('decisionNo');
  });
});

describe('recovery and the reconciliation', () => {
  it('records recoveries against an advance, never more than is outstanding, and the balance reconciles exactly', async () => {
    const url = `/api/fund-advances/${advanceId}/recoveries`;
    const first = await as(app, s.wageA).post(url, { amountFen: 100_000, recoveredOn: '2026-03-02', reference: '东城建工还款 0302' });
    expect(first.statusCode).toBe(201);
    expect(first.json().advances[0]).toMatchObject({ recoveredFen: 100_000, outstandingFen: 298_000 });
    const over = await as(app, s.wageA).post(url, { amountFen: 298_001, recoveredOn: '2026-03-02', reference: '超额' });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors[0].field).toBe('amountFen');
    await as(app, s.wageA).post(`/api/emergency-funds/${fundId}/movements`, { kind: 'interest', amountFen: 1_234, onDate: '2026-03-02', reference: '一季度利息' });
    const f = (await as(app, s.leaderA).get(`/api/emergency-funds/${fundId}`)).json();
    expect(f.reconciliation).toEqual({
      injectionsFen: 150_000_000,
      interestFen: 1_234,
      advancesFen: 648_000,
      recoveriesFen: 100_000,
      balanceFen: 150_000_000 + 1_234 - 648_000 + 100_000,
      recordedAdvancesFen: 648_000,
      recordedRecoveriesFen: 100_000,
      matched: true,
    });
    expect(f.balanceFen).toBe(149_453_234);
    expect(f.movements.map((m: { kind: string; amountFen: number }) => [m.kind, m.amountFen])).toEqual([
      ['injection', 150_000_000],
      ['advance', -398_000],
      ['advance', -250_000],
      ['recovery', 100_000],
      ['interest', 1_234],
    ]);
  });
});

describe('scope', () => {
  it('another district’s fund is not found; roles without the permission are refused', async () => {
    fundB = (await as(app, s.wageCity).post('/api/emergency-funds', { regionCode: TREE.districtB, name: '西城区应急周转金' })).json().id;
    expect((await as(app, s.wageA).get(`/api/emergency-funds/${fundB}`)).statusCode).toBe(404);
    expect((await as(app, s.wageA).post(`/api/emergency-funds/${fundB}/movements`, { kind: 'injection', amountFen: 1, onDate: '2026-03-01', reference: 'x' })).statusCode).toBe(404);
    expect((await as(app, s.wageA).get('/api/emergency-funds')).json().map((f: { id: string }) => f.id)).toEqual([fundId]);
    expect((await as(app, s.wageCity).get('/api/emergency-funds')).json()).toHaveLength(2);
    expect((await as(app, s.townA1).get('/api/emergency-funds')).statusCode).toBe(403);
    expect((await as(app, s.companyA).get(`/api/emergency-funds/${fundId}`)).statusCode).toBe(403);
    expect((await as(app, s.leaderA).post(`/api/fund-advances/${advanceId}/recoveries`, { amountFen: 1, recoveredOn: '2026-03-02', reference: 'x' })).statusCode).toBe(403);
  });
});
