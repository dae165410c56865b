import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';
import type { PayItem } from './payroll.rules';

export const payoutCardAad = (id: string) => `payouts:${id}:card`;

/**
 * A payroll is seen by officials over its project, by its employer and by the project's general
 * contractor (who reviews and pays it, PAY-07/08); other companies on the project do not see
 * another employer's wages.
 */
export function payrollScope(actor: Actor, params: unknown[]): string {
  if (actor.scope.kind === 'enterprise') {
    params.push(actor.scope.enterpriseId);
    return `(pr.employer_id = $${params.length} OR p.general_contractor_id = $${params.length})`;
  }
  return scopeCondition(actor, { regionPath: 'p.region_path', industry: 'p.supervising_industry' }, params);
}

export interface PayrollRow {
  id: string;
  project_id: string;
  project_code: string;
  project_name: string;
  project_status: string;
  region_path: string;
  region_code: string;
  general_contractor_id: string;
  payday: number | null;
  employer_id: string;
  employer_name: string;
  month: string;
  version: number;
  supersedes_id: string | null;
  correction_reason: string | null;
  status: string;
  due_on: string | null;
  prepared_by: string;
  approved_by: string | null;
  approved_at: Date | null;
  created_at: Date;
  row_version: number;
  line_count: number;
  gross_fen: string;
  net_fen: string;
  payable_fen: string;
  paid_fen: string;
  unpaid_fen: string;
  unpaid_lines: number;
  confirmed_count: number;
  failed_count: number;
}

/** What a line still owes: its payable part not yet paid. */
const LINE_UNPAID = 'l.payable_fen - least(l.paid_fen, l.payable_fen)';
/** Payrolls that can still owe wages (a superseded version's are its successor's; a paid one owes none). */
const OPEN_STATUSES = "('draft', 'approved', 'paying', 'partially_paid')";
/** A day a worker was on site: the daily summary has events, or a correction says present. */
const ATTENDED = 'coalesce(d.present_override, d.event_count > 0)';

const COLUMNS = `pr.id, pr.project_id, p.code AS project_code, p.name AS project_name, p.status AS project_status, p.region_path, p.region_code,
  p.general_contractor_id, p.payday, pr.employer_id, e.name AS employer_name, pr.month::text, pr.version, pr.supersedes_id, pr.correction_reason,
  pr.status, pr.due_on::text, pr.prepared_by, pr.approved_by, pr.approved_at, pr.created_at, pr.row_version,
  t.line_count, t.gross_fen::text, t.net_fen::text, t.payable_fen::text, t.paid_fen::text, t.unpaid_fen::text, t.unpaid_lines, t.confirmed_count, t.failed_count`;
// The payroll's totals in one pass over its lines.
const FROM = `FROM payrolls pr JOIN projects p ON p.id = pr.project_id JOIN enterprises e ON e.id = pr.employer_id
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS line_count, coalesce(sum(l.gross_fen), 0) AS gross_fen, coalesce(sum(l.net_fen), 0) AS net_fen,
           coalesce(sum(l.payable_fen), 0) AS payable_fen, coalesce(sum(l.paid_fen), 0) AS paid_fen, coalesce(sum(${LINE_UNPAID}), 0) AS unpaid_fen,
           count(*) FILTER (WHERE l.payable_fen > l.paid_fen)::int AS unpaid_lines,
           count(*) FILTER (WHERE l.confirmation = 'confirmed')::int AS confirmed_count, count(*) FILTER (WHERE l.pay_status = 'failed')::int AS failed_count
      FROM payroll_lines l WHERE l.project_id = pr.project_id AND l.payroll_id = pr.id
  ) t`;

