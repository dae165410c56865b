import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform';
import { type Session, type TestApp, as, login } from '../../../test/support/http';
import { buildApp } from '../app';
import { counterpartyAad } from '../modules/accounts/accounts.repo';
import { matchAllocations, openingDelayDays } from '../modules/accounts/accounts.rules';
import { receiveBankLines } from '../modules/accounts/accounts.service';
import { payoutCardAad } from '../modules/payroll/payroll.repo';
import { lineCleared } from '../modules/payroll/payroll.rules';
import { receivePayoutResults } from '../modules/payroll/payroll.service';
import { permissionsOf } from '../platform/access/roles';
import { contextFor } from '../platform/context';
import { DEMO_SEED, generateDemoDataset, generateDemoWorkforce } from './dataset';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { type AttendanceDays, type MoneyInput, type ProjectMoney, pickMoneyRoles, planProjectMoney } from './money';
import { Rng } from './rng';

const TODAY = '2026-03-02';
/** Everything planned happened before the day began (the test platform's clock stands at 10:00). */
const NOW = new Date(`${TODAY}T00:00:00+08:00`);
const base = generateDemoDataset('township');
const workforce = generateDemoWorkforce(base, 'township', TODAY);
const input: MoneyInput = {
  today: TODAY,
  workforce,
  banks: base.banks,
  enterprises: base.enterprises,
  params: { graceMonths: 1, maxCycleMonths: 1, openWithinDays: 30, checks: { minimumMonthlyFen: 199_000, monthlyPaidDays: 21.75, suddenDropRatio: 0.3, historyMonths: 3 } },
};

/** Attendance as the database would count it, near enough: the site's days while employed, thinned by the presence rate. */
const days: AttendanceDays = (k, month) => {
  const e = workforce.employments[k];
  const site = workforce.attendance.sites.find((s) => s.project === e.project);
  const next = `${month.slice(0, 5)}${String(Number(month.slice(5, 7)) + 1).padStart(2, '0')}-01`;
  const n = site?.dates.filter((d) => d >= month && d < next && d >= e.entryDate && (e.exitDate === null || d <= e.exitDate)).length ?? 0;
  return Math.floor((n * e.presenceBp) / 10_000);
};

function plan(): { roles: ReturnType<typeof pickMoneyRoles>; money: ProjectMoney[] } {
  const rng = new Rng(DEMO_SEED).derive('money');
  const roles = pickMoneyRoles(input, rng.derive('roles'));
  const money = workforce.projects.flatMap((p, i) => planProjectMoney(input, roles, i, days, rng.derive(p.code)) ?? []);
  return { roles, money };
}

