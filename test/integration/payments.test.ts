import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import * as auth from '../../src/server/modules/auth/auth.repo';
import { hashPassword } from '../../src/server/modules/auth/auth.service';
import { type Session, type TestApp, as, login } from '../support/http';
import { type Fixture, PASSWORD, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';

/** 工程款 over HTTP: SET-01 month by month, the retention cap, versions, SET-02, LIA-02, scope. */

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
const s: Record<string, Session> = {};

const url = (path = '') => `/api/projects/${p.projectA}${path}`;
const count = async (table: string) => (await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
const summary = async (who = 'wageA') => (await as(app, s[who]).get(url('/payments/summary'))).json();
const months = async (who = 'wageA') => (await as(app, s[who]).get(url('/payments/months'))).json();
const USERS = ['companyA', 'companyB', 'ownerA', 'subA', 'wageA', 'wageCity', 'townA1', 'leaderA', 'housingA'];
const loginAll = async () => {
  for (const name of USERS) s[name] = await login(app, name, PASSWORD);
};
/** Moves the clock; the sessions and passwords are moved with it, as if in use all along (logging in again would hit the rate limit). */
const at = async (iso: string) => {
  const now = new Date(iso);
  const shift = now.getTime() - platform.clock.now().getTime();
  platform.clock.set(now);
  await platform.db.query('UPDATE users SET password_changed_at = $1', [now]);
  await platform.db.query("UPDATE sessions SET created_at = created_at + $1 * interval '1 millisecond', last_seen_at = $2, expires_at = expires_at + $1 * interval '1 millisecond'", [shift, now]);
};

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  app = await buildApp(platform);
  // Users for the owner and a subcontractor of project A, beside the fixture's.
  const hash = await hashPassword(PASSWORD);
  for (const [username, enterprise] of [['ownerA', p.ownerA], ['subA', p.subA]] as const) {
    await auth.insertUser(platform.db, {
      id: uuidv7(), username, displayName: username, role: 'enterprise_user', scopeRegionCode: null, scopeIndustry: null,
      scopeEnterpriseId: enterprise, scopeWorkerId: null, passwordHash: hash, mustChangePassword: false, now: platform.clock.now(),
    });
  }
  await loginAll();
  const sub = await as(app, s.companyA).post(url('/subcontracts'), { enterpriseId: p.subA, parentEnterpriseId: fx.enterpriseA, scopeOfWork: '劳务分包', amountFen: 5_000_000_00 });
  expect(sub.statusCode).toBe(200);
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

describe('SET-01 progress payments month by month', () => {
  it('an empty project: no months, nothing due, the owner’s advance cap is zero', async () => {
    const sum = await summary();
    expect(sum).toMatchObject({ qualifies: true, investmentType: 'government', totals: { completedFen: 0, paidFen: 0, ratioBp: null, shortfallFen: 0, meets: true }, advanceCapFen: 0, flags: [] });
    expect(sum.params).toEqual({ minProgressBp: 8000, maxRetentionBp: 300, refundDays: 30, interimPeriodMonths: 12 });
    expect((await months()).items).toEqual([]);
  });

  it('the general contractor reports February; the shortfall appears; the owner confirms and pays; one fen short is still short', async () => {
    const rec = await as(app, s.companyA).post(url('/completed-values'), { month: '2026-02', amountFen: 1_000_000_00, note: '2月计量' });
    expect(rec.statusCode).toBe(201);
    expect(rec.json()).toMatchObject({ month: '2026-02', version: 1, amountFen: 1_000_000_00, state: 'pending', recordedBy: 'companyA', confirmedBy: null });
    let sum = await summary();
    expect(sum.totals).toMatchObject({ completedFen: 1_000_000_00, shortfallFen: 800_000_00, meets: false, unconfirmedMonths: 1 });
    expect(sum.flags).toEqual(['SET-01.progress']);
    // LIA-02: everything completed is unsettled.
    expect(sum.advanceCapFen).toBe(1_000_000_00);
    const region = (await as(app, s.wageA).get('/api/payments/region')).json();
    expect(region).toEqual([expect.objectContaining({ projectId: p.projectA, shortfallFen: 800_000_00, ratioBp: 0, flags: ['SET-01.progress'] })]);

    const confirm = await as(app, s.ownerA).post(url('/completed-values/confirm'), { month: '2026-02', version: 1 });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toMatchObject({ state: 'confirmed', confirmedBy: 'ownerA' });
    expect((await as(app, s.ownerA).post(url('/completed-values/confirm'), { month: '2026-02', version: 1 })).statusCode).toBe(422);

    const short = await as(app, s.ownerA).post(url('/payments'), { paidOn: '2026-02-27', amountFen: 799_999_99, kind: 'progress', reference: 'PAY-2026-02' });
    expect(short.statusCode).toBe(201);
    sum = await summary();
    expect(sum.totals).toMatchObject({ paidFen: 799_999_99, ratioBp: 7999, shortfallFen: 1, meets: false, unconfirmedMonths: 0 });
    expect((await as(app, s.ownerA).post(url('/payments'), { paidOn: '2026-02-28', amountFen: 1, kind: 'progress', reference: 'PAY-2026-02B' })).statusCode).toBe(201);
    sum = await summary();
    expect(sum.totals).toMatchObject({ paidFen: 800_000_00, ratioBp: 8000, shortfallFen: 0, meets: true });
    expect(sum.flags).toEqual([]);
    expect(sum.advanceCapFen).toBe(200_000_00);
    expect((await as(app, s.wageA).get('/api/payments/region?flaggedOnly=true')).json()).toEqual([]);
  });

  it('over time: March’s value makes March short at its month end; April’s payment clears it today, March stays short in the series', async () => {
    await at('2026-04-10T02:00:00Z');
    expect((await as(app, s.companyA).post(url('/completed-values'), { month: '2026-03', amountFen: 1_000_000_00 })).statusCode).toBe(201);
    expect((await summary()).totals).toMatchObject({ shortfallFen: 800_000_00, meets: false });
    expect((await as(app, s.ownerA).post(url('/payments'), { paidOn: '2026-04-08', amountFen: 800_000_00, kind: 'progress', reference: 'PAY-2026-03' })).statusCode).toBe(201);
    const series = (await months()).items;
    expect(series.map((m: Record<string, unknown>) => [m.month, m.asOf, m.cumulativeCompletedFen, m.cumulativePaidFen, m.ratioBp, m.shortfallFen, m.meets])).toEqual([
      ['2026-02', '2026-02-28', 1_000_000_00, 800_000_00, 8000, 0, true],
      ['2026-03', '2026-03-31', 2_000_000_00, 800_000_00, 4000, 800_000_00, false],
      ['2026-04', '2026-04-10', 2_000_000_00, 1_600_000_00, 8000, 0, true],
    ]);
    expect(series[0].value).toMatchObject({ version: 1, state: 'confirmed' });
    expect(series[1].value).toMatchObject({ version: 1, state: 'pending' });
    expect((await summary()).totals).toMatchObject({ meets: true, shortfallFen: 0 });
    const listed = (await as(app, s.leaderA).get(url('/payments'))).json();
    expect(listed.map((x: { reference: string }) => x.reference)).toEqual(['PAY-2026-02', 'PAY-2026-02B', 'PAY-2026-03']);
  });
});

describe('corrections are new versions; nothing is deleted', () => {
  it('a correction names the version and a reason, keeps the old one, needs a new confirmation, and is audited with before and after', async () => {
    const noVersion = await as(app, s.companyA).post(url('/completed-values'), { month: '2026-03', amountFen: 1_200_000_00 });
    expect(noVersion.statusCode).toBe(422);
    expect(noVersion.json().errors[0].field).toBe('version');
    const noReason = await as(app, s.companyA).post(url('/completed-values'), { month: '2026-03', amountFen: 1_200_000_00, version: 1 });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].field).toBe('reason');
    const stale = await as(app, s.companyA).post(url('/completed-values'), { month: '2026-03', amountFen: 1_200_000_00, version: 3, reason: '补报变更签证' });
    expect(stale.statusCode).toBe(409);
    const fixed = await as(app, s.companyA).post(url('/completed-values'), { month: '2026-03', amountFen: 1_200_000_00, version: 1, reason: '补报变更签证' });
    expect(fixed.statusCode).toBe(201);
    expect(fixed.json()).toMatchObject({ version: 2, state: 'pending', correctionReason: '补报变更签证' });
    const march = (await months()).items.find((m: { month: string }) => m.month === '2026-03');
    expect(march.value).toMatchObject({ version: 2, amountFen: 1_200_000_00 });
    expect(march.history).toEqual([expect.objectContaining({ version: 1, amountFen: 1_000_000_00, supersededAt: expect.any(String) })]);
    expect(await count('completed_values')).toBe(3);
    // 2,200,000.00 completed × 80 % = 1,760,000.00 against 1,600,000.00 paid.
    expect((await summary()).totals).toMatchObject({ shortfallFen: 160_000_00, unconfirmedMonths: 1 });
    expect((await as(app, s.ownerA).post(url('/completed-values/confirm'), { month: '2026-03', version: 1 })).statusCode).toBe(409);
    expect((await as(app, s.wageA).post(url('/completed-values/confirm'), { month: '2026-03', version: 2 })).json()).toMatchObject({ state: 'confirmed', confirmedBy: 'wageA' });
    const { rows } = await platform.db.query<{ before: { version: number; amountFen: number }; after: { version: number; amountFen: number }; reason: string }>(
      "SELECT before, after, reason FROM audit_log WHERE action = 'payments.completed_value.correct'",
    );
    expect(rows).toEqual([expect.objectContaining({ reason: '补报变更签证', before: expect.objectContaining({ version: 1, amountFen: 1_000_000_00 }), after: expect.objectContaining({ version: 2, amountFen: 1_200_000_00 }) })]);
  });
});

