import { v7 as uuidv7 } from 'uuid';
import { insertEnterprises } from '../../src/server/modules/orgs/orgs.repo';
import { createProject } from '../../src/server/modules/projects/projects.service';
import { systemActor } from '../../src/server/platform/access/actor';
import { contextFor, type Platform } from '../../src/server/platform/context';
import { TREE, creditCode } from './fixtures';
import type { TestPlatform } from './platform';

/**
 * Helpers for the payout group's warning tests (W18–W20, W24–W26): fresh projects (payroll rows
 * are never deleted, so each case gets its own), subcontractors, a wage account with its bank
 * lines, payrolls, lines and payouts written with plain SQL (the rules read rows, not the flows),
 * allocations, arrears, and a clock moved for one step.
 */

let serial = 0;
const next = () => ++serial;

const REGION_PATHS: Record<string, string> = {
  [TREE.townA1]: `450000/450100/${TREE.districtA}/${TREE.townA1}/`,
  [TREE.townA2]: `450000/450100/${TREE.districtA}/${TREE.townA2}/`,
  [TREE.townB1]: `450000/450100/${TREE.districtB}/${TREE.townB1}/`,
  [TREE.townB2]: `450000/450100/${TREE.districtB}/${TREE.townB2}/`,
};

/** A project under way since 2026-02-10 (status in_progress), in a town of the fixture. */
export async function freshProject(
  platform: Platform,
  o: { ownerId: string; generalContractorId: string; regionCode?: string; payday?: number | null },
): Promise<string> {
  const n = next();
  const region = o.regionCode ?? TREE.townA1;
  const project = await createProject(contextFor(platform, systemActor('fixture')), {
    name: `代发预警测试工程${n}号`,
    regionCode: region,
    address: `测试路${n}号`,
    industry: 'building',
    investmentType: 'government',
    contractPriceFen: 50_000_000_00,
    plannedStart: '2026-02-01',
    plannedEnd: '2027-12-31',
    ownerId: o.ownerId,
    generalContractorId: o.generalContractorId,
    laborOfficerName: '周敏',
    laborOfficerPhone: '13912345678',
    status: 'in_progress',
    actualStart: '2026-02-10',
    payday: o.payday ?? null,
  });
  return project.id;
}

/** A labour subcontractor in the registry. */
export async function addSubcontractor(platform: Platform, name: string, regionCode: string = TREE.townA1): Promise<string> {
  const id = uuidv7();
  await insertEnterprises(platform.db, [
    {
      id,
      creditCode: creditCode(regionCode.slice(0, 6), 300 + next()),
      name,
      type: 'labor_subcontractor',
      industry: 'housing',
      regionCode,
      regionPath: REGION_PATHS[regionCode],
      legalRepName: '李强',
      legalRepIdEnc: null,
      legalRepIdBidx: null,
      legalRepPhoneEnc: null,
      legalRepPhoneBidx: null,
      address: null,
      bankId: null,
      status: 'active' as const,
    },
  ]);
  return id;
}

export async function enterpriseName(platform: Platform, id: string): Promise<string> {
  const { rows } = await platform.db.query<{ name: string }>('SELECT name FROM enterprises WHERE id = $1', [id]);
  return rows[0].name;
}

/** The project's wage account, in use, at the test bank. */
export async function openAccount(platform: Platform, projectId: string, generalContractorId: string): Promise<string> {
  const { rows } = await platform.db.query<{ id: string }>(
    `INSERT INTO banks (id, name, bank_code) VALUES ($1, '南江农商银行', '402451000010')
     ON CONFLICT (bank_code) DO UPDATE SET name = banks.name RETURNING id`,
    [uuidv7()],
  );
  const id = uuidv7();
  await platform.db.query(
    `INSERT INTO wage_accounts (id, project_id, general_contractor_id, bank_id, account_no, account_name, contract_signed_on, opened_on, status)
     VALUES ($1, $2, $3, $4, $5, '农民工工资专用账户', '2026-01-10', '2026-01-20', 'in_use')`,
    [id, projectId, generalContractorId, rows[0].id, `6230${String(next()).padStart(12, '0')}`],
  );
  return id;
}

/** A bank line on the account, its signed amount added to the ledger balance as the accounts module does. */
export async function bookTransaction(
  platform: Platform,
  t: {
    projectId: string;
    accountId: string;
    kind: 'labor_cost_deposit' | 'payout' | 'payout_return' | 'fee' | 'interest' | 'other';
    amountFen: number;
    bookedAt: string;
    counterpartyName?: string;
    counterpartyMask?: string;
    flags?: string[];
  },
) {
  await platform.db.query(
    `INSERT INTO account_transactions (project_id, id, account_id, bank_txn_id, kind, amount_fen, booked_at, counterparty_name,
                                       counterparty_account_mask, flags, source, content_hash, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'api', $4, $7)`,
    [t.projectId, uuidv7(), t.accountId, `TXN${next()}`, t.kind, t.amountFen, t.bookedAt, t.counterpartyName ?? null, t.counterpartyMask ?? null, t.flags ?? []],
  );
  await platform.db.query('UPDATE wage_accounts SET ledger_balance_fen = ledger_balance_fen + $2 WHERE id = $1', [t.accountId, t.amountFen]);
}

