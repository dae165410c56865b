import type { DbOrTx } from '../../db/client';

/**
 * Every query on the deposit tables. Projects are found in the caller's scope by the service
 * (projects' `findProjectForScope` / `projectScope`) before anything here is read or written.
 */

export interface ProjectFactsRow {
  id: string;
  code: string;
  name: string;
  region_code: string;
  region_path: string;
  region_name: string;
  status: string;
  contract_price_fen: string;
  planned_start: string;
  planned_end: string;
  general_contractor_id: string;
  general_contractor_name: string;
  earlier_concurrent: number;
  has_wage_account: boolean;
  has_roster: boolean;
}

// The wage account and the roster are the accounts and workforce modules' tables: only their
// existence is read here (DEP-06), until those modules expose it through their index.
const FACTS = `SELECT p.id, p.code, p.name, p.region_code, p.region_path, r.name AS region_name, p.status, p.contract_price_fen::text,
         p.planned_start::text, p.planned_end::text, p.general_contractor_id, g.name AS general_contractor_name,
         (SELECT count(*) FROM projects o
           WHERE o.general_contractor_id = p.general_contractor_id AND o.id <> p.id AND o.status = 'in_progress'
             AND left(o.region_code, 6) = left(p.region_code, 6) AND (o.planned_start, o.id) < (p.planned_start, p.id))::int AS earlier_concurrent,
         EXISTS (SELECT 1 FROM wage_accounts a WHERE a.project_id = p.id AND a.status <> 'closed') AS has_wage_account,
         EXISTS (SELECT 1 FROM employments e WHERE e.project_id = p.id) AS has_roster
    FROM projects p JOIN regions r ON r.code = p.region_code JOIN enterprises g ON g.id = p.general_contractor_id`;

export async function projectFacts(db: DbOrTx, projectIds: string[]): Promise<ProjectFactsRow[]> {
  if (projectIds.length === 0) return [];
  const { rows } = await db.query<ProjectFactsRow>(`${FACTS} WHERE p.id = ANY($1::uuid[]) ORDER BY p.region_code, p.name`, [projectIds]);
  return rows;
}

/** Projects under construction in scope (the caller's condition on alias `p`), optionally within a region subtree. */
export async function projectsUnderConstruction(db: DbOrTx, scopeSql: (params: unknown[]) => string, regionPath: string | null): Promise<string[]> {
  const params: unknown[] = [regionPath === null ? null : `${regionPath}%`];
  const scope = scopeSql(params);
  const { rows } = await db.query<{ id: string }>(`SELECT p.id FROM projects p WHERE p.status = 'in_progress' AND ($1::text IS NULL OR p.region_path LIKE $1) AND ${scope}`, params);
  return rows.map((r) => r.id);
}

/** Serialises the money moves of one project's deposit (draws, top-ups) while the held amount is checked. */
export async function lockProjectDeposit(db: DbOrTx, projectId: string): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtext('deposit:' || $1))", [projectId]);
}

// ---- arrears history ----

export interface ArrearsRow {
  id: string;
  enterprise_id: string;
  project_id: string | null;
  project_name: string | null;
  found_on: string;
  amount_fen: string;
  resolved_on: string | null;
  source: string;
  reference: string;
  recorded_by: string;
  created_at: Date;
}

export async function arrearsOf(db: DbOrTx, enterpriseIds: string[]): Promise<ArrearsRow[]> {
  if (enterpriseIds.length === 0) return [];
  const { rows } = await db.query<ArrearsRow>(
    `SELECT a.id, a.enterprise_id, a.project_id, p.name AS project_name, a.found_on::text, a.amount_fen::text, a.resolved_on::text, a.source, a.reference,
            a.recorded_by, a.created_at
       FROM enterprise_arrears a LEFT JOIN projects p ON p.id = a.project_id
      WHERE a.enterprise_id = ANY($1::uuid[]) ORDER BY a.found_on DESC, a.id`,
    [enterpriseIds],
  );
  return rows;
}

