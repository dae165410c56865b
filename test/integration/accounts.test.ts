import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { insertAccount } from '../../src/server/modules/accounts/accounts.repo';
import { type BankLine, receiveBankLines } from '../../src/server/modules/accounts/accounts.service';
import type { Actor } from '../../src/server/platform/access/actor';
import { permissionsOf } from '../../src/server/platform/access/roles';
import { contextFor } from '../../src/server/platform/context';
import { type Session, type TestApp, as, login, upload } from '../support/http';
import { type Fixture, PASSWORD, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects, registerFixtureWorker } from '../support/projects';

/** ACC-01…07 and 人工费分账: the wage account, the bank's signed lines, statements, allocations. */

const ACCOUNT_NO = '6228480000000001';
const WORKER_CARD = '6222020200112345679';
const STRANGER_CARD = '6222020200198765436';

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
const s: Record<string, Session> = {};
let bankId = '';
let otherBankId = '';
let bank = { secret: '', signingSecret: '', keyId: '' };
let otherBank = { secret: '', signingSecret: '', keyId: '' };
let accountId = '';

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  app = await buildApp(platform);
  for (const name of ['sysadmin', 'secadmin', 'companyA', 'companyB', 'wageA', 'townA1']) s[name] = await login(app, name, PASSWORD);
  bankId = (await as(app, s.sysadmin).post('/api/banks', { name: '南江农商银行', bankCode: '402451000010' })).json().id;
  otherBankId = (await as(app, s.sysadmin).post('/api/banks', { name: '青州银行', bankCode: '313451000011' })).json().id;
  const issue = async (id: string) => {
    const r = (await as(app, s.secadmin).post('/api/api-keys', { name: '代发接口', role: 'bank_integration', scopeRegionCode: '450000', scopeBankId: id })).json();
    return { secret: r.secret, signingSecret: r.signingSecret, keyId: r.key.id };
  };
  bank = await issue(bankId);
  otherBank = await issue(otherBankId);
  await registerFixtureWorker(platform, p.projectA, fx.enterpriseA, { name: '陆海', idNumber: '450102198808081236', bankCard: WORKER_CARD });
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

/** A signed bank request; any part can be spoiled to test the checks. */
function signed(body: unknown, o: { key?: typeof bank; timestamp?: number; nonce?: string; tamper?: boolean } = {}) {
  const key = o.key ?? bank;
  const raw = JSON.stringify(body);
  const timestamp = String(o.timestamp ?? Math.floor(platform.clock.now().getTime() / 1000));
  const nonce = o.nonce ?? randomBytes(12).toString('base64url');
  const signature = createHmac('sha256', key.signingSecret).update(`${timestamp}\n${nonce}\n${raw}`).digest('hex');
  return app.inject({
    method: 'POST',
    url: '/api/bank/transactions',
    payload: o.tamper ? raw.replace('"amountFen":1000000000', '"amountFen":1000000001') : raw,
    headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json', 'x-xd-timestamp': timestamp, 'x-xd-nonce': nonce, 'x-xd-signature': signature },
  });
}
const line = (id: string, over: Partial<BankLine> = {}) => ({
  accountNo: ACCOUNT_NO,
  bankTxnId: id,
  kind: 'labor_cost_deposit',
  direction: 'credit',
  amountFen: 1000000000,
  bookedAt: '2026-03-01T10:00:00+08:00',
  ...over,
});
const lineCount = async () => (await platform.db.query<{ n: number }>('SELECT count(*)::int AS n FROM account_transactions')).rows[0].n;
const account = async () => (await as(app, s.companyA).get(`/api/wage-accounts/${accountId}`)).json();

