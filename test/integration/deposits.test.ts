import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type Session, type TestApp, as, login } from '../support/http';
import { type Fixture, PASSWORD, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';

/** 工资保证金 (DEP-01…11) over HTTP: the computation from the arrears history, lodging, DEP-09 draws, top-ups, the return. */

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
const s: Record<string, Session> = {};
let bankId = '';

const DAY = 24 * 3600 * 1000;
const deposit = async (who = 'companyA', projectId = p.projectA) => (await as(app, s[who]).get(`/api/projects/${projectId}/wage-deposit`)).json();
const USERS = ['sysadmin', 'companyA', 'companyB', 'wageA', 'wageCity', 'townA1', 'leaderA'];
/** Moves the clock by whole days; sessions idle that long have expired, so everyone logs in again. */
async function advanceDays(days: number) {
  platform.clock.advance(days * DAY);
  for (const name of USERS) s[name] = await login(app, name, PASSWORD);
}
const count = async (table: string) => (await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  app = await buildApp(platform);
  for (const name of USERS) s[name] = await login(app, name, PASSWORD);
  bankId = (await as(app, s.sysadmin).post('/api/banks', { name: '南江农商银行', bankCode: '402451000010' })).json().id;
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

describe('the required amount and its computation', () => {
  it('DEP-01/02 a new contractor: 1.5% of the contract, within the cap, missing until lodged', async () => {
    const d = await deposit();
    // ¥120,000,000 × 1.5% = ¥1,800,000.
    expect(d).toMatchObject({ state: 'missing', heldFen: 0, shortfallFen: 180_000_000, required: { requiredFen: 180_000_000, ratioPpm: 15_000, exempt: false, cleanYears: 0 } });
    expect(d.required.steps.map((x: { rule: string }) => x.rule)).toEqual(['DEP-01', 'DEP-02']);
    expect(d.actions).toEqual(['lodge', 'top_up', 'apply_return']);
    expect((await deposit('wageA')).actions).toContain('draw');
  });

  it('follows the arrears history: clean years lower it (DEP-05), recent arrears raise it with the cap lifted (DEP-07)', async () => {
    const wage = as(app, s.wageA);
    expect((await as(app, s.companyA).put(`/api/enterprises/${fx.enterpriseA}/arrears-history/coverage`, { coveredFrom: '2020-01-01', reason: '历年检查记录' })).statusCode).toBe(403);
    expect((await wage.put(`/api/enterprises/${fx.enterpriseA}/arrears-history/coverage`, { coveredFrom: '2020-01-01', reason: '历年检查记录已录入' })).statusCode).toBe(200);
    // Six clean years but no wage account nor roster yet: not exempt (DEP-06), reduced to 0.5% (DEP-05).
    let d = await deposit();
    expect(d.required).toMatchObject({ cleanYears: 6, exempt: false, ratioPpm: 5_000, requiredFen: 60_000_000 });
    expect(d.required.steps.map((x: { rule: string }) => x.rule)).toEqual(['DEP-01', 'DEP-06', 'DEP-05', 'DEP-02']);

    const finding = { foundOn: '2025-06-01', amountFen: 35_000_00, resolvedOn: '2025-07-01', source: 'inspection', reference: '东人社监〔2025〕12号' };
    expect((await as(app, s.companyA).post(`/api/enterprises/${fx.enterpriseA}/arrears-history`, finding)).statusCode).toBe(403);
    expect((await as(app, s.townA1).post(`/api/enterprises/${fx.enterpriseA}/arrears-history`, finding)).statusCode).toBe(403);
    const res = await wage.post(`/api/enterprises/${fx.enterpriseA}/arrears-history`, finding);
    expect(res.statusCode).toBe(201);
    expect(res.json().arrears).toHaveLength(1);
    d = await deposit();
    // ¥120,000,000 × 1.5% × 150% = ¥2,700,000.
    expect(d.required).toMatchObject({ ratioPpm: 22_500, requiredFen: 270_000_000, capLifted: true });
    expect(d.required.steps.at(-1).rule).toBe('DEP-07');
    expect(d.shortfallFen).toBe(270_000_000);
    // The township and the leader read the history; the audit holds the finding.
    expect((await as(app, s.townA1).get(`/api/enterprises/${fx.enterpriseA}/arrears-history`)).json().arrears[0]).toMatchObject({ amountFen: 35_000_00, source: 'inspection' });
    expect((await platform.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'arrears.record'")).rows[0]).toEqual({ n: 1 });
  });

  it('refuses a bad finding: 400 for the schema, 422 with the fields for the rules', async () => {
    const wage = as(app, s.wageA);
    const bad = await wage.post(`/api/enterprises/${fx.enterpriseA}/arrears-history`, { foundOn: '2025-06-01', amountFen: -5, source: 'rumour', reference: 'x' });
    expect(bad.statusCode).toBe(400);
    const rule = await wage.post(`/api/enterprises/${fx.enterpriseA}/arrears-history`, { foundOn: '2025-06-01', amountFen: 100, resolvedOn: '2025-05-01', source: 'case', reference: '案-1', projectId: p.projectB });
    expect(rule.statusCode).toBe(422);
    expect(rule.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['projectId', 'resolvedOn']);
    expect(await count('enterprise_arrears')).toBe(1);
  });
});

describe('lodging (DEP-03)', () => {
  it('is recorded by the general contractor in cash or as a guarantee; another company gets 404, a township 403', async () => {
    const cash = { form: 'cash', amountFen: 200_000_000, lodgedOn: '2026-02-20', bankId, accountNo: '6228480000000101' };
    expect((await as(app, s.companyB).post(`/api/projects/${p.projectA}/wage-deposit/lodgings`, cash)).statusCode).toBe(404);
    expect((await as(app, s.townA1).post(`/api/projects/${p.projectA}/wage-deposit/lodgings`, cash)).statusCode).toBe(403);
    const res = await as(app, s.companyA).post(`/api/projects/${p.projectA}/wage-deposit/lodgings`, cash);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: 'short', heldFen: 200_000_000, shortfallFen: 70_000_000 });
    const guarantee = { form: 'bank_guarantee', amountFen: 70_000_000, lodgedOn: '2026-02-21', issuer: '南江农商银行青州分行', instrumentNo: 'BG-2026-0088', validFrom: '2026-02-21', validUntil: '2027-12-31' };
    const full = await as(app, s.wageA).post(`/api/projects/${p.projectA}/wage-deposit/lodgings`, guarantee);
    expect(full.statusCode).toBe(201);
    expect(full.json()).toMatchObject({ state: 'lodged', heldFen: 270_000_000, shortfallFen: 0 });
    expect(full.json().lodgings.map((l: { form: string; effective: boolean }) => [l.form, l.effective])).toEqual([['cash', true], ['bank_guarantee', true]]);
  });

  it('refuses a lodging without what its form needs, or an expired guarantee (422 with fields), changing nothing', async () => {
    const before = await count('deposit_lodgings');
    const res = await as(app, s.companyA).post(`/api/projects/${p.projectA}/wage-deposit/lodgings`, { form: 'cash', amountFen: 100, lodgedOn: '2026-02-20' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['bankId', 'accountNo']);
    const expired = await as(app, s.companyA).post(`/api/projects/${p.projectA}/wage-deposit/lodgings`, {
      form: 'surety_insurance', amountFen: 100, lodgedOn: '2026-02-20', issuer: '平安', instrumentNo: 'SI-1', validFrom: '2025-01-01', validUntil: '2026-01-01',
    });
    expect(expired.json().errors.map((e: { field: string }) => e.field)).toEqual(['validUntil']);
    expect((await as(app, s.companyA).post(`/api/projects/${p.projectA}/wage-deposit/lodgings`, { form: 'gold', amountFen: 100, lodgedOn: '2026-02-20' })).statusCode).toBe(400);
    expect(await count('deposit_lodgings')).toBe(before);
  });
});

describe('draws (DEP-09) and top-ups (DEP-10)', () => {
  const draw = {
    amountFen: 50_000_000,
    drawnOn: '2026-02-27',
    orderNo: '东人社限付〔2026〕3号',
    orderIssuedOn: '2026-02-20',
    orderDueOn: '2026-02-25',
    orderUnmet: true,
    decisionNo: '东人社用〔2026〕1号',
    decisionOn: '2026-02-27',
    decisionAmountFen: 50_000_000,
    caseRef: '东人社案〔2026〕7号',
    workersRef: '钢筋一班 12 人，见案卷附表',
  };

  it('DEP-09 refuses a draw without an unmet order to pay, or a decision before its deadline, changing nothing', async () => {
    const url = `/api/projects/${p.projectA}/wage-deposit/draws`;
    expect((await as(app, s.companyA).post(url, draw)).statusCode).toBe(403);
    const unmet = await as(app, s.wageA).post(url, { ...draw, orderUnmet: false });
    expect(unmet.statusCode).toBe(422);
    expect(unmet.json().errors[0]).toMatchObject({ field: 'orderUnmet', message: { zh: expect.stringContaining('DEP-09') } });
    const early = await as(app, s.wageA).post(url, { ...draw, decisionOn: '2026-02-24', drawnOn: '2026-02-24' });
    expect(early.json().errors.map((e: { field: string }) => e.field)).toEqual(['decisionOn']);
    const tooMuch = await as(app, s.wageA).post(url, { ...draw, amountFen: 300_000_000, decisionAmountFen: 300_000_000 });
    expect(tooMuch.json().errors[0].message.zh).toContain('应急周转金');
    expect(await count('deposit_draws')).toBe(0);
    expect((await deposit()).state).toBe('lodged');
  });

  it('DEP-10 a draw on the decision sets the top-up deadline in working days (the Saturday make-up day counts)', async () => {
    const res = await as(app, s.wageA).post(`/api/projects/${p.projectA}/wage-deposit/draws`, draw);
    expect(res.statusCode).toBe(201);
    const d = res.json();
    // Friday 2026-02-27 + 10 working days, 2026-02-28 being a make-up working day.
    expect(d.draws[0]).toMatchObject({ amountFen: 50_000_000, topUpDueOn: '2026-03-12', outstandingFen: 50_000_000, state: 'awaiting' });
    expect(d).toMatchObject({ state: 'awaiting_top_up', heldFen: 220_000_000, topUpWithinWD: 10 });
    expect((await platform.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'deposit.draw'")).rows[0]).toEqual({ n: 1 });
  });

  it('shows the top-up overdue after the deadline, in the region view too, until topped up', async () => {
    await advanceDays(12); // 2026-03-14
    const d = await deposit();
    expect(d.state).toBe('top_up_overdue');
    const region = (await as(app, s.wageA).get('/api/wage-deposits/region')).json();
    expect(region.find((r: { projectId: string }) => r.projectId === p.projectA)).toMatchObject({ state: 'top_up_overdue', overdueDraws: [{ topUpDueOn: '2026-03-12', outstandingFen: 50_000_000 }] });
    const drawId = d.draws[0].id;
    const over = await as(app, s.companyA).post(`/api/wage-deposit-draws/${drawId}/top-ups`, { amountFen: 50_000_001, toppedOn: '2026-03-14', form: 'cash', reference: '补存凭证 0314' });
    expect(over.statusCode).toBe(422);
    expect((await as(app, s.companyB).post(`/api/wage-deposit-draws/${drawId}/top-ups`, { amountFen: 1, toppedOn: '2026-03-14', form: 'cash', reference: 'x' })).statusCode).toBe(404);
    const ok = await as(app, s.companyA).post(`/api/wage-deposit-draws/${drawId}/top-ups`, { amountFen: 50_000_000, toppedOn: '2026-03-14', form: 'cash', reference: '补存凭证 0314' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ state: 'lodged', heldFen: 270_000_000, toppedUpFen: 50_000_000 });
    expect(ok.json().draws[0]).toMatchObject({ state: 'topped_up_late', outstandingFen: 0 });
  });
});

describe('region view and scope', () => {
  it('lists projects under construction in scope with a missing or short deposit; nothing of another district', async () => {
    const a = (await as(app, s.wageA).get('/api/wage-deposits/region')).json();
    expect(a.map((r: { projectId: string }) => r.projectId)).toEqual([]);
    const city = (await as(app, s.wageCity).get('/api/wage-deposits/region')).json();
    expect(city.find((r: { projectId: string }) => r.projectId === p.projectB)).toMatchObject({ state: 'missing', shortfallFen: 180_000_000 });
    expect((await as(app, s.wageA).get(`/api/projects/${p.projectB}/wage-deposit`)).statusCode).toBe(404);
    expect((await as(app, s.companyB).get(`/api/projects/${p.projectA}/wage-deposit`)).statusCode).toBe(404);
    expect((await as(app, s.wageA).get(`/api/enterprises/${fx.enterpriseB}/arrears-history`)).statusCode).toBe(404);
  });
});

describe('return (DEP-11)', () => {
  it('needs completion and nothing owed on the project', async () => {
    const url = `/api/projects/${p.projectA}/wage-deposit/return`;
    const early = await as(app, s.companyA).post(url, { appliedOn: '2026-03-14' });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].message.zh).toContain('完工');
    const project = (await as(app, s.wageA).get(`/api/projects/${p.projectA}`)).json();
    expect((await as(app, s.wageA).post(`/api/projects/${p.projectA}/status`, { status: 'completed', date: '2026-03-14', reason: '竣工', version: project.version })).statusCode).toBe(200);
    const owed = await as(app, s.wageA).post(`/api/enterprises/${fx.enterpriseA}/arrears-history`, { projectId: p.projectA, foundOn: '2026-03-13', amountFen: 8_000_00, source: 'case', reference: '东人社案〔2026〕9号' });
    const arrearsId = owed.json().arrears.find((x: { resolvedOn: string | null }) => x.resolvedOn === null).id;
    expect((await as(app, s.companyA).post(url, { appliedOn: '2026-03-14' })).json().errors[0].message.zh).toContain('欠薪');
    expect((await as(app, s.wageA).post(`/api/arrears-records/${arrearsId}/resolve`, { resolvedOn: '2026-03-14' })).statusCode).toBe(200);
    const applied = await as(app, s.companyA).post(url, { appliedOn: '2026-03-14' });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ state: 'return_applied', return: { status: 'applied', noticeDays: 10 } });
    expect((await as(app, s.companyA).post(url, { appliedOn: '2026-03-14' })).statusCode).toBe(422);
  });

  it('goes through notice and a return notice by another official, then the bank’s deadline in working days', async () => {
    const base = `/api/projects/${p.projectA}/wage-deposit/return`;
    let r = (await deposit()).return;
    expect((await as(app, s.companyA).post(`${base}/decision`, { approve: true, noticeFrom: '2026-03-16', version: r.version })).statusCode).toBe(403);
    const approved = await as(app, s.wageA).post(`${base}/decision`, { approve: true, noticeFrom: '2026-03-16', version: r.version });
    expect(approved.statusCode).toBe(200);
    r = approved.json().return;
    expect(r).toMatchObject({ status: 'noticed', noticeFrom: '2026-03-16', noticeUntil: '2026-03-25' });
    await advanceDays(12); // 2026-03-26
    const sameOfficial = await as(app, s.wageA).command(`${base}/order`, { orderedOn: '2026-03-26', version: r.version });
    expect(sameOfficial.statusCode).toBe(422);
    expect(sameOfficial.json().errors[0].message.zh).toContain('另一名');
    const duringNotice = await as(app, s.wageCity).command(`${base}/order`, { orderedOn: '2026-03-25', version: r.version });
    expect(duringNotice.json().errors[0].message.zh).toContain('公示期');
    const ordered = await as(app, s.wageCity).command(`${base}/order`, { orderedOn: '2026-03-26', version: r.version });
    expect(ordered.statusCode).toBe(200);
    r = ordered.json().return;
    expect(r).toMatchObject({ status: 'ordered', orderedOn: '2026-03-26', bankDueOn: '2026-04-02', bankReturnWD: 5 });
    const stale = await as(app, s.wageA).post(`${base}/returned`, { returnedOn: '2026-03-26', version: r.version - 1 });
    expect(stale.statusCode).toBe(409);
    const done = await as(app, s.wageA).post(`${base}/returned`, { returnedOn: '2026-03-26', version: r.version });
    expect(done.json()).toMatchObject({ state: 'returned', heldFen: 0, return: { status: 'returned', returnedOn: '2026-03-26' } });
  });
});