export async function findArrears(db: DbOrTx, id: string, forUpdate = false): Promise<ArrearsRow | undefined> {
  const { rows } = await db.query<ArrearsRow>(
    `SELECT a.id, a.enterprise_id, a.project_id, NULL::text AS project_name, a.found_on::text, a.amount_fen::text, a.resolved_on::text, a.source, a.reference,
            a.recorded_by, a.created_at
       FROM enterprise_arrears a WHERE a.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export interface ArrearsWrite {
  id: string;
  enterpriseId: string;
  projectId: string | null;
  foundOn: string;
  amountFen: number;
  resolvedOn: string | null;
  source: string;
  reference: string;
  recordedBy: string;
}

export async function insertArrears(db: DbOrTx, a: ArrearsWrite, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO enterprise_arrears (id, enterprise_id, project_id, found_on, amount_fen, resolved_on, source, reference, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [a.id, a.enterpriseId, a.projectId, a.foundOn, a.amountFen, a.resolvedOn, a.source, a.reference, a.recordedBy, now],
  );
}

export async function resolveArrears(db: DbOrTx, id: string, resolvedOn: string): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE enterprise_arrears SET resolved_on = $2 WHERE id = $1 AND resolved_on IS NULL', [id, resolvedOn]);
  return rowCount === 1;
}

/** The unsettled findings one source recorded, by their reference (payroll keeps one per employer and month). */
export async function openArrearsOfSource(db: DbOrTx, source: string): Promise<{ id: string; reference: string; enterprise_id: string }[]> {
  const { rows } = await db.query<{ id: string; reference: string; enterprise_id: string }>(
    'SELECT id, reference, enterprise_id FROM enterprise_arrears WHERE source = $1 AND resolved_on IS NULL',
    [source],
  );
  return rows;
}

export async function openArrearsOnProject(db: DbOrTx, projectId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM enterprise_arrears WHERE project_id = $1 AND resolved_on IS NULL', [projectId]);
  return rows[0].n;
}

export interface ListingRow {
  id: string;
  enterprise_id: string;
  listed_on: string;
  removed_on: string | null;
  decision_no: string;
}

export async function listingsOf(db: DbOrTx, enterpriseIds: string[]): Promise<ListingRow[]> {
  if (enterpriseIds.length === 0) return [];
  const { rows } = await db.query<ListingRow>(
    'SELECT id, enterprise_id, listed_on::text, removed_on::text, decision_no FROM enterprise_dishonesty_listings WHERE enterprise_id = ANY($1::uuid[]) ORDER BY listed_on DESC',
    [enterpriseIds],
  );
  return rows;
}

export async function insertListing(db: DbOrTx, l: { id: string; enterpriseId: string; listedOn: string; removedOn: string | null; decisionNo: string; recordedBy: string }, now: Date): Promise<void> {
  await db.query(
    'INSERT INTO enterprise_dishonesty_listings (id, enterprise_id, listed_on, removed_on, decision_no, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [l.id, l.enterpriseId, l.listedOn, l.removedOn, l.decisionNo, l.recordedBy, now],
  );
}

/** From when each enterprise's arrears record is complete: as recorded, else the day it entered the platform. */
export async function coverageOf(db: DbOrTx, enterpriseIds: string[]): Promise<Map<string, { coveredFrom: string; recorded: boolean }>> {
  if (enterpriseIds.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; covered_from: string; recorded: boolean }>(
    `SELECT e.id, coalesce(c.covered_from, (e.created_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS covered_from, c.enterprise_id IS NOT NULL AS recorded
       FROM enterprises e LEFT JOIN enterprise_arrears_coverage c ON c.enterprise_id = e.id WHERE e.id = ANY($1::uuid[])`,
    [enterpriseIds],
  );
  return new Map(rows.map((r) => [r.id, { coveredFrom: r.covered_from, recorded: r.recorded }]));
}

export async function setCoverage(db: DbOrTx, enterpriseId: string, coveredFrom: string, by: string, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO enterprise_arrears_coverage (enterprise_id, covered_from, recorded_by, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (enterprise_id) DO UPDATE SET covered_from = EXCLUDED.covered_from, recorded_by = EXCLUDED.recorded_by, updated_at = EXCLUDED.updated_at`,
    [enterpriseId, coveredFrom, by, now],
  );
}

// ---- lodgings, draws, top-ups ----

export interface LodgingRow {
  id: string;
  project_id: string;
  form: string;
  amount_fen: string;
  lodged_on: string;
  bank_id: string | null;
  bank_name: string | null;
  account_no: string | null;
  issuer: string | null;
  instrument_no: string | null;
  valid_from: string | null;
  valid_until: string | null;
  recorded_by: string;
  created_at: Date;
}

export async function lodgingsOf(db: DbOrTx, projectIds: string[]): Promise<LodgingRow[]> {
  if (projectIds.length === 0) return [];
  const { rows } = await db.query<LodgingRow>(
    `SELECT l.id, l.project_id, l.form, l.amount_fen::text, l.lodged_on::text, l.bank_id, b.name AS bank_name, l.account_no, l.issuer, l.instrument_no,
            l.valid_from::text, l.valid_until::text, l.recorded_by, l.created_at
       FROM deposit_lodgings l LEFT JOIN banks b ON b.id = l.bank_id WHERE l.project_id = ANY($1::uuid[]) ORDER BY l.lodged_on, l.id`,
    [projectIds],
  );
  return rows;
}

export interface LodgingWrite {
  id: string;
  projectId: string;
  generalContractorId: string;
  form: string;
  amountFen: number;
  lodgedOn: string;
  bankId: string | null;
  accountNo: string | null;
  issuer: string | null;
  instrumentNo: string | null;
  validFrom: string | null;
  validUntil: string | null;
  recordedBy: string;
}

export async function insertLodging(db: DbOrTx, l: LodgingWrite, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO deposit_lodgings (id, project_id, general_contractor_id, form, amount_fen, lodged_on, bank_id, account_no, issuer, instrument_no,
                                   valid_from, valid_until, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [l.id, l.projectId, l.generalContractorId, l.form, l.amountFen, l.lodgedOn, l.bankId, l.accountNo, l.issuer, l.instrumentNo, l.validFrom, l.validUntil, l.recordedBy, now],
  );
}

export interface DrawRow {
  id: string;
  project_id: string;
  amount_fen: string;
  drawn_on: string;
  order_no: string;
  order_issued_on: string;
  order_due_on: string;
  decision_no: string;
  decision_on: string;
  decision_amount_fen: string;
  case_ref: string;
  workers_ref: string;
  top_up_due_on: string | null;
  recorded_by: string;
  created_at: Date;
}

const DRAW_COLUMNS = `d.id, d.project_id, d.amount_fen::text, d.drawn_on::text, d.order_no, d.order_issued_on::text, d.order_due_on::text, d.decision_no,
  d.decision_on::text, d.decision_amount_fen::text, d.case_ref, d.workers_ref, d.top_up_due_on::text, d.recorded_by, d.created_at`;

export async function drawsOf(db: DbOrTx, projectIds: string[]): Promise<DrawRow[]> {
  if (projectIds.length === 0) return [];
  const { rows } = await db.query<DrawRow>(`SELECT ${DRAW_COLUMNS} FROM deposit_draws d WHERE d.project_id = ANY($1::uuid[]) ORDER BY d.drawn_on, d.id`, [projectIds]);
  return rows;
}

/** A draw, if its project is in scope (the caller's condition on alias `p`). */
export async function findDrawInScope(db: DbOrTx, scopeSql: (params: unknown[]) => string, id: string, forUpdate = false): Promise<DrawRow | undefined> {
  const params: unknown[] = [id];
  const scope = scopeSql(params);
  const { rows } = await db.query<DrawRow>(`SELECT ${DRAW_COLUMNS} FROM deposit_draws d JOIN projects p ON p.id = d.project_id WHERE d.id = $1 AND ${scope}${forUpdate ? ' FOR UPDATE OF d' : ''}`, params);
  return rows[0];
}

export interface DrawWrite {
  id: string;
  projectId: string;
  amountFen: number;
  drawnOn: string;
  orderNo: string;
  orderIssuedOn: string;
  orderDueOn: string;
  decisionNo: string;
  decisionOn: string;
  decisionAmountFen: number;
  caseRef: string;
  workersRef: string;
  topUpDueOn: string | null;
  recordedBy: string;
}

export async function insertDraw(db: DbOrTx, d: DrawWrite, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO deposit_draws (id, project_id, amount_fen, drawn_on, order_no, order_issued_on, order_due_on, order_unmet, decision_no, decision_on,
                                decision_amount_fen, case_ref, workers_ref, top_up_due_on, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [d.id, d.projectId, d.amountFen, d.drawnOn, d.orderNo, d.orderIssuedOn, d.orderDueOn, d.decisionNo, d.decisionOn, d.decisionAmountFen, d.caseRef, d.workersRef, d.topUpDueOn, d.recordedBy, now],
  );
}

export interface TopUpRow {
  id: string;
  draw_id: string;
  project_id: string;
  amount_fen: string;
  topped_on: string;
  form: string;
  reference: string;
  recorded_by: string;
}

export async function topUpsOf(db: DbOrTx, projectIds: string[]): Promise<TopUpRow[]> {
  if (projectIds.length === 0) return [];
  const { rows } = await db.query<TopUpRow>(
    'SELECT id, draw_id, project_id, amount_fen::text, topped_on::text, form, reference, recorded_by FROM deposit_top_ups WHERE project_id = ANY($1::uuid[]) ORDER BY topped_on, id',
    [projectIds],
  );
  return rows;
}

export async function insertTopUp(db: DbOrTx, t: { id: string; drawId: string; projectId: string; amountFen: number; toppedOn: string; form: string; reference: string; recordedBy: string }, now: Date): Promise<void> {
  await db.query(
    'INSERT INTO deposit_top_ups (id, draw_id, project_id, amount_fen, topped_on, form, reference, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [t.id, t.drawId, t.projectId, t.amountFen, t.toppedOn, t.form, t.reference, t.recordedBy, now],
  );
}

// ---- return ----

export interface ReturnRow {
  project_id: string;
  status: string;
  applied_on: string;
  applied_by: string;
  approved_by_id: string | null;
  approved_by: string | null;
  notice_from: string | null;
  notice_until: string | null;
  ordered_on: string | null;
  ordered_by: string | null;
  bank_due_on: string | null;
  returned_on: string | null;
  reject_reason: string | null;
  version: number;
}

export async function returnsOf(db: DbOrTx, projectIds: string[], forUpdate = false): Promise<ReturnRow[]> {
  if (projectIds.length === 0) return [];
  const { rows } = await db.query<ReturnRow>(
    `SELECT project_id, status, applied_on::text, applied_by, approved_by_id, approved_by, notice_from::text, notice_until::text, ordered_on::text, ordered_by,
            bank_due_on::text, returned_on::text, reject_reason, version
       FROM deposit_returns WHERE project_id = ANY($1::uuid[])${forUpdate ? ' FOR UPDATE' : ''}`,
    [projectIds],
  );
  return rows;
}

export async function applyReturn(db: DbOrTx, projectId: string, appliedOn: string, by: string, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO deposit_returns (project_id, status, applied_on, applied_by, updated_at) VALUES ($1, 'applied', $2, $3, $4)
     ON CONFLICT (project_id) DO UPDATE SET status = 'applied', applied_on = EXCLUDED.applied_on, applied_by = EXCLUDED.applied_by, approved_by_id = NULL,
       approved_by = NULL, notice_from = NULL, notice_until = NULL, ordered_on = NULL, ordered_by = NULL, bank_due_on = NULL, returned_on = NULL,
       reject_reason = NULL, updated_at = EXCLUDED.updated_at, version = deposit_returns.version + 1
     WHERE deposit_returns.status = 'rejected'`,
    [projectId, appliedOn, by, now],
  );
}

/** One step of the return, guarded by the version read before it. */
export async function updateReturn(
  db: DbOrTx,
  projectId: string,
  version: number,
  s: Partial<{ status: string; approvedById: string | null; approvedBy: string; noticeFrom: string; noticeUntil: string; orderedOn: string; orderedBy: string; bankDueOn: string | null; returnedOn: string; rejectReason: string }>,
  now: Date,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE deposit_returns SET status = coalesce($3, status), approved_by_id = CASE WHEN $4::boolean THEN $5::uuid ELSE approved_by_id END,
            approved_by = coalesce($6, approved_by), notice_from = coalesce($7::date, notice_from), notice_until = coalesce($8::date, notice_until),
            ordered_on = coalesce($9::date, ordered_on), ordered_by = coalesce($10, ordered_by), bank_due_on = coalesce($11::date, bank_due_on),
            returned_on = coalesce($12::date, returned_on), reject_reason = coalesce($13, reject_reason), updated_at = $14, version = version + 1
      WHERE project_id = $1 AND version = $2`,
    [
      projectId,
      version,
      s.status ?? null,
      'approvedById' in s,
      s.approvedById ?? null,
      s.approvedBy ?? null,
      s.noticeFrom ?? null,
      s.noticeUntil ?? null,
      s.orderedOn ?? null,
      s.orderedBy ?? null,
      s.bankDueOn ?? null,
      s.returnedOn ?? null,
      s.rejectReason ?? null,
      now,
    ],
  );
  return rowCount === 1;
}