describe('demo money plan', () => {
  const { roles, money } = plan();

  it('is deterministic', () => {
    expect(plan()).toEqual({ roles, money });
  });

  it('puts each failure on its own project under construction', () => {
    const all = [roles.noAccount, roles.lateOpening, roles.lateDeposit, roles.overdue, roles.failedPayouts, roles.mismatch].flatMap((s) => [...s]);
    expect(new Set(all).size).toBe(all.length);
    expect(roles.failedPayouts.size).toBeGreaterThanOrEqual(2);
    for (const i of all) expect(workforce.projects[i].status).toBe('in_progress');
    for (const i of roles.noAccount) expect(money.find((m) => m.project === i)).toBeUndefined();
  });

  it('opens accounts within ACC-02 days of the contract, but one', () => {
    for (const m of money) {
      const late = openingDelayDays(m.account.contractSignedOn, m.account.openedOn, 30) > 0;
      expect(late, workforce.projects[m.project].name).toBe(roles.lateOpening.has(m.project));
      expect(m.account.openedOn <= TODAY).toBe(true);
      expect(m.account.accountName).toBe(`${base.enterprises[workforce.projects[m.project].generalContractor].name}${workforce.projects[m.project].name}农民工工资专用账户`);
    }
    expect(new Set(money.map((m) => `${m.account.bank}:${m.account.accountNo}`)).size).toBe(money.length);
  });

  it('keeps every line consistent: net = gross − deductions, items add up, paid lines paid once', () => {
    for (const m of money) {
      for (const r of m.payrolls) {
        for (const l of r.lines) {
          expect(l.grossFen).toBe(l.grossItems.reduce((s, i) => s + i.amountFen, 0));
          expect(l.deductionFen).toBe(l.deductionItems.reduce((s, i) => s + i.amountFen, 0));
          expect(l.netFen).toBe(l.grossFen - l.deductionFen);
          expect(l.payableFen).toBe(Math.max(l.netFen, 0));
          expect(Number.isInteger(l.grossFen) && l.grossFen >= 0).toBe(true);
          if (r.status !== 'draft' && (l.grossFen > 0 || l.days > 0)) expect(l.confirmation).toBe('confirmed');
          if (r.status !== 'draft') expect(l.checkCodes.length === 0 || lineCleared(l.checkCodes, l.overrideReason)).toBe(true);
          if (l.payStatus === 'paid') expect(l.payout).toMatchObject({ status: 'paid', amountFen: l.payableFen });
        }
        if (r.batch) {
          const sent = r.lines.filter((l) => l.payout);
          expect(r.batch.lineCount).toBe(sent.length);
          expect(r.batch.totalFen).toBe(sent.reduce((s, l) => s + l.payableFen, 0));
          expect(r.status).toBe(sent.some((l) => l.payStatus === 'failed') ? 'partially_paid' : 'paid');
        }
      }
    }
  });

  it('pays every month due but the overdue one, and fails a couple of payouts for re-send', () => {
    const [overdue] = roles.overdue;
    for (const m of money) {
      for (const r of m.payrolls) {
        if (r.dueOn !== null && r.dueOn < TODAY) {
          if (m.project === overdue) expect(r.status).toBe('approved');
          else expect(['paid', 'partially_paid']).toContain(r.status);
        }
      }
    }
    expect(money.find((m) => m.project === overdue)!.payrolls.some((r) => r.status === 'approved' && r.dueOn! < TODAY)).toBe(true);
    const failed = money.flatMap((m) => m.payrolls.flatMap((r) => r.lines.filter((l) => l.payStatus === 'failed').map(() => m.project)));
    expect(new Set(failed)).toEqual(roles.failedPayouts);
  });

  it('never overdraws an account; the ledger is the sum of its lines and the bank agrees but once', () => {
    let mismatches = 0;
    for (const m of money) {
      let balance = 0;
      for (const t of m.transactions) {
        balance += t.amountFen;
        expect(balance).toBeGreaterThanOrEqual(0);
      }
      expect(m.account.ledgerBalanceFen).toBe(balance);
      expect(m.transactions.map((t) => t.bankSeq)).toEqual(m.transactions.map((_, i) => i + 1));
      if (m.account.bankBalanceFen !== null && m.account.bankBalanceFen !== balance) mismatches++;
      // Every paid payout is one debit of its amount.
      const paid = m.payrolls.flatMap((r) => r.lines.filter((l) => l.payout?.status === 'paid'));
      const debits = m.transactions.filter((t) => t.kind === 'payout');
      expect(debits.length).toBe(paid.length);
      expect(debits.reduce((s, t) => s - t.amountFen, 0)).toBe(paid.reduce((s, l) => s + l.paidFen, 0));
    }
    expect(mismatches).toBe(1);
  });

  it('has the owner meet the schedule, but one project whose latest deposit is late and short', () => {
    for (const m of money) {
      const status = matchAllocations(
        m.allocations.map((a) => ({ dueOn: a.dueOn, expectedFen: a.expectedFen })),
        m.transactions.filter((t) => t.kind === 'labor_cost_deposit').map((t) => ({ bookedOn: t.bookedAt.slice(0, 10), amountFen: t.amountFen })),
        TODAY,
      );
      const late = status.filter((s) => s.state === 'partial' || s.state === 'overdue' || s.state === 'met_late');
      expect(late.length > 0, workforce.projects[m.project].name).toBe(roles.lateDeposit.has(m.project));
    }
  });

  it('places every date in order and nothing after the day began', () => {
    for (const m of money) {
      for (const t of m.transactions) expect(Date.parse(t.bookedAt)).toBeLessThanOrEqual(NOW.getTime());
      for (const r of m.payrolls) {
        expect(Date.parse(r.createdAt)).toBeLessThanOrEqual(NOW.getTime());
        if (r.approvedAt) expect(r.approvedAt > r.createdAt).toBe(true);
        if (r.batch) {
          expect(Date.parse(r.batch.submittedAt)).toBeGreaterThan(Date.parse(r.approvedAt!));
          expect(r.batch.submittedAt.slice(0, 10) <= r.dueOn!).toBe(true);
          expect(Date.parse(r.batch.completedAt)).toBeLessThanOrEqual(NOW.getTime());
        }
        expect(r.month >= workforce.attendance.from).toBe(true);
      }
    }
  });
});