export async function findPayrollInScope(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<PayrollRow | undefined> {
  const params: unknown[] = [id];
  const scope = payrollScope(actor, params);
  const { rows } = await db.query<PayrollRow>(`SELECT ${COLUMNS} ${FROM} WHERE pr.id = $1 AND ${scope}${forUpdate ? ' FOR UPDATE OF pr' : ''}`, params);
  return rows[0];
}

export async function listPayrolls(db: DbOrTx, actor: Actor, projectId: string, f: { month?: string; employerId?: string; includeSuperseded?: boolean }): Promise<PayrollRow[]> {
  const params: unknown[] = [projectId, f.month ?? null, f.employerId ?? null, f.includeSuperseded ?? false];
  const scope = payrollScope(actor, params);
  const { rows } = await db.query<PayrollRow>(
    `SELECT ${COLUMNS} ${FROM}
      WHERE pr.project_id = $1 AND ($2::date IS NULL OR pr.month = $2) AND ($3::uuid IS NULL OR pr.employer_id = $3)
        AND ($4::boolean OR pr.status <> 'superseded') AND ${scope}
      ORDER BY pr.month DESC, e.name, pr.version DESC`,
    params,
  );
  return rows;
}

export async function currentPayrollOf(db: DbOrTx, projectId: string, employerId: string, month: string): Promise<{ id: string; status: string } | undefined> {
  const { rows } = await db.query<{ id: string; status: string }>(
    "SELECT id, status FROM payrolls WHERE project_id = $1 AND employer_id = $2 AND month = $3 AND status <> 'superseded'",
    [projectId, employerId, month],
  );
  return rows[0];
}

export interface RosterLineSource {
  employment_id: string;
  worker_id: string;
  wage_type: 'daily' | 'monthly' | 'piece';
  wage_amount_fen: string;
  attendance_days: number;
}

/**
 * The employer's people on the project in the month (employed on any day of it), with the days
 * they were on site: a day counts when its summary has events or a correction says present.
 * A worker employed twice in the month appears once, with the later terms.
 */
export async function rosterForMonth(db: DbOrTx, projectId: string, employerId: string, monthStart: string, monthEnd: string): Promise<RosterLineSource[]> {
  const { rows } = await db.query<RosterLineSource>(
    `SELECT DISTINCT ON (e.worker_id) e.id AS employment_id, e.worker_id, e.wage_type, e.wage_amount_fen::text,
            (SELECT count(*) FROM attendance_daily d
              WHERE d.project_id = e.project_id AND d.worker_id = e.worker_id AND d.work_date BETWEEN $3 AND $4 AND ${ATTENDED})::int AS attendance_days
       FROM employments e
      WHERE e.project_id = $1 AND e.employer_id = $2 AND e.entry_date <= $4 AND (e.exit_date IS NULL OR e.exit_date >= $3)
      ORDER BY e.worker_id, e.entry_date DESC`,
    [projectId, employerId, monthStart, monthEnd],
  );
  return rows;
}

export async function insertPayroll(
  db: DbOrTx,
  p: { projectId: string; id: string; employerId: string; month: string; version: number; supersedesId: string | null; correctionReason: string | null; dueOn: string | null; preparedBy: string },
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO payrolls (project_id, id, employer_id, month, version, supersedes_id, correction_reason, due_on, prepared_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [p.projectId, p.id, p.employerId, p.month, p.version, p.supersedesId, p.correctionReason, p.dueOn, p.preparedBy, now],
  );
}

export interface LineWrite {
  id: string;
  workerId: string;
  employmentId: string;
  wageType: string;
  wageAmountFen: number;
  attendanceDays: number;
  days: number;
  grossItems: PayItem[];
  deductionItems: PayItem[];
  grossFen: number;
  deductionFen: number;
  netFen: number;
  paidPriorFen: number;
}

export async function insertLines(db: DbOrTx, projectId: string, payrollId: string, lines: LineWrite[]): Promise<void> {
  if (lines.length === 0) return;
  await db.query(
    `INSERT INTO payroll_lines (project_id, id, payroll_id, worker_id, employment_id, wage_type, wage_amount_fen, attendance_days, days_worked,
                                gross_items, deduction_items, gross_fen, deduction_fen, net_fen, paid_prior_fen, payable_fen, pay_status)
     SELECT $1, t.id, $2, t.worker_id, t.employment_id, t.wage_type, t.wage_amount_fen, t.attendance_days, t.days, t.gross_items, t.deduction_items,
            t.gross_fen, t.deduction_fen, t.net_fen, t.paid_prior_fen, greatest(t.net_fen - t.paid_prior_fen, 0),
            CASE WHEN t.net_fen - t.paid_prior_fen > 0 THEN 'unpaid' ELSE 'nothing_due' END
       FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::bigint[], $8::int[], $9::int[], $10::jsonb[], $11::jsonb[], $12::bigint[],
                   $13::bigint[], $14::bigint[], $15::bigint[])
         AS t(id, worker_id, employment_id, wage_type, wage_amount_fen, attendance_days, days, gross_items, deduction_items, gross_fen, deduction_fen,
              net_fen, paid_prior_fen)`,
    [
      projectId,
      payrollId,
      lines.map((l) => l.id),
      lines.map((l) => l.workerId),
      lines.map((l) => l.employmentId),
      lines.map((l) => l.wageType),
      lines.map((l) => l.wageAmountFen),
      lines.map((l) => l.attendanceDays),
      lines.map((l) => l.days),
      lines.map((l) => JSON.stringify(l.grossItems)),
      lines.map((l) => JSON.stringify(l.deductionItems)),
      lines.map((l) => l.grossFen),
      lines.map((l) => l.deductionFen),
      lines.map((l) => l.netFen),
      lines.map((l) => l.paidPriorFen),
    ],
  );
}

export interface LineRow {
  id: string;
  payroll_id: string;
  worker_id: string;
  employment_id: string;
  worker_name: string;
  id_mask: string;
  phone_mask: string | null;
  card_mask: string | null;
  team_name: string | null;
  wage_type: 'daily' | 'monthly' | 'piece';
  wage_amount_fen: string;
  attendance_days: number;
  days_worked: number;
  gross_items: PayItem[];
  deduction_items: PayItem[];
  gross_fen: string;
  deduction_fen: string;
  net_fen: string;
  paid_prior_fen: string;
  payable_fen: string;
  check_codes: string[];
  override_reason: string | null;
  override_by: string | null;
  confirmation: string;
  confirmed_via: string | null;
  confirmation_note: string | null;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  pay_status: string;
  paid_fen: string;
  row_version: number;
  attempts: number;
  last_failure: string | null;
}

const LINE_COLUMNS = `l.id, l.payroll_id, l.worker_id, l.employment_id, w.name AS worker_name, w.id_mask, w.phone_mask, w.bank_card_mask AS card_mask, t.name AS team_name,
  l.wage_type, l.wage_amount_fen::text, l.attendance_days, l.days_worked, l.gross_items, l.deduction_items, l.gross_fen::text, l.deduction_fen::text,
  l.net_fen::text, l.paid_prior_fen::text, l.payable_fen::text, l.check_codes, l.override_reason, l.override_by, l.confirmation, l.confirmed_via,
  l.confirmation_note, l.confirmed_by, l.confirmed_at, l.pay_status, l.paid_fen::text, l.row_version,
  (SELECT count(*) FROM payouts o WHERE o.project_id = l.project_id AND o.payroll_line_id = l.id)::int AS attempts,
  (SELECT o.failure_reason FROM payouts o WHERE o.project_id = l.project_id AND o.payroll_line_id = l.id AND o.status = 'failed' ORDER BY o.attempt DESC LIMIT 1) AS last_failure`;
const LINE_FROM = `FROM payroll_lines l JOIN workers w ON w.id = l.worker_id
  JOIN employments em ON em.project_id = l.project_id AND em.id = l.employment_id
  LEFT JOIN teams t ON t.project_id = em.project_id AND t.id = em.team_id`;

export async function linesOf(db: DbOrTx, projectId: string, payrollId: string): Promise<LineRow[]> {
  const { rows } = await db.query<LineRow>(`SELECT ${LINE_COLUMNS} ${LINE_FROM} WHERE l.project_id = $1 AND l.payroll_id = $2 ORDER BY t.name NULLS LAST, w.name, l.id`, [
    projectId,
    payrollId,
  ]);
  return rows;
}

export async function findLine(db: DbOrTx, projectId: string, payrollId: string, lineId: string, forUpdate = false): Promise<LineRow | undefined> {
  const { rows } = await db.query<LineRow>(
    `SELECT ${LINE_COLUMNS} ${LINE_FROM} WHERE l.project_id = $1 AND l.payroll_id = $2 AND l.id = $3${forUpdate ? ' FOR UPDATE OF l' : ''}`,
    [projectId, payrollId, lineId],
  );
  return rows[0];
}

export interface CheckSourceRow {
  id: string;
  wage_type: 'daily' | 'monthly' | 'piece';
  wage_amount_fen: string;
  days_worked: number;
  gross_fen: string;
  attendance_days: number;
  history_gross_fen: string;
  history_days: number;
  has_card: boolean;
  card_shared: boolean;
}

/**
 * What the line checks look at, for every line of a payroll, in one statement: attendance days now,
 * the worker's current payroll lines on this project in the months before, and the worker's card
 * (present; shared with another registered worker).
 */
export async function checkSources(db: DbOrTx, projectId: string, payrollId: string, month: string, monthEnd: string, historyFrom: string): Promise<CheckSourceRow[]> {
  const { rows } = await db.query<CheckSourceRow>(
    `SELECT l.id, l.wage_type, l.wage_amount_fen::text, l.days_worked, l.gross_fen::text,
            (SELECT count(*) FROM attendance_daily d
              WHERE d.project_id = l.project_id AND d.worker_id = l.worker_id AND d.work_date BETWEEN $3 AND $4 AND ${ATTENDED})::int AS attendance_days,
            coalesce(h.gross, 0)::text AS history_gross_fen, coalesce(h.days, 0)::int AS history_days,
            w.bank_card_bidx IS NOT NULL AS has_card,
            EXISTS (SELECT 1 FROM workers o WHERE o.bank_card_bidx = w.bank_card_bidx AND o.id <> w.id) AS card_shared
       FROM payroll_lines l
       JOIN workers w ON w.id = l.worker_id
       LEFT JOIN LATERAL (
         SELECT sum(hl.gross_fen) AS gross, sum(hl.days_worked) AS days
           FROM payroll_lines hl JOIN payrolls hp ON hp.project_id = hl.project_id AND hp.id = hl.payroll_id
          WHERE hl.project_id = l.project_id AND hl.worker_id = l.worker_id AND hp.status <> 'superseded' AND hp.month >= $5 AND hp.month < $3
       ) h ON true
      WHERE l.project_id = $1 AND l.payroll_id = $2`,
    [projectId, payrollId, month, monthEnd, historyFrom],
  );
  return rows;
}

export async function setLineChecks(db: DbOrTx, projectId: string, checks: { id: string; attendanceDays: number; codes: string[] }[]): Promise<void> {
  if (checks.length === 0) return;
  await db.query(
    `UPDATE payroll_lines l SET attendance_days = t.attendance_days, check_codes = CASE WHEN t.codes = '' THEN '{}'::text[] ELSE string_to_array(t.codes, ',') END
       FROM unnest($2::uuid[], $3::int[], $4::text[]) AS t(id, attendance_days, codes)
      WHERE l.project_id = $1 AND l.id = t.id`,
    [projectId, checks.map((c) => c.id), checks.map((c) => c.attendanceDays), checks.map((c) => c.codes.join(','))],
  );
}

/** A draft line's new figures; a confirmation given for the old figures no longer holds. */
export async function updateLine(
  db: DbOrTx,
  projectId: string,
  id: string,
  version: number,
  l: { days: number; grossItems: PayItem[]; deductionItems: PayItem[]; grossFen: number; deductionFen: number; netFen: number },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE payroll_lines SET days_worked = $4, gross_items = $5, deduction_items = $6, gross_fen = $7, deduction_fen = $8, net_fen = $9,
            payable_fen = greatest($9 - paid_prior_fen, 0), pay_status = CASE WHEN $9 - paid_prior_fen > 0 THEN 'unpaid' ELSE 'nothing_due' END,
            confirmation = 'pending', confirmed_via = NULL, confirmation_note = NULL, confirmed_by = NULL, confirmed_at = NULL,
            override_reason = NULL, override_by = NULL, row_version = row_version + 1
      WHERE project_id = $1 AND id = $2 AND row_version = $3`,
    [projectId, id, version, l.days, JSON.stringify(l.grossItems), JSON.stringify(l.deductionItems), l.grossFen, l.deductionFen, l.netFen],
  );
  return rowCount === 1;
}

export async function setConfirmation(
  db: DbOrTx,
  projectId: string,
  id: string,
  c: { confirmation: 'confirmed' | 'disputed'; via: 'worker' | 'staff'; note: string | null; by: string; at: Date },
): Promise<void> {
  await db.query(
    `UPDATE payroll_lines SET confirmation = $3, confirmed_via = $4, confirmation_note = $5, confirmed_by = $6, confirmed_at = $7, row_version = row_version + 1
      WHERE project_id = $1 AND id = $2`,
    [projectId, id, c.confirmation, c.via, c.note, c.by, c.at],
  );
}

export async function setOverride(db: DbOrTx, projectId: string, id: string, reason: string, by: string): Promise<void> {
  await db.query('UPDATE payroll_lines SET override_reason = $3, override_by = $4, row_version = row_version + 1 WHERE project_id = $1 AND id = $2', [projectId, id, reason, by]);
}

export async function setPayrollStatus(db: DbOrTx, projectId: string, id: string, version: number, status: string, now: Date, approvedBy?: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE payrolls SET status = $4, updated_at = $5, row_version = row_version + 1,
            approved_by = coalesce($6, approved_by), approved_at = CASE WHEN $6::text IS NULL THEN approved_at ELSE $5 END
      WHERE project_id = $1 AND id = $2 AND row_version = $3`,
    [projectId, id, version, status, now, approvedBy ?? null],
  );
  return rowCount === 1;
}

