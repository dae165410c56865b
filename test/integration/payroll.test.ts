import { createHmac, randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import * as authRepo from '../../src/server/modules/auth/auth.repo';
import { hashPassword } from '../../src/server/modules/auth/auth.service';
import { recordOverdueArrears } from '../../src/server/modules/payroll/payroll.service';
import { systemActor } from '../../src/server/platform/access/actor';
import { contextFor } from '../../src/server/platform/context';
import { ensureAttendancePartitions } from '../../src/server/modules/attendance/attendance.repo';
import { type Session, type TestApp, as, login } from '../support/http';
import { type Fixture, PASSWORD, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects, registerFixtureWorker } from '../support/projects';

/**
 * 工资表 and 总包代发 end to end: prepared from attendance, confirmed, checked, approved, paid from
 * the wage account through the bank's signed routes, a failure re-sent, the slip, the three-way
 * reconciliation, a correction that keeps the old version; and scope.
 */

const ACCOUNT_NO = '6228480000000011';
const CARDS = ['6222020200112345679', '6222020200112345687', '6222020200112345695'];

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
const s: Record<string, Session> = {};
let bank = { secret: '', signingSecret: '' };
let otherBank = { secret: '', signingSecret: '' };
const workers: { id: string; name: string }[] = [];
let subWorker = '';
let payrollId = '';

function signed(url: string, body: unknown, key = bank, o: { timestamp?: number; nonce?: string } = {}) {
  const raw = JSON.stringify(body);
  const timestamp = String(o.timestamp ?? Math.floor(platform.clock.now().getTime() / 1000));
  const nonce = o.nonce ?? randomBytes(12).toString('base64url');
  const signature = createHmac('sha256', key.signingSecret).update(`${timestamp}\n${nonce}\n${raw}`).digest('hex');
  return app.inject({
    method: 'POST',
    url,
    payload: raw,
    headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json', 'x-xd-timestamp': timestamp, 'x-xd-nonce': nonce, 'x-xd-signature': signature },
  });
}

/** Days on site in February 2026, as the daily summaries a device would have produced. */
async function attend(workerId: string, days: number) {
  await ensureAttendancePartitions(platform.db, ['2026-02-01']);
  const dates = Array.from({ length: days }, (_, i) => `2026-02-${String(10 + i).padStart(2, '0')}`);
  await platform.db.query(
    `INSERT INTO attendance_daily (project_id, work_date, worker_id, first_at, last_at, event_count)
     SELECT $1, d::date, $2, (d || 'T08:00:00+08:00')::timestamptz, (d || 'T17:30:00+08:00')::timestamptz, 2 FROM unnest($3::text[]) AS d`,
    [p.projectA, workerId, dates],
  );
}

const company = () => as(app, s.companyA);
const payroll = async () => (await company().get(`/api/payrolls/${payrollId}`)).json();
const lineOf = (detail: { lines: { workerId: string }[] }, workerId: string) => detail.lines.find((l) => l.workerId === workerId) as Record<string, any>;

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  app = await buildApp(platform);
  for (const name of ['sysadmin', 'secadmin', 'companyA', 'companyB', 'wageA', 'wageCity', 'townA1']) s[name] = await login(app, name, PASSWORD);
  const bankId = (await as(app, s.sysadmin).post('/api/banks', { name: '南江农商银行', bankCode: '402451000010' })).json().id;
  const otherBankId = (await as(app, s.sysadmin).post('/api/banks', { name: '青州银行', bankCode: '313451000011' })).json().id;
  const issue = async (id: string) => {
    const r = (await as(app, s.secadmin).post('/api/api-keys', { name: '代发接口', role: 'bank_integration', scopeRegionCode: '450000', scopeBankId: id })).json();
    return { secret: r.secret, signingSecret: r.signingSecret };
  };
  bank = await issue(bankId);
  otherBank = await issue(otherBankId);
  expect((await company().post(`/api/projects/${p.projectA}/wage-accounts`, { bankId, accountNo: ACCOUNT_NO, contractSignedOn: '2026-01-20', openedOn: '2026-02-01' })).statusCode).toBe(201);
  const deposit = await signed('/api/bank/transactions', {
    transactions: [{ accountNo: ACCOUNT_NO, bankTxnId: 'D1', kind: 'labor_cost_deposit', direction: 'credit', amountFen: 1_000_000, bookedAt: '2026-02-25T10:00:00+08:00' }],
  });
  expect(deposit.json()).toMatchObject({ accepted: 1 });
  const names = ['陆海', '黄山', '韦江'];
  const ids = ['450102198808081236', '450102199001010028', '450102198506061234'];
  for (let i = 0; i < 3; i++) {
    const e = await registerFixtureWorker(platform, p.projectA, fx.enterpriseA, { name: names[i], idNumber: fixId(ids[i]), bankCard: CARDS[i] });
    workers.push({ id: e.worker_id, name: names[i] });
  }
  await attend(workers[0].id, 18);
  await attend(workers[1].id, 18);
  await attend(workers[2].id, 10);
  // A subcontractor's worker on site with no payroll: the reconciliation must show the gap.
  await company().post(`/api/projects/${p.projectA}/subcontracts`, { enterpriseId: p.subA, parentEnterpriseId: fx.enterpriseA, scopeOfWork: '劳务分包', amountFen: 100_000_00 });
  subWorker = (await registerFixtureWorker(platform, p.projectA, p.subA, { name: '蓝天', idNumber: fixId('450102199202020011') })).worker_id;
  await attend(subWorker, 5);
  // The worker's own login (worker accounts come from real-name registration).
  await authRepo.insertUser(platform.db, {
    id: uuidv7(), username: 'worker1', displayName: '陆海', role: 'worker', scopeRegionCode: null, scopeIndustry: null, scopeEnterpriseId: null,
    scopeWorkerId: workers[0].id, passwordHash: await hashPassword(PASSWORD), mustChangePassword: false, now: platform.clock.now(),
  });
  s.worker1 = await login(app, 'worker1', PASSWORD);
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

/** An ID number with its check character made right (GB 11643). */
function fixId(id17: string): string {
  const body = id17.slice(0, 17);
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split('').reduce((acc, c, i) => acc + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

describe('preparing and approving (PAY-07)', () => {
  it('prefills each line from attendance and the wage terms; a second payroll for the month is refused', async () => {
    expect((await as(app, s.townA1).post(`/api/projects/${p.projectA}/payrolls`, { employerId: fx.enterpriseA, month: '2026-02' })).statusCode).toBe(403);
    expect((await company().post(`/api/projects/${p.projectA}/payrolls`, { employerId: fx.enterpriseA, month: '2026-04' })).statusCode).toBe(422);
    // The owner employs nobody on the project: only the general contractor and subcontractors keep payrolls.
    expect((await company().post(`/api/projects/${p.projectA}/payrolls`, { employerId: p.ownerA, month: '2026-02' })).statusCode).toBe(422);
    const res = await company().post(`/api/projects/${p.projectA}/payrolls`, { employerId: fx.enterpriseA, month: '2026-02' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    payrollId = d.id;
    expect(d).toMatchObject({ status: 'draft', lineCount: 3, revision: 1, dueOn: '2026-03-31', employerName: '东城建工集团有限公司' });
    expect(lineOf(d, workers[0].id)).toMatchObject({ attendanceDays: 18, days: 18, grossFen: 18 * 350_00, netFen: 18 * 350_00, checks: [], bankCard: expect.stringMatching(/^\*+5679$/) });
    expect(lineOf(d, workers[2].id)).toMatchObject({ days: 10, grossFen: 10 * 350_00 });
    const again = await company().post(`/api/projects/${p.projectA}/payrolls`, { employerId: fx.enterpriseA, month: '2026-02' });
    expect(again.statusCode).toBe(422);
  });

  it('checks each line: days above attendance and pay below the terms fail until fixed or passed with a reason', async () => {
    const d = await payroll();
    const w3 = lineOf(d, workers[2].id);
    const edited = await company().put(`/api/payrolls/${payrollId}/lines/${w3.id}`, {
      days: 12, grossItems: [{ code: 'base', label: '计日工资', amountFen: 12 * 300_00 }], deductionItems: [{ code: 'meals', label: '伙食费', amountFen: 200_00 }], version: w3.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const line = lineOf(edited.json(), workers[2].id);
    expect(line.checks.map((c: { code: string }) => c.code)).toEqual(['BELOW_TERMS', 'DAYS_OVER_ATTENDANCE']);
    expect(line).toMatchObject({ grossFen: 360_000, deductionFen: 20_000, netFen: 340_000, cleared: false });
    // A stale version and deductions above gross are refused, changing nothing.
    expect((await company().put(`/api/payrolls/${payrollId}/lines/${w3.id}`, { days: 1, grossItems: [{ code: 'base', label: 'x', amountFen: 1 }], deductionItems: [], version: w3.version })).statusCode).toBe(409);
    expect((await company().put(`/api/payrolls/${payrollId}/lines/${w3.id}`, { days: 1, grossItems: [{ code: 'base', label: 'x', amountFen: 1 }], deductionItems: [{ code: 'x', label: 'x', amountFen: 2 }], version: line.version })).statusCode).toBe(422);
    expect(lineOf(await payroll(), workers[2].id).netFen).toBe(340_000);
  });

  it('approval needs every worker’s confirmation and every failure cleared', async () => {
    const d = await payroll();
    const refused = await company().post(`/api/payrolls/${payrollId}/approve`, { version: d.version });
    expect(refused.statusCode).toBe(422);
    const fields = refused.json().errors.map((e: { field: string }) => e.field);
    expect(new Set(fields).size).toBe(3);
    // The worker answers on their own login; staff record the others' signed sheet, saying how.
    const own = (await as(app, s.worker1).get('/api/me/payroll-lines')).json();
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ netFen: 18 * 350_00, confirmation: 'pending', projectName: '东城第一中学改扩建工程' });
    expect((await as(app, s.worker1).post(`/api/me/payroll-lines/${lineOf(d, workers[1].id).id}/answer`, { answer: 'confirm' })).statusCode).toBe(404);
    // A worker's objection holds until the worker answers again: staff cannot sign over it.
    expect((await as(app, s.worker1).post(`/api/me/payroll-lines/${own[0].id}/answer`, { answer: 'dispute' })).statusCode).toBe(422);
    expect((await as(app, s.worker1).post(`/api/me/payroll-lines/${own[0].id}/answer`, { answer: 'dispute', note: '加班两天未计' })).json()).toMatchObject({ confirmation: 'disputed' });
    expect((await company().post(`/api/payrolls/${payrollId}/lines/${own[0].id}/confirm`, { note: '本人在纸质工资表上签字' })).statusCode).toBe(422);
    expect((await as(app, s.worker1).post(`/api/me/payroll-lines/${own[0].id}/answer`, { answer: 'confirm' })).json()).toMatchObject({ confirmation: 'confirmed' });
    for (const w of [workers[1], workers[2]]) {
      expect((await company().post(`/api/payrolls/${payrollId}/lines/${lineOf(d, w.id).id}/confirm`, { note: '本人在纸质工资表上签字' })).statusCode).toBe(200);
    }
    const still = await company().post(`/api/payrolls/${payrollId}/approve`, { version: d.version });
    expect(still.statusCode).toBe(422);
    expect(still.json().errors).toHaveLength(1);
    const over = await company().post(`/api/payrolls/${payrollId}/lines/${lineOf(d, workers[2].id).id}/override`, { reason: '补记两天外出采购，按约定每日300元' });
    expect(over.json().lines.find((l: { workerId: string }) => l.workerId === workers[2].id)).toMatchObject({ cleared: true });
    const approved = await company().post(`/api/payrolls/${payrollId}/approve`, { version: d.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', actions: ['submit', 'correct'] });
  });
});

describe('paying through the bank (PAY-08)', () => {
  it('refuses a batch the account cannot cover, then sends one the bank claims with the workers’ own cards', async () => {
    const d = await payroll();
    expect(d.payableFen).toBe(2 * 18 * 350_00 + 340_000);
    const short = await company().command(`/api/payrolls/${payrollId}/submit`, { version: d.version });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0].message.zh).toContain('可用余额不足');
    expect(
      (await signed('/api/bank/transactions', {
        transactions: [{ accountNo: ACCOUNT_NO, bankTxnId: 'D2', kind: 'labor_cost_deposit', direction: 'credit', amountFen: 10_000_000, bookedAt: '2026-02-27T10:00:00+08:00' }],
      })).json(),
    ).toMatchObject({ accepted: 1 });
    const sent = await company().command(`/api/payrolls/${payrollId}/submit`, { version: d.version });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'paying', batches: [{ batchNo: 'PB00000001', lineCount: 3, totalFen: d.payableFen, status: 'submitted' }] });
    expect((await signed('/api/bank/payout-batches/claim', { limit: 10 }, otherBank)).json()).toEqual([]);
    const claimed = (await signed('/api/bank/payout-batches/claim', { limit: 10 })).json();
    expect(claimed).toHaveLength(1);
    expect(claimed[0].payouts.map((o: { cardNo: string }) => o.cardNo).sort()).toEqual([...CARDS].sort());
    expect((await signed('/api/bank/payout-batches/claim', { limit: 10 })).json()).toEqual([]);
    const audit = await platform.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'payout.batch_claim'");
    expect(audit.rows[0].n).toBe(1);
  });

  it('takes per-line results once: a replay is a duplicate, a contradiction and another bank’s result are refused', async () => {
    const d = await payroll();
    const refOf = async (workerId: string) =>
      (await platform.db.query<{ ref: string }>('SELECT ref FROM payouts WHERE worker_id = $1 ORDER BY attempt DESC LIMIT 1', [workerId])).rows[0].ref;
    const amount = (w: number) => lineOf(d, workers[w].id).payableFen;
    const results = [
      { ref: await refOf(workers[0].id), status: 'paid', amountFen: amount(0), at: '2026-03-02T10:00:00+08:00', bankTxnId: 'P1' },
      { ref: await refOf(workers[1].id), status: 'paid', amountFen: amount(1), at: '2026-03-02T10:00:01+08:00', bankTxnId: 'P2' },
      { ref: await refOf(workers[2].id), status: 'failed', amountFen: amount(2), at: '2026-03-02T10:00:02+08:00', failureReason: '收款账户已销户' },
    ];
    expect((await signed('/api/bank/payout-results', { results }, bank, { timestamp: Math.floor(platform.clock.now().getTime() / 1000) - 301 })).statusCode).toBe(401);
    expect((await signed('/api/bank/payout-results', { results }, otherBank)).json()).toMatchObject({ applied: 0, rejected: [{ index: 0 }, { index: 1 }, { index: 2 }] });
    expect((await signed('/api/bank/payout-results', { results })).json()).toMatchObject({ received: 3, applied: 3, duplicates: 0, held: 0, rejected: [] });
    expect((await signed('/api/bank/payout-results', { results })).json()).toMatchObject({ applied: 0, duplicates: 3, rejected: [] });
    const contradiction = (await signed('/api/bank/payout-results', { results: [{ ...results[0], status: 'failed', failureReason: '户名不符' }] })).json();
    expect(contradiction).toMatchObject({ applied: 0, duplicates: 0, rejected: [{ index: 0 }] });
    const wrongAmount = (await signed('/api/bank/payout-results', { results: [{ ref: 'PB00000001-0009', status: 'paid', amountFen: 1, at: '2026-03-02T10:00:00+08:00' }] })).json();
    expect(wrongAmount).toMatchObject({ held: 1 });
    const after = await payroll();
    expect(after).toMatchObject({ status: 'partially_paid', failedCount: 1, paidFen: amount(0) + amount(1), actions: ['resend', 'correct'] });
    expect(lineOf(after, workers[2].id)).toMatchObject({ payStatus: 'failed', lastFailure: '收款账户已销户' });
    expect(after.batches[0]).toMatchObject({ status: 'completed', paidCount: 2, failedCount: 1 });
    // The project's 5+1 checklist now knows the account and the payouts through it (no payroll past due yet).
    const checklist = (await as(app, s.wageA).get(`/api/projects/${p.projectA}`)).json().compliance;
    const item = (en: string) => checklist.find((c: { label: { en: string } }) => c.label.en === en).state;
    expect(item('5+1: dedicated wage account')).toBe('met');
    expect(item('5+1: payment by the general contractor')).toBe('not_applicable');
  });

  it('re-sends only the failed line; a result that arrived before its batch is applied when the batch is registered; nothing is paid twice', async () => {
    const d = await payroll();
    const w3 = lineOf(d, workers[2].id);
    // The bank answers the re-send before it is registered here (its reference is the next batch's first line).
    const early = (await signed('/api/bank/payout-results', { results: [{ ref: 'PB00000002-0001', status: 'paid', amountFen: w3.payableFen, at: '2026-03-03T09:00:00+08:00', bankTxnId: 'P3' }] })).json();
    expect(early).toMatchObject({ applied: 0, held: 1 });
    const resent = await company().command(`/api/payrolls/${payrollId}/resend`, { version: d.version });
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json()).toMatchObject({ status: 'paid', paidFen: d.payableFen });
    expect(lineOf(resent.json(), workers[2].id)).toMatchObject({ payStatus: 'paid', attempts: 2 });
    expect((await company().command(`/api/payrolls/${payrollId}/resend`, { version: resent.json().version })).statusCode).toBe(422);
    const paidTwice = await platform.db.query<{ n: number }>("SELECT count(*)::int AS n FROM payouts WHERE status = 'paid' GROUP BY payroll_line_id HAVING count(*) > 1");
    expect(paidTwice.rows).toEqual([]);
    // Nothing is deleted (PAY-04).
    await expect(platform.db.query('DELETE FROM payroll_lines WHERE payroll_id = $1', [payrollId])).rejects.toThrow(/retained/);
  });

  it('issues the wage slip of each payment (PAY-05), to staff and to the worker', async () => {
    const d = await payroll();
    const slip = (await company().get(`/api/payrolls/${payrollId}/lines/${lineOf(d, workers[2].id).id}/slip`)).json();
    expect(slip).toMatchObject({ slipNo: 'PB00000002-0001', workerName: '韦江', days: 12, grossFen: 360_000, deductionFen: 20_000, netFen: 340_000, payments: [{ amountFen: 340_000, bankTxnId: 'P3' }] });
    expect(slip.idNumber).toMatch(/\*/);
    const own = (await as(app, s.worker1).get('/api/me/payroll-lines')).json();
    const mine = (await as(app, s.worker1).get(`/api/me/payroll-lines/${own[0].id}/slip`)).json();
    expect(mine).toMatchObject({ workerName: '陆海', netFen: 18 * 350_00, payments: [{ amountFen: 18 * 350_00 }] });
    expect((await as(app, s.worker1).get(`/api/me/payroll-lines/${lineOf(d, workers[2].id).id}/slip`)).statusCode).toBe(404);
  });

  it('PAY-04 exports the wage-payment ledger with the Regulation’s fields, masked', async () => {
    const res = await company().get(`/api/payrolls/${payrollId}/export`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('工资支付台账')!;
    expect(String(sheet.getRow(2).getCell(1).value)).toContain('用人单位：东城建工集团有限公司');
    expect(sheet.getRow(3).values).toEqual(expect.arrayContaining(['身份证号码', '应发工资项目及数额', '代扣代缴及扣除项目和数额', '实发工资（元）', '银行代发凭证', '本人确认']));
    const rows = [4, 5, 6].map((r) => sheet.getRow(r).values as unknown[]);
    const w3 = rows.find((r) => r.includes('韦江'))!;
    expect(w3).toEqual(expect.arrayContaining(['计日工资3600.00', '伙食费200.00', '3400.00', 'PB00000002-0001']));
    expect(res.rawPayload.toString('latin1')).not.toContain('450102');
  });

  it('reconciles attendance, payroll and the bank per worker and month, showing every gap', async () => {
    const r = (await as(app, s.wageA).get(`/api/projects/${p.projectA}/payroll-reconciliation?month=2026-02`)).json();
    const byWorker = new Map(r.items.map((i: { workerId: string }) => [i.workerId, i]));
    expect(byWorker.get(workers[0].id)).toMatchObject({ attendanceDays: 18, payrollDays: 18, paidFen: 18 * 350_00, gaps: [] });
    expect(byWorker.get(subWorker)).toMatchObject({ attendanceDays: 5, onPayroll: false, gaps: ['worked_not_on_payroll'] });
    expect(r.gapCount).toBe(1);
  });

  it('corrects by a new version that keeps the old and pays only the difference', async () => {
    const d = await payroll();
    const res = await company().post(`/api/payrolls/${payrollId}/corrections`, { reason: '漏计加班费', version: d.version });
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json();
    expect(v2).toMatchObject({ revision: 2, supersedesId: payrollId, status: 'draft', payableFen: 0 });
    const w1 = lineOf(v2, workers[0].id);
    const edited = (await company().put(`/api/payrolls/${v2.id}/lines/${w1.id}`, { days: 18, grossItems: [...w1.grossItems, { code: 'overtime', label: '加班费', amountFen: 500_00 }], deductionItems: [], version: w1.version })).json();
    expect(lineOf(edited, workers[0].id)).toMatchObject({ netFen: 18 * 350_00 + 500_00, paidPriorFen: 18 * 350_00, payableFen: 500_00, confirmation: 'pending' });
    expect((await payroll()).status).toBe('superseded');
    const list = (await company().get(`/api/projects/${p.projectA}/payrolls?includeSuperseded=true`)).json();
    expect(list.map((x: { revision: number }) => x.revision).sort()).toEqual([1, 2]);
  });
});

describe('idempotency of the payment command (SECURITY.md 26, T21, T22)', () => {
  it('needs a key; the same key and body answers again without a second batch; another body is refused; a running key gets 409', async () => {
    // The corrected version, still a draft, with its overtime line to pay.
    const [current] = (await company().get(`/api/projects/${p.projectA}/payrolls`)).json();
    const d = (await company().get(`/api/payrolls/${current.id}`)).json();
    const url = `/api/payrolls/${d.id}/submit`;
    expect((await company().post(url, { version: d.version })).statusCode).toBe(400);
    const batches = async () => (await platform.db.query<{ n: number }>('SELECT count(*)::int AS n FROM payout_batches')).rows[0].n;
    const before = await batches();
    // The corrected payroll is a draft: refused, and the key is free again for the same call once fixed.
    const refused = await company().command(url, { version: d.version }, 'key-0001-draft');
    expect(refused.statusCode).toBe(422);
    const approved = (await company().get(`/api/payrolls/${d.id}`)).json();
    for (const l of approved.lines) {
      if (l.confirmation !== 'confirmed') await company().post(`/api/payrolls/${d.id}/lines/${l.id}/confirm`, { note: '本人在更正后的工资表上签字' });
      if (!l.cleared) await company().post(`/api/payrolls/${d.id}/lines/${l.id}/override`, { reason: '补记两天外出采购，按约定每日300元' });
    }
    const ok = await company().post(`/api/payrolls/${d.id}/approve`, { version: approved.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const first = await company().command(url, { version: ok.json().version }, 'key-0002-send');
    expect(first.statusCode, first.body).toBe(200);
    const again = await company().command(url, { version: ok.json().version }, 'key-0002-send');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await batches()).toBe(before + 1);
    expect((await company().command(url, { version: ok.json().version + 1 }, 'key-0002-send')).statusCode).toBe(422);
    // A request still running under the key: the duplicate waits its turn (409), nothing runs twice.
    await platform.db.query(
      "INSERT INTO idempotency_keys (actor_key, key, route, body_hash, state, created_at) SELECT actor_key, 'key-0003-busy', route, body_hash, 'running', $1 FROM idempotency_keys WHERE key = 'key-0002-send'",
      [platform.clock.now()],
    );
    expect((await company().command(url, { version: ok.json().version }, 'key-0003-busy')).statusCode).toBe(409);
    expect(await batches()).toBe(before + 1);
  });
});

describe('scope', () => {
  it('another district, another company and a village official see nothing; the region view lists overdue payrolls', async () => {
    expect((await as(app, s.companyB).get(`/api/payrolls/${payrollId}`)).statusCode).toBe(404);
    expect((await as(app, s.companyB).get(`/api/projects/${p.projectA}/payrolls`)).statusCode).toBe(404);
    expect((await as(app, s.wageA).get(`/api/payrolls/${payrollId}`)).statusCode).toBe(200);
    // The wage office reads, it does not run a company's payroll.
    expect((await as(app, s.wageA).post(`/api/payrolls/${payrollId}/approve`, { version: 1 })).statusCode).toBe(403);
    platform.clock.set(new Date('2026-04-02T02:00:00Z'));
    for (const name of ['wageCity', 'companyB']) s[name] = await login(app, name, PASSWORD);
    const overdue = (await as(app, s.wageCity).get('/api/payrolls/overdue')).json();
    expect(overdue.map((o: { month: string; unpaidFen: number }) => [o.month, o.unpaidFen])).toEqual([['2026-02', 500_00]]);
    expect((await as(app, s.companyB).get('/api/payrolls/overdue')).json()).toEqual([]);
  });

  it('records wages unpaid past payday on the employer’s arrears record once, and settles it when paid (DEP-07 reads it)', async () => {
    const ctx = contextFor(platform, systemActor('job'));
    expect(await recordOverdueArrears(ctx)).toEqual({ recorded: 1, settled: 0 });
    expect(await recordOverdueArrears(ctx)).toEqual({ recorded: 0, settled: 0 });
    const { rows } = await platform.db.query<{ enterprise_id: string; found_on: string; amount_fen: string; resolved_on: string | null }>(
      "SELECT enterprise_id, found_on::text, amount_fen::text, resolved_on::text FROM enterprise_arrears WHERE source = 'payroll'",
    );
    expect(rows).toEqual([{ enterprise_id: fx.enterpriseA, found_on: '2026-04-01', amount_fen: '50000', resolved_on: null }]);
    // The wages are settled (here by hand, as a paid re-send would): the finding is closed today.
    await platform.db.query("UPDATE payroll_lines SET paid_fen = payable_fen, pay_status = 'paid' WHERE payable_fen > 0 AND pay_status <> 'paid'");
    expect(await recordOverdueArrears(ctx)).toEqual({ recorded: 0, settled: 1 });
    expect((await platform.db.query<{ resolved_on: string }>("SELECT resolved_on::text FROM enterprise_arrears WHERE source = 'payroll'")).rows[0].resolved_on).toBe('2026-04-02');
  });
});
