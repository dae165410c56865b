import { v7 as uuidv7 } from 'uuid';
import { createProject } from '../../src/server/modules/projects/projects.service';
import type { Platform } from '../../src/server/platform/context';
import { TREE } from './fixtures';
import { ctxOf, warningsOf } from './warnings';

/**
 * Helpers for the wage-payment rule tests (W03–W08): fresh projects (payrolls and employments are
 * never deleted, so each case gets its own), a wage account with bank transactions and an
 * allocation schedule written as the accounts module writes them, and payrolls with their lines.
 */

let serial = 0;

const TOWNS = { A1: TREE.townA1, A2: TREE.townA2, B1: TREE.townB1, B2: TREE.townB2 } as const;

/**
 * A project under way since `actualStart` in a township (district A: owner and contractor A;
 * B: theirs). A test that overrides a parameter puts its project in a township of its own.
 */
export async function moneyProject(
  platform: Platform,
  parties: { ownerA: string; ownerB: string; enterpriseA: string; enterpriseB: string },
  o: { town: keyof typeof TOWNS; actualStart: string },
): Promise<string> {
  serial++;
  const a = o.town.startsWith('A');
  const project = await createProject(ctxOf(platform), {
    name: `工资预警测试工程${serial}号`,
    regionCode: TOWNS[o.town],
    address: `${a ? '东城区' : '西城区'}001镇测试路${serial}号`,
    industry: a ? 'building' : 'transport',
    investmentType: 'government',
    contractPriceFen: 50_000_000_00,
    plannedStart: '2025-10-01',
    plannedEnd: '2027-06-30',
    ownerId: a ? parties.ownerA : parties.ownerB,
    generalContractorId: a ? parties.enterpriseA : parties.enterpriseB,
    laborOfficerName: '周敏',
    status: 'in_progress',
    actualStart: o.actualStart,
  });
  return project.id;
}

/** The project's wage account at a test bank, opened on `openedOn`. */
export async function openAccount(platform: Platform, projectId: string, generalContractorId: string, openedOn = '2025-10-15'): Promise<string> {
  await platform.db.query(`INSERT INTO banks (id, name, bank_code) VALUES ($1, '南江测试银行', '999000000001') ON CONFLICT (bank_code) DO NOTHING`, [uuidv7()]);
  const id = uuidv7();
  serial++;
  await platform.db.query(
    `INSERT INTO wage_accounts (id, project_id, general_contractor_id, bank_id, account_no, account_name, contract_signed_on, opened_on, status)
     SELECT $1, $2, $3, b.id, $4, '测试项目农民工工资专用账户', $5, $5, 'in_use' FROM banks b WHERE b.bank_code = '999000000001'`,
    [id, projectId, generalContractorId, `6230${String(serial).padStart(12, '0')}`, openedOn],
  );
  return id;
}

/** A transaction the bank reported on the account, booked at 10:00 Shanghai on `bookedOn`; the ledger balance follows, as the accounts module keeps it. */
export async function bankTxn(
  platform: Platform,
  t: { projectId: string; accountId: string; bookedOn: string; amountFen: number; kind?: 'labor_cost_deposit' | 'payout' | 'fee' | 'interest' },
): Promise<void> {
  serial++;
  await platform.db.query(
    `WITH ins AS (
       INSERT INTO account_transactions (project_id, id, account_id, bank_txn_id, kind, amount_fen, booked_at, source, content_hash, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, ($7 || 'T10:00:00+08:00')::timestamptz, 'api', $4, now())
       RETURNING account_id, amount_fen
     )
     UPDATE wage_accounts a SET ledger_balance_fen = a.ledger_balance_fen + ins.amount_fen FROM ins WHERE a.id = ins.account_id`,
    [t.projectId, uuidv7(), t.accountId, `TXN${serial}`, t.kind ?? 'labor_cost_deposit', t.amountFen, t.bookedOn],
  );
}