/** Paid on each worker's lines of this payroll and every version it corrected. */
export async function paidByWorker(db: DbOrTx, projectId: string, payrollId: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ worker_id: string; paid: string }>(
    `SELECT l.worker_id, sum(l.paid_fen)::text AS paid
       FROM payrolls cur JOIN payrolls pr ON pr.project_id = cur.project_id AND pr.employer_id = cur.employer_id AND pr.month = cur.month
       JOIN payroll_lines l ON l.project_id = pr.project_id AND l.payroll_id = pr.id
      WHERE cur.project_id = $1 AND cur.id = $2
      GROUP BY l.worker_id`,
    [projectId, payrollId],
  );
  return new Map(rows.map((r) => [r.worker_id, Number(r.paid)]));
}

export async function pendingPayoutCount(db: DbOrTx, projectId: string, payrollId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM payouts o JOIN payout_batches b ON b.project_id = o.project_id AND b.id = o.batch_id
      WHERE b.project_id = $1 AND b.payroll_id = $2 AND o.status = 'pending'`,
    [projectId, payrollId],
  );
  return rows[0].n;
}

// ---- payouts ----

export interface PayableLine {
  id: string;
  worker_id: string;
  worker_name: string;
  payable_fen: string;
  card_enc: string | null;
  card_bidx: string | null;
  card_mask: string | null;
  attempts: number;
}

/** Lines to pay: the whole payroll (`failedOnly` false: lines never sent) or the failed ones to re-send. */
export async function payableLines(db: DbOrTx, projectId: string, payrollId: string, failedOnly: boolean, lineIds: string[] | null): Promise<PayableLine[]> {
  const { rows } = await db.query<PayableLine>(
    `SELECT l.id, l.worker_id, w.name AS worker_name, l.payable_fen::text, w.bank_card_enc AS card_enc, w.bank_card_bidx AS card_bidx, w.bank_card_mask AS card_mask,
            (SELECT count(*) FROM payouts o WHERE o.project_id = l.project_id AND o.payroll_line_id = l.id)::int AS attempts
       FROM payroll_lines l JOIN workers w ON w.id = l.worker_id
      WHERE l.project_id = $1 AND l.payroll_id = $2 AND l.payable_fen > 0 AND l.pay_status = $3 AND ($4::uuid[] IS NULL OR l.id = ANY($4::uuid[]))
      ORDER BY l.id`,
    [projectId, payrollId, failedOnly ? 'failed' : 'unpaid', lineIds],
  );
  return rows;
}

/**
 * Payouts on the account whose money may not yet show in its balance: those waiting for the bank,
 * and those paid in the last 30 days (the bank's debit line may still be on its way; the caller
 * drops the ones already booked).
 */
export async function unsettledPayouts(db: DbOrTx, accountId: string, now: Date): Promise<{ ref: string; amount_fen: string }[]> {
  const { rows } = await db.query<{ ref: string; amount_fen: string }>(
    `SELECT o.ref, o.amount_fen::text FROM payout_batches b JOIN payouts o ON o.project_id = b.project_id AND o.batch_id = b.id
      WHERE b.account_id = $1 AND (o.status = 'pending' OR (o.status = 'paid' AND o.result_at > $2::timestamptz - interval '30 days'))`,
    [accountId, now],
  );
  return rows;
}

export async function nextBatchNo(db: DbOrTx): Promise<string> {
  const { rows } = await db.query<{ n: string }>("SELECT nextval('payout_batch_no_seq')::text AS n");
  return `PB${rows[0].n.padStart(8, '0')}`;
}

export interface PayoutWrite {
  id: string;
  lineId: string;
  workerId: string;
  ref: string;
  attempt: number;
  amountFen: number;
  cardEnc: string;
  cardBidx: string;
  cardMask: string;
}

/** The batch and its payouts, and the lines marked in payment: one statement. */
export async function insertBatch(
  db: DbOrTx,
  b: { projectId: string; id: string; batchNo: string; payrollId: string; accountId: string; bankId: string; kind: 'payroll' | 'resend'; by: string; at: Date },
  payouts: PayoutWrite[],
): Promise<void> {
  await db.query(
    `WITH batch AS (
       INSERT INTO payout_batches (project_id, id, batch_no, payroll_id, account_id, bank_id, kind, line_count, total_fen, submitted_by, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING project_id, id
     ), po AS (
       INSERT INTO payouts (project_id, id, batch_id, payroll_line_id, worker_id, ref, attempt, amount_fen, card_enc, card_bidx, card_mask)
       SELECT batch.project_id, t.id, batch.id, t.line_id, t.worker_id, t.ref, t.attempt, t.amount_fen, t.card_enc, t.card_bidx, t.card_mask
         FROM batch, unnest($12::uuid[], $13::uuid[], $14::uuid[], $15::text[], $16::int[], $17::bigint[], $18::text[], $19::text[], $20::text[])
           AS t(id, line_id, worker_id, ref, attempt, amount_fen, card_enc, card_bidx, card_mask)
       RETURNING project_id, payroll_line_id
     )
     UPDATE payroll_lines l SET pay_status = 'in_payment' FROM po WHERE l.project_id = po.project_id AND l.id = po.payroll_line_id`,
    [
      b.projectId,
      b.id,
      b.batchNo,
      b.payrollId,
      b.accountId,
      b.bankId,
      b.kind,
      payouts.length,
      payouts.reduce((s, p) => s + p.amountFen, 0),
      b.by,
      b.at,
      payouts.map((p) => p.id),
      payouts.map((p) => p.lineId),
      payouts.map((p) => p.workerId),
      payouts.map((p) => p.ref),
      payouts.map((p) => p.attempt),
      payouts.map((p) => p.amountFen),
      payouts.map((p) => p.cardEnc),
      payouts.map((p) => p.cardBidx),
      payouts.map((p) => p.cardMask),
    ],
  );
}

export interface BatchRow {
  id: string;
  project_id: string;
  batch_no: string;
  payroll_id: string;
  account_no: string;
  account_name: string;
  kind: string;
  status: string;
  line_count: number;
  total_fen: string;
  submitted_by: string;
  submitted_at: Date;
  fetched_at: Date | null;
  completed_at: Date | null;
  paid_count: number;
  failed_count: number;
}

const BATCH_COLUMNS = `b.id, b.project_id, b.batch_no, b.payroll_id, a.account_no, a.account_name, b.kind, b.status, b.line_count, b.total_fen::text, b.submitted_by,
  b.submitted_at, b.fetched_at, b.completed_at,
  (SELECT count(*) FROM payouts o WHERE o.project_id = b.project_id AND o.batch_id = b.id AND o.status = 'paid')::int AS paid_count,
  (SELECT count(*) FROM payouts o WHERE o.project_id = b.project_id AND o.batch_id = b.id AND o.status = 'failed')::int AS failed_count`;

export async function batchesOf(db: DbOrTx, projectId: string, payrollId: string): Promise<BatchRow[]> {
  const { rows } = await db.query<BatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM payout_batches b JOIN wage_accounts a ON a.id = b.account_id WHERE b.project_id = $1 AND b.payroll_id = $2 ORDER BY b.submitted_at, b.batch_no`,
    [projectId, payrollId],
  );
  return rows;
}

