import { v7 as uuidv7 } from 'uuid';
import { insertEnterprises } from '../../src/server/modules/orgs/orgs.repo';
import { createProject } from '../../src/server/modules/projects/projects.service';
import { ruleOf } from '../../src/server/modules/warnings/rules';
import { scanInputs } from '../../src/server/modules/warnings/warnings.scan';
import { evaluateRule } from '../../src/server/modules/warnings/warnings.scan.repo';
import type { Platform } from '../../src/server/platform/context';
import { TREE, creditCode } from './fixtures';
import { ctxOf } from './warnings';

/**
 * Data for the guarantee-rule tests (W10–W17), written as plain rows: enterprises and projects of
 * their own so each test stands alone, deposits, payrolls with their lines, complaints, owner
 * payments, risk signals and arrears findings.
 */

const TOWNS: Record<string, string> = {
  [TREE.townA1]: `450000/450100/${TREE.districtA}/${TREE.townA1}/`,
  [TREE.townA2]: `450000/450100/${TREE.districtA}/${TREE.townA2}/`,
  [TREE.townB1]: `450000/450100/${TREE.districtB}/${TREE.townB1}/`,
  [TREE.townB2]: `450000/450100/${TREE.districtB}/${TREE.townB2}/`,
};

let serial = 100;

/** An enterprise in a town (general contractor by default). */
export async function addEnterprise(platform: Platform, name: string, town: string = TREE.townA1, type = 'general_contractor'): Promise<string> {
  const id = uuidv7();
  serial++;
  await insertEnterprises(platform.db, [
    {
      id,
      creditCode: creditCode(town.slice(0, 6), serial),
      name,
      type,
      industry: 'housing',
      regionCode: town,
      regionPath: TOWNS[town],
      legalRepName: '李平',
      legalRepIdEnc: null,
      legalRepIdBidx: null,
      legalRepPhoneEnc: null,
      legalRepPhoneBidx: null,
      address: null,
      bankId: null,
      status: 'active',
    },
  ]);
  return id;
}

export interface NewProject {
  name: string;
  town?: string;
  ownerId: string;
  generalContractorId: string;
  investmentType?: 'government' | 'soe' | 'ppp' | 'private';
  contractPriceFen?: number;
  plannedStart?: string;
  plannedEnd?: string;
  /** Default in progress since 2026-02-10. */
  status?: 'not_started' | 'in_progress';
  actualStart?: string;
}

/** A project registered through the projects service (so the parties and tier are as the system sets them). */
export async function addProject(platform: Platform, p: NewProject): Promise<string> {
  const town = p.town ?? TREE.townA1;
  const status = p.status ?? 'in_progress';
  const created = await createProject(ctxOf(platform), {
    name: p.name,
    regionCode: town,
    address: `${p.name}工地`,
    industry: 'building',
    investmentType: p.investmentType ?? 'government',
    contractPriceFen: p.contractPriceFen ?? 120_000_000_00,
    plannedStart: p.plannedStart ?? '2026-02-01',
    plannedEnd: p.plannedEnd ?? '2027-06-30',
    ownerId: p.ownerId,
    generalContractorId: p.generalContractorId,
    laborOfficerName: '周敏',
    laborOfficerPhone: '13912345678',
    status,
    actualStart: status === 'in_progress' ? (p.actualStart ?? '2026-02-10') : null,
  });
  return created.id;
}

/** A subcontractor on the project, let by the general contractor (and so a party to it). */
export async function addSubcontract(platform: Platform, projectId: string, enterpriseId: string, parentId: string) {
  await platform.db.query(
    `INSERT INTO subcontracts (project_id, id, enterprise_id, parent_id, scope_of_work, amount_fen, signed_on) VALUES ($1, $2, $3, $4, '劳务分包', 100000000, '2026-02-01')`,
    [projectId, uuidv7(), enterpriseId, parentId],
  );
  await platform.db.query('UPDATE projects SET party_ids = array_append(party_ids, $2::uuid) WHERE id = $1', [projectId, enterpriseId]);
}

/** From when the wage office's arrears record of the enterprise is complete. */
export async function setCoverage(platform: Platform, enterpriseId: string, coveredFrom: string) {
  await platform.db.query(
    `INSERT INTO enterprise_arrears_coverage (enterprise_id, covered_from, recorded_by, updated_at) VALUES ($1, $2, 'test', now())
     ON CONFLICT (enterprise_id) DO UPDATE SET covered_from = EXCLUDED.covered_from`,
    [enterpriseId, coveredFrom],
  );
}

