import { v7 as uuidv7 } from 'uuid';
import { ensureAttendancePartitions } from '../../src/server/modules/attendance/attendance.repo';
import { insertEnterprises } from '../../src/server/modules/orgs/orgs.repo';
import { createProject, type ProjectInput } from '../../src/server/modules/projects/projects.service';
import type { Platform } from '../../src/server/platform/context';
import { TREE, creditCode } from './fixtures';
import { addWorkers, ctxOf, warningsOf, type WarningRowT } from './warnings';

/**
 * Helpers for the project rules' tests (W01, W02, W09, W15, W21–W23): a fresh project that meets
 * every project rule unless told otherwise, the rows the rules read written with plain SQL, and a
 * rule's warnings on one project.
 */

let serial = 0;

/**
 * Where a test project sits: district A's town 001 (its contractor enterpriseA), district A's town
 * 002, or district B's town 002 (enterpriseB). The last two hold no fixture project, so a town's own
 * parameter values set there touch no other test's project.
 */
export const SITES = {
  A: { regionCode: TREE.townA1, address: '东城区001镇测试路', industry: 'building' as const },
  A2: { regionCode: TREE.townA2, address: '东城区002镇测试路', industry: 'building' as const },
  B: { regionCode: TREE.townB2, address: '西城区002镇测试路', industry: 'transport' as const },
};

/**
 * A project under construction since 2026-01-05, entered on 2026-01-04, with its project manager,
 * chief supervisor and labour officer, the full rights board and the payment guarantee.
 * `registeredOn` moves the entry date; the rest is the service's input.
 */
export async function newProject(
  platform: Platform,
  o: { ownerId: string; generalContractorId: string; site?: keyof typeof SITES; registeredOn?: string } & Partial<ProjectInput>,
): Promise<string> {
  serial++;
  const { site = 'A', registeredOn = '2026-01-04', ...input } = o;
  const project = await createProject(ctxOf(platform), {
    name: `预警测试项目${serial}号`,
    ...SITES[site],
    investmentType: 'government',
    contractPriceFen: 50_000_000_00,
    plannedStart: '2026-01-05',
    plannedEnd: '2027-06-30',
    status: 'in_progress',
    actualStart: '2026-01-05',
    laborOfficerName: '周敏',
    laborOfficerPhone: '13912345678',
    projectManagerName: '钱进',
    projectManagerIdNumber: '450102198503150034',
    chiefSupervisorName: '孙立',
    chiefSupervisorIdNumber: '450102198001012344',
    boardSetUp: true,
    boardContents: ['parties', 'wage_info', 'hotlines'],
    paymentGuarantee: true,
    ...input,
  });
  await platform.db.query(`UPDATE projects SET registered_at = ($2::date + time '10:00') AT TIME ZONE 'Asia/Shanghai' WHERE id = $1`, [project.id, registeredOn]);
  return project.id;
}

/** Plain-SQL changes to a project row (what an import or a later edit leaves behind). */
export async function setProject(platform: Platform, projectId: string, set: string, params: unknown[] = []) {
  await platform.db.query(`UPDATE projects SET ${set} WHERE id = $1`, [projectId, ...params]);
}

/** Moves a project to `status` on `date`, with its status history, as the ledger would. */
export async function moveProject(platform: Platform, projectId: string, status: 'suspended' | 'completed' | 'in_progress' | 'accepted', date: string) {
  await platform.db.query(
    `UPDATE projects SET status = $2, actual_end = CASE WHEN $2 = 'completed' THEN $3::date WHEN $2 = 'in_progress' THEN NULL ELSE actual_end END WHERE id = $1`,
    [projectId, status, date],
  );
  await platform.db.query(
    `INSERT INTO project_status_history (id, project_id, at, from_status, to_status, reason, actor_name)
     VALUES ($1, $2, ($4::date + time '09:00') AT TIME ZONE 'Asia/Shanghai', NULL, $3, 'test', 'test')`,
    [uuidv7(), projectId, status, date],
  );
}