/** The bank's open batches, oldest first, taken as fetched (the bank now executes them). */
export async function claimBatches(db: DbOrTx, bankId: string, limit: number, now: Date): Promise<BatchRow[]> {
  const { rows } = await db.query<BatchRow>(
    `WITH claimed AS (
       UPDATE payout_batches b SET status = 'fetched', fetched_at = $3
        WHERE (b.project_id, b.id) IN (SELECT project_id, id FROM payout_batches WHERE bank_id = $1 AND status = 'submitted' ORDER BY submitted_at, batch_no LIMIT $2 FOR UPDATE)
       RETURNING b.*
     )
     SELECT ${BATCH_COLUMNS} FROM claimed b JOIN wage_accounts a ON a.id = b.account_id ORDER BY b.submitted_at, b.batch_no`,
    [bankId, limit, now],
  );
  return rows;
}

export interface BatchPayoutRow {
  project_id: string;
  id: string;
  batch_id: string;
  ref: string;
  worker_name: string;
  amount_fen: string;
  card_enc: string;
}

export async function payoutsOfBatches(db: DbOrTx, batches: { project_id: string; id: string }[]): Promise<BatchPayoutRow[]> {
  if (batches.length === 0) return [];
  const { rows } = await db.query<BatchPayoutRow>(
    `SELECT o.project_id, o.id, o.batch_id, o.ref, w.name AS worker_name, o.amount_fen::text, o.card_enc
       FROM payouts o JOIN workers w ON w.id = o.worker_id
       JOIN unnest($1::uuid[], $2::uuid[]) AS k(project_id, batch_id) ON o.project_id = k.project_id AND o.batch_id = k.batch_id
      ORDER BY o.batch_id, o.ref`,
    [batches.map((b) => b.project_id), batches.map((b) => b.id)],
  );
  return rows;
}