export async function addArrears(platform: Platform, enterpriseId: string, a: { foundOn: string; amountFen: number; resolvedOn?: string | null; source?: string; projectId?: string | null }) {
  const id = uuidv7();
  await platform.db.query(
    `INSERT INTO enterprise_arrears (id, enterprise_id, project_id, found_on, amount_fen, resolved_on, source, reference, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'test', now())`,
    [id, enterpriseId, a.projectId ?? null, a.foundOn, a.amountFen, a.resolvedOn ?? null, a.source ?? 'inspection', `查-${id.slice(-6)}`],
  );
  return id;
}

let bankId: string | null = null;
async function bank(platform: Platform) {
  if (!bankId) {
    bankId = uuidv7();
    await platform.db.query(`INSERT INTO banks (id, name, bank_code) VALUES ($1, '南江保证金测试银行', '402451009999')`, [bankId]);
  }
  return bankId;
}

/** Cash in a deposit account, or an instrument valid until `validUntil`. */
export async function lodge(platform: Platform, projectId: string, gcId: string, l: { amountFen: number; lodgedOn: string; validUntil?: string }) {
  const instrument = l.validUntil !== undefined;
  await platform.db.query(
    `INSERT INTO deposit_lodgings (id, project_id, general_contractor_id, form, amount_fen, lodged_on, bank_id, account_no, issuer, instrument_no, valid_from, valid_until, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'test', now())`,
    [
      uuidv7(),
      projectId,
      gcId,
      instrument ? 'bank_guarantee' : 'cash',
      l.amountFen,
      l.lodgedOn,
      instrument ? null : await bank(platform),
      instrument ? null : '62170000123',
      instrument ? '南江银行' : null,
      instrument ? 'BH-001' : null,
      instrument ? l.lodgedOn : null,
      l.validUntil ?? null,
    ],
  );
}

/** A draw on an HRSS decision (order issued a week before, unmet; decided the day before the draw). */
export async function draw(platform: Platform, projectId: string, d: { amountFen: number; drawnOn: string; orderIssuedOn: string; orderDueOn: string; decisionOn: string }) {
  const id = uuidv7();
  await platform.db.query(
    `INSERT INTO deposit_draws (id, project_id, amount_fen, drawn_on, order_no, order_issued_on, order_due_on, order_unmet, decision_no, decision_on,
                                decision_amount_fen, case_ref, workers_ref, top_up_due_on, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, '责令-1', $5, $6, true, '东人社保用〔2026〕1号', $7, $3, '案-2026-1', '名单-1', NULL, 'test', now())`,
    [id, projectId, d.amountFen, d.drawnOn, d.orderIssuedOn, d.orderDueOn, d.decisionOn],
  );
  return id;
}

export async function topUp(platform: Platform, drawId: string, projectId: string, amountFen: number, toppedOn: string) {
  await platform.db.query(
    `INSERT INTO deposit_top_ups (id, draw_id, project_id, amount_fen, topped_on, form, reference, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, 'cash', '补-1', 'test', now())`,
    [uuidv7(), drawId, projectId, amountFen, toppedOn],
  );
}

/** The project's wage account, open. */
export async function openWageAccount(platform: Platform, projectId: string, gcId: string) {
  await platform.db.query(
    `INSERT INTO wage_accounts (id, project_id, general_contractor_id, bank_id, account_no, account_name, contract_signed_on, opened_on)
     VALUES ($1, $2, $3, $4, $5, '工资专用账户', '2026-01-10', '2026-01-15')`,
    [uuidv7(), projectId, gcId, await bank(platform), `6217${Date.now()}${serial++}`],
  );
}

export interface LineInput {
  workerId: string;
  employmentId: string;
  netFen?: number;
  payStatus?: 'unpaid' | 'in_payment' | 'paid' | 'failed' | 'nothing_due';
  confirmation?: 'pending' | 'confirmed' | 'disputed';
  /** When the worker confirmed or disputed (default 2026-02-20 10:00 Shanghai). */
  confirmedAt?: string;
}