describe('ACC-01…03 opening the account', () => {
  it('ACC-01 one account per project, opened by the general contractor; ACC-02 lateness counted from the contract', async () => {
    const body = { bankId, accountNo: ACCOUNT_NO, contractSignedOn: '2026-01-02', openedOn: '2026-02-15', agreementSignedOn: '2026-02-15' };
    expect((await as(app, s.companyB).post(`/api/projects/${p.projectA}/wage-accounts`, body)).statusCode).toBe(404);
    expect((await as(app, s.townA1).post(`/api/projects/${p.projectA}/wage-accounts`, body)).statusCode).toBe(403);
    const res = await as(app, s.companyA).post(`/api/projects/${p.projectA}/wage-accounts`, body);
    expect(res.statusCode).toBe(201);
    accountId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'opened', accountName: expect.stringContaining('农民工工资专用账户'), openingDelayDays: 14, openWithinDays: 30 });
    const second = await as(app, s.companyA).post(`/api/projects/${p.projectA}/wage-accounts`, { ...body, accountNo: '6228480000000077' });
    expect(second.statusCode).toBe(422);
    expect(JSON.stringify(second.json())).toContain('ACC-01');
  });
});

describe('the bank’s signed lines', () => {
  it('refuses a bad signature, a stale timestamp and a replayed body, changing nothing', async () => {
    const body = { transactions: [line('T1')] };
    expect((await signed(body, { tamper: true })).statusCode).toBe(401);
    expect((await signed(body, { timestamp: Math.floor(platform.clock.now().getTime() / 1000) - 301 })).statusCode).toBe(401);
    const bearerOnly = await app.inject({ method: 'POST', url: '/api/bank/transactions', payload: body, headers: { authorization: `Bearer ${bank.secret}` } });
    expect(bearerOnly.statusCode).toBe(401);
    expect(await lineCount()).toBe(0);
    const first = await signed(body, { nonce: 'nonce-once-0001' });
    expect(first.json()).toMatchObject({ accepted: 1 });
    const replay = await signed(body, { nonce: 'nonce-once-0001' });
    expect(replay.statusCode).toBe(409);
    expect(await lineCount()).toBe(1);
  });

  it('is idempotent by the bank’s id: the same line again is a duplicate, a different one under the same id is refused', async () => {
    expect((await signed({ transactions: [line('T1')] })).json()).toMatchObject({ accepted: 0, duplicates: 1, rejected: [] });
    const changed = (await signed({ transactions: [line('T1', { amountFen: 999 })] })).json();
    expect(changed).toMatchObject({ accepted: 0, duplicates: 0 });
    expect(changed.rejected[0]).toMatchObject({ index: 0, bankTxnId: 'T1' });
    expect(await lineCount()).toBe(1);
    expect((await account()).reconciliation).toMatchObject({ ledgerBalanceFen: 1000000000, linesBalanceFen: 1000000000 });
  });

  it('takes lines in any order: the bank balance is the latest booked, and the ledger matches it', async () => {
    // The bank's story: T1 deposit 10,000,000.00 → T2 payout 8,000.00 to 陆海 → T3 payout 500.00 to a stranger → T4 fee 2.00.
    const late = [
      line('T4', { kind: 'fee', direction: 'debit', amountFen: 200, bookedAt: '2026-03-01T16:00:00+08:00', balanceAfterFen: 999149800 }),
      line('T3', { kind: 'payout', direction: 'debit', amountFen: 50000, bookedAt: '2026-03-01T15:00:00+08:00', balanceAfterFen: 999150000, counterpartyAccount: STRANGER_CARD }),
    ];
    const r1 = (await signed({ transactions: late })).json();
    expect(r1).toMatchObject({ accepted: 2, flagged: 1 });
    const early = [line('T2', { kind: 'payout', direction: 'debit', amountFen: 800000, bookedAt: '2026-03-01T14:00:00+08:00', balanceAfterFen: 999200000, counterpartyAccount: WORKER_CARD })];
    expect((await signed({ transactions: early })).json()).toMatchObject({ accepted: 1, flagged: 0 });
    const a = await account();
    expect(a.status).toBe('in_use');
    expect(a.reconciliation).toEqual(expect.objectContaining({ ledgerBalanceFen: 999149800, bankBalanceFen: 999149800, differenceFen: 0, state: 'matched' }));
    const flagged = (await as(app, s.companyA).get(`/api/wage-accounts/${accountId}/transactions?flagged=true`)).json();
    expect(flagged.items).toEqual([expect.objectContaining({ bankTxnId: 'T3', flags: ['ACC-05'], counterpartyAccount: '***************5436' })]);
  });

  it('reports a mismatch with the bank’s balance and never adjusts it', async () => {
    // The bank says the balance after T5 is 1.00 more than the lines add up to.
    await signed({ transactions: [line('T5', { kind: 'interest', amountFen: 100, bookedAt: '2026-03-01T17:00:00+08:00', balanceAfterFen: 999150000 })] });
    const a = await account();
    expect(a.reconciliation).toMatchObject({ ledgerBalanceFen: 999149900, bankBalanceFen: 999150000, differenceFen: 100, state: 'mismatch' });
  });

  it('a bank sees only the accounts it holds; a line of another kind’s sign is refused', async () => {
    const other = (await signed({ transactions: [line('X1')] }, { key: otherBank })).json();
    expect(other.rejected[0].reason.zh).toContain('不是本银行');
    const wrongSign = (await signed({ transactions: [line('T6', { direction: 'debit' })] })).json();
    expect(wrongSign).toMatchObject({ accepted: 0 });
    expect(wrongSign.rejected).toHaveLength(1);
    // A bank key reads nothing of the officials' API.
    expect((await app.inject({ method: 'GET', url: `/api/wage-accounts/${accountId}`, headers: { authorization: `Bearer ${bank.secret}` } })).statusCode).toBe(403);
  });
});