// ---- bank results ----

export interface ResultWrite {
  ref: string;
  status: 'paid' | 'failed';
  amountFen: number;
  resultAt: Date;
  failureReason: string | null;
  bankTxnId: string | null;
  contentHash: string;
}

/** A batch of results as the column arrays `unnest` takes: ref, status, amount, time, failure, bank txn id, hash. */
const resultColumns = (results: ResultWrite[]) => [
  results.map((r) => r.ref),
  results.map((r) => r.status),
  results.map((r) => r.amountFen),
  results.map((r) => r.resultAt),
  results.map((r) => r.failureReason),
  results.map((r) => r.bankTxnId),
  results.map((r) => r.contentHash),
];

/**
 * Settles payouts from the results `found` yields (each with its payout): only a pending payout
 * of the same amount whose batch went to the result's bank; then its line, and the payrolls and
 * batches touched. The batch's bank is checked after the payout is found, so the planner never
 * joins every batch of a bank to every result. Returns the refs settled.
 */
async function settle(db: DbOrTx, found: string, extra: string, params: unknown[], now: Date): Promise<Set<string>> {
  const { rows } = await db.query<{ refs: string[] | null; payrolls: string[] | null; batches: string[] | null }>(
    `WITH found AS MATERIALIZED (${found}),
     r AS (
       SELECT f.* FROM found f JOIN payout_batches b ON b.project_id = f.project_id AND b.id = f.batch_id AND b.bank_id = f.bank_id
     ), po AS (
       UPDATE payouts o SET status = r.status, result_at = r.result_at, failure_reason = r.failure_reason, bank_txn_id = r.bank_txn_id, result_hash = r.content_hash
         FROM r WHERE o.project_id = r.project_id AND o.id = r.payout_id
       RETURNING o.project_id, o.payroll_line_id, o.batch_id, o.status, o.amount_fen
     ), ln AS (
       UPDATE payroll_lines l SET pay_status = po.status, paid_fen = l.paid_fen + CASE WHEN po.status = 'paid' THEN po.amount_fen ELSE 0 END
         FROM po WHERE l.project_id = po.project_id AND l.id = po.payroll_line_id
       RETURNING l.project_id, l.payroll_id
     )${extra}
     SELECT (SELECT array_agg(ref) FROM r) AS refs,
            (SELECT array_agg(DISTINCT project_id || ':' || payroll_id) FROM ln) AS payrolls,
            (SELECT array_agg(DISTINCT project_id || ':' || batch_id) FROM po) AS batches`,
    params,
  );
  const { refs, payrolls, batches } = rows[0];
  if (!refs) return new Set();
  const split = (keys: string[]) => [keys.map((k) => k.split(':')[0]), keys.map((k) => k.split(':')[1])];
  await db.query(
    `UPDATE payrolls pr SET updated_at = $3, status = CASE
         WHEN EXISTS (SELECT 1 FROM payroll_lines l WHERE l.project_id = pr.project_id AND l.payroll_id = pr.id AND l.pay_status IN ('unpaid', 'in_payment')) THEN 'paying'
         WHEN EXISTS (SELECT 1 FROM payroll_lines l WHERE l.project_id = pr.project_id AND l.payroll_id = pr.id AND l.pay_status = 'failed') THEN 'partially_paid'
         ELSE 'paid' END
      FROM unnest($1::uuid[], $2::uuid[]) AS k(project_id, id)
     WHERE pr.project_id = k.project_id AND pr.id = k.id AND pr.status IN ('paying', 'partially_paid')`,
    [...split(payrolls ?? []), now],
  );
  await db.query(
    `UPDATE payout_batches b SET status = 'completed', completed_at = $3
      FROM unnest($1::uuid[], $2::uuid[]) AS k(project_id, id)
     WHERE b.project_id = k.project_id AND b.id = k.id AND b.status <> 'completed'
       AND NOT EXISTS (SELECT 1 FROM payouts o WHERE o.project_id = b.project_id AND o.batch_id = b.id AND o.status = 'pending')`,
    [...split(batches ?? []), now],
  );
  return new Set(refs);
}

