import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';

/** A fund is seen by officials over its region (the wage office; no industry or enterprise column). */
const fundScope = (actor: Actor, params: unknown[]) => scopeCondition(actor, { regionPath: 'f.region_path' }, params);

export interface FundRow {
  id: string;
  region_code: string;
  region_path: string;
  region_name: string;
  region_level: number;
  name: string;
  created_at: Date;
  balance_fen: string;
}

const FUND = `SELECT f.id, f.region_code, f.region_path, r.name AS region_name, r.level AS region_level, f.name, f.created_at,
    coalesce((SELECT sum(m.amount_fen) FROM fund_movements m WHERE m.fund_id = f.id), 0)::text AS balance_fen
  FROM emergency_funds f JOIN regions r ON r.code = f.region_code`;

export async function listFunds(db: DbOrTx, actor: Actor): Promise<FundRow[]> {
  const params: unknown[] = [];
  const scope = fundScope(actor, params);
  const { rows } = await db.query<FundRow>(`${FUND} WHERE ${scope} ORDER BY f.region_path`, params);
  return rows;
}

export async function findFundInScope(db: DbOrTx, actor: Actor, id: string): Promise<FundRow | undefined> {
  const params: unknown[] = [id];
  const scope = fundScope(actor, params);
  const { rows } = await db.query<FundRow>(`${FUND} WHERE f.id = $1 AND ${scope}`, params);
  return rows[0];
}

export async function fundOfRegion(db: DbOrTx, regionCode: string): Promise<{ id: string } | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM emergency_funds WHERE region_code = $1', [regionCode]);
  return rows[0];
}

export async function insertFund(db: DbOrTx, f: { id: string; regionCode: string; regionPath: string; name: string; createdBy: string }, now: Date): Promise<void> {
  await db.query('INSERT INTO emergency_funds (id, region_code, region_path, name, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [f.id, f.regionCode, f.regionPath, f.name, f.createdBy, now]);
}

/** Serialises the money moves of one fund while its balance is checked. */
export async function lockFund(db: DbOrTx, fundId: string): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtext('fund:' || $1))", [fundId]);
}

export async function balanceOf(db: DbOrTx, fundId: string): Promise<number> {
  const { rows } = await db.query<{ s: string }>('SELECT coalesce(sum(amount_fen), 0)::text AS s FROM fund_movements WHERE fund_id = $1', [fundId]);
  return Number(rows[0].s);
}

export interface MovementRow {
  id: string;
  kind: string;
  amount_fen: string;
  on_date: string;
  reference: string;
  advance_id: string | null;
  recorded_by: string;
  created_at: Date;
}

export async function movementsOf(db: DbOrTx, fundId: string): Promise<MovementRow[]> {
  const { rows } = await db.query<MovementRow>(
    'SELECT id, kind, amount_fen::text, on_date::text, reference, advance_id, recorded_by, created_at FROM fund_movements WHERE fund_id = $1 ORDER BY on_date, created_at, id',
    [fundId],
  );
  return rows;
}

export async function insertMovement(
  db: DbOrTx,
  m: { id: string; fundId: string; kind: string; amountFen: number; onDate: string; reference: string; advanceId?: string | null; recoveryId?: string | null; recordedBy: string },
  now: Date,
): Promise<void> {
  await db.query(
    'INSERT INTO fund_movements (id, fund_id, kind, amount_fen, on_date, reference, advance_id, recovery_id, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
    [m.id, m.fundId, m.kind, m.amountFen, m.onDate, m.reference, m.advanceId ?? null, m.recoveryId ?? null, m.recordedBy, now],
  );
}

export interface AdvanceRow {
  id: string;
  fund_id: string;
  decision_no: string;
  decision_on: string;
  case_ref: string;
  employer_id: string;
  employer_name: string;
  project_id: string | null;
  arrears_fen: string;
  total_fen: string;
  deposit_shortfall_note: string;
  higher_approval_ref: string | null;
  paid_on: string;
  recorded_by: string;
  recovered_fen: string;
}

const ADVANCE = `SELECT a.id, a.fund_id, a.decision_no, a.decision_on::text, a.case_ref, a.employer_id, e.name AS employer_name, a.project_id, a.arrears_fen::text,
    a.total_fen::text, a.deposit_shortfall_note, a.higher_approval_ref, a.paid_on::text, a.recorded_by,
    coalesce((SELECT sum(r.amount_fen) FROM fund_recoveries r WHERE r.advance_id = a.id), 0)::text AS recovered_fen
  FROM fund_advances a JOIN enterprises e ON e.id = a.employer_id`;