/** A payroll of `month` ('2026-01') for the employer, last changed at `updatedAt` (default: the test clock's now). */
export async function insertPayroll(
  platform: TestPlatform,
  p: { projectId: string; employerId: string; month: string; status: string; updatedAt?: string },
): Promise<string> {
  const id = uuidv7();
  const at = p.updatedAt ?? platform.clock.now().toISOString();
  await platform.db.query(
    `INSERT INTO payrolls (project_id, id, employer_id, month, status, prepared_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 't', $6, $6)`,
    [p.projectId, id, p.employerId, `${p.month}-01`, p.status, at],
  );
  return id;
}

/** A daily-wage line: `days` days at ¥350 unless `netFen` says otherwise. */
export async function insertLine(
  platform: Platform,
  l: {
    projectId: string;
    payrollId: string;
    worker: { workerId: string; employmentId: string };
    days?: number;
    netFen?: number;
    confirmation?: 'pending' | 'confirmed' | 'disputed';
    payStatus?: 'unpaid' | 'in_payment' | 'paid' | 'failed' | 'nothing_due';
    paidFen?: number;
  },
): Promise<string> {
  const id = uuidv7();
  const days = l.days ?? 10;
  const net = l.netFen ?? days * 350_00;
  await platform.db.query(
    `INSERT INTO payroll_lines (project_id, id, payroll_id, worker_id, employment_id, wage_type, wage_amount_fen, attendance_days, days_worked,
                                gross_fen, deduction_fen, net_fen, payable_fen, confirmation, pay_status, paid_fen)
     VALUES ($1, $2, $3, $4, $5, 'daily', 35000, $6, $6, $7, 0, $7, $7, $8, $9, $10)`,
    [l.projectId, id, l.payrollId, l.worker.workerId, l.worker.employmentId, days, net, l.confirmation ?? 'confirmed', l.payStatus ?? 'unpaid', l.paidFen ?? 0],
  );
  return id;
}

/** One payout of a line in a batch of its own, with the bank's result when given. */
export async function insertPayout(
  platform: Platform,
  o: {
    projectId: string;
    payrollId: string;
    lineId: string;
    workerId: string;
    accountId: string;
    attempt: number;
    amountFen: number;
    status: 'pending' | 'paid' | 'failed';
    resultAt?: string;
    failureReason?: string;
  },
) {
  const batchId = uuidv7();
  const n = next();
  await platform.db.query(
    `INSERT INTO payout_batches (project_id, id, batch_no, payroll_id, account_id, bank_id, kind, status, line_count, total_fen, submitted_by, submitted_at)
     SELECT $1, $2, $3, $4, a.id, a.bank_id, $5, 'fetched', 1, $6, 't', now() FROM wage_accounts a WHERE a.id = $7`,
    [o.projectId, batchId, `PB-TEST-${n}`, o.payrollId, o.attempt === 1 ? 'payroll' : 'resend', o.amountFen, o.accountId],
  );
  await platform.db.query(
    `INSERT INTO payouts (project_id, id, batch_id, payroll_line_id, worker_id, ref, attempt, amount_fen, card_enc, card_bidx, card_mask, status, result_at, failure_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'x', 'x', '6222 **** 0000', $9, $10, $11)`,
    [o.projectId, uuidv7(), batchId, o.lineId, o.workerId, `PB-TEST-${n}-0001`, o.attempt, o.amountFen, o.status, o.resultAt ?? null, o.failureReason ?? null],
  );
}

/** A labour-cost allocation the contract schedules. */
export async function insertAllocation(platform: Platform, a: { projectId: string; periodStart: string; periodEnd: string; dueOn: string; expectedFen: number }) {
  await platform.db.query(
    `INSERT INTO labor_cost_allocations (project_id, id, period_start, period_end, due_on, expected_fen) VALUES ($1, $2, $3, $4, $5, $6)`,
    [a.projectId, uuidv7(), a.periodStart, a.periodEnd, a.dueOn, a.expectedFen],
  );
}

/** An open arrears finding against the employer on the project. */
export async function insertArrears(platform: Platform, a: { projectId: string; enterpriseId: string; foundOn: string; amountFen: number }) {
  await platform.db.query(
    `INSERT INTO enterprise_arrears (id, enterprise_id, project_id, found_on, amount_fen, source, reference, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, 'inspection', $6, 't', now())`,
    [uuidv7(), a.enterpriseId, a.projectId, a.foundOn, a.amountFen, `检查记录${next()}`],
  );
}

/** Runs `f` with the test clock at `iso`, then puts the clock back. */
export async function atTime<T>(platform: TestPlatform, iso: string, f: () => Promise<T>): Promise<T> {
  const before = platform.clock.now();
  platform.clock.set(new Date(iso));
  try {
    return await f();
  } finally {
    platform.clock.set(before);
  }
}