describe('statement import', () => {
  it('takes a statement in the API’s path: booked lines are duplicates, new ones are added once', async () => {
    const csv = Buffer.from(
      '\uFEFF交易流水号,记账时间,收支方向,金额（元）,余额（元）,交易类型,对方户名,对方账号,代发批次/明细号,摘要\r\n' +
        'T1,2026-03-01 10:00:00,收入,10000000.00,,人工费拨付,东城城市建设投资有限公司,,,2月人工费\r\n' +
        'S1,2026-03-02 09:00:00,收入,50000.00,999200000.00,人工费拨付,东城城市建设投资有限公司,,,补拨\r\n' +
        'S2,2026-03-02 09:30:00,支出,12.5x,,手续费,,,,\r\n',
    );
    const url = `/api/wage-accounts/${accountId}/statement`;
    const strict = (await upload(app, s.companyA, 'POST', `${url}?mode=strict`, '对账单.csv', csv)).json();
    expect(strict).toMatchObject({ committed: false, problems: [{ row: 4, column: '金额（元）' }] });
    const before = await lineCount();
    const valid = (await upload(app, s.companyA, 'POST', `${url}?mode=valid`, '对账单.csv', csv)).json();
    expect(valid).toMatchObject({ committed: true, lines: { accepted: 1, duplicates: 1 } });
    expect(await lineCount()).toBe(before + 1);
    expect((await upload(app, s.companyA, 'POST', `${url}?mode=valid`, '对账单.csv', csv)).json()).toMatchObject({ lines: { accepted: 0, duplicates: 2 } });
  });
});

describe('ACC-04 labour-cost allocations', () => {
  it('schedules the contract’s labour cost monthly, due by payday (moved earlier off rest days), and matches deposits in due order', async () => {
    await platform.db.query('UPDATE projects SET labor_cost_share_bp = 2000, payday = 15, allocation_cycle_months = 3 WHERE id = $1', [p.projectA]);
    const scheduled = (await as(app, s.companyA).post(`/api/projects/${p.projectA}/labor-cost-allocations/schedule`)).json();
    // Feb 2026 … Jun 2027 is 17 months; the calendar covers due days through December 2026.
    expect(scheduled).toEqual({ scheduled: 10, beyondCalendar: 7, missingTerms: false });
    const r = (await as(app, s.wageA).get(`/api/projects/${p.projectA}/labor-cost-allocations`)).json();
    // A 3-month cycle in the contract breaks ACC-04: the schedule is monthly.
    expect(r.items[0]).toMatchObject({ periodStart: '2026-02-10', periodEnd: '2026-02-28', dueOn: '2026-03-13', expectedFen: 141176471, state: 'met', coveredOn: '2026-03-01' });
    // 10,000,000.00 + 50,000.00 deposited covers 7 months, and part of the 8th.
    expect(r.items.slice(0, 8).map((i: { state: string }) => i.state)).toEqual(['met', 'met', 'met', 'met', 'met', 'met', 'met', 'upcoming']);
    expect(r.totals).toMatchObject({ depositedFen: 1005000000, dueFen: 0, shortfallDueFen: 0 });
    const region = (await as(app, s.wageA).get('/api/wage-accounts/region')).json();
    expect(region).toEqual([expect.objectContaining({ projectId: p.projectA, accountId, flaggedTransactions: 1, depositedFen: 1005000000 })]);
  });
});