export async function advancesOf(db: DbOrTx, fundId: string): Promise<AdvanceRow[]> {
  const { rows } = await db.query<AdvanceRow>(`${ADVANCE} WHERE a.fund_id = $1 ORDER BY a.paid_on, a.id`, [fundId]);
  return rows;
}

export async function findAdvanceInScope(db: DbOrTx, actor: Actor, id: string): Promise<(AdvanceRow & { region_path: string }) | undefined> {
  const params: unknown[] = [id];
  const scope = fundScope(actor, params);
  const { rows } = await db.query<AdvanceRow & { region_path: string }>(`SELECT x.*, f.region_path FROM (${ADVANCE}) x JOIN emergency_funds f ON f.id = x.fund_id WHERE x.id = $1 AND ${scope}`, params);
  return rows[0];
}

export async function decisionTaken(db: DbOrTx, fundId: string, decisionNo: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM fund_advances WHERE fund_id = $1 AND decision_no = $2', [fundId, decisionNo]);
  return rows.length > 0;
}

export interface AdvanceWrite {
  id: string;
  fundId: string;
  decisionNo: string;
  decisionOn: string;
  caseRef: string;
  employerId: string;
  projectId: string | null;
  arrearsFen: number;
  totalFen: number;
  depositShortfallNote: string;
  higherApprovalRef: string | null;
  paidOn: string;
  recordedBy: string;
  lines: { workerId: string; amountFen: number }[];
}

/** The advance with its lines in one statement. */
export async function insertAdvance(db: DbOrTx, a: AdvanceWrite, now: Date): Promise<void> {
  await db.query(
    `WITH adv AS (
       INSERT INTO fund_advances (id, fund_id, decision_no, decision_on, case_ref, employer_id, project_id, arrears_fen, total_fen, deposit_shortfall_note,
                                  higher_approval_ref, paid_on, recorded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id
     )
     INSERT INTO fund_advance_lines (advance_id, worker_id, amount_fen)
     SELECT adv.id, l.worker_id, l.amount_fen FROM adv, unnest($15::uuid[], $16::bigint[]) AS l(worker_id, amount_fen)`,
    [
      a.id, a.fundId, a.decisionNo, a.decisionOn, a.caseRef, a.employerId, a.projectId, a.arrearsFen, a.totalFen, a.depositShortfallNote, a.higherApprovalRef, a.paidOn, a.recordedBy, now,
      a.lines.map((l) => l.workerId), a.lines.map((l) => l.amountFen),
    ],
  );
}

export async function linesOf(db: DbOrTx, advanceIds: string[]): Promise<{ advance_id: string; worker_id: string; worker_name: string; amount_fen: string }[]> {
  if (advanceIds.length === 0) return [];
  // The worker's name only: the registry's personal data stays with workforce.
  const { rows } = await db.query<{ advance_id: string; worker_id: string; worker_name: string; amount_fen: string }>(
    `SELECT l.advance_id, l.worker_id, w.name AS worker_name, l.amount_fen::text FROM fund_advance_lines l JOIN workers w ON w.id = l.worker_id
      WHERE l.advance_id = ANY($1::uuid[]) ORDER BY w.name, l.worker_id`,
    [advanceIds],
  );
  return rows;
}

export interface RecoveryRow {
  id: string;
  advance_id: string;
  amount_fen: string;
  recovered_on: string;
  reference: string;
  recorded_by: string;
}

export async function recoveriesOf(db: DbOrTx, advanceIds: string[]): Promise<RecoveryRow[]> {
  if (advanceIds.length === 0) return [];
  const { rows } = await db.query<RecoveryRow>(
    'SELECT id, advance_id, amount_fen::text, recovered_on::text, reference, recorded_by FROM fund_recoveries WHERE advance_id = ANY($1::uuid[]) ORDER BY recovered_on, id',
    [advanceIds],
  );
  return rows;
}

export async function insertRecovery(db: DbOrTx, r: { id: string; advanceId: string; amountFen: number; recoveredOn: string; reference: string; recordedBy: string }, now: Date): Promise<void> {
  await db.query('INSERT INTO fund_recoveries (id, advance_id, amount_fen, recovered_on, reference, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    r.id, r.advanceId, r.amountFen, r.recoveredOn, r.reference, r.recordedBy, now,
  ]);
}