/** A bank's results applied to the payouts they name: one statement for the common case. */
export function applyResults(db: DbOrTx, bankId: string, results: ResultWrite[], now: Date): Promise<Set<string>> {
  if (results.length === 0) return Promise.resolve(new Set());
  return settle(
    db,
    `SELECT t.ref, t.status, t.result_at, t.failure_reason, t.bank_txn_id, t.content_hash, $1::uuid AS bank_id, o.project_id, o.id AS payout_id, o.batch_id
       FROM unnest($2::text[], $3::text[], $4::bigint[], $5::timestamptz[], $6::text[], $7::text[], $8::text[])
         AS t(ref, status, amount_fen, result_at, failure_reason, bank_txn_id, content_hash)
       JOIN payouts o ON o.ref = t.ref AND o.status = 'pending' AND o.amount_fen = t.amount_fen`,
    '',
    [bankId, ...resultColumns(results)],
    now,
  );
}

/** Held results of these refs applied once their payouts exist (the batch was just registered). */
export function applyHeldResults(db: DbOrTx, refs: string[], now: Date): Promise<Set<string>> {
  if (refs.length === 0) return Promise.resolve(new Set());
  return settle(
    db,
    `SELECT h.ref, h.status, h.result_at, h.failure_reason, h.bank_txn_id, h.content_hash, h.bank_id, o.project_id, o.id AS payout_id, o.batch_id
       FROM unnest($1::text[]) AS k(ref)
       JOIN payout_results h ON h.ref = k.ref AND NOT h.applied
       JOIN payouts o ON o.ref = h.ref AND o.status = 'pending' AND o.amount_fen = h.amount_fen`,
    `, marked AS (UPDATE payout_results x SET applied = true FROM r WHERE x.ref = r.ref)`,
    [refs],
    now,
  );
}