describe('demo money in the database (township demo)', () => {
  let platform: TestPlatform;
  let app: TestApp;
  let office: Session;
  let counts: Record<string, number>;

  beforeAll(async () => {
    platform = await createTestPlatform();
    const started = Date.now();
    counts = (await seedDemo(platform, 'township', { adminPassword: 'Test#Admin2026' })).counts;
    process.stdout.write(`  township demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    app = await buildApp(platform);
    office = await login(app, 'zhiqianban', DEMO_PASSWORD);
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await platform?.close();
  });

  const rows = async <T>(sql: string, params: unknown[] = []) => (await platform.db.query<T>(sql, params)).rows;

  it('keeps each account’s ledger equal to its lines, with no ACC-05 flags', async () => {
    expect(counts.wageAccounts).toBeGreaterThan(30);
    const bad = await rows(
      `SELECT a.id FROM wage_accounts a
        WHERE a.ledger_balance_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM account_transactions t WHERE t.project_id = a.project_id AND t.account_id = a.id)`,
    );
    expect(bad).toEqual([]);
    expect(await rows("SELECT id FROM account_transactions WHERE flags <> '{}'")).toEqual([]);
  });

  it('reconciles: matched for every account but the one deliberate mismatch', async () => {
    const accounts = await rows<{ id: string }>('SELECT id FROM wage_accounts ORDER BY id');
    const states: string[] = [];
    for (const a of accounts) {
      const res = await as(app, office).get(`/api/wage-accounts/${a.id}`);
      expect(res.statusCode).toBe(200);
      states.push(res.json().reconciliation.state);
    }
    expect(states.filter((s) => s === 'mismatch')).toHaveLength(1);
    expect(states.filter((s) => s === 'matched').length).toBeGreaterThanOrEqual(accounts.length - 2);
  });

  it('pays each paid line exactly once, from the worker’s own card, to the bank’s ref', async () => {
    const lines = await rows<{ n: number; amount: string; payable: string }>(
      `SELECT count(o.*) FILTER (WHERE o.status = 'paid')::int AS n, max(o.amount_fen)::text AS amount, max(l.payable_fen)::text AS payable
         FROM payroll_lines l LEFT JOIN payouts o ON o.project_id = l.project_id AND o.payroll_line_id = l.id
        WHERE l.pay_status = 'paid' GROUP BY l.project_id, l.id`,
    );
    expect(lines.length).toBeGreaterThan(1000);
    for (const l of lines) expect(l).toEqual({ n: 1, amount: l.payable, payable: l.payable });
    const [o] = await rows<{ id: string; card_enc: string; worker_id: string; bank_card_enc: string; ref: string; txn_ref: string | null }>(
      `SELECT o.id, o.card_enc, o.worker_id, w.bank_card_enc, o.ref, t.payout_ref AS txn_ref
         FROM payouts o JOIN workers w ON w.id = o.worker_id LEFT JOIN account_transactions t ON t.project_id = o.project_id AND t.payout_ref = o.ref
        WHERE o.status = 'paid' LIMIT 1`,
    );
    expect(platform.cipher.decrypt(o.card_enc, payoutCardAad(o.id))).toBe(platform.cipher.decrypt(o.bank_card_enc, `workers:${o.worker_id}:bank_card`));
    expect(o.txn_ref).toBe(o.ref);
    const failed = await rows<{ failure_reason: string; pay_status: string; status: string }>(
      `SELECT o.failure_reason, l.pay_status, pr.status FROM payouts o JOIN payroll_lines l ON l.project_id = o.project_id AND l.id = o.payroll_line_id
         JOIN payrolls pr ON pr.project_id = l.project_id AND pr.id = l.payroll_id WHERE o.status = 'failed'`,
    );
    expect(failed.length).toBeGreaterThanOrEqual(2);
    for (const f of failed) expect(f).toMatchObject({ pay_status: 'failed', status: 'partially_paid' });
    // The next batch the service numbers follows the seeded ones.
    const [{ max, next }] = await rows<{ max: string; next: string }>(
      "SELECT (SELECT max(batch_no) FROM payout_batches) AS max, 'PB' || lpad(nextval('payout_batch_no_seq')::text, 8, '0') AS next",
    );
    expect(next > max).toBe(true);
  });

  it('stores bank lines and results as the services would: the bank re-sending them gets duplicates', async () => {
    const [t] = await rows<{ id: string; bank_id: string; account_no: string; bank_txn_id: string; amount_fen: string; booked_at: Date; counterparty_account_enc: string; payout_ref: string; counterparty_name: string }>(
      `SELECT t.id, a.bank_id, a.account_no, t.bank_txn_id, t.amount_fen::text, t.booked_at, t.counterparty_account_enc, t.payout_ref, t.counterparty_name
         FROM account_transactions t JOIN wage_accounts a ON a.id = t.account_id WHERE t.kind = 'payout' ORDER BY t.booked_at LIMIT 1`,
    );
    const bank = contextFor(platform, { kind: 'apikey', id: uuidv7(), name: 'bank', role: 'bank_integration', permissions: permissionsOf('bank_integration'), scope: { kind: 'bank', bankId: t.bank_id } });
    const line = await receiveBankLines(bank, [{
      accountNo: t.account_no, bankTxnId: t.bank_txn_id, kind: 'payout', direction: 'debit', amountFen: -Number(t.amount_fen), bookedAt: t.booked_at.toISOString(),
      counterpartyName: t.counterparty_name, counterpartyAccount: platform.cipher.decrypt(t.counterparty_account_enc, counterpartyAad(t.id)), payoutRef: t.payout_ref,
    }]);
    expect(line).toMatchObject({ accepted: 0, duplicates: 1, rejected: [] });
    const [o] = await rows<{ ref: string; amount_fen: string; result_at: Date; bank_txn_id: string }>(
      "SELECT ref, amount_fen::text, result_at, bank_txn_id FROM payouts WHERE ref = $1", [t.payout_ref],
    );
    const result = await receivePayoutResults(bank, [{ ref: o.ref, status: 'paid', amountFen: Number(o.amount_fen), at: o.result_at.toISOString(), bankTxnId: o.bank_txn_id }]);
    expect(result).toMatchObject({ applied: 0, duplicates: 1, held: 0, rejected: [] });
  });

  it('lists the payroll left unpaid past its payday in the wage office’s overdue view', async () => {
    const res = await as(app, office).get('/api/payrolls/overdue');
    expect(res.statusCode).toBe(200);
    const approved = res.json().filter((r: { status: string }) => r.status === 'approved');
    expect(approved.length).toBeGreaterThanOrEqual(1);
    expect(approved[0].dueOn < TODAY).toBe(true);
    const [{ n }] = await rows<{ n: number }>("SELECT count(*)::int AS n FROM payrolls WHERE status = 'approved' AND due_on < $1", [TODAY]);
    expect(approved.length).toBe(n);
  });

  it('shows the site without an account and the late, short deposit in the region view', async () => {
    const res = await as(app, office).get('/api/wage-accounts/region');
    expect(res.statusCode).toBe(200);
    const list = res.json() as { accountId: string | null; projectStatus: string; shortfallFen: number }[];
    expect(list.some((r) => r.accountId === null && r.projectStatus === 'in_progress')).toBe(true);
    expect(list.filter((r) => r.accountId !== null && r.shortfallFen > 0).length).toBeGreaterThanOrEqual(1);
  });
});