describe('SET-01 retention ≤ 3 % of the contract price', () => {
  it('refuses a retention one fen above the cap with a clear 422, then takes the cap; releases cannot exceed what is held', async () => {
    const before = await count('payment_retentions');
    const over = await as(app, s.ownerA).post(url('/retention'), { amountFen: 3_600_000_01, heldFrom: '2026-04-01' });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors).toEqual([{ field: 'amountFen', message: { zh: expect.stringContaining('3600000.00'), en: expect.stringContaining('SET-01') } }]);
    expect(await count('payment_retentions')).toBe(before);
    const ok = await as(app, s.ownerA).post(url('/retention'), { amountFen: 3_600_000_00, heldFrom: '2026-04-01' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ heldFen: 3_600_000_00, capFen: 3_600_000_00, within: true, version: 1 });
    // A second write must name the version it replaces.
    expect((await as(app, s.ownerA).post(url('/retention'), { amountFen: 1_000_000_00, heldFrom: '2026-04-01' })).statusCode).toBe(409);
    expect((await as(app, s.ownerA).post(url('/retention'), { amountFen: 1_000_000_00, heldFrom: '2026-04-01', version: 1 })).json()).toMatchObject({ heldFen: 1_000_000_00, version: 2 });
    const release = await as(app, s.ownerA).post(url('/payments'), { paidOn: '2026-04-09', amountFen: 1_000_000_01, kind: 'retention_release', reference: 'REL-1' });
    expect(release.statusCode).toBe(422);
    expect(release.json().errors[0].field).toBe('amountFen');
  });
});