/** Periods of the labour-cost allocation schedule (人工费分账计划). */
export async function allocate(platform: Platform, projectId: string, periods: { periodStart: string; periodEnd: string; dueOn: string; expectedFen: number }[]): Promise<void> {
  for (const a of periods) {
    await platform.db.query(
      `INSERT INTO labor_cost_allocations (project_id, id, period_start, period_end, due_on, expected_fen) VALUES ($1, $2, $3, $4, $5, $6)`,
      [projectId, uuidv7(), a.periodStart, a.periodEnd, a.dueOn, a.expectedFen],
    );
  }
}

export interface LineInput {
  workerId: string;
  employmentId: string;
  days: number;
  netFen: number;
  paidFen?: number;
  /** Paid on earlier versions (a correction pays only the rest). */
  paidPriorFen?: number;
}

/** A payroll of an employer for `month` ('2026-01') with its lines; a correction names the version it supersedes (set that one superseded first). */
export async function insertPayroll(
  platform: Platform,
  p: { projectId: string; employerId: string; month: string; status: string; dueOn?: string | null; version?: number; supersedesId?: string; lines: LineInput[] },
): Promise<{ id: string; lineIds: string[] }> {
  const id = uuidv7();
  await platform.db.query(
    `INSERT INTO payrolls (project_id, id, employer_id, month, version, supersedes_id, status, due_on, prepared_by, created_at, updated_at)
     VALUES ($1, $2, $3, ($4 || '-01')::date, $5, $6, $7, $8, 't', now(), now())`,
    [p.projectId, id, p.employerId, p.month, p.version ?? 1, p.supersedesId ?? null, p.status, p.dueOn ?? null],
  );
  const lineIds: string[] = [];
  for (const l of p.lines) {
    const lineId = uuidv7();
    lineIds.push(lineId);
    const prior = l.paidPriorFen ?? 0;
    const payable = Math.max(l.netFen - prior, 0);
    const paid = l.paidFen ?? 0;
    await platform.db.query(
      `INSERT INTO payroll_lines (project_id, id, payroll_id, worker_id, employment_id, wage_type, wage_amount_fen, attendance_days, days_worked,
                                  gross_fen, deduction_fen, net_fen, paid_prior_fen, payable_fen, confirmation, pay_status, paid_fen)
       VALUES ($1, $2, $3, $4, $5, 'daily', 35000, $6, $6, $7, 0, $7, $8, $9, 'confirmed', $10, $11)`,
      [p.projectId, lineId, id, l.workerId, l.employmentId, l.days, l.netFen, prior, payable, payable === 0 ? 'nothing_due' : paid >= payable ? 'paid' : 'unpaid', paid],
    );
  }
  return { id, lineIds };
}

/** The bank's payment of a line. */
export async function payLine(platform: Platform, projectId: string, lineId: string, paidFen: number): Promise<void> {
  await platform.db.query(
    `UPDATE payroll_lines SET paid_fen = $3, pay_status = CASE WHEN $3 >= payable_fen THEN 'paid' ELSE 'failed' END WHERE project_id = $1 AND id = $2`,
    [projectId, lineId, paidFen],
  );
}

export async function setPayrollStatus(platform: Platform, projectId: string, payrollId: string, status: string): Promise<void> {
  await platform.db.query(`UPDATE payrolls SET status = $3 WHERE project_id = $1 AND id = $2`, [projectId, payrollId, status]);
}

/** A rule's warnings on one project, open ones first. */
export async function warningsOn(platform: Platform, code: string, projectId: string, status: 'open' | 'all' = 'all') {
  return (await warningsOf(platform, code, status)).filter((w) => w.project_id === projectId);
}

export async function workerName(platform: Platform, workerId: string): Promise<string> {
  const { rows } = await platform.db.query<{ name: string }>(`SELECT name FROM workers WHERE id = $1`, [workerId]);
  return rows[0].name;
}