/** The payouts these refs name: the bank their batch went to, the amount, the status and the result received. */
export async function payoutsByRef(db: DbOrTx, refs: string[]): Promise<Map<string, { bank_id: string; amount_fen: string; status: string; result_hash: string | null }>> {
  if (refs.length === 0) return new Map();
  const { rows } = await db.query<{ ref: string; bank_id: string; amount_fen: string; status: string; result_hash: string | null }>(
    `SELECT o.ref, b.bank_id, o.amount_fen::text, o.status, o.result_hash FROM payouts o JOIN payout_batches b ON b.project_id = o.project_id AND b.id = o.batch_id WHERE o.ref = ANY($1::text[])`,
    [refs],
  );
  return new Map(rows.map((r) => [r.ref, r]));
}

/** Held results already stored for these refs. */
export async function heldResults(db: DbOrTx, refs: string[]): Promise<Map<string, { bank_id: string; content_hash: string }>> {
  if (refs.length === 0) return new Map();
  const { rows } = await db.query<{ ref: string; bank_id: string; content_hash: string }>('SELECT ref, bank_id, content_hash FROM payout_results WHERE ref = ANY($1::text[])', [refs]);
  return new Map(rows.map((r) => [r.ref, r]));
}

/** Keeps results whose payout is not known yet, to apply when their batch is registered. */
export async function holdResults(db: DbOrTx, bankId: string, receivedAt: Date, results: ResultWrite[]): Promise<void> {
  if (results.length === 0) return;
  await db.query(
    `INSERT INTO payout_results (bank_id, ref, status, amount_fen, result_at, failure_reason, bank_txn_id, content_hash, received_at)
     SELECT $1, * , $9 FROM unnest($2::text[], $3::text[], $4::bigint[], $5::timestamptz[], $6::text[], $7::text[], $8::text[])
     ON CONFLICT (ref) DO NOTHING`,
    [bankId, ...resultColumns(results), receivedAt],
  );
}

// ---- wage slips and reconciliation ----

export interface PaidPayoutRow {
  ref: string;
  amount_fen: string;
  result_at: Date | null;
  card_mask: string;
  bank_txn_id: string | null;
  status: string;
  failure_reason: string | null;
  attempt: number;
}

/** Every paid payout of a payroll's lines, for the ledger's bank voucher column. */
export async function paidRefsOf(db: DbOrTx, projectId: string, payrollId: string): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ payroll_line_id: string; refs: string[] }>(
    `SELECT o.payroll_line_id, array_agg(o.ref ORDER BY o.attempt) AS refs FROM payouts o JOIN payout_batches b ON b.project_id = o.project_id AND b.id = o.batch_id
      WHERE b.project_id = $1 AND b.payroll_id = $2 AND o.status = 'paid' GROUP BY o.payroll_line_id`,
    [projectId, payrollId],
  );
  return new Map(rows.map((r) => [r.payroll_line_id, r.refs]));
}

export async function payoutsOfLine(db: DbOrTx, projectId: string, lineId: string): Promise<PaidPayoutRow[]> {
  const { rows } = await db.query<PaidPayoutRow>(
    `SELECT ref, amount_fen::text, result_at, card_mask, bank_txn_id, status, failure_reason, attempt FROM payouts
      WHERE project_id = $1 AND payroll_line_id = $2 ORDER BY attempt`,
    [projectId, lineId],
  );
  return rows;
}

export interface ReconciliationRow {
  worker_id: string;
  worker_name: string;
  id_mask: string;
  employer_name: string | null;
  attendance_days: number;
  on_payroll: boolean;
  payroll_days: number;
  net_fen: string;
  paid_fen: string;
}

/**
 * Attendance → payroll line → bank payout for every worker seen in any of the three in a month,
 * in one statement: days on site from the daily summaries, the current payroll lines of every
 * employer, and what the bank reported paid on them (all versions, so a correction's earlier
 * payments count).
 */