describe('SET-02 and the final settlement', () => {
  it('SET-02 flags a multi-year project with a whole period unsettled; an interim settlement clears it', async () => {
    await at('2027-02-05T02:00:00Z');
    let sum = await summary();
    expect(sum.interim).toMatchObject({ applies: true, flagged: true, unsettledFrom: '2026-02-10', periodEnd: '2027-01-31' });
    expect(sum.flags).toContain('SET-02');
    // An official acts for a party: the industry department supervises progress payments.
    const interim = await as(app, s.housingA).post(url('/settlements'), { kind: 'interim', periodFrom: '2026-02-10', periodTo: '2026-12-31', amountFen: 2_200_000_00, settledOn: '2027-01-20', reference: 'GCJS-2026' });
    expect(interim.statusCode).toBe(201);
    const overlap = await as(app, s.companyA).post(url('/settlements'), { kind: 'interim', periodFrom: '2026-12-01', periodTo: '2027-01-31', amountFen: 1, settledOn: '2027-02-01', reference: 'GCJS-X' });
    expect(overlap.statusCode).toBe(422);
    sum = await summary();
    expect(sum.interim).toMatchObject({ flagged: false, unsettledFrom: '2027-01-01' });
    expect(sum.flags).not.toContain('SET-02');
  });

  it('SET-01 an overpayment after the final settlement is due for refund within 30 days, overdue after, and cleared by the refund', async () => {
    const final = await as(app, s.ownerA).post(url('/settlements'), { kind: 'final', periodFrom: '2026-02-10', periodTo: '2027-01-31', amountFen: 1_500_000_00, settledOn: '2027-02-01', reference: 'JGJS-1' });
    expect(final.statusCode).toBe(201);
    let sum = await summary();
    // Paid 1,600,000.00 against a settled price of 1,500,000.00.
    expect(sum.refund).toEqual({ state: 'due', outstandingFen: 100_000_00, dueOn: '2027-03-03', finalAmountFen: 1_500_000_00, settledOn: '2027-02-01' });
    expect(sum.advanceCapFen).toBe(0);
    expect((await as(app, s.ownerA).post(url('/settlements'), { kind: 'final', periodFrom: '2026-02-10', periodTo: '2027-01-31', amountFen: 1, settledOn: '2027-02-01', reference: 'JGJS-2' })).statusCode).toBe(422);
    await at('2027-03-04T02:00:00Z');
    sum = await summary();
    expect(sum.refund.state).toBe('overdue');
    expect(sum.flags).toContain('SET-01.refund');
    expect((await as(app, s.wageA).get('/api/payments/region')).json()[0]).toMatchObject({ refundState: 'overdue', refundOutstandingFen: 100_000_00, refundDueOn: '2027-03-03' });
    expect((await as(app, s.ownerA).post(url('/payments'), { paidOn: '2027-03-04', amountFen: 100_000_00, kind: 'refund', reference: 'TH-1' })).statusCode).toBe(201);
    sum = await summary();
    expect(sum.refund).toMatchObject({ state: 'refunded', outstandingFen: 0 });
    expect(sum.flags).not.toContain('SET-01.refund');
  });
});

