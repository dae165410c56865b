import type { DbOrTx } from '../../db/client';
import type { CaseStatus, ClosureKind } from './cases.rules';

/**
 * The worker pages' queries. A worker's scope is the cases they are in: listed as one of the case's
 * workers, or the complainant of one of its clues, by their registry id. Nothing here is reached by
 * anyone else's id, so every function takes the worker's id first.
 */

export interface WorkerCaseRow {
  id: string;
  case_no: string;
  title: string;
  status: CaseStatus;
  closure_kind: ClosureKind | null;
  region_code: string;
  project_name: string | null;
  employer_name: string;
  handling_unit_name: string | null;
  received_on: string;
  stage_due_on: string | null;
  closed_on: string | null;
  complainant: boolean;
  /** The worker's own entry in the case (null when they complained for others only). */
  case_worker_id: string | null;
  claimed_fen: number | null;
  found_owed_fen: number | null;
  worker_status: 'open' | 'paid' | 'moved' | null;
  moved_to: string | null;
  confirmed_at: Date | null;
}

/** The worker's cases, open ones first, newest first; with `caseId`, that one case if it is theirs. */
export async function casesOfWorker(db: DbOrTx, workerId: string, caseId: string | null = null): Promise<WorkerCaseRow[]> {
  const { rows } = await db.query<WorkerCaseRow>(
    `WITH mine AS (
       SELECT cw.case_id FROM case_workers cw WHERE cw.worker_id = $1
        UNION
       SELECT l.case_id FROM clues l WHERE l.complainant_worker_id = $1 AND l.case_id IS NOT NULL
     )
     SELECT c.id, c.case_no, c.title, c.status, c.closure_kind, c.region_code, p.name AS project_name, c.employer_name, hu.name AS handling_unit_name,
            c.received_on::text AS received_on, c.stage_due_on::text AS stage_due_on, c.closed_on::text AS closed_on,
            EXISTS (SELECT 1 FROM clues l WHERE l.case_id = c.id AND l.complainant_worker_id = $1) AS complainant,
            cw.id AS case_worker_id, cw.claimed_fen, cw.found_owed_fen, cw.status AS worker_status, cw.moved_to, cw.confirmed_at
       FROM mine
       JOIN cases c ON c.id = mine.case_id
       LEFT JOIN projects p ON p.id = c.project_id
       LEFT JOIN gov_units hu ON hu.id = c.handling_unit_id
       LEFT JOIN case_workers cw ON cw.case_id = c.id AND cw.worker_id = $1
      WHERE $2::uuid IS NULL OR c.id = $2::uuid
      ORDER BY (c.status = 'closed'), c.received_on DESC, c.id DESC
      LIMIT 100`,
    [workerId, caseId],
  );
  return rows;
}

export interface WorkerPaymentRow {
  id: string;
  case_worker_id: string;
  amount_fen: number;
  paid_on: string;
  source: string;
  reference: string;
  created_at: Date;
  worker_answer: 'confirmed' | 'disputed' | null;
  worker_answered_at: Date | null;
  worker_note: string | null;
}

/** The payments recorded to these case-worker entries (the worker's own, as `casesOfWorker` found them). */
export async function paymentsToWorker(db: DbOrTx, caseWorkerIds: string[]): Promise<WorkerPaymentRow[]> {
  if (caseWorkerIds.length === 0) return [];
  const { rows } = await db.query<WorkerPaymentRow>(
    `SELECT id, case_worker_id, amount_fen, paid_on::text AS paid_on, source, reference, created_at, worker_answer, worker_answered_at, worker_note
       FROM case_payments WHERE case_worker_id = ANY ($1::uuid[]) ORDER BY paid_on, created_at, id`,
    [caseWorkerIds],
  );
  return rows;
}

/** One payment to the worker in one of their cases, locked for their answer; undefined when it is not theirs. */
export async function findPaymentToWorkerForUpdate(db: DbOrTx, workerId: string, caseId: string, paymentId: string) {
  const { rows } = await db.query<{
    id: string;
    amount_fen: number;
    paid_on: string;
    reference: string;
    worker_answer: 'confirmed' | 'disputed' | null;
    case_worker_id: string;
    worker_name: string;
    case_id: string;
    case_no: string;
    title: string;
    status: CaseStatus;
    region_path: string;
    handling_unit_id: string | null;
    industry: string | null;
  }>(
    `SELECT cp.id, cp.amount_fen, cp.paid_on::text AS paid_on, cp.reference, cp.worker_answer, cw.id AS case_worker_id, cw.name AS worker_name,
            c.id AS case_id, c.case_no, c.title, c.status, c.region_path, c.handling_unit_id, c.industry
       FROM case_payments cp
       JOIN case_workers cw ON cw.id = cp.case_worker_id
       JOIN cases c ON c.id = cp.case_id
      WHERE cp.id = $3 AND cp.case_id = $2 AND cw.case_id = $2 AND cw.worker_id = $1
        FOR UPDATE OF cp`,
    [workerId, caseId, paymentId],
  );
  return rows[0];
}

export async function answerPayment(db: DbOrTx, paymentId: string, answer: 'confirmed' | 'disputed', note: string | null, at: Date) {
  await db.query(`UPDATE case_payments SET worker_answer = $2, worker_note = $3, worker_answered_at = $4 WHERE id = $1`, [paymentId, answer, note, at]);
}

/** Whether every payment recorded to the case-worker entry is confirmed by the worker. */
export async function allPaymentsConfirmed(db: DbOrTx, caseWorkerId: string): Promise<boolean> {
  const { rows } = await db.query<{ open: number }>(
    `SELECT count(*) FILTER (WHERE worker_answer IS DISTINCT FROM 'confirmed')::int AS open FROM case_payments WHERE case_worker_id = $1`,
    [caseWorkerId],
  );
  return rows[0].open === 0;
}