describe('property: any order, any replays, the balance is the bank’s and no line counts twice', () => {
  it('holds over random sequences of deposits, payouts, returns and fees', async () => {
    const { rows } = await platform.db.query<{ id: string; project_id: string; general_contractor_id: string }>('SELECT id, project_id, general_contractor_id FROM wage_accounts WHERE id = $1', [accountId]);
    const base = rows[0];
    const actor: Actor = { kind: 'apikey', id: bank.keyId, name: 'bank', role: 'bank_integration', permissions: permissionsOf('bank_integration'), scope: { kind: 'bank', bankId } };
    const ctx = contextFor(platform, actor);
    let run = 0;
    const op = fc.record({ kind: fc.constantFrom('labor_cost_deposit', 'payout', 'payout_return', 'fee', 'interest'), fen: fc.integer({ min: 1, max: 5_000_000_00 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 15 }), fc.integer({ min: 1, max: 7 }), fc.nat(), async (ops, replays, batchSize, seed) => {
        run++;
        // A fresh account for each run, on the same project (the previous one closed).
        await platform.db.query("UPDATE wage_accounts SET status = 'closed', closed_on = '2026-03-01' WHERE project_id = $1 AND status <> 'closed'", [base.project_id]);
        const id = crypto.randomUUID();
        const accountNo = `99${String(run).padStart(14, '0')}`;
        await insertAccount(platform.db, { id, projectId: base.project_id, generalContractorId: base.general_contractor_id, bankId, accountNo, accountName: 'p', contractSignedOn: '2026-01-01', openedOn: '2026-01-02', agreementSignedOn: null }, platform.clock.now());
        // The bank's book, in its order, with its running balance.
        let balance = 0;
        const lines = ops.map((o, i) => {
          const credit = o.kind === 'labor_cost_deposit' || o.kind === 'payout_return' || o.kind === 'interest';
          balance += credit ? o.fen : -o.fen;
          return { accountNo, bankTxnId: `R${run}-${i}`, kind: o.kind, direction: credit ? 'credit' : 'debit', amountFen: o.fen, bookedAt: new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString(), bankSeq: i, balanceAfterFen: balance } as BankLine & { accountNo: string };
        });
        // Delivered shuffled, with some lines sent again, in batches.
        const delivery = [...lines, ...replays.map((r) => lines[r % lines.length])];
        let x = seed;
        for (let i = delivery.length - 1; i > 0; i--) {
          x = (x * 1103515245 + 12345) % 2147483648;
          const j = x % (i + 1);
          [delivery[i], delivery[j]] = [delivery[j], delivery[i]];
        }
        let accepted = 0;
        for (let i = 0; i < delivery.length; i += batchSize) accepted += (await receiveBankLines(ctx, delivery.slice(i, i + batchSize))).accepted;
        const after = await platform.db.query<{ ledger: string; bank: string; lines: string; n: number }>(
          `SELECT a.ledger_balance_fen::text AS ledger, a.bank_balance_fen::text AS bank,
                  (SELECT coalesce(sum(amount_fen), 0) FROM account_transactions t WHERE t.account_id = a.id)::text AS lines,
                  (SELECT count(*) FROM account_transactions t WHERE t.account_id = a.id)::int AS n
             FROM wage_accounts a WHERE a.id = $1`,
          [id],
        );
        const r = after.rows[0];
        expect(accepted).toBe(lines.length);
        expect(r.n).toBe(lines.length);
        expect(Number(r.ledger)).toBe(balance);
        expect(Number(r.bank)).toBe(balance);
        expect(Number(r.lines)).toBe(balance);
      }),
      { numRuns: 40 },
    );
  });
});