describe('scope and parties', () => {
  it('another district’s official and company see nothing (404)', async () => {
    expect((await as(app, s.wageA).get(`/api/projects/${p.projectB}/payments/summary`)).statusCode).toBe(404);
    expect((await as(app, s.companyB).get(url('/payments/summary'))).statusCode).toBe(404);
    expect((await as(app, s.companyB).post(url('/payments'), { paidOn: '2027-03-01', amountFen: 1, kind: 'progress', reference: 'X-1' })).statusCode).toBe(404);
    expect((await as(app, s.wageCity).get(url('/payments/summary'))).statusCode).toBe(200);
  });

  it('a party acts only for itself: a subcontractor or the contractor cannot record the owner’s payment; the owner cannot report completed value (403)', async () => {
    const before = await count('owner_payments');
    const pay = { paidOn: '2027-03-01', amountFen: 1, kind: 'progress', reference: 'X-2' };
    expect((await as(app, s.subA).post(url('/payments'), pay)).statusCode).toBe(403);
    expect((await as(app, s.companyA).post(url('/payments'), pay)).statusCode).toBe(403);
    expect((await as(app, s.subA).post(url('/completed-values'), { month: '2027-02', amountFen: 1 })).statusCode).toBe(403);
    expect((await as(app, s.ownerA).post(url('/completed-values'), { month: '2027-02', amountFen: 1 })).statusCode).toBe(403);
    expect((await as(app, s.companyA).post(url('/completed-values/confirm'), { month: '2026-03', version: 2 })).statusCode).toBe(403);
    expect((await as(app, s.subA).post(url('/settlements'), { kind: 'interim', periodFrom: '2027-01-01', periodTo: '2027-01-31', amountFen: 1, settledOn: '2027-02-01', reference: 'X' })).statusCode).toBe(403);
    // The township reads but does not write.
    expect((await as(app, s.townA1).get(url('/payments/summary'))).statusCode).toBe(200);
    expect((await as(app, s.townA1).post(url('/payments'), pay)).statusCode).toBe(403);
    expect(await count('owner_payments')).toBe(before);
    // The UI's buttons come from the same policy.
    expect((await summary('subA')).actions).toEqual([]);
    expect((await summary('ownerA')).actions).toEqual(['confirm', 'payment', 'retention', 'settlement']);
    expect((await summary('companyA')).actions).toEqual(['completed_value', 'settlement']);
  });
});

describe('bad input', () => {
  it('malformed bodies are refused with every field named (400), business checks with 422, and nothing changes', async () => {
    const tables = ['completed_values', 'owner_payments', 'payment_retentions', 'payment_settlements', 'audit_log'];
    const before = await Promise.all(tables.map(count));
    const bad = await as(app, s.companyA).post(url('/completed-values'), { month: '2026-13', amountFen: -5, extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['amountFen', 'extra', 'month']);
    const badPay = await as(app, s.ownerA).post(url('/payments'), { paidOn: '2027-02-30', amountFen: 0, kind: 'gift', reference: '' });
    expect(badPay.statusCode).toBe(400);
    expect(badPay.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['amountFen', 'kind', 'paidOn', 'reference']);
    const future = await as(app, s.companyA).post(url('/completed-values'), { month: '2027-04', amountFen: 1 });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0]).toMatchObject({ field: 'month', message: { zh: expect.any(String), en: expect.any(String) } });
    expect((await as(app, s.companyA).post(url('/completed-values'), { month: '2026-01', amountFen: 1 })).statusCode).toBe(422);
    expect((await as(app, s.ownerA).post(url('/payments'), { paidOn: '2027-03-05', amountFen: 1, kind: 'progress', reference: 'F-1' })).json().errors[0].field).toBe('paidOn');
    expect((await as(app, s.ownerA).post(url('/payments'), { paidOn: '2027-03-01', amountFen: 1, kind: 'progress', reference: 'PAY-2026-03' })).json().errors[0].field).toBe('reference');
    const settle = await as(app, s.ownerA).post(url('/settlements'), { kind: 'interim', periodFrom: '2027-02-01', periodTo: '2027-01-01', amountFen: 1, settledOn: '2027-03-01', reference: 'Z' });
    expect(settle.statusCode).toBe(422);
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});