/** An enterprise of its own (a subcontractor unless told), for listings and arrears. */
export async function newEnterprise(platform: Platform, name: string, type = 'labor_subcontractor'): Promise<string> {
  serial++;
  const id = uuidv7();
  await insertEnterprises(platform.db, [
    {
      id,
      creditCode: creditCode(TREE.districtA, 500 + serial),
      name,
      type,
      industry: 'housing',
      regionCode: TREE.townA1,
      regionPath: `450000/450100/${TREE.districtA}/${TREE.townA1}/`,
      legalRepName: '吴刚',
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

/** The project's wage account at a bank of its own, opened on `openedOn`, with or without the three-party agreement file. */
export async function openAccount(platform: Platform, projectId: string, generalContractorId: string, o: { openedOn?: string; agreement: boolean }) {
  serial++;
  const bankId = uuidv7();
  await platform.db.query(`INSERT INTO banks (id, name, bank_code) VALUES ($1, $2, $3)`, [bankId, `测试银行${serial}`, `T${String(serial).padStart(4, '0')}`]);
  const fileId = o.agreement ? await agreementFile(platform) : null;
  const accountId = uuidv7();
  await platform.db.query(
    `INSERT INTO wage_accounts (id, project_id, general_contractor_id, bank_id, account_no, account_name, contract_signed_on, opened_on, agreement_signed_on, agreement_file_id)
     VALUES ($1, $2, $3, $4, $5, '测试项目农民工工资专用账户', '2026-01-02', $6, $7, $8)`,
    [accountId, projectId, generalContractorId, bankId, `62${String(serial).padStart(14, '0')}`, o.openedOn ?? '2026-01-03', o.agreement ? (o.openedOn ?? '2026-01-03') : null, fileId],
  );
  return { accountId, bankName: `测试银行${serial}` };
}

/** A files row standing for an uploaded three-party agreement. */
export async function agreementFile(platform: Platform): Promise<string> {
  const id = uuidv7();
  await platform.db.query(`INSERT INTO files (id, sha256, name, mime, size, created_by) VALUES ($1, $2, '三方协议.pdf', 'application/pdf', 1024, 'test')`, [
    id,
    'a'.repeat(64),
  ]);
  return id;
}

export interface GateEvent {
  date: string;
  idBidx: string;
  status: 'registered' | 'unknown_worker' | 'not_on_roster' | 'key_staff';
  role?: 'project_manager' | 'chief_supervisor';
  workerId?: string | null;
}

/** Clock-in events as the attendance module stores them (one 'in' event at 08:00 per row). */
export async function gateEvents(platform: Platform, projectId: string, events: GateEvent[]) {
  await ensureAttendancePartitions(platform.db, [...new Set(events.map((e) => `${e.date.slice(0, 7)}-01`))]);
  const sourceId = uuidv7();
  await platform.db.query(
    `INSERT INTO attendance_events (project_id, id, work_date, occurred_at, direction, method, method_allowed, source, source_id, source_event_id,
                                    device_code, id_bidx, id_enc, worker_id, key_staff_role, status, received_at)
     SELECT $1, t.id, t.d, (t.d + time '08:00') AT TIME ZONE 'Asia/Shanghai', 'in', 'face', true, 'device', $2, t.id::text,
            'GATE-1', t.bidx, CASE WHEN t.worker_id IS NULL THEN 'x' END, t.worker_id, t.role, t.status, now()
       FROM unnest($3::uuid[], $4::date[], $5::text[], $6::text[], $7::text[], $8::uuid[]) AS t(id, d, bidx, status, role, worker_id)`,
    [
      projectId,
      sourceId,
      events.map(() => uuidv7()),
      events.map((e) => e.date),
      events.map((e) => e.idBidx),
      events.map((e) => e.status),
      events.map((e) => e.role ?? null),
      events.map((e) => e.workerId ?? null),
    ],
  );
}

/** The project's key staff blind indexes (what attendance matches their clock-ins by). */
export async function keyStaffBidx(platform: Platform, projectId: string) {
  const { rows } = await platform.db.query<{ pm: string; cs: string }>(
    `SELECT project_manager_id_bidx AS pm, chief_supervisor_id_bidx AS cs FROM projects WHERE id = $1`,
    [projectId],
  );
  return rows[0];
}

/** Puts the person with this blind index on the project's roster (registering them first when unknown). */
export async function enrol(platform: Platform, projectId: string, employerId: string, idBidx: string, entryDate = '2026-03-02') {
  const { rows } = await platform.db.query<{ id: string }>(`SELECT id FROM workers WHERE id_bidx = $1`, [idBidx]);
  let workerId = rows[0]?.id;
  if (!workerId) {
    workerId = uuidv7();
    await platform.db.query(
      `INSERT INTO workers (id, name, id_enc, id_bidx, id_mask, birth_date, gender) VALUES ($1, '补录工人', 'x', $2, '4501**********0000', '1990-01-01', 'male')`,
      [workerId, idBidx],
    );
  }
  await platform.db.query(
    `INSERT INTO employments (project_id, id, worker_id, employer_id, trade, entry_date, wage_type, wage_amount_fen, contract_kind, contract_signed_on, safety_training_on)
     VALUES ($1, $2, $3, $4, '020', $5, 'daily', 35000, 'labor_contract', $5, $5)`,
    [projectId, uuidv7(), workerId, employerId, entryDate],
  );
  return workerId;
}

/**
 * A payroll of the employer for `month` ('2026-01-01'), due on `dueOn`, with one line per amount
 * (payable fen; paid nothing unless `paidFen` says). Its workers are put on the roster first.
 */
export async function payroll(
  platform: Platform,
  projectId: string,
  employerId: string,
  o: { month: string; dueOn: string; status: 'approved' | 'paying' | 'partially_paid' | 'paid' | 'draft'; lines: { payableFen: number; paidFen?: number }[] },
) {
  const crew = await addWorkers(platform, projectId, employerId, o.lines.length);
  const payrollId = uuidv7();
  await platform.db.query(
    `INSERT INTO payrolls (project_id, id, employer_id, month, status, due_on, prepared_by, approved_by, approved_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 't', 't', now(), now(), now())`,
    [projectId, payrollId, employerId, o.month, o.status, o.dueOn],
  );
  const lineIds: string[] = [];
  for (const [i, l] of o.lines.entries()) {
    const id = uuidv7();
    lineIds.push(id);
    const paid = l.paidFen ?? 0;
    await platform.db.query(
      `INSERT INTO payroll_lines (project_id, id, payroll_id, worker_id, employment_id, wage_type, wage_amount_fen, attendance_days, days_worked,
                                  gross_fen, deduction_fen, net_fen, payable_fen, confirmation, pay_status, paid_fen)
       VALUES ($1, $2, $3, $4, $5, 'daily', 35000, 10, 10, $6, 0, $6, $6, 'confirmed', $7, $8)`,
      [projectId, id, payrollId, crew[i].workerId, crew[i].employmentId, l.payableFen, paid >= l.payableFen ? 'paid' : 'unpaid', paid],
    );
  }
  return { payrollId, lineIds };
}

/** Marks every line of the payroll paid in full through the account, and the payroll paid. */
export async function payInFull(platform: Platform, projectId: string, payrollId: string) {
  await platform.db.query(`UPDATE payroll_lines SET paid_fen = payable_fen, pay_status = 'paid' WHERE project_id = $1 AND payroll_id = $2`, [projectId, payrollId]);
  await platform.db.query(`UPDATE payrolls SET status = 'paid' WHERE project_id = $1 AND id = $2`, [projectId, payrollId]);
}

/** A rule's warnings on one project, open ones first. */
export async function warningsOn(platform: Platform, code: string, projectId: string, status: 'open' | 'all' = 'all'): Promise<WarningRowT[]> {
  return (await warningsOf(platform, code, status)).filter((w) => w.project_id === projectId);
}