export async function reconciliation(db: DbOrTx, projectId: string, month: string, monthEnd: string, employerIds: string[] | null): Promise<ReconciliationRow[]> {
  const { rows } = await db.query<ReconciliationRow>(
    `WITH att AS (
       SELECT d.worker_id, count(*)::int AS days FROM attendance_daily d
        WHERE d.project_id = $1 AND d.work_date BETWEEN $2 AND $3 AND ${ATTENDED}
          AND ($4::uuid[] IS NULL OR EXISTS (SELECT 1 FROM employments e WHERE e.project_id = d.project_id AND e.worker_id = d.worker_id AND e.employer_id = ANY($4::uuid[])))
        GROUP BY d.worker_id
     ), pay AS (
       SELECT l.worker_id, sum(l.days_worked) FILTER (WHERE pr.status <> 'superseded')::int AS days,
              sum(l.net_fen) FILTER (WHERE pr.status <> 'superseded') AS net, sum(l.paid_fen) AS paid,
              bool_or(pr.status <> 'superseded') AS current, min(pr.employer_id::text) AS employer_id
         FROM payroll_lines l JOIN payrolls pr ON pr.project_id = l.project_id AND pr.id = l.payroll_id
        WHERE l.project_id = $1 AND pr.month = $2 AND ($4::uuid[] IS NULL OR pr.employer_id = ANY($4::uuid[]))
        GROUP BY l.worker_id
     )
     SELECT w.id AS worker_id, w.name AS worker_name, w.id_mask, en.name AS employer_name,
            coalesce(att.days, 0) AS attendance_days, coalesce(pay.current, false) AS on_payroll, coalesce(pay.days, 0) AS payroll_days,
            coalesce(pay.net, 0)::text AS net_fen, coalesce(pay.paid, 0)::text AS paid_fen
       FROM att FULL JOIN pay ON pay.worker_id = att.worker_id
       JOIN workers w ON w.id = coalesce(att.worker_id, pay.worker_id)
       LEFT JOIN enterprises en ON en.id = coalesce(pay.employer_id::uuid,
         (SELECT e.employer_id FROM employments e WHERE e.project_id = $1 AND e.worker_id = w.id ORDER BY e.entry_date DESC LIMIT 1))
      ORDER BY en.name NULLS LAST, w.name, w.id`,
    [projectId, month, monthEnd, employerIds],
  );
  return rows;
}

/** Payrolls in scope whose due day has passed with wages still unpaid on them: one statement. */
export async function overduePayrolls(db: DbOrTx, actor: Actor, regionPath: string | null, today: string): Promise<(PayrollRow & { region_name: string })[]> {
  const params: unknown[] = [today, regionPath === null ? null : `${regionPath}%`];
  const scope = payrollScope(actor, params);
  const { rows } = await db.query<PayrollRow & { region_name: string }>(
    `SELECT ${COLUMNS}, r.name AS region_name ${FROM} JOIN regions r ON r.code = p.region_code
      WHERE pr.status IN ${OPEN_STATUSES} AND pr.due_on < $1 AND t.unpaid_lines > 0 AND ($2::text IS NULL OR p.region_path LIKE $2) AND ${scope}
      ORDER BY pr.due_on, p.code, e.name`,
    params,
  );
  return rows;
}

/** For the 5+1 checklist: current payrolls due by now, payouts paid through the account, payrolls unpaid past due. */
export async function payoutFacts(db: DbOrTx, projectId: string, today: string): Promise<{ due: number; paidThroughAccount: number; overdueUnpaid: number }> {
  const { rows } = await db.query<{ due: number; paid: number; overdue: number }>(
    `SELECT (SELECT count(*) FROM payrolls pr WHERE pr.project_id = $1 AND pr.status <> 'superseded' AND pr.due_on < $2)::int AS due,
            (SELECT count(*) FROM payouts o WHERE o.project_id = $1 AND o.status = 'paid')::int AS paid,
            (SELECT count(*) FROM payrolls pr WHERE pr.project_id = $1 AND pr.status IN ${OPEN_STATUSES} AND pr.due_on < $2
                AND EXISTS (SELECT 1 FROM payroll_lines l WHERE l.project_id = pr.project_id AND l.payroll_id = pr.id AND l.payable_fen > l.paid_fen))::int AS overdue`,
    [projectId, today],
  );
  return { due: rows[0].due, paidThroughAccount: rows[0].paid, overdueUnpaid: rows[0].overdue };
}

/** Wages approved on the project and not yet paid (ACC-07: no account is closed while wages are owed). */
export async function unpaidWagesOf(db: DbOrTx, projectId: string): Promise<number> {
  const { rows } = await db.query<{ s: string }>(
    `SELECT coalesce(sum(${LINE_UNPAID}), 0)::text AS s
       FROM payroll_lines l JOIN payrolls pr ON pr.project_id = l.project_id AND pr.id = l.payroll_id
      WHERE l.project_id = $1 AND pr.status IN ('approved', 'paying', 'partially_paid')`,
    [projectId],
  );
  return Number(rows[0].s);
}

// ---- the worker's own lines ----

export interface OwnLineRow extends LineRow {
  project_id: string;
  project_name: string;
  employer_name: string;
  month: string;
  payroll_status: string;
  due_on: string | null;
}

export async function ownLines(db: DbOrTx, workerId: string, lineId: string | null): Promise<OwnLineRow[]> {
  const { rows } = await db.query<OwnLineRow>(
    `SELECT ${LINE_COLUMNS}, l.project_id, p.name AS project_name, e.name AS employer_name, pr.month::text, pr.status AS payroll_status, pr.due_on::text
       ${LINE_FROM}
       JOIN payrolls pr ON pr.project_id = l.project_id AND pr.id = l.payroll_id
       JOIN projects p ON p.id = l.project_id
       JOIN enterprises e ON e.id = pr.employer_id
      WHERE l.worker_id = $1 AND pr.status <> 'superseded' AND ($2::uuid IS NULL OR l.id = $2)
      ORDER BY pr.month DESC, p.name`,
    [workerId, lineId],
  );
  return rows;
}