/** The current payroll of an employer's month with its lines; returns the lines' ids in order. */
export async function addPayroll(platform: Platform, projectId: string, employerId: string, month: string, lines: LineInput[]): Promise<string[]> {
  const payrollId = uuidv7();
  const paid = lines.every((l) => l.payStatus === 'paid' || l.payStatus === 'nothing_due');
  await platform.db.query(
    `INSERT INTO payrolls (project_id, id, employer_id, month, status, prepared_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 't', now(), now())`,
    [projectId, payrollId, employerId, `${month}-01`, paid ? 'paid' : 'approved'],
  );
  const ids: string[] = [];
  for (const l of lines) {
    const id = uuidv7();
    const net = l.netFen ?? 350_000;
    const confirmation = l.confirmation ?? 'pending';
    const payStatus = l.payStatus ?? 'unpaid';
    await platform.db.query(
      `INSERT INTO payroll_lines (project_id, id, payroll_id, worker_id, employment_id, wage_type, wage_amount_fen, attendance_days, days_worked,
                                  gross_fen, deduction_fen, net_fen, payable_fen, confirmation, confirmed_via, confirmed_at, pay_status, paid_fen)
       VALUES ($1, $2, $3, $4, $5, 'daily', 35000, 10, 10, $6, 0, $6, $6, $7, $8, $9, $10, $11)`,
      [
        projectId,
        id,
        payrollId,
        l.workerId,
        l.employmentId,
        net,
        confirmation,
        confirmation === 'pending' ? null : 'worker',
        confirmation === 'pending' ? null : (l.confirmedAt ?? '2026-02-20T10:00:00+08:00'),
        payStatus,
        payStatus === 'paid' ? net : 0,
      ],
    );
    ids.push(id);
  }
  return ids;
}

/** Changes lines as the payroll module would (confirmation, payment). */
export async function updateLines(platform: Platform, projectId: string, lineIds: string[], set: { confirmation?: string; payStatus?: string; confirmedAt?: string }) {
  await platform.db.query(
    `UPDATE payroll_lines SET confirmation = coalesce($3, confirmation),
            confirmed_at = CASE WHEN $3::text IS NULL THEN confirmed_at ELSE coalesce($5::timestamptz, '2026-03-01T10:00:00+08:00') END,
            confirmed_via = CASE WHEN $3::text IS NULL THEN confirmed_via ELSE 'worker' END,
            pay_status = coalesce($4, pay_status), paid_fen = CASE WHEN $4 = 'paid' THEN payable_fen ELSE paid_fen END
      WHERE project_id = $1 AND id = ANY ($2::uuid[])`,
    [projectId, lineIds, set.confirmation ?? null, set.payStatus ?? null, set.confirmedAt ?? null],
  );
}

export async function addCompletedValue(platform: Platform, projectId: string, month: string, amountFen: number, confirmed = true) {
  await platform.db.query(
    `INSERT INTO completed_values (project_id, id, month, version, amount_fen, recorded_by_name, recorded_at, confirmed_by_name, confirmed_at)
     VALUES ($1, $2, $3, 1, $4, 'test', now(), $5, $6)`,
    [projectId, uuidv7(), `${month}-01`, amountFen, confirmed ? 'owner' : null, confirmed ? new Date() : null],
  );
}

export async function addOwnerPayment(platform: Platform, projectId: string, paidOn: string, amountFen: number, kind = 'progress') {
  const id = uuidv7();
  await platform.db.query(
    `INSERT INTO owner_payments (project_id, id, paid_on, amount_fen, kind, reference, recorded_by_name, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, 'test', now())`,
    [projectId, id, paidOn, amountFen, kind, `付-${id.slice(-8)}`],
  );
}

export async function addSignal(
  platform: Platform,
  enterpriseId: string,
  s: { kind: 'water' | 'power' | 'gas' | 'tax' | 'social_insurance'; source: string; period: string; overdueFen: number; overdueMonths: number },
) {
  const id = uuidv7();
  await platform.db.query(
    `INSERT INTO enterprise_risk_signals (id, enterprise_id, kind, source, source_ref, period, overdue_fen, overdue_months, recorded_by, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'test', now())`,
    [id, enterpriseId, s.kind, s.source, id, s.period, s.overdueFen, s.overdueMonths],
  );
  return id;
}

/** A rule's evaluation alone (every subject, hit or not), with the scan's own inputs. */
export async function evaluate(platform: Platform, code: string, projectIds: string[] | null = null) {
  const rule = ruleOf(code);
  if (!rule) throw new Error(`no rule ${code}`);
  const inputs = await scanInputs(ctxOf(platform), [rule]);
  return evaluateRule(platform.db, rule, { params: inputs.params, today: inputs.today, projectIds, calendar: inputs.calendar });
}
